// What a check's answers depend on besides the notes: the day, the minute (only through
// meetings today with a time) and the settings. A stored set of diagnostics (the CLI's
// warm start, the editor's snapshot) is used again only under the same key.

import type { Clock } from './dates.js';
import type { NoteIndex } from './note-index.js';
import type { Settings } from './model.js';

export interface CheckKey {
  today: number;
  minutes?: number;
  settings: string;
  /**
   * The minutes of the day for which the notes give the same answers as at `minutes`: from
   * `since` (the time of the last meeting today that had begun, or null) up to `until` (the
   * time of the next one, or null). Only a meeting's time today turns on the clock's minute,
   * so a run an hour later, with no meeting between, is still a warm start.
   */
  since?: number | null;
  until?: number | null;
}

/** The key of a check at `clock` under `settings`, without its window (see keyWithWindow). */
export function checkKey(clock: Clock, settings: Settings): CheckKey {
  return { today: clock.today, minutes: clock.minutes, settings: JSON.stringify(settings) };
}

/** The key with the window of minutes over which the notes of `index` give the same answers. */
export function keyWithWindow(key: CheckKey, index: NoteIndex): CheckKey {
  return { ...key, ...minutesWindow(index, { today: key.today, minutes: key.minutes }) };
}

/** Does the stored state `a` give the answers for `b`? The same day and settings, and a minute in a's window. */
export function sameKey(a: CheckKey, b: CheckKey): boolean {
  if (a.today !== b.today || a.settings !== b.settings) return false;
  if (a.minutes === undefined || b.minutes === undefined) return a.minutes === b.minutes;
  return (a.since ?? -Infinity) <= b.minutes && b.minutes < (a.until ?? Infinity);
}

/**
 * The minutes of today over which these notes give the answers they give at the clock's:
 * a meeting today with a time is done once that time has come (isPast), and nothing
 * else turns on the minute. From the time of the last such meeting that has come, to the
 * time of the next.
 */
function minutesWindow(index: NoteIndex, clock: Clock): { since: number | null; until: number | null } {
  let since: number | null = null;
  let until: number | null = null;
  if (clock.minutes === undefined) return { since, until };
  for (const m of index.meetings()) {
    const at = m.date?.day === clock.today ? m.date.minutes : undefined;
    if (at === undefined) continue;
    if (at <= clock.minutes) since = Math.max(since ?? at, at);
    else until = Math.min(until ?? at, at);
  }
  return { since, until };
}
