// A parsed note as the cache of parsed notes keeps it, and back: the one pair of
// functions that writes and reads that format, beside the parser that makes what
// it holds. What is left out is what reading rebuilds for less than it costs to
// store: the line map (from the text) and the frontmatter's second reference to the
// data. The key table is stored as its arrays.
//
// Its version is not a number to remember to bump: PARSER_VERSION
// (version.generated.ts, made by scripts/source-version.mjs before every build) is a
// hash of every source this file and the parser reach, so a change to either makes
// every cache written before it unread.

import type { Company, Contact, Meeting, Note, OtherFile, Outreach, ParsedFile } from '../notes.js';
import { LineMap } from '../text.js';
import type { Frontmatter } from './frontmatter.js';
import { KeyTable, type KeyTableJson } from './key-table.js';

export type StoredFrontmatter = Omit<Frontmatter, 'data' | 'keys'> & { keys: KeyTableJson };

/** Each kind of note as stored: plain JSON. */
type Stored<T> = T extends Note ? Omit<T, 'lines' | 'frontmatter'> & { frontmatter: StoredFrontmatter } : Omit<T, 'lines'>;
export type StoredNote = Stored<Contact> | Stored<Meeting> | Stored<Company> | Stored<Outreach> | Stored<OtherFile>;

/**
 * A parsed file as the cache writes it (a value for JSON.stringify, sharing the parsed
 * file's parts), or undefined when JSON would not give it back as it is: frontmatter data
 * that YAML's tags or aliases made more than JSON (`.inf`, `!!set`, `!!timestamp`, an alias
 * inside itself). Such a rare note is not stored, and is read again by the next run.
 */
export function storeNote(file: ParsedFile): StoredNote | undefined {
  // A copy by Object.assign with `lines` set to undefined (which JSON leaves out), not by
  // spreading the rest of the file: V8 put the spread's copies straight in the old
  // generation, where writing the note cache of 100,000 notes left ~50 MB more of them
  // for the next full collection to find (measured beside this, heap after, same notes).
  if (file.type === undefined) return Object.assign({}, file, { lines: undefined }) as StoredNote;
  if (!plainJson(file.data, { nodes: MAX_DATA_NODES }, new Set())) return undefined;
  const { data: _data, keys, ...fm } = file.frontmatter;
  return Object.assign({}, file, { lines: undefined, frontmatter: { ...fm, keys: keys.toJSON() } }) as StoredNote;
}

/** Far more values than any note's frontmatter has: data past it (an alias bomb's) is not stored. */
const MAX_DATA_NODES = 10_000;

/**
 * Is this value one that JSON gives back as it is: null, text, true or false, a finite number
 * (not -0), and arrays and plain objects of those, with no object inside itself?
 */
function plainJson(v: unknown, budget: { nodes: number }, open: Set<object>): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v !== 'object' || --budget.nodes < 0 || open.has(v)) return false; // undefined, a bigint; too much; a cycle
  const values = Array.isArray(v) ? v : Object.getPrototypeOf(v) === Object.prototype ? Object.values(v) : undefined; // not a Map, Set, Date or bytes
  if (!values) return false;
  open.add(v);
  for (const x of values) if (!plainJson(x, budget, open)) return false;
  open.delete(v);
  return true;
}

/**
 * A parsed file as the cache read it back (from JSON of a cache of this version). Each
 * kind of note is made with its fields in the order parseFile gives them: every note
 * of a kind then has one shape, revived or parsed, and the checks that read them stay
 * fast.
 */
export function reviveNote(stored: StoredNote): ParsedFile {
  if (stored.type === undefined) {
    const { path, id, problems, text, bom } = stored;
    return text === undefined ? { type: undefined, path, id, problems } : { type: undefined, path, id, problems, text, bom, lines: new LineMap(text) };
  }
  const { path, id, text, bom, data, problems, links } = stored;
  const lines = new LineMap(text);
  const f = stored.frontmatter;
  const frontmatter: Frontmatter = {
    openStart: f.openStart,
    language: f.language,
    sourceStart: f.sourceStart,
    sourceEnd: f.sourceEnd,
    closed: f.closed,
    closeStart: f.closeStart,
    bodyStart: f.bodyStart,
    data,
    keys: KeyTable.fromJSON(f.keys),
    problems: f.problems,
  };
  switch (stored.type) {
    case 'contact': {
      const { type, name, company, role, email, tags, referredBy, status, nextFollowUp, keepInTouchDays, lastContact } = stored;
      return { path, id, text, bom, lines, frontmatter, data, problems, links, type, name, company, role, email, tags, referredBy, status, nextFollowUp, keepInTouchDays, lastContact };
    }
    case 'meeting': {
      const { type, with: withRefs, date, kind, status, duration, thankYou, referrerUpdated, referrals } = stored;
      return { path, id, text, bom, lines, frontmatter, data, problems, links, type, with: withRefs, date, kind, status, duration, thankYou, referrerUpdated, referrals };
    }
    case 'company': {
      const { type, name, target, priority, website } = stored;
      return { path, id, text, bom, lines, frontmatter, data, problems, links, type, name, target, priority, website };
    }
    case 'outreach': {
      const { type, to, subject, channel, status, sent, replied, kind, meeting } = stored;
      return { path, id, text, bom, lines, frontmatter, data, problems, links, type, to, subject, channel, status, sent, replied, kind, meeting };
    }
  }
}
