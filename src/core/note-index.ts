// The index of a workspace's notes. Files are added, changed and removed one at
// a time; every lookup table is updated from the one file that changed, never
// rebuilt. References are indexed by what they say (a link id, or a plain name)
// and matched at query time, so a new company note needs no re-indexing of the
// contacts that name it.

import { isPast, type Clock } from './dates.js';
import { idKey, idOfPath, nameKey, slugify } from './links.js';
import type { NoteType } from './model.js';
import type { Scope } from './scope.js';
import {
  parseFile,
  type Company,
  type Contact,
  type Meeting,
  type Note,
  type Outreach,
  type ParsedFile,
  type Ref,
} from './notes.js';

type RefField = 'company' | 'referred_by' | 'with' | 'referrals' | 'to';
/** A reference is filed by its link id, or, written as text, by its name and by the slug of its name (as `id`). */
type RefKind = 'id' | 'name';
const REF_FIELDS: readonly RefField[] = ['company', 'referred_by', 'with', 'referrals', 'to'];

export interface ReferralEdge {
  /** The person who led to `to`. */
  from: Contact;
  to: Contact;
  /** Where the edge is written down: the contact's `referred_by`, or a meeting's `referrals`. */
  source: Contact | Meeting;
}

/**
 * key → paths. Nearly every key has one path, kept as the string itself; a list
 * only when there are more. At 100,000 notes a Set per key, or even a one-item
 * array, costs more memory than the rest of the index (~20 MB for the arrays).
 */
class Postings {
  private readonly map = new Map<string, string | string[]>();

  get(key: string): readonly string[] | undefined {
    const paths = this.map.get(key);
    return typeof paths === 'string' ? [paths] : paths;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  add(key: string, path: string): void {
    const paths = this.map.get(key);
    if (paths === undefined) this.map.set(key, path);
    else if (typeof paths === 'string') {
      if (paths !== path) this.map.set(key, [paths, path]);
    } else if (!paths.includes(path)) paths.push(path);
  }

  remove(key: string, path: string): void {
    const paths = this.map.get(key);
    if (paths === undefined) return;
    if (typeof paths === 'string') {
      if (paths === path) this.map.delete(key);
      return;
    }
    const i = paths.indexOf(path);
    if (i !== -1) paths.splice(i, 1);
    if (paths.length === 1) this.map.set(key, paths[0]);
  }
}

export class NoteIndex {
  private readonly files = new Map<string, ParsedFile>();
  /** id key → paths of every Markdown file with that id (Rapport note or not). */
  private readonly ids = new Postings();
  /** Name key → paths of the contacts or companies of that name; email key → contacts. */
  private readonly names = { contact: new Postings(), company: new Postings(), email: new Postings() };
  /**
   * For each reference field, link id or slug (`id`) and name key (`name`) → paths of the
   * notes whose field refers by it. Tables per field and kind rather than keys like
   * `with|id:sally-smith`: building and hashing such a string per reference was a tenth
   * of the cold index.
   */
  private readonly refs = Object.fromEntries(REF_FIELDS.map((f) => [f, { id: new Postings(), name: new Postings() }])) as Record<
    RefField,
    Record<RefKind, Postings>
  >;
  /**
   * id key → paths of notes with a `[[link]]` to it (frontmatter or body). Built on
   * the first question about a change (`dependents`, `namedBy`), then kept up to date:
   * a check of a whole folder never asks, and filing every note's links was a third
   * of building the index.
   */
  private linkPostings: Postings | undefined;
  /** Bumped on every change, so remembered resolutions know when they are stale. */
  private version = 0;
  private readonly resolved = new WeakMap<Ref, { version: number; type: NoteType; note: Note | undefined }>();
  private readonly byType: Record<NoteType, Map<string, Note>> = {
    contact: new Map(),
    meeting: new Map(),
    company: new Map(),
    outreach: new Map(),
  };

  /** `scope`: the notes Rapport looks at (rapport.include / exclude); any other is filed as a foreign file. */
  constructor(private readonly scope?: Scope) {}

  /** Parse and index a file's text, replacing what was there. */
  set(path: string, text: string): ParsedFile {
    return this.put(parseFile(path, text));
  }

  /** File a parsed file, replacing what was there; returns it as filed (foreign when out of scope). */
  put(parsed: ParsedFile): ParsedFile {
    const file: ParsedFile = parsed.type && this.scope && !this.scope(parsed.path) ? { type: undefined, path: parsed.path, id: parsed.id, problems: [] } : parsed;
    this.delete(file.path);
    this.version++;
    this.files.set(file.path, file);
    if (file.type) this.byType[file.type].set(file.path, file);
    this.file(file, (postings, key) => postings.add(key, file.path));
    return file;
  }

