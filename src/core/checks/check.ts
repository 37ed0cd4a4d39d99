// What a check is: a small unit with a stable code that looks at one note (and,
// through the index, at the notes it refers to) and returns findings with fixes.
// It says what it is where it is written: code, default severity, description,
// the notes it applies to and its fixes; the catalogue, the settings in
// package.json and docs/checks.md are made from that.

import type { Clock } from '../dates.js';
import type { NoteType, Settings, Severity } from '../model.js';
import type { NoteIndex } from '../note-index.js';
import type { Finding, Note } from '../notes.js';

export interface CheckContext {
  index: NoteIndex;
  clock: Clock;
  settings: Settings;
  /**
   * false: the diagnostics keep no fixes. The CLI prints none, and kept, they were a fifth of a
   * check's memory at 100,000 notes; the editor, whose quick fixes and Follow-ups apply them, keeps them.
   */
  fixes?: boolean;
}

/** What Rapport says about one code it reports: a check's, the parser's or its own. */
export interface CodeInfo {
  /** Stable: settings, the CLI's JSON and users' habits name it. */
  code: string;
  /** The severity unless the user's settings say otherwise (a finding may raise it, as an overdue thank-you does). */
  severity: Severity;
  /** One or two sentences for the settings UI and docs/checks.md (Markdown). */
  description: string;
  /** The types of note a check looks at; or who else reports the code: the parser, on any Markdown file, or Rapport itself. */
  appliesTo: readonly NoteType[] | 'parser' | 'rapport';
  /** The quick fixes offered with it, in words (their titles name the person or date). */
  fixes: readonly string[];
}

export interface Check<T extends NoteType = NoteType> {
  code: string;
  severity: Severity;
  description: string;
  appliesTo: T | readonly T[];
  fixes?: readonly string[];
  /**
   * It reads a draft's prose with the grammar and model of phrases.ts, whose first use in a
   * process compiles them (~0.3 s): the editor's first check runs the others first, so that
   * what is due is shown before the grammar is ready (LiveChecks.checkAllButProse).
   */
  readsProse?: true;
  run(note: Extract<Note, { type: T }>, ctx: CheckContext): Finding[];
}

export function defineCheck<T extends NoteType>(check: Check<T>): Check<T> {
  return check;
}

/** The types of note a check looks at, as a list. */
export function typesOf(check: Check): readonly NoteType[] {
  return typeof check.appliesTo === 'string' ? [check.appliesTo] : check.appliesTo;
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
