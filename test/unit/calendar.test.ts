// The calendar read back by an independent parser (ical.js): every planned meeting at
// its local time for its duration, an all-day one without a time, what falls due in the
// next 30 days as all-day events, and the same UIDs from one run to the next.

import { strict as assert } from 'node:assert';
import ICAL from 'ical.js';
import { calendar } from '../../src/core/calendar.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { CAST, clock, indexOf, md } from './helpers.js';

const FILES = {
  ...CAST,
  'meetings/a.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-24 15:00', 'duration: 45', 'kind: informational']),
  'meetings/b.md': md(['type: meeting', 'with: "[[bob-jones]]"', 'date: 2026-12-02']),
  'meetings/c.md': md(['type: meeting', 'with: "[[bob-jones]]"', 'date: 2026-11-20T23:45', 'status: planned']), // past: not in
  'meetings/d.md': md(['type: meeting', 'with: ["[[bob-jones]]", "[[sally-smith]]"]', 'date: 2026-11-21 23:45', 'kind: interview']),
  'contacts/ann.md': md(['type: contact', 'name: Ann; Lee, Jr.', 'next_follow_up: 2026-12-20']),
  'contacts/long.md': md(['type: contact', 'name: Maximiliana Wilhelmina Theodora von Habsburg-Lothringen-Åström-Ørsted', 'next_follow_up: 2026-12-01']),
  'contacts/far.md': md(['type: contact', 'name: Far Future', 'next_follow_up: 2026-12-21']), // the 31st day: out
};

function events(text: string) {
  const vcal = new ICAL.Component(ICAL.parse(text));
  return vcal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

describe('the calendar (rapport export ics)', () => {
  const text = calendar(indexOf(FILES), clock(), { ...DEFAULT_SETTINGS, checks: {} });

  it('is valid iCalendar: CRLF lines of at most 75 octets, read back by ical.js', () => {
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
    for (const line of text.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, line);
    assert.ok(!/[^\r]\n/.test(text), 'a bare LF');
    assert.ok(text.includes('\r\n '), 'no long line was folded');
    assert.ok(events(text).length > 0);
  });

  it('has every planned meeting from today on, at its local time and for its duration (30 minutes without one)', () => {
    const meetings = events(text).filter((e) => e.uid.startsWith('meeting-'));
    const shown = meetings.map((e) => [e.summary, e.startDate.toString(), e.endDate.toString(), e.startDate.isDate]).sort();
    assert.deepEqual(shown, [
      ['Informational meeting with Sally Smith', '2026-11-24T15:00:00', '2026-11-24T15:45:00', false],
      ['Interview with Bob Jones and Sally Smith', '2026-11-21T23:45:00', '2026-11-22T00:15:00', false],
      ['Meeting with Bob Jones', '2026-12-02', '2026-12-03', true],
    ]);
    // Floating time: no zone, the note's local time wherever the calendar is.
    assert.ok(meetings.every((e) => e.startDate.zone?.tzid === 'floating'));
  });

  it('has what falls due in the next 30 days as all-day events, text escaped', () => {
    const due = events(text).filter((e) => !e.uid.startsWith('meeting-'));
    assert.ok(due.every((e) => e.startDate.isDate));
    const titles = due.map((e) => `${e.startDate.toString()} ${e.summary}`);
    assert.ok(titles.includes('2026-12-20 Follow up with Ann; Lee, Jr.'), titles.join('\n'));
    assert.ok(titles.includes('2026-12-01 Follow up with Maximiliana Wilhelmina Theodora von Habsburg-Lothringen-Åström-Ørsted'), 'a folded line reads back whole');
    assert.ok(!titles.some((t) => t.includes('Far Future')), 'the 31st day is out');
  });

  it('keeps each event’s UID from one run to the next, and a changed time updates, not duplicates', () => {
    const uids = (t: string) => events(t).map((e) => e.uid).sort();
    assert.deepEqual(uids(calendar(indexOf(FILES), clock(), { ...DEFAULT_SETTINGS, checks: {} })), uids(text));
    const moved = calendar(indexOf({ ...FILES, 'meetings/a.md': FILES['meetings/a.md'].replace('15:00', '16:00') }), clock(), { ...DEFAULT_SETTINGS, checks: {} });
    assert.deepEqual(uids(moved), uids(text));
    assert.equal(new Set(uids(text)).size, uids(text).length, 'two events share a UID');
  });
});
