// The report: how the search moves, week by week — meetings held, messages sent,
// referrals gained — the thank-you record, how far each target company is, and the
// week ahead. Plain figures, exactly as the spec's JSON contract defines them; the
// CLI prints them as Markdown, JSON or HTML, and the editor shows them in a webview.

import { checkAll } from './checks/index.js';
import { CHECKS } from './checks/catalogue.js';
import { formatDay, formatWhen, parseDate, type Clock } from './dates.js';
import { followUps, type FollowUpCode } from './follow-ups.js';
import type { Settings } from './model.js';
import { meetingStatus, type NoteIndex } from './note-index.js';
import type { Contact, Meeting } from './notes.js';
import { peopleOf } from './checks/check.js';

export interface ReportWeek {
  /** The week's Monday. */
  start: string;
  meetings: number;
  outreach_sent: number;
  referrals_gained: number;
}

export interface ThankYouRecord {
  on_time: number;
  late: number;
  undated: number;
  pending: number;
  skipped: number;
}

export interface ReportTarget {
  id: string;
  name: string;
  priority: number | null;
  /** Contacts at the company. */
  known: string[];
  /** The shortest chain of referrals from someone met to someone there; [] when someone there was met; null when none. */
  path: string[] | null;
}

export interface AgendaItem {
  date: string;
  /** A follow-up's code, or `meeting` for a planned meeting. */
  code: string;
  file: string;
  title: string;
}

export interface Report {
  today: string;
  weeks: ReportWeek[];
  totals: {
    contacts: number;
    meetings_done: number;
    meetings_planned: number;
    outreach_sent: number;
    replies: number;
    referrals_gained: number;
    thank_you: ThankYouRecord;
  };
  targets: ReportTarget[];
  agenda: AgendaItem[];
}

export const DEFAULT_REPORT_WEEKS = 12;

/** The name a report shows for an id: its contact's or company's name, else the id. */
export function nameOfId(index: NoteIndex, id: string): string {
  const path = index.pathOf(id);
  const note = path ? index.get(path) : undefined;
  return note?.type === 'contact' || note?.type === 'company' ? note.name : id;
}
/** The agenda's days: today and the six after it. */
export const AGENDA_DAYS = 7;

/** Monday of the week holding `day` (day 0, 1970-01-01, was a Thursday). */
export function mondayOf(day: number): number {
  return day - (((day + 3) % 7) + 7) % 7;
}

export function buildReport(index: NoteIndex, clock: Clock, settings: Settings, weeks = DEFAULT_REPORT_WEEKS): Report {
  const today = clock.today;
  const firstWeek = mondayOf(today) - 7 * (weeks - 1);
  const rows: ReportWeek[] = Array.from({ length: weeks }, (_, i) => ({ start: formatDay(firstWeek + 7 * i), meetings: 0, outreach_sent: 0, referrals_gained: 0 }));
  const week = (day: number) => {
    const i = Math.floor((day - firstWeek) / 7);
    return i >= 0 && i < weeks ? rows[i] : undefined;
  };

  const thankYou: ThankYouRecord = { on_time: 0, late: 0, undated: 0, pending: 0, skipped: 0 };
  let done = 0;
  let planned = 0;
  let referrals = 0;
  for (const m of index.meetings()) {
    const status = meetingStatus(m, clock);
    if (status === 'planned') planned++;
    if (status !== 'done') continue;
    done++;
    const gained = m.referrals?.length ?? 0;
    referrals += gained;
    if (m.date) {
      const w = week(m.date.day);
      if (w) {
        w.meetings++;
        w.referrals_gained += gained;
      }
    }
    recordThankYou(thankYou, m, settings.thankYouDays);
  }

  let sent = 0;
  let replies = 0;
  for (const o of index.outreach()) {
    if (o.status === 'replied') replies++;
    if (!o.sent) continue;
    sent++;
    const w = week(o.sent.day);
    if (w) w.outreach_sent++;
  }

  return {
    today: formatDay(today),
    weeks: rows,
    totals: {
      contacts: index.contacts().length,
      meetings_done: done,
      meetings_planned: planned,
      outreach_sent: sent,
      replies,
      referrals_gained: referrals,
      thank_you: thankYou,
    },
    targets: targets(index, clock),
    agenda: agenda(index, clock, settings),
  };
}

/** A done meeting's thank-you: on time (a date by the due day), late, undated (`true`), skipped, or pending. */
function recordThankYou(record: ThankYouRecord, m: Meeting, thankYouDays: number): void {
  if (m.thankYou === 'pending') record.pending++;
  else if (m.thankYou === 'skip') record.skipped++;
  else {
    const sent = parseDate(typeof m.data.thank_you === 'string' ? m.data.thank_you.trim() : undefined);
    if (!sent || !m.date) record.undated++;
    else if (sent.day <= m.date.day + thankYouDays) record.on_time++;
    else record.late++;
  }
}

