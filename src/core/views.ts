// The shapes of Rapport's views, as plain data from the index: grouped
// contacts, the meeting timeline, target companies and the referral tree. The
// extension only turns these into tree items, so they are tested without VS Code.

import { formatDay, formatWhen, isPast, type Clock, type NoteDate } from './dates.js';
import { nameKey } from './links.js';
import { meetingStatus, type NoteIndex } from './note-index.js';
import { outreachSent, type Company, type Contact, type Meeting } from './notes.js';

export type ContactGrouping = 'company' | 'status' | 'tag';

export interface ContactGroup {
  label: string;
  contacts: Contact[];
}

// Ties go by path: the views must not depend on the order notes entered the index
// (a fresh start reads them in folder order, a checkout's file events come in any order).
const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
const byName = (a: { name: string; path: string }, b: { name: string; path: string }) => a.name.localeCompare(b.name) || byPath(a, b);
const soonestFirst = (a: Meeting, b: Meeting) =>
  (a.date?.day ?? 0) - (b.date?.day ?? 0) || (a.date?.minutes ?? 0) - (b.date?.minutes ?? 0) || byPath(a, b);
const newestFirst = (a: Meeting, b: Meeting) =>
  (b.date?.day ?? 0) - (a.date?.day ?? 0) || (b.date?.minutes ?? 0) - (a.date?.minutes ?? 0) || byPath(a, b);

/** The company a contact is at, by name: the company note's name when it resolves, else what they wrote. */
export function companyName(index: NoteIndex, c: Contact): string | undefined {
  if (!c.company) return undefined;
  return index.resolve(c.company, 'company')?.name ?? c.company.text;
}

/** Contacts in groups, groups sorted by label with the catch-all group last; a contact with two tags is in both. */
export function groupContacts(index: NoteIndex, by: ContactGrouping): ContactGroup[] {
  const groups = new Map<string, ContactGroup>();
  const none = { company: 'No company', status: 'No status', tag: 'Untagged' }[by];
  const add = (label: string, c: Contact) => {
    const key = nameKey(label);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { label, contacts: [] }));
    else if (label < g.label) g.label = label; // 'Design' and 'design' are one group: one spelling, whatever came first
    g.contacts.push(c);
  };
  for (const c of index.contacts()) {
    const labels = by === 'company' ? [companyName(index, c)] : by === 'status' ? [c.status] : c.tags.length ? c.tags : [undefined];
    for (const label of labels) add(label ?? none, c);
  }
  const out = [...groups.values()];
  for (const g of out) g.contacts.sort(byName);
  const statusOrder = ['lead', 'contacted', 'scheduled', 'met', 'dormant'];
  return out.sort((a, b) => {
    if (a.label === none || b.label === none) return a.label === none ? 1 : -1;
    if (by === 'status') return statusOrder.indexOf(a.label) - statusOrder.indexOf(b.label);
    return a.label.localeCompare(b.label);
  });
}

/** The date of the last meeting that took place with this contact. */
export function lastMet(index: NoteIndex, c: Contact, clock: Clock): NoteDate | undefined {
  return index.meetingsWith(c).find((m) => m.date && meetingStatus(m, clock) === 'done')?.date;
}

/** A meeting's line in a view: `2026-12-01 14:00 · Sally Smith`, the time written one way whatever the note wrote. */
export function meetingLabel(index: NoteIndex, m: Meeting, showWho: boolean): string {
  const when = m.date ? formatWhen(m.date) : 'no date';
  if (!showWho) return when;
  return `${when} · ${m.with.map((r) => index.resolve(r, 'contact')?.name ?? r.text).join(', ')}`;
}

