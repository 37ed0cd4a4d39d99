// Shared by the unit tests: build an index from files given as text, and check
// it as of a fixed day, as `rapport check --today` does.

import { checkAll } from '../../src/core/checks/index.js';
import { clockFrom, type Clock } from '../../src/core/dates.js';
import type { Diagnostic } from '../../src/core/model.js';
import { NoteIndex } from '../../src/core/note-index.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.js';

export const TODAY = '2026-11-21';

export function indexOf(files: Record<string, string>): NoteIndex {
  const index = new NoteIndex();
  for (const [path, text] of Object.entries(files)) index.set(path, text);
  return index;
}

export function clock(today = TODAY): Clock {
  const c = clockFrom(today);
  if (!c) throw new Error(`bad test date ${today}`);
  return c;
}

/** Every diagnostic for these files as of `today`. */
export function check(files: Record<string, string>, today = TODAY, settings: Partial<Settings> = {}): Diagnostic[] {
  const index = indexOf(files);
  return checkAll(index.allFiles(), { index, clock: clock(today), settings: { ...DEFAULT_SETTINGS, checks: {}, ...settings } });
}

/** Diagnostics with one code. */
export function only(ds: Diagnostic[], code: string): Diagnostic[] {
  return ds.filter((d) => d.code === code);
}

/** A note from frontmatter lines and an optional body. */
export function md(frontmatter: string[], body = ''): string {
  return ['---', ...frontmatter, '---', body].join('\n');
}

/** Common cast: Sally (met), Bob (referred by Sally), Globex (target) and Initech. */
export const CAST: Record<string, string> = {
  'contacts/sally-smith.md': md(['type: contact', 'name: Sally Smith', 'company: Globex', 'email: sally@globex.example', 'status: met']),
  'contacts/bob-jones.md': md(['type: contact', 'name: Bob Jones', 'company: "[[initech]]"', 'referred_by: "[[sally-smith]]"']),
  'companies/globex.md': md(['type: company', 'name: Globex', 'target: true']),
  'companies/initech.md': md(['type: company', 'name: Initech']),
};

/** A small deterministic random source, so a generated test's failure can be replayed. */
export function rng(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}
