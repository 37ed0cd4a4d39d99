// The calendar: planned meetings, and what falls due in the next 30 days, as an
// iCalendar file (RFC 5545) the user imports into any calendar. Each event has a
// UID made from the note (and, for a reminder, its kind and text), so importing a
// newer file updates the events instead of adding them twice.
//
// Written here rather than with ical-generator: the whole of what is needed is a
// dozen properties, line folding and text escaping, in the pure core (it runs in
// the browser too); tests read the output back with ical.js, an independent parser.

import { formatDay, type Clock } from './dates.js';
import { dueAhead } from './report.js';
import type { Settings } from './model.js';
import { meetingStatus, type NoteIndex } from './note-index.js';
import { peopleOf } from './checks/check.js';

/** Days of reminders the calendar holds, from today. */
export const CALENDAR_DAYS = 30;
/** A meeting without a `duration` is given this many minutes. */
const DEFAULT_MINUTES = 30;

export function calendar(index: NoteIndex, clock: Clock, settings: Settings): string {
  const stamp = `${compact(formatDay(clock.today))}T000000Z`;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rapport//Rapport networking notes//EN', 'CALSCALE:GREGORIAN', 'X-WR-CALNAME:Rapport'];
  const ctx = { index, clock, settings };
  for (const m of index.meetings()) {
    // Meetings still to come: a planned one whose day is past is for Follow-ups to close.
    if (!m.date || meetingStatus(m, clock) !== 'planned' || m.date.day < clock.today) continue;
    const event = ['BEGIN:VEVENT', `UID:${uid('meeting', m.path)}`, `DTSTAMP:${stamp}`];
    if (m.date.minutes === undefined) {
      event.push(`DTSTART;VALUE=DATE:${compact(formatDay(m.date.day))}`, `DTEND;VALUE=DATE:${compact(formatDay(m.date.day + 1))}`);
    } else {
      const start = m.date.day * 1440 + m.date.minutes;
      // Floating times: the note's time is local time wherever the calendar is.
      event.push(`DTSTART:${localTime(start)}`, `DTEND:${localTime(start + (m.duration ?? DEFAULT_MINUTES))}`);
    }
    const what = m.kind === 'interview' ? 'Interview' : m.kind ? `${m.kind[0].toUpperCase()}${m.kind.slice(1)} meeting` : 'Meeting';
    event.push(`SUMMARY:${text(`${what} with ${peopleOf(m.with, ctx)}`)}`,
      `DESCRIPTION:${text(m.path)}`, 'END:VEVENT');
    lines.push(...event);
  }
  for (const d of dueAhead(index, clock, settings, CALENDAR_DAYS)) {
    lines.push('BEGIN:VEVENT', `UID:${uid(d.code, `${d.file}\n${d.title}`)}`, `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(formatDay(d.day))}`, `DTEND;VALUE=DATE:${compact(formatDay(d.day + 1))}`,
      `SUMMARY:${text(d.title)}`, `DESCRIPTION:${text(`${d.code}: ${d.file}`)}`, 'TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

const compact = (day: string) => day.replace(/-/g, '');

function localTime(minutes: number): string {
  const day = Math.floor(minutes / 1440);
  const m = minutes - day * 1440;
  return `${compact(formatDay(day))}T${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}00`;
}

/** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped. */
function text(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** A stable, short UID: what the event is about, hashed (FNV-1a, 32 bits twice over). */
function uid(kind: string, about: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < about.length; i++) {
    const c = about.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0;
  }
  return `${kind}-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}@rapport`;
}

/** Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character. */
const bytes = new TextEncoder();
function fold(line: string): string {
  if (bytes.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = bytes.encode(ch).length;
    const limit = parts.length ? 74 : 75; // a continuation line starts with its space
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