export interface MeetingGroup {
  label: string;
  meetings: Meeting[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Upcoming meetings (soonest first), then past ones by month (newest first). */
export function meetingTimeline(index: NoteIndex, clock: Clock): MeetingGroup[] {
  const upcoming = index.upcomingMeetings(clock).filter((m) => !m.date || !isPast(m.date, clock)).sort(soonestFirst);
  const groups: MeetingGroup[] = upcoming.length ? [{ label: 'Upcoming', meetings: upcoming }] : [];
  const stale = index.upcomingMeetings(clock).filter((m) => m.date && isPast(m.date, clock));
  const past = [...stale, ...index.pastMeetings(clock)].sort(newestFirst);
  for (const m of past) {
    const label = m.date ? `${MONTHS[Number(formatDay(m.date.day).slice(5, 7)) - 1]} ${formatDay(m.date.day).slice(0, 4)}` : 'No date';
    const last = groups[groups.length - 1];
    if (last && last.label === label) last.meetings.push(m);
    else groups.push({ label, meetings: [m] });
  }
  return groups;
}

export interface TargetEntry {
  company: Company;
  /** People there you have met or been in touch with. */
  known: Contact[];
  /** People there you have not reached yet, with who can introduce you when someone referred them. */
  oneAway: { contact: Contact; via?: Contact }[];
}

/** Have you met or been in touch with this contact? */
export function inTouch(index: NoteIndex, c: Contact, clock: Clock): boolean {
  if (c.status === 'contacted' || c.status === 'scheduled' || c.status === 'met') return true;
  if (index.outreachTo(c).some(outreachSent)) return true;
  return index.meetingsWith(c).some((m) => meetingStatus(m, clock) === 'done' || meetingStatus(m, clock) === 'planned');
}

/** Target companies first (by priority, then name), then the others; who you know at each, and who is one referral away. */
export function targetCompanies(index: NoteIndex, clock: Clock): TargetEntry[] {
  // Who can introduce you: whoever the person's own note names, else the first meeting (by path) that named them.
  const referrer = new Map<Contact, Contact>();
  const edges = index.referralEdges().sort((a, b) => Number(b.source === b.to) - Number(a.source === a.to) || byPath(a.source, b.source) || byPath(a.from, b.from));
  for (const e of edges) if (!referrer.has(e.to)) referrer.set(e.to, e.from);
  const entries = index.companies().map((company): TargetEntry => {
    const known: Contact[] = [];
    const oneAway: TargetEntry['oneAway'] = [];
    for (const c of index.contactsAt(company)) {
      if (inTouch(index, c, clock)) known.push(c);
      else oneAway.push({ contact: c, via: referrer.get(c) });
    }
    known.sort(byName);
    oneAway.sort((a, b) => byName(a.contact, b.contact));
    return { company, known, oneAway };
  });
  return entries.sort(
    (a, b) =>
      Number(b.company.target) - Number(a.company.target) ||
      (a.company.priority ?? Infinity) - (b.company.priority ?? Infinity) ||
      byName(a.company, b.company),
  );
}

export interface ReferralNode {
  contact: Contact;
  children: ReferralNode[];
  /** This person was already shown (a cycle, or a second path): shown once, never expanded again. */
  repeat?: 'cycle' | 'elsewhere';
}

/**
 * Who led to whom. Roots are people nobody referred; each node's children are
 * the people they led you to. A person is expanded once, under whoever their own
 * `referred_by` names when several led to them; a cycle is marked where it
 * closes, and a cycle with no way in gets its first member (by name) as root.
 */
export function referralTree(index: NoteIndex): ReferralNode[] {
  const edges = index.referralEdges();
  const children = new Map<Contact, Contact[]>();
  const referred = new Set<Contact>();
  // Where a person belongs when several led to them: whoever their own note says referred them.
  const primary = new Map<Contact, Contact>();
  for (const e of edges) {
    if (!children.has(e.from)) children.set(e.from, []);
    children.get(e.from)!.push(e.to);
    referred.add(e.to);
    if (e.source === e.to) primary.set(e.to, e.from);
  }
  for (const list of children.values()) list.sort(byName);
  const shown = new Set<Contact>();
  const build = (c: Contact, path: Set<Contact>, parent?: Contact): ReferralNode => {
    if (path.has(c)) return { contact: c, children: [], repeat: 'cycle' };
    const home = primary.get(c);
    if (shown.has(c) || (parent && home && home !== parent)) return { contact: c, children: [], repeat: 'elsewhere' };
    shown.add(c);
    path.add(c);
    const node = { contact: c, children: (children.get(c) ?? []).map((k) => build(k, path, c)) };
    path.delete(c);
    return node;
  };
  const roots = [...children.keys()].filter((c) => !referred.has(c)).sort(byName).map((c) => build(c, new Set()));
  // People only reachable around a cycle: start each such cycle once.
  for (const c of [...children.keys()].sort(byName)) if (!shown.has(c)) roots.push(build(c, new Set()));
  return roots;
}
