// The four kinds of Rapport note, read from a file's text. Reading never throws:
// whatever is wrong with a note becomes a finding on it, and the note is still
// indexed as far as it could be read.

import { bodyLinks } from './parse/body.js';
import { parseDate, type NoteDate } from './dates.js';
import { isYamlTag, readFrontmatter, type Frontmatter } from './parse/frontmatter.js';
import { findLinksIn, idKey, idOfPath, nameKey, type WikiLink } from './links.js';
import type { Fix, FollowUpSummary, NoteType, Severity } from './model.js';
import { MAX_DIAGNOSTICS_PER_FILE, NOTE_TYPES } from './model.js';
import { LineMap, splitBom } from './text.js';

export const CONTACT_STATUSES = ['lead', 'contacted', 'scheduled', 'met', 'dormant'] as const;
export const MEETING_KINDS = ['informational', 'networking', 'courtesy', 'interview'] as const;
export const MEETING_STATUSES = ['planned', 'done', 'cancelled', 'no-show'] as const;
export const OUTREACH_STATUSES = ['draft', 'sent', 'replied'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type OutreachStatus = (typeof OUTREACH_STATUSES)[number];

/** Folders where new notes go by default; used only to recognise a note whose YAML is too broken to say its type. */
export const DEFAULT_FOLDERS: Record<NoteType, string> = {
  contact: 'contacts',
  meeting: 'meetings',
  company: 'companies',
  outreach: 'outreach',
};

/** A problem found in a note, by offsets in its text (without BOM). */
export interface Finding {
  code: string;
  start: number;
  end: number;
  message: string;
  /** Overrides the check's default severity (for checks with two grades, like thank-you-pending). */
  severity?: Severity;
  overdue?: boolean;
  fixes?: Fix[];
  followUp?: FollowUpSummary;
}

/** A reference to another note: a wiki link (`id`), or plain text matched by name. */
export interface Ref {
  id?: string;
  text: string;
  start: number;
  end: number;
}

interface NoteBase {
  path: string;
  id: string;
  text: string;
  bom: boolean;
  lines: LineMap;
  frontmatter: Frontmatter;
  data: Record<string, unknown>;
  /** Problems found while reading: invalid-frontmatter, merge-conflict. */
  problems: Finding[];
  /** Every wiki link in the note, frontmatter and body (outside code). */
  links: WikiLink[];
}

export interface Contact extends NoteBase {
  type: 'contact';
  name: string;
  company?: Ref;
  role?: string;
  email?: string;
  tags: string[];
  referredBy?: Ref;
  status?: ContactStatus;
  nextFollowUp?: NoteDate;
  keepInTouchDays?: number;
  /** A call or chat logged by hand: one source of the contact's last contact. */
  lastContact?: NoteDate;
}

export interface Meeting extends NoteBase {
  type: 'meeting';
  with: Ref[];
  date?: NoteDate;
  kind?: MeetingKind;
  /** As written; see `meetingStatus` for the effective one. */
  status?: MeetingStatus;
  duration?: number;
  thankYou: 'sent' | 'skip' | 'pending';
  referrerUpdated: boolean;
  /** Undefined when the key is absent; an empty list means "asked, none". */
  referrals?: Ref[];
}

export interface Company extends NoteBase {
  type: 'company';
  name: string;
  target: boolean;
  priority?: number;
  website?: string;
}

export interface Outreach extends NoteBase {
  type: 'outreach';
  to?: Ref;
  subject?: string;
  channel?: string;
  status?: OutreachStatus;
  sent?: NoteDate;
  /** When they replied. */
  replied?: NoteDate;
  /** What the message is: absent for a first message; `thank-you`, `referrer-update`, `follow-up`, … */
  kind?: string;
  /** The meeting a thank-you or referrer update is about. */
  meeting?: Ref;
}

export type Note = Contact | Meeting | Company | Outreach;

/** A Markdown file that is not (or could not be read as) a Rapport note. */
export interface OtherFile {
  type: undefined;
  path: string;
  id: string;
  /** Problems to report although the type is unknown: refused or broken frontmatter of a note that looks like Rapport's. */
  problems: Finding[];
  text?: string;
  bom?: boolean;
  lines?: LineMap;
}

export type ParsedFile = Note | OtherFile;

const CONFLICT_RE = /^<{7}(?: |\r?$)/gm;
// Spaces and tabs only: `\s*` spans line breaks, which made a block of blank lines quadratic.
const TYPE_LINE_RE = /^[ \t]*["']?type["']?[ \t]*:[ \t]*["']?(contact|meeting|company|outreach)\b/im;

/** Read one Markdown file. `path` is relative to the workspace root, with forward slashes. */
export function parseFile(path: string, raw: string): ParsedFile {
  const { text: read, bom } = splitBom(raw);
  // Lines that end in a lone CR (classic Mac OS) are lines to VS Code, which shows such a note
  // with its line breaks made \n or \r\n, and to people. Read them so: one character for
  // another, so every offset, and every line and column reported, is that of the file.
  const text = read.indexOf('\n') === -1 && read.includes('\r') ? read.replaceAll('\r', '\n') : read;
  const id = idOfPath(path);
  const fm = readFrontmatter(text);
  if (!fm) return withoutFrontmatter(path, id, text, bom);
  const lines = new LineMap(text);

  if (!isYamlTag(fm.language)) {
    // Never evaluated, whatever the note: reported so the user knows why it is not read.
    const problem: Finding = {
      code: 'unsafe-frontmatter',
      start: 0,
      end: lines.lineEnd(0),
      message: `Frontmatter in \`${shownTag(fm.language)}\` is never evaluated; Rapport reads YAML only. Change the opening line to \`---\`.`,
    };
    return { type: undefined, path, id, problems: [problem], text, bom, lines };
  }

  const conflicts = conflictsIn(text, lines);
  // A conflict inside the frontmatter breaks its YAML; the conflict is the problem to report.
  const conflictInYaml = conflicts.some((c) => c.start < fm.bodyStart);
  const yamlProblems: Finding[] = conflictInYaml || !fm.problems.length
    ? []
    : fm.problems.map((p) => ({ code: 'invalid-frontmatter', start: p.start, end: p.end, message: p.message }));

  const typeValue = fm.data?.type;
  const type = typeof typeValue === 'string' ? (typeValue.trim().toLowerCase() as NoteType) : undefined;
  if (!type || !NOTE_TYPES.includes(type)) {
    // Where the block is never closed, the type line may be anywhere after the opening line.
    const looksLikeNote =
      fm.data === undefined && (TYPE_LINE_RE.test(text.slice(fm.sourceStart, fm.closed ? fm.sourceEnd : text.length)) || inRapportFolder(path));
    const problems = looksLikeNote ? [...yamlProblems, ...conflicts] : [];
    return { type: undefined, path, id, problems, text, bom, lines };
  }

  // `type: meeting` is a common key in other systems' notes (a sprint planning, a decision
  // record): a note is Rapport's by its type's own key, or by living in one of its folders.
  // Anything else is foreign: silent and in no view, though links to it resolve. (Frontmatter
  // that did not read cleanly is not judged by its keys: its problems are reported.)
  if (!fm.problems.length && !(fm.data && Object.hasOwn(fm.data, OWN_KEYS[type])) && !inRapportFolder(path)) return { type: undefined, path, id, problems: [] };

  // What the field reader needs; the note itself is built below as one literal per type, so
  // every note of a type has one shape with its fields in the object (not added one by one).
  const base: NoteBase = {
    path,
    id,
    text,
    bom,
    lines,
    frontmatter: fm,
    data: fm.data ?? {},
    problems: conflicts.length ? [...yamlProblems, ...conflicts] : yamlProblems,
    links: [],
  };
  const { data, problems, links } = base;
  // Links in frontmatter values (not in comments), found without copying the text.
  const firstLink = text.indexOf('[[', fm.sourceStart);
  if (firstLink !== -1 && firstLink < fm.sourceEnd) {
    fm.keys.eachValue((start, end) => {
      for (const l of findLinksIn(text, start, end)) base.links.push(l);
    });
  }
  for (const l of bodyLinks(text.slice(fm.bodyStart), fm.bodyStart)) base.links.push(l);

  const f = new FieldReader(base, type);
  switch (type) {
    case 'contact': {
      // Read in the order the problems should be reported in.
      const name = f.text('name', true) ?? id;
      const company = f.ref('company');
      const role = f.text('role');
      const email = f.text('email');
      const tags = f.list('tags');
      const referredBy = f.ref('referred_by');
      if (referredBy && (referredBy.id ? idKey(referredBy.id) === idKey(id) : nameKey(referredBy.text) === nameKey(name))) {
        f.mistake('referred_by', `\`referred_by\` names ${name} themselves: name the person who introduced you to them.`);
      }
      const status = f.oneOf('status', CONTACT_STATUSES);
      const nextFollowUp = f.date('next_follow_up');
      const keepInTouchDays = f.number('keep_in_touch_days');
      const lastContact = f.date('last_contact');
      return { path, id, text, bom, lines, frontmatter: fm, data, problems, links, type, name, company, role, email, tags, referredBy, status, nextFollowUp, keepInTouchDays, lastContact };
    }
    case 'meeting': {
      const withRefs = f.refs('with', true) ?? [];
      const date = f.date('date', true);
      const kind = f.oneOf('kind', MEETING_KINDS);
      const status = f.oneOf('status', MEETING_STATUSES);
      const duration = f.number('duration');
      const thankYou = f.thankYou();
      const thanked = thankYou === 'sent' && typeof data.thank_you === 'string' ? parseDate(data.thank_you.trim()) : undefined;
      if (thanked && date && thanked.day < date.day) {
        f.mistake('thank_you', `\`thank_you\` is ${thanked.text}, before the meeting on ${date.text.slice(0, 10)}: a thank-you is sent after it. Put the day it was sent.`);
      }
      const referrerUpdated = f.dateOrTrue('referrer_updated');
      const referrals = f.refs('referrals');
      return { path, id, text, bom, lines, frontmatter: fm, data, problems, links, type, with: withRefs, date, kind, status, duration, thankYou, referrerUpdated, referrals };
    }
    case 'company': {
      const name = f.text('name', true) ?? id;
      const target = f.bool('target') ?? false;
      const priority = f.number('priority');
      const website = f.text('website');
      return { path, id, text, bom, lines, frontmatter: fm, data, problems, links, type, name, target, priority, website };
    }
    case 'outreach': {
      const to = f.ref('to', true);
      const subject = f.text('subject');
      const channel = f.text('channel');
      const status = f.oneOf('status', OUTREACH_STATUSES);
      const sent = f.date('sent');
      const replied = f.date('replied');
      const kind = f.text('kind');
      const meeting = f.ref('meeting');
      return { path, id, text, bom, lines, frontmatter: fm, data, problems, links, type, to, subject, channel, status, sent, replied, kind, meeting };
    }
  }
}

/** The key that makes a note of each type Rapport's wherever it lives (spec: "Living beside other notes"). */
const OWN_KEYS: Record<NoteType, string> = { contact: 'name', company: 'name', meeting: 'with', outreach: 'to' };

/** Is the file in one of the folders Rapport makes notes in (or one of that name deeper down)? */
function inRapportFolder(path: string): boolean {
  return Object.values(DEFAULT_FOLDERS).some((f) => path.startsWith(`${f}/`) || path.includes(`/${f}/`));
}

/** Each line that opens a git merge conflict, up to one more than a note shows. */
function conflictsIn(text: string, lines: LineMap): Finding[] {
  const conflicts: Finding[] = [];
  if (text.includes('<<<<<<<')) for (const m of text.matchAll(CONFLICT_RE)) {
    if (conflicts.length > MAX_DIAGNOSTICS_PER_FILE) break; // more than will be shown (a note of nothing but markers)
    conflicts.push({
      code: 'merge-conflict',
      start: m.index!,
      end: lines.lineEnd(lines.position(m.index!).line),
      message: 'Unresolved git merge conflict: keep one side and remove the <<<<<<< ======= >>>>>>> lines.',
    });
  }
  return conflicts;
}

/**
 * A file with no frontmatter at its top: silent, like any Markdown file, unless it is a note of
 * Rapport's (a type line, or in one of its folders) whose opening `---` something pushed off the
 * first line: a merge conflict over the frontmatter, or a second byte-order mark. Such a note
 * had dropped out of every view without a word.
 */
function withoutFrontmatter(path: string, id: string, text: string, bom: boolean): OtherFile {
  const silent: OtherFile = { type: undefined, path, id, problems: [] };
  const strayBom = text.charCodeAt(0) === 0xfeff && text.startsWith('---', 1);
  if ((!strayBom && !text.includes('<<<<<<<')) || !(TYPE_LINE_RE.test(text) || inRapportFolder(path))) return silent;
  const lines = new LineMap(text);
  const problems: Finding[] = strayBom
    ? [{ code: 'invalid-frontmatter', start: 0, end: lines.lineEnd(0),
        message: 'An invisible second byte-order mark (U+FEFF) stands before the opening `---`, so the frontmatter is not read: delete it.' }]
    : conflictsIn(text, lines);
  return problems.length ? { type: undefined, path, id, problems, text, bom, lines } : silent;
}

/** A language tag as a message can show it: on one line, and short (it is whatever follows `---`). */
function shownTag(tag: string): string {
  const line = tag.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return line.length > 30 ? `${line.slice(0, 30)}…` : line;
}

/** Reads typed values from a note's frontmatter, reporting each value of the wrong kind at that value. */
class FieldReader {
  constructor(
    private readonly note: NoteBase,
    private readonly type: NoteType,
  ) {}

  private value(key: string): unknown {
    return this.note.data[key];
  }

  /** Is `v`, the value of `key`, there? Reports a required one that is not. (Each value is read once: `data` has as many shapes as notes have key orders.) */
  private present(key: string, v: unknown, required: boolean): boolean {
    if (v !== undefined && v !== null && v !== '') return true;
    if (required) {
      const at = this.note.frontmatter.keys.get(key) ?? this.note.frontmatter.keys.get('type');
      this.note.problems.push({
        code: 'invalid-frontmatter',
        start: at ? at.keyStart : 0,
        end: at ? at.valueEnd : 3,
        message: `${/^[aeiou]/.test(this.type) ? 'An' : 'A'} ${this.type} needs \`${key}\`${this.note.frontmatter.keys.has(key) ? ' to have a value' : ''}.`,
      });
    }
    return false;
  }

  /** A value of the right kind that cannot be right (a contact who referred themselves). */
  mistake(key: string, message: string): void {
    this.bad(key, message);
  }

  private bad(key: string, message: string): undefined {
    const k = this.note.frontmatter.keys.get(key)!;
    this.note.problems.push({
      code: 'invalid-frontmatter',
      start: k.valueEnd > k.valueStart ? k.valueStart : k.keyStart,
      end: k.valueEnd > k.valueStart ? k.valueEnd : k.keyEnd,
      message,
    });
    return undefined;
  }

  private shown(key: string): string {
    const k = this.note.frontmatter.keys.get(key)!;
    const src = this.note.text.slice(k.valueStart, k.valueEnd).split(/\r?\n/)[0];
    return `\`${key}: ${src.length > 40 ? src.slice(0, 40) + '…' : src}\``;
  }

  text(key: string, required = false): string | undefined {
    const v = this.value(key);
    if (!this.present(key, v, required)) return undefined;
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return this.bad(key, `${this.shown(key)} should be text.`);
  }

  number(key: string): number | undefined {
    const v = this.value(key);
    if (!this.present(key, v, false)) return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
    if (Number.isFinite(n) && n >= 0) return n;
    return this.bad(key, `${this.shown(key)} should be a number.`);
  }

  bool(key: string): boolean | undefined {
    const raw = this.value(key);
    if (!this.present(key, raw, false)) return undefined;
    const v = yesNo(raw);
    if (typeof v === 'boolean') return v;
    return this.bad(key, `${this.shown(key)} should be true or false.`);
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const v = this.value(key);
    if (!this.present(key, v, false)) return undefined;
    const s = typeof v === 'string' ? v.trim().toLowerCase() : undefined;
    if (s !== undefined && (allowed as readonly string[]).includes(s)) return s as T;
    return this.bad(key, `${this.shown(key)} is not a known ${key}: use one of ${allowed.join(', ')}.`);
  }

  date(key: string, required = false): NoteDate | undefined {
    const v = this.value(key);
    if (!this.present(key, v, required)) return undefined;
    const d = parseDate(v);
    if (d) return d;
    return this.bad(key, `${this.shown(key)} is not a real date: write it as YYYY-MM-DD${key === 'date' ? ' (optionally with a time, 15:00)' : ''}.`);
  }

  list(key: string): string[] {
    const v = this.value(key);
    if (!this.present(key, v, false)) return [];
    if (typeof v === 'string') return [v.trim()];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.map((x) => String(x).trim());
    return this.bad(key, `${this.shown(key)} should be a list of words.`) ?? [];
  }

  ref(key: string, required = false): Ref | undefined {
    const refs = this.refs(key, required);
    if (refs && refs.length > 1) this.bad(key, `${this.shown(key)} should name one note, not a list.`);
    return refs?.[0];
  }

  /** One reference or a list of them; `[[links]]` quoted or not, or plain names. */
  refs(key: string, required = false): Ref[] | undefined {
    const v = this.value(key);
    if (v === undefined && !required) return undefined; // the usual absent key: no key spans to build
    const k = this.note.frontmatter.keys.get(key);
    if (!required && k && (v === null || (Array.isArray(v) && v.length === 0))) return []; // `referrals:` or `[]`: none
    if (!this.present(key, v, required) || !k) return undefined;
    const links = this.note.links.filter((l) => l.start >= k.valueStart && l.end <= k.valueEnd);
    if (links.length) return links.map((l) => ({ id: l.id, text: l.id, start: l.start, end: l.end }));
    if (typeof v === 'string') return [{ text: v.trim(), start: k.valueStart, end: k.valueEnd }];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string') && k.items?.length === v.length) {
      return v.map((x, i) => ({ text: (x as string).trim(), start: k.items![i].start, end: k.items![i].end }));
    }
    return this.bad(key, `${this.shown(key)} should be a [[link]] to a note${key === 'with' || key === 'referrals' ? ' or a list of them' : ''}.`);
  }

  thankYou(): Meeting['thankYou'] {
    const key = 'thank_you';
    const raw = this.value(key);
    if (!this.present(key, raw, false)) return 'pending';
    const v = yesNo(raw);
    if (v === false) return 'pending';
    if (v === true || parseDate(v)) return 'sent';
    if (typeof v === 'string' && v.trim().toLowerCase() === 'skip') return 'skip';
    this.bad(key, `${this.shown(key)} should be the date the note was sent (YYYY-MM-DD), true, or skip.`);
    return 'pending';
  }

  dateOrTrue(key: string): boolean {
    const raw = this.value(key);
    if (!this.present(key, raw, false)) return false;
    const v = yesNo(raw);
    if (v === false) return false;
    if (v === true || parseDate(v)) return true;
    this.bad(key, `${this.shown(key)} should be a date (YYYY-MM-DD) or true.`);
    return false;
  }
}

/** YAML 1.2 reads `yes` and `no` as text; people who write them mean true and false. */
function yesNo(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim().toLowerCase();
  return s === 'yes' || s === 'true' ? true : s === 'no' || s === 'false' ? false : v;
}

/** Has this outreach gone out? An explicit status decides; without one, a `sent` date says so. */
export function outreachSent(o: Outreach): boolean {
  return o.status === 'sent' || o.status === 'replied' || (o.status === undefined && o.sent !== undefined);
}