  delete(path: string): boolean {
    const old = this.files.get(path);
    if (!old) return false;
    this.version++;
    this.file(old, (postings, key) => postings.remove(key, path));
    this.files.delete(path);
    if (old.type) this.byType[old.type].delete(path);
    return true;
  }

  /**
   * Every key a file is filed under. Derived from the file each time rather than
   * remembered: the file is kept anyway, and at 100,000 notes a list of keys per
   * file costs ~70 MB.
   */
  private file(file: ParsedFile, each: (postings: Postings, key: string) => void): void {
    each(this.ids, idKey(file.id));
    if (!file.type) return;
    if (file.type === 'contact' || file.type === 'company') each(this.names[file.type], nameKey(file.name));
    if (file.type === 'contact' && file.email) each(this.names.email, nameKey(file.email));
    eachRef(file, (field, ref) => {
      const byField = this.refs[field];
      if (ref.id) each(byField.id, idKey(ref.id));
      else {
        each(byField.name, nameKey(ref.text));
        each(byField.id, slugify(ref.text));
      }
    });
    if (this.linkPostings) for (const l of file.links) each(this.linkPostings, idKey(l.id));
  }

  /** Build now what the first change would build: for a host that has idle time after loading (the editor). */
  prepareForChanges(): void {
    void this.links;
  }

  private get links(): Postings {
    if (!this.linkPostings) {
      const links = new Postings();
      for (const f of this.files.values()) for (const l of f.type ? f.links : []) links.add(idKey(l.id), f.path);
      this.linkPostings = links;
    }
    return this.linkPostings;
  }

  get(path: string): ParsedFile | undefined {
    return this.files.get(path);
  }

  get size(): number {
    return this.files.size;
  }

  allFiles(): IterableIterator<ParsedFile> {
    return this.files.values();
  }

  contacts(): Contact[] {
    return [...this.byType.contact.values()] as Contact[];
  }
  meetings(): Meeting[] {
    return [...this.byType.meeting.values()] as Meeting[];
  }
  companies(): Company[] {
    return [...this.byType.company.values()] as Company[];
  }
  outreach(): Outreach[] {
    return [...this.byType.outreach.values()] as Outreach[];
  }

  /** The file a `[[id]]` opens: a Rapport note of that id first, else any Markdown file with it. */
  pathOf(id: string): string | undefined {
    const paths = [...(this.ids.get(idKey(id)) ?? [])].sort();
    return paths.find((p) => this.files.get(p)?.type) ?? paths[0];
  }

  /** Is there any Markdown file (Rapport note or not) with this id? */
  hasId(id: string): boolean {
    return this.ids.has(idKey(id));
  }

  /** The note a reference points at, of the given type when one is expected. */
  resolve<T extends NoteType>(ref: Ref | undefined, type: T): Extract<Note, { type: T }> | undefined {
    if (!ref) return undefined;
    // The checks resolve the same references many times over; remember until the index changes.
    const memo = this.resolved.get(ref);
    if (memo && memo.version === this.version && memo.type === type) return memo.note as Extract<Note, { type: T }> | undefined;
    const candidates = ref.id
      ? this.ids.get(idKey(ref.id))
      : ((type === 'contact' || type === 'company' ? this.names[type as 'contact' | 'company'].get(nameKey(ref.text)) : undefined) ?? this.ids.get(slugify(ref.text)));
    // Two notes of that id or name: the first by path, as pathOf() does, whatever order they were indexed in.
    let note: Note | undefined;
    for (const path of candidates ?? []) {
      const f = this.files.get(path);
      if (f?.type === type && (!note || path < note.path)) note = f;
    }
    this.resolved.set(ref, { version: this.version, type, note });
    return note as Extract<Note, { type: T }> | undefined;
  }

