// What the logging commands ask, read as the notes read it: when a meeting is
// (a day, optionally a time), whether it can have happened yet, and the edit that
// marks a message sent. Pure: the editor asks the questions, this decides.

import { formatDay, isPast, parseDate, type Clock, type NoteDate } from './dates.js';
import { setKey, type EditableNote } from './edit.js';
import type { TextEdit } from './model.js';

const WHEN = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/;

/** Why `text` is not a meeting's date as the question asks for it (`2026-11-21` or `2026-11-21 14:00`); undefined when it is. */
export function whenProblem(text: string): string | undefined {
  const t = text.trim();
  if (!WHEN.test(t)) return 'Write the day as YYYY-MM-DD, or the day and time as YYYY-MM-DD HH:MM (2026-11-21 14:00).';
  if (!parseDate(t)) return `${t} is not a real ${t.includes(' ') ? 'day and time' : 'day'}.`;
  return undefined;
}

/** The meeting's date from the answer, or undefined when whenProblem has something to say. */
export function readWhen(text: string): NoteDate | undefined {
  return whenProblem(text) === undefined ? parseDate(text.trim()) : undefined;
}

/**
 * Still to come, so planned without asking: a later day, or a time today not yet
 * reached (with a clock that has no time of day, any time today, as the checks
 * count it). Today without a time may be either: the user is asked.
 */
export function isAhead(date: NoteDate, clock: Clock): boolean {
  return date.day > clock.today || (date.day === clock.today && date.minutes !== undefined && !isPast(date, clock));
}

/** The answer the date question starts with: today. */
export function defaultWhen(clock: Clock): string {
  return formatDay(clock.today);
}

/** The edits that mark a message sent on `day`: `status: sent` and `sent: <day>`, each key replaced or added. */
export function markSentEdits(note: EditableNote, day: string): TextEdit[] {
  const status = setKey(note, 'status', 'sent');
  const sent = setKey(note, 'sent', day);
  // Both keys absent: two inserts at the closing `---`, made one so their order cannot vary.
  if (!note.frontmatter.keys.get('status') && !note.frontmatter.keys.get('sent')) {
    return [{ range: status[0].range, newText: status[0].newText + sent[0].newText }];
  }
  return [...status, ...sent];
}
