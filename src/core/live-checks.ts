// Diagnostics kept current as notes change one at a time. A change re-checks
// only the notes whose results can depend on the changed one: the note itself,
// the notes it refers to, and the notes that refer to it (by id or by name),
// before and after the change.

import { CHECKS } from './checks/catalogue.js';
import type { Check } from './checks/check.js';
import { checkFile, CHECKS_BUT_PROSE, PROSE_CODES, PROSE_TYPES, type CheckContext } from './checks/index.js';
import type { Diagnostic } from './model.js';
import { compareDiagnostics } from './model.js';
import { NoteIndex } from './note-index.js';
import { parseFile, type ParsedFile } from './notes.js';

/** Run every step of a stepwise check now. */
function inOneGo(steps: Generator<void>): void {
  while (!steps.next().done);
}

export class LiveChecks {
  private readonly byFile = new Map<string, Diagnostic[]>();

  constructor(
    readonly index: NoteIndex,
    private readonly context: () => Omit<CheckContext, 'index'>,
  ) {}

  /** Start from diagnostics computed earlier for this same index (a warm start). */
  seed(byFile: Iterable<[string, Diagnostic[]]>): void {
    this.byFile.clear();
    for (const [path, ds] of byFile) if (ds.length) this.byFile.set(path, ds);
  }

  /** The diagnostics by file, as kept. */
  entries(): IterableIterator<[string, Diagnostic[]]> {
    return this.byFile.entries();
  }

  /** Check every file (the cold start). */
  checkAll(): void {
    inOneGo(this.checkEvery(CHECKS));
  }

  /**
   * The cold start in two steps, for a front end that shows what is due as soon as it can:
   * every check but those that read a draft's prose, whose first run in a process compiles
   * their grammar (Check.readsProse); then checkProse(). Between the two, a draft lacks
   * only the findings on its wording, none of which is a follow-up.
   */
  checkAllButProse(options: { keepProse?: boolean } = {}): void {
    inOneGo(this.checkEvery(CHECKS_BUT_PROSE, options.keepProse ? this.proseFindings() : undefined));
  }

  /**
   * Each draft's findings on its wording as kept now: after seed(), checkAllButProse keeps the
   * snapshot's until checkProse() replaces them (they are of the same files), so that no warning
   * the snapshot showed goes, to come back a moment later.
   */
  private proseFindings(): Map<string, Diagnostic[]> {
    const kept = new Map<string, Diagnostic[]>();
    for (const [path, ds] of this.byFile) {
      const prose = ds.filter((d) => PROSE_CODES.has(d.code));
      if (prose.length) kept.set(path, prose);
    }
    return kept;
  }

  /**
   * checkAll() a few notes at a time, one step of the generator each, for a caller that lets
   * other work run between steps (the editor's next-day snapshot at 10,000 notes: ~0.5 s).
   * Its answer is only that of one moment if the index did not change before the last step.
   */
  checkAllInSteps(notesPerStep = 100): Generator<void> {
    return this.checkEvery(CHECKS, undefined, notesPerStep);
  }

  /** The second step after checkAllButProse(): the notes prose checks look at, with every check. */
  checkProse(): void {
    const ctx = { ...this.context(), index: this.index };
    for (const f of this.index.allFiles()) {
      if (!f.type || !PROSE_TYPES.has(f.type)) continue;
      const ds = checkFile(f, ctx);
      if (ds.length) this.byFile.set(f.path, ds);
      else this.byFile.delete(f.path);
    }
  }

  /** Check every file with `checks` (each draft keeping `kept`'s findings on its wording), a step of the generator each `notesPerStep` notes. */
  private *checkEvery(checks: readonly Check[], kept?: Map<string, Diagnostic[]>, notesPerStep = Infinity): Generator<void> {
    this.byFile.clear();
    const ctx = { ...this.context(), index: this.index };
    let n = 0;
    for (const f of this.index.allFiles()) {
      if (!f.type && !f.problems.length) continue;
      let ds = checkFile(f, ctx, checks);
      const prose = f.type && PROSE_TYPES.has(f.type) ? kept?.get(f.path) : undefined;
      if (prose) ds = [...ds, ...prose].sort(compareDiagnostics);
      if (ds.length) this.byFile.set(f.path, ds);
      if (++n % notesPerStep === 0) yield;
    }
  }

  /**
   * Apply one file's new text or parsed file (undefined: deleted) and re-check what depends on
   * it. Returns the paths whose diagnostics were recomputed.
   */
  change(path: string, text: string | ParsedFile | undefined): string[] {
    const next = typeof text === 'string' ? parseFile(path, text) : text;
    // Every way another note could name this one, before or after the change.
    const keys = [...new Set([...NoteIndex.keysOf(this.index.get(path)), ...NoteIndex.keysOf(next)])];
    const affected = this.neighbourhood(path, keys);
    if (next) this.index.put(next);
    else this.index.delete(path);
    for (const p of this.neighbourhood(path, keys)) affected.add(p);
    const ctx = { ...this.context(), index: this.index };
    for (const p of affected) {
      const f = this.index.get(p);
      const ds = f && (f.type || f.problems.length) ? checkFile(f, ctx) : [];
      if (ds.length) this.byFile.set(p, ds);
      else this.byFile.delete(p);
    }
    return [...affected];
  }

  /**
   * The note, the notes that name it or depend on it, and what all of those
   * resolve to (a reference may switch from one namesake to another).
   */
  private neighbourhood(path: string, keys: string[]): Set<string> {
    const near = new Set<string>([path, ...this.index.namedBy(keys), ...this.index.dependents(path)]);
    const out = new Set(near);
    // A reference that switched between namesakes changes what its old and new target
    // see pointing at them: the target's own checks, and for a person, the meetings
    // that list them as a referral (whether they have been contacted).
    // And a person whose company now resolves elsewhere may have become, or stopped
    // being, the duplicate of a namesake.
    // Targets first, each once: the 100 meetings with one person all target that person.
    const targets = new Set<string>();
    for (const p of near) {
      for (const t of this.index.targetsOf(p)) targets.add(t);
      for (const n of this.index.namesakesOf(p)) out.add(n);
    }
    for (const t of targets) {
      out.add(t);
      for (const m of this.index.referralMentionsOf(t)) out.add(m);
    }
    return out;
  }

  diagnosticsOf(path: string): Diagnostic[] {
    return this.byFile.get(path) ?? [];
  }

  /** Every diagnostic, sorted by file then line. */
  all(): Diagnostic[] {
    return [...this.byFile.values()].flat().sort(compareDiagnostics);
  }
}
