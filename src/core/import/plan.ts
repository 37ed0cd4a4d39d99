// An import, planned before anything is written: the export read, each person
// matched against the notes (and against the people before them in the same file),
// and the outcome as plain data: notes to create whole, keys to add to notes that
// lack them, people skipped with a reason and a line. The CLI and the editor write
// the same plan; `--dry-run` and the editor's preview show it and write nothing.
//
// A person already in the notes is the contact with the same email (any of theirs,
// ignoring case), else the same LinkedIn profile address, else the same name at the
// same company (the company note when the name resolves to one, else the text, as
// the duplicate-contact check compares). Only keys the note lacks are added, each as
// a new line before the closing `---`: no existing line changes.

import { setKey, yamlScalar } from '../edit.js';
import { idKey, nameKey, type IdsInUse } from '../links.js';
import type { TextEdit } from '../model.js';
import { namedNotePath } from '../new-notes.js';
import { companyKey, type NoteIndex } from '../note-index.js';
import type { Company, Contact } from '../notes.js';
import { readLinkedIn } from './linkedin.js';
import { linkedinKey, type ImportedPerson, type ImportSource, type ReadPeople } from './people.js';
import { readVcards } from './vcard.js';

export type { ImportSource } from './people.js';

/** The keys an import writes about a person, in the order a new note has them. */
export const FACT_KEYS = ['company', 'role', 'email', 'linkedin', 'connected'] as const;
export type FactKey = (typeof FACT_KEYS)[number];
type Facts = Partial<Record<FactKey, string>>;

export interface PlannedCreate {
  /** The line of the file the person is read from. */
  line: number;
  name: string;
  /** Where the note goes, relative to the folder (`contacts/sally-smith.md`). */
  path: string;
  /** The whole note. */
  text: string;
  /** The company note the person is at, when their company has one. */
  companyPath?: string;
  /** Their company as the export names it. */
  company?: string;
  facts: Facts;
}

export interface PlannedUpdate {
  line: number;
  name: string;
  path: string;
  /** The keys added, in the order written. */
  added: FactKey[];
  /** The note's text as read (without a BOM), which the edit is made on: a writer checks it is still so. */
  before: string;
  /** One insertion, before the closing `---`: the new lines. */
  at: number;
  insert: string;
  /** The same as a text edit, for the editor. */
  edits: TextEdit[];
  /** The company note the person is at, when a `company` key is added that has one. */
  companyPath?: string;
}

export interface PlannedSkip {
  line: number;
  reason: string;
  name?: string;
  /** The note they are already in, when that is why. */
  path?: string;
  /**
   * `in-notes`: already there, with nothing to add; `same-person`: earlier in the same export;
   * `note-problem`: their note's frontmatter must be fixed first; `malformed`: a row or card not read.
   */
  why: 'in-notes' | 'same-person' | 'note-problem' | 'malformed';
}

export interface TargetCount {
  id: string;
  name: string;
  path: string;
  /** People the user knows there once the import is written. */
  known: number;
  /** Of those, the ones this import adds (new notes, or notes that gain this company). */
  added: number;
}

export interface ImportPlan {
  source: ImportSource;
  created: PlannedCreate[];
  updated: PlannedUpdate[];
  skipped: PlannedSkip[];
  /** Each target company, by priority then name, with how many people the user knows there. */
  targets: TargetCount[];
  /** Why the file could not be read at all; then nothing else is planned. */
  unreadable?: string;
}

/**
 * Take out of the plan's updates those whose note changed after it was planned (`changed`):
 * nothing is added to them, and they are listed as skipped, for the next run to plan afresh.
 * The CLI and the editor each find the changed notes their own way.
 */
export function skipChangedUpdates(plan: ImportPlan, changed: (u: PlannedUpdate) => boolean): void {
  const stale = plan.updated.filter(changed);
  for (const u of stale) {
    plan.skipped.push({ line: u.line, name: u.name, path: u.path, reason: `${u.path} changed while the import ran: nothing added; run the import again`, why: 'note-problem' });
  }
  plan.updated = plan.updated.filter((u) => !stale.includes(u));
}

/** The people in an export of that kind. */
export function readExport(source: ImportSource, text: string): ReadPeople {
  return source === 'linkedin' ? readLinkedIn(text) : readVcards(text);
}

/**
 * What importing this export into the notes of `index` would do. `taken` adds ids
 * the index does not know of (files on disk outside what it read), so a new note
 * never takes a name in use.
 */
