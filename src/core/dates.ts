// Calendar arithmetic on whole days. A note's date is a local calendar day (and
// for a meeting, optionally a local time); "today" is injected so results are
// reproducible. Days are counted as integers so no time zone or DST can shift them.

export interface NoteDate {
  /** Days since 1970-01-01 in the proleptic Gregorian calendar. */
  day: number;
  /** Minutes after local midnight, when the value carried a time. */
  minutes?: number;
  text: string;
}

/** The moment checks are evaluated at. */
export interface Clock {
  today: number;
  /** Minutes after midnight; absent when only a date was given (then same-day times count as ahead). */
  minutes?: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

export function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Parse `YYYY-MM-DD` or `YYYY-MM-DD[T ]HH:MM[:SS]`; undefined for anything else or an impossible date. */
export function parseDate(value: unknown): NoteDate | undefined {
  if (typeof value !== 'string') return undefined;
  // Notes share few distinct dates (10,000 notes, a few hundred days): read each once. The
  // result is frozen, as every note with that date gets the same object.
  let date = PARSED.get(value);
  if (date === undefined) {
    date = readDate(value) ?? null;
    if (PARSED.size > 100_000) PARSED.clear();
    PARSED.set(value, date);
  }
  return date ?? undefined;
}

const PARSED = new Map<string, Readonly<NoteDate> | null>();

function readDate(value: string): Readonly<NoteDate> | undefined {
  const text = value.trim();
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  const result: NoteDate = { day: dayNumber(y, mo, d), text };
  if (m[4] !== undefined) {
    const [h, min] = [Number(m[4]), Number(m[5])];
    if (h > 23 || min > 59 || (m[6] !== undefined && Number(m[6]) > 59)) return undefined;
    result.minutes = h * 60 + min;
  }
  return Object.freeze(result);
}

const DAY_TEXT = new Map<number, string>();

export function formatDay(day: number): string {
  let text = DAY_TEXT.get(day);
  if (text === undefined) {
    text = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (DAY_TEXT.size > 100_000) DAY_TEXT.clear();
    DAY_TEXT.set(day, text);
  }
  return text;
}

/**
 * A note's date as the views write it, one way whatever the note wrote:
 * `2026-12-01 14:00`, or `2026-12-01` without a time (`T14:00` and seconds are not shown).
 */
export function formatWhen(date: NoteDate): string {
  if (date.minutes === undefined) return formatDay(date.day);
  const hh = String(Math.floor(date.minutes / 60)).padStart(2, '0');
  const mm = String(date.minutes % 60).padStart(2, '0');
  return `${formatDay(date.day)} ${hh}:${mm}`;
}

/** The clock for "now" in the local time zone. */
export function systemClock(now = new Date()): Clock {
  return { today: dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate()), minutes: now.getHours() * 60 + now.getMinutes() };
}

/** `--today 2026-11-21` (or with a time). Undefined when it is not a real date. */
export function clockFrom(text: string): Clock | undefined {
  const d = parseDate(text);
  return d && { today: d.day, minutes: d.minutes };
}

/** Has the moment of this date passed? A date without a time passes when its day is over. */
export function isPast(date: NoteDate, clock: Clock): boolean {
  if (date.day !== clock.today) return date.day < clock.today;
  return date.minutes !== undefined && clock.minutes !== undefined && date.minutes <= clock.minutes;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