  /** Notes whose `field` refers to `target`, by link or by name (only the first found, with `any`). */
  private referrers<T extends Note>(field: RefField, target: Contact | Company, any = false): T[] {
    const paths = new Set<string>();
    for (const p of this.refs[field].id.get(idKey(target.id)) ?? []) paths.add(p);
    for (const p of this.refs[field].name.get(nameKey(target.name)) ?? []) paths.add(p);
    const out: T[] = [];
    for (const p of paths) {
      const f = this.files.get(p) as T | undefined;
      // A plain-name reference may match a namesake of another type; keep only true matches.
      if (f && someRef(f, field, (r) => this.resolve(r, target.type) === target)) {
        out.push(f);
        if (any) return out;
      }
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Is anybody known to work at this company? (The check asks this of every target after each change: no list, no sort.) */
  hasContactAt(company: Company): boolean {
    return this.referrers('company', company, true).length > 0;
  }

  hasMeetingWith(contact: Contact): boolean {
    return this.referrers('with', contact, true).length > 0;
  }

  contactsAt(company: Company): Contact[] {
    return this.referrers<Contact>('company', company);
  }

  /** Meetings with this contact, newest first. */
  meetingsWith(contact: Contact): Meeting[] {
    return this.referrers<Meeting>('with', contact).sort((a, b) => (b.date?.day ?? 0) - (a.date?.day ?? 0));
  }

  outreachTo(contact: Contact): Outreach[] {
    return this.referrers<Outreach>('to', contact);
  }

  /** Contacts whose `referred_by` names this contact. */
  referredBy(contact: Contact): Contact[] {
    return this.referrers<Contact>('referred_by', contact);
  }

  /** Meetings that list this contact among their `referrals`. */
  referralMentions(contact: Contact): Meeting[] {
    return this.referrers<Meeting>('referrals', contact);
  }

  contactsWithStatus(status: string | undefined): Contact[] {
    return this.contacts().filter((c) => c.status === status);
  }

  contactsWithTag(tag: string): Contact[] {
    const k = nameKey(tag);
    return this.contacts().filter((c) => c.tags.some((t) => nameKey(t) === k));
  }

  /** Paths of the contacts with the same email, then with the same name, as this one (itself included). */
  private peers(contact: Contact): { byEmail: readonly string[]; byName: readonly string[] } {
    return {
      byEmail: (contact.email && this.names.email.get(nameKey(contact.email))) || [],
      byName: this.names.contact.get(nameKey(contact.name)) ?? [],
    };
  }

  /** Contacts with the same email, or the same name at the same company. */
  namesakes(contact: Contact): Contact[] {
    const { byEmail, byName } = this.peers(contact);
    if (byName.length <= 1 && byEmail.length <= 1) return []; // the common case: only itself
    const company = companyKey(this, contact);
    const others = (paths: readonly string[]) => paths.map((p) => this.files.get(p) as Contact).filter((c) => c !== contact);
    const same = others(byName).filter((c) => companyKey(this, c) === company);
    return [...new Set([...others(byEmail), ...same])].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Who led to whom: each contact's `referred_by`, and each meeting's `referrals` (from the person met). */
  referralEdges(): ReferralEdge[] {
    const edges: ReferralEdge[] = [];
    const seen = new Set<string>();
    const add = (from: Contact | undefined, to: Contact | undefined, source: Contact | Meeting) => {
      if (!from || !to || from === to) return;
      const key = `${from.path}\0${to.path}`;
      if (seen.has(key)) return;
      seen.add(key);
      edges.push({ from, to, source });
    };
    for (const c of this.contacts()) add(this.resolve(c.referredBy, 'contact'), c, c);
    for (const m of this.meetings()) {
      const met = m.with.map((r) => this.resolve(r, 'contact'));
      for (const r of m.referrals ?? []) for (const from of met) add(from, this.resolve(r, 'contact'), m);
    }
    return edges;
  }

  upcomingMeetings(clock: Clock): Meeting[] {
    return this.meetings()
      .filter((m) => meetingStatus(m, clock) === 'planned')
      .sort((a, b) => (a.date?.day ?? 0) - (b.date?.day ?? 0) || (a.date?.minutes ?? 0) - (b.date?.minutes ?? 0));
  }

  /**
   * The notes whose check results can depend on the note at `path` as it is now:
   * notes that link to it or name it, and those a check reaches through it
   * (a contact's meetings, outreach, referrals and namesakes; a company's
   * people). Call it before and after a change and re-check both sets.
   */
  dependents(path: string): Set<string> {
    const out = new Set<string>();
    const f = this.files.get(path);
    const addAll = (paths: Iterable<string> | undefined) => {
      for (const p of paths ?? []) out.add(p);
    };
    const add = (notes: Iterable<{ path: string }>) => {
      for (const n of notes) out.add(n.path);
    };
    addAll(this.links.get(idKey(f ? f.id : idOfPath(path))));
    if (!f?.type) return out;
    addAll(this.ids.get(idKey(f.id)));
    if (f.type === 'contact' || f.type === 'company') {
      // A namesake's references may resolve to this note or to it, depending on which exists.
      addAll(this.names[f.type].get(nameKey(f.name)));
      addAll(this.namedBy([`id:${idKey(f.id)}`, `name:${nameKey(f.name)}`]));
    }
    switch (f.type) {
      case 'contact': {
        for (const y of this.referredBy(f)) {
          out.add(y.path);
          add(this.meetingsWith(y));
          add(this.outreachTo(y));
          // The draft to a referral names who referred them (referral-not-contacted's fix).
          add(this.referralMentions(y));
        }
        add(this.namesakes(f));
        const company = this.resolve(f.company, 'company');
        if (company) out.add(company.path);
        break;
      }
      case 'company':
        for (const c of this.contactsAt(f)) {
          out.add(c.path);
          add(this.namesakes(c));
        }
        break;
      case 'meeting':
        for (const r of f.with) {
          const c = this.resolve(r, 'contact');
          if (!c) continue;
          out.add(c.path);
          add(this.referralMentions(c));
          // A meeting since a message is its answer (outreach-no-reply).
          add(this.outreachTo(c));
        }
        break;
      case 'outreach': {
        const c = this.resolve(f.to, 'contact');
        if (c) {
          add(this.referralMentions(c));
          // Another message to them: whether a follow-up is drafted already (outreach-no-reply's fix).
          add(this.outreachTo(c));
        }
        // A thank-you or an update about a meeting closes (sent) or is offered by (draft) its reminder.
        if (f.meeting?.id) addAll(this.ids.get(idKey(f.meeting.id)));
        break;
      }
    }
    out.delete(path);
    return out;
  }

  /** The keys other notes may use to name this one: its id, its name, and the slug of its name. */
  static keysOf(f: ParsedFile | undefined): string[] {
    if (!f) return [];
    const keys = [`id:${idKey(f.id)}`];
    if (f.type === 'contact' || f.type === 'company') keys.push(`name:${nameKey(f.name)}`, `id:${slugify(f.name)}`);
    return keys;
  }

  /** Notes that refer (in a typed field) or link to any of these keys. */
  namedBy(keys: string[]): Set<string> {
    const out = new Set<string>();
    for (const k of keys) {
      const [kind, key] = k.startsWith('id:') ? (['id', k.slice(3)] as const) : (['name', k.slice(5)] as const);
      for (const field of REF_FIELDS) for (const p of this.refs[field][kind].get(key) ?? []) out.add(p);
      if (kind === 'id') for (const p of this.links.get(key) ?? []) out.add(p);
    }
    return out;
  }

  /** Paths of the contacts that share a name or an email with the contact at `path`. */
  namesakesOf(path: string): string[] {
    const f = this.files.get(path);
    if (f?.type !== 'contact') return [];
    const { byEmail, byName } = this.peers(f);
    const out = new Set([...byName, ...byEmail]);
    out.delete(path);
    return [...out];
  }

  /** Paths of the meetings that list the contact at `path` among their referrals. */
  referralMentionsOf(path: string): string[] {
    const f = this.files.get(path);
    return f?.type === 'contact' ? this.referralMentions(f).map((m) => m.path) : [];
  }

  /** The notes a note's typed references resolve to now. */
  targetsOf(path: string): string[] {
    const f = this.files.get(path);
    if (!f?.type) return [];
    const out: string[] = [];
    eachRef(f, (field, ref) => {
      const t = this.resolve(ref, field === 'company' ? 'company' : 'contact');
      if (t) out.push(t.path);
    });
    return out;
  }

  pastMeetings(clock: Clock): Meeting[] {
    return this.meetings()
      .filter((m) => meetingStatus(m, clock) !== 'planned')
      .sort((a, b) => (b.date?.day ?? 0) - (a.date?.day ?? 0) || (b.date?.minutes ?? 0) - (a.date?.minutes ?? 0));
  }
}

/** A meeting's status, with an absent one read from its date: ahead → planned, past → done. */
export function meetingStatus(m: Meeting, clock: Clock): NonNullable<Meeting['status']> {
  if (m.status) return m.status;
  return m.date && isPast(m.date, clock) ? 'done' : 'planned';
}

/** Each typed reference of a note, with its field (no list of pairs: this runs for every note and every query). */
function eachRef(note: ParsedFile, fn: (field: RefField, ref: Ref) => void): void {
  switch (note.type) {
    case 'contact':
      if (note.company) fn('company', note.company);
      if (note.referredBy) fn('referred_by', note.referredBy);
      return;
    case 'meeting':
      for (const r of note.with) fn('with', r);
      for (const r of note.referrals ?? []) fn('referrals', r);
      return;
    case 'outreach':
      if (note.to) fn('to', note.to);
      return;
  }
}

/** Does any reference of the note in this field satisfy `test`? */
function someRef(note: ParsedFile, field: RefField, test: (ref: Ref) => boolean): boolean {
  switch (field) {
    case 'company':
      return note.type === 'contact' && note.company !== undefined && test(note.company);
    case 'referred_by':
      return note.type === 'contact' && note.referredBy !== undefined && test(note.referredBy);
    case 'with':
      return note.type === 'meeting' && note.with.some(test);
    case 'referrals':
      return note.type === 'meeting' && note.referrals !== undefined && note.referrals.some(test);
    case 'to':
      return note.type === 'outreach' && note.to !== undefined && test(note.to);
  }
}

/** What "the same company" means for duplicates: the company note if it resolves, else the text. */
export function companyKey(index: NoteIndex, c: Contact): string {
  if (!c.company) return '';
  const company = index.resolve(c.company, 'company');
  return company ? `note:${company.path}` : `text:${nameKey(c.company.id ?? c.company.text)}`;
}