export function planImport(index: NoteIndex, source: ImportSource, text: string, taken?: IdsInUse): ImportPlan {
  const read = readExport(source, text);
  const plan: ImportPlan = { source, created: [], updated: [], skipped: [], targets: [], unreadable: read.unreadable };
  if (read.unreadable) return plan;
  const matcher = new Matcher(index);
  const newIds = new Set<string>();
  const ids: IdsInUse = { hasId: (id) => newIds.has(idKey(id)) || index.hasId(id) || (taken?.hasId(id) ?? false) };
  const updates = new Map<string, { update: PlannedUpdate; note: Contact; facts: Facts }>();

  for (const person of read.people) {
    const company = person.company ? matcher.company(person.company) : undefined;
    const facts: Facts = {
      company: company ? `[[${company.id}]]` : person.company,
      role: person.role,
      email: person.email,
      linkedin: person.linkedin,
      connected: person.connected,
    };
    const found = matcher.find(person, company);
    if (!found) {
      const path = namedNotePath('contact', person.name, ids);
      newIds.add(idKey(path.slice(path.lastIndexOf('/') + 1, -3)));
      const created: PlannedCreate = { line: person.line, name: person.name, path, text: '', companyPath: company?.path, company: person.company, facts: clean(facts) };
      plan.created.push(created);
      matcher.add({ planned: created }, person, company);
      continue;
    }
    if ('planned' in found) {
      // The same person twice in one export: one note, with what either row gives.
      const first = found.planned;
      const gained = FACT_KEYS.filter((k) => facts[k] !== undefined && first.facts[k] === undefined);
      for (const k of gained) first.facts[k] = facts[k];
      if (gained.includes('company')) [first.companyPath, first.company] = [company?.path, person.company];
      plan.skipped.push({ line: person.line, name: person.name, path: first.path, reason: `the same person as line ${first.line}${gained.length ? ` (adds ${gained.join(', ')})` : ''}`, why: 'same-person' });
      matcher.add(found, person, company);
      continue;
    }
    const note = found.existing;
    if (!editable(note)) {
      plan.skipped.push({ line: person.line, name: person.name, path: note.path, reason: `already in your notes as ${note.path}, which has a problem to fix first (a merge conflict): nothing added`, why: 'note-problem' });
      continue;
    }
    const had = updates.get(note.path);
    const lacks = FACT_KEYS.filter((k) => facts[k] !== undefined && !note.frontmatter.keys.has(k) && had?.facts[k] === undefined);
    if (!lacks.length) {
      plan.skipped.push({ line: person.line, name: person.name, path: note.path, reason: had ? `the same person as line ${had.update.line}` : `already in your notes as ${note.path}`, why: had ? 'same-person' : 'in-notes' });
      continue;
    }
    if (had) {
      for (const k of lacks) had.facts[k] = facts[k];
      if (lacks.includes('company')) had.update.companyPath = company?.path;
      plan.skipped.push({ line: person.line, name: person.name, path: note.path, reason: `the same person as line ${had.update.line} (adds ${lacks.join(', ')})`, why: 'same-person' });
    } else {
      const update: PlannedUpdate = { line: person.line, name: note.name, path: note.path, added: [], before: note.text, at: note.frontmatter.closeStart, insert: '', edits: [], companyPath: lacks.includes('company') ? company?.path : undefined };
      updates.set(note.path, { update, note, facts: Object.fromEntries(lacks.map((k) => [k, facts[k]])) });
      plan.updated.push(update);
    }
    matcher.add(found, person, company);
  }

  for (const c of plan.created) c.text = contactNote(c.name, c.facts, source);
  for (const { update, note, facts } of updates.values()) {
    update.added = FACT_KEYS.filter((k) => facts[k] !== undefined);
    // Each key is absent, so each edit is an insertion at the closing `---`: one insertion of them all.
    const edits = update.added.flatMap((k) => setKey(note, k, facts[k]!));
    update.insert = edits.map((e) => e.newText).join('');
    update.edits = [{ range: note.lines.range(update.at, update.at), newText: update.insert }];
  }
  plan.skipped.push(...read.problems.map((p) => ({ line: p.line, reason: p.reason, why: 'malformed' as const })));
  plan.skipped.sort((a, b) => a.line - b.line);
  plan.targets = targetCounts(index, plan);
  return plan;
}

/** A planned update applied to the note's text (without its BOM). */
export function applyUpdate(text: string, update: Pick<PlannedUpdate, 'at' | 'insert'>): string {
  return text.slice(0, update.at) + update.insert + text.slice(update.at);
}

/** Is this note safe to add a line to: its frontmatter closed, and no merge conflict to resolve first? */
function editable(note: Contact): boolean {
  return note.frontmatter.closed && !note.problems.some((p) => p.code === 'merge-conflict');
}

