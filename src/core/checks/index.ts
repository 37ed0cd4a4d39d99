// Runs the checks and turns findings into diagnostics, applying the user's
// per-check settings (off, or another severity).

import type { Diagnostic, Severity } from '../model.js';
import { compareDiagnostics, MAX_DIAGNOSTICS_PER_FILE } from '../model.js';
import type { Finding, ParsedFile } from '../notes.js';
import { CHECKS, defaultSeverity, INTERNAL_ERROR } from './catalogue.js';
import { typesOf, type Check, type CheckContext } from './check.js';

export type { CheckContext } from './check.js';

/** Every check but those that read a draft's prose (Check.readsProse), the types of note those look at, and their codes. */
export const CHECKS_BUT_PROSE: readonly Check[] = CHECKS.filter((c) => !c.readsProse);
export const PROSE_TYPES: ReadonlySet<string> = new Set(CHECKS.filter((c) => c.readsProse).flatMap((c) => typesOf(c)));
export const PROSE_CODES: ReadonlySet<string> = new Set(CHECKS.filter((c) => c.readsProse).map((c) => c.code));

/**
 * The checks each type of note gets under these settings, worked out once per list and
 * settings (not once per note). The list is the catalogue's, or a test's own.
 */
const ENABLED = new WeakMap<readonly Check[], WeakMap<CheckContext['settings'], Map<string, Check[]>>>();
function enabledFor(checks: readonly Check[], ctx: CheckContext, type: string): Check[] {
  let bySettings = ENABLED.get(checks);
  if (!bySettings) ENABLED.set(checks, (bySettings = new WeakMap()));
  let byType = bySettings.get(ctx.settings);
  if (!byType) {
    byType = new Map();
    for (const check of checks) {
      if (ctx.settings.checks[check.code] === 'off') continue;
      for (const type of typesOf(check)) {
        const list = byType.get(type) ?? [];
        list.push(check);
        byType.set(type, list);
      }
    }
    bySettings.set(ctx.settings, byType);
  }
  return byType.get(type) ?? [];
}

/**
 * Every diagnostic for one file, from the catalogue's checks (or the `checks` given). Never
 * throws: a check that fails is reported on the note it failed on, as `internal-error`.
 */
export function checkFile(file: ParsedFile, ctx: CheckContext, checks: readonly Check[] = CHECKS): Diagnostic[] {
  const findings: Finding[] = [...file.problems];
  if (file.type) {
    for (const check of enabledFor(checks, ctx, file.type)) {
      try {
        for (const f of check.run(file as never, ctx)) findings.push(f); // not push(...): a note can have 100,000 findings
      } catch (e) {
        findings.push({ code: INTERNAL_ERROR.code, start: 0, end: 3,
          message: `Rapport’s check ${check.code} failed on this note (${String((e as Error)?.message ?? e)}): a bug in Rapport, not in your note; please report it.` });
      }
    }
  }
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const setting = ctx.settings.checks[f.code];
    if (setting === 'off') continue;
    const severity: Severity = setting && setting !== 'default' ? setting : (f.severity ?? defaultSeverity(f.code));
    const lines = file.lines!;
    const d: Diagnostic = { file: file.path, range: lines.range(f.start, f.end), severity, code: f.code, message: f.message };
    if (f.fixes?.length && ctx.fixes !== false) d.fixes = f.fixes;
    if (f.overdue) d.overdue = true;
    if (f.followUp) d.followUp = f.followUp;
    out.push(d);
  }
  out.sort(compareDiagnostics);
  return out.length > MAX_DIAGNOSTICS_PER_FILE ? capped(out) : out;
}

/**
 * The first diagnostics of a note, and one at the first left out that says there are more (not
 * how many: a note's links and conflict markers are only read so far, see MAX_BODY_LINKS).
 */
function capped(ds: Diagnostic[]): Diagnostic[] {
  const first = ds[MAX_DIAGNOSTICS_PER_FILE];
  const shown = ds.slice(0, MAX_DIAGNOSTICS_PER_FILE);
  shown.push({
    file: first.file,
    range: first.range,
    severity: first.severity,
    code: first.code,
    message: `This note has more problems than are shown: Rapport shows a note's first ${MAX_DIAGNOSTICS_PER_FILE.toLocaleString('en-US')}.`,
  });
  return shown;
}

/** Every diagnostic in the index, sorted by file, then line. */
export function checkAll(files: Iterable<ParsedFile>, ctx: CheckContext, checks: readonly Check[] = CHECKS): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of files) if (f.type || f.problems.length) for (const d of checkFile(f, ctx, checks)) out.push(d);
  return out.sort(compareDiagnostics);
}
