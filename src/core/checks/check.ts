// What a check is: a small unit with a stable code that looks at one note (and,
// through the index, at the notes it refers to) and returns findings with fixes.

import type { Clock } from '../dates.js';
import type { NoteType } from '../model.js';
import type { NoteIndex } from '../note-index.js';
import type { Finding, Note } from '../notes.js';
import type { Settings } from '../settings.js';

export interface CheckContext {
  index: NoteIndex;
  clock: Clock;
  settings: Settings;
}

export interface Check<T extends NoteType = NoteType> {
  code: string;
  appliesTo: T;
  run(note: Extract<Note, { type: T }>, ctx: CheckContext): Finding[];
}

export function defineCheck<T extends NoteType>(check: Check<T>): Check<T> {
  return check;
}

/** The span of the first of `keys` present in the frontmatter (key and value's first line), else the opening `---`. */
export function keySpan(note: Note, ...keys: string[]): { start: number; end: number } {
  for (const key of keys) {
    const k = note.frontmatter.keys.get(key);
    if (!k) continue;
    const end = Math.max(k.keyEnd, k.valueEnd);
    const lineEnd = note.lines.lineEnd(note.lines.position(k.keyStart).line);
    return { start: k.keyStart, end: Math.min(end, lineEnd) };
  }
  return { start: 0, end: 3 };
}

/** "Sally Smith", "Sally Smith and Bob Jones": the people a meeting was with, by name. */
export function peopleOf(refs: { id?: string; text: string }[], ctx: CheckContext): string {
  const names = refs.map((r) => ctx.index.resolve(r as never, 'contact')?.name ?? r.text);
  if (names.length <= 1) return names[0] ?? 'them';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