function clean(facts: Facts): Facts {
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as Facts;
}

/** A new contact note: the spec's keys, in its order, `status: lead`. */
export function contactNote(name: string, facts: Facts, source: ImportSource, eol = '\n'): string {
  const line = (key: string, value: string | undefined) => (value === undefined ? [] : [setKeyLine(key, value)]);
  return [
    '---',
    'type: contact',
    setKeyLine('name', name),
    ...FACT_KEYS.filter((k) => k !== 'connected').flatMap((k) => line(k, facts[k])),
    `source: ${source}`,
    ...line('connected', facts.connected),
    'status: lead',
    '---',
    '',
  ].join(eol);
}

/** `key: value` as the minimal editor writes a new key: plain, or quoted where YAML would read it otherwise. */
function setKeyLine(key: string, value: string): string {
  return `${key}: ${yamlScalar(value)}`;
}

type Found = { existing: Contact } | { planned: PlannedCreate };

/** Who is already known, by email, LinkedIn address and name at a company: the notes, then the people planned so far. */
class Matcher {
  private readonly byEmail = new Map<string, Found>();
  private readonly byLinkedin = new Map<string, Found>();
  private readonly byNameAt = new Map<string, Found>();
  private readonly companies = new Map<string, Company | undefined>();

  constructor(private readonly index: NoteIndex) {
    const contacts = index.contacts().sort((a, b) => (a.path < b.path ? -1 : 1)); // the first by path, as duplicates resolve
    for (const c of contacts) {
      const found = { existing: c };
      if (c.email) this.put(this.byEmail, c.email.toLowerCase(), found);
      const li = typeof c.data.linkedin === 'string' ? linkedinKey(c.data.linkedin) : undefined;
      if (li) this.put(this.byLinkedin, li, found);
      this.put(this.byNameAt, `${nameKey(c.name)}\0${companyKey(index, c)}`, found);
    }
  }

  /** The company note of this name (or whose id is its slug, as a plain-text company resolves). */
  company(name: string): Company | undefined {
    const k = nameKey(name);
    if (!this.companies.has(k)) this.companies.set(k, this.index.resolve({ text: name, start: 0, end: 0 }, 'company'));
    return this.companies.get(k);
  }

  find(p: ImportedPerson, company: Company | undefined): Found | undefined {
    for (const e of p.emails) {
      const f = this.byEmail.get(e.toLowerCase());
      if (f) return f;
    }
    const li = linkedinKey(p.linkedin);
    return (li && this.byLinkedin.get(li)) || this.byNameAt.get(this.nameAt(p, company));
  }

  /** What this person is known by from now on, pointing at their note (made or planned). */
  add(found: Found, p: ImportedPerson, company: Company | undefined): void {
    for (const e of p.emails) this.put(this.byEmail, e.toLowerCase(), found);
    const li = linkedinKey(p.linkedin);
    if (li) this.put(this.byLinkedin, li, found);
    this.put(this.byNameAt, this.nameAt(p, company), found);
  }

  private nameAt(p: ImportedPerson, company: Company | undefined): string {
    const at = company ? `note:${company.path}` : p.company ? `text:${nameKey(p.company)}` : '';
    return `${nameKey(p.name)}\0${at}`;
  }

  private put(map: Map<string, Found>, key: string, found: Found): void {
    if (!map.has(key)) map.set(key, found);
  }
}

/** Each target company with the people known there once the plan is written, and how many of them it adds. */
function targetCounts(index: NoteIndex, plan: ImportPlan): TargetCount[] {
  const added = new Map<string, number>();
  for (const p of [...plan.created, ...plan.updated]) if (p.companyPath) added.set(p.companyPath, (added.get(p.companyPath) ?? 0) + 1);
  return index
    .companies()
    .filter((c) => c.target)
    .sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity) || a.name.localeCompare(b.name))
    .map((c) => {
      const n = added.get(c.path) ?? 0;
      return { id: c.id, name: c.name, path: c.path, known: index.contactsAt(c).length + n, added: n };
    });
}

/** How the file is read: by its name (`.csv` LinkedIn's, `.vcf`/`.vcard` a vCard), else by its first card. */
export function sourceOf(fileName: string, text: string): ImportSource | undefined {
  if (/\.csv$/i.test(fileName)) return 'linkedin';
  if (/\.(vcf|vcard)$/i.test(fileName)) return 'vcard';
  if (/^\s*BEGIN:VCARD\s*$/im.test(text.slice(0, 4096))) return 'vcard';
  if (/first name/i.test(text.slice(0, 4096))) return 'linkedin';
  return undefined;
}