/** Target companies, by priority (none last) then name, with who is known there and the way in. */
function targets(index: NoteIndex, clock: Clock): ReportTarget[] {
  // Everyone met: one pass over the meetings (not a lookup of each contact's meetings).
  const met = new Set<Contact>();
  for (const m of index.meetings()) {
    if (meetingStatus(m, clock) !== 'done') continue;
    for (const r of m.with) {
      const c = index.resolve(r, 'contact');
      if (c) met.add(c);
    }
  }
  const reach = referralReach(index, met);
  return index
    .companies()
    .filter((c) => c.target)
    .sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity) || a.name.localeCompare(b.name))
    .map((company) => {
      const known = index.contactsAt(company);
      return { id: company.id, name: company.name, priority: company.priority ?? null, known: known.map((c) => c.id), path: wayIn(known, met, reach) };
    });
}

/**
 * Breadth first from everyone met at once, along referrals (who led to whom): for each person
 * reached, the order they were reached in and who led to them. Once for all targets.
 */
function referralReach(index: NoteIndex, met: Set<Contact>): Map<Contact, { order: number; from: Contact | null }> {
  const next = new Map<Contact, Contact[]>();
  for (const e of index.referralEdges()) {
    const list = next.get(e.from);
    if (list) list.push(e.to);
    else next.set(e.from, [e.to]);
  }
  const reach = new Map<Contact, { order: number; from: Contact | null }>();
  const queue = [...met].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const c of queue) reach.set(c, { order: reach.size, from: null });
  for (let i = 0; i < queue.length; i++) {
    for (const d of next.get(queue[i]) ?? []) {
      if (reach.has(d)) continue;
      reach.set(d, { order: reach.size, from: queue[i] });
      queue.push(d);
    }
  }
  return reach;
}

/** The chain to the first person there that the search reached: a shortest one. [] when someone there was met; null when none is reached. */
function wayIn(known: Contact[], met: Set<Contact>, reach: Map<Contact, { order: number; from: Contact | null }>): string[] | null {
  if (known.some((c) => met.has(c))) return [];
  let first: Contact | undefined;
  for (const c of known) if (reach.has(c) && (!first || reach.get(c)!.order < reach.get(first)!.order)) first = c;
  if (!first) return null;
  const path: string[] = [];
  for (let x: Contact | null = first; x; x = reach.get(x)!.from) path.unshift(x.id);
  return path;
}

/** The reminders that can fall due ahead (not the tidying ones: stale meetings, statuses behind). */
const AGENDA_CODES: readonly FollowUpCode[] = ['thank-you-pending', 'promise-open', 'follow-up-due', 'referrer-update-pending', 'referral-not-contacted', 'outreach-no-reply'];
const AGENDA_CHECKS = CHECKS.filter((c) => (AGENDA_CODES as readonly string[]).includes(c.code));

export interface AgendaDay {
  /** "Today", "Tomorrow", "Wednesday". */
  label: string;
  date: string;
  items: AgendaItem[];
}

/** The agenda by day, for the This week view: each day that has something, labelled as a person says it. */
export function agendaByDay(index: NoteIndex, clock: Clock, settings: Settings): AgendaDay[] {
  const days: AgendaDay[] = [];
  for (const item of agenda(index, clock, settings)) {
    let day = days[days.length - 1];
    if (day?.date !== item.date) {
      const n = parseDate(item.date)!.day;
      const label = n === clock.today ? 'Today' : n === clock.today + 1 ? 'Tomorrow' : WEEKDAYS[(((n + 3) % 7) + 7) % 7];
      days.push((day = { label, date: item.date, items: [] }));
    }
    day.items.push(item);
  }
  return days;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Planned meetings and what falls due from today to six days ahead, by date then file.
 * Already overdue is in Follow-ups, not ahead.
 */
function agenda(index: NoteIndex, clock: Clock, settings: Settings): AgendaItem[] {
  const last = clock.today + AGENDA_DAYS - 1;
  const items: (AgendaItem & { day: number; minutes: number })[] = [];
  for (const m of index.upcomingMeetings(clock)) {
    if (!m.date || m.date.day > last || m.date.day < clock.today) continue;
    items.push({ day: m.date.day, minutes: m.date.minutes ?? -1, date: formatDay(m.date.day), code: 'meeting', file: m.path,
      title: `Meeting with ${peopleOf(m.with, { index, clock, settings })}${m.date.minutes !== undefined ? ` at ${formatWhen(m.date).slice(11)}` : ''}` });
  }
  for (const d of dueAhead(index, clock, settings, AGENDA_DAYS)) items.push({ ...d, minutes: -1, date: formatDay(d.day) });
  return items
    .sort((a, b) => a.day - b.day || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.minutes - b.minutes)
    .map(({ date, code, file, title }) => ({ date, code, file, title }));
}

export interface DueAhead {
  day: number;
  code: FollowUpCode;
  file: string;
  title: string;
}

/**
 * The reminders that fall due from today to `days - 1` days ahead, each on the day it falls
 * due: what the reminder checks find as of the last day, by the day each fell due.
 */
export function dueAhead(index: NoteIndex, clock: Clock, settings: Settings, days: number): DueAhead[] {
  const last = clock.today + days - 1;
  const ahead = checkAll(index.allFiles(), { index, clock: { today: last }, settings }, AGENDA_CHECKS);
  return followUps(ahead)
    .filter((f) => f.due >= clock.today && f.due <= last)
    .map((f) => ({ day: f.due, code: f.code, file: f.diagnostic.file, title: f.label }));
}
