// Runs the checks and turns findings into diagnostics, applying the user's
// per-check settings (off, or another severity).

import { defaultSeverity } from '../codes.js';
import type { Diagnostic, Severity } from '../model.js';
import { compareDiagnostics, MAX_DIAGNOSTICS_PER_FILE } from '../model.js';
import type { Finding, ParsedFile } from '../notes.js';
import type { Check, CheckContext } from './check.js';
import { COMPANY_CHECKS, CONTACT_CHECKS } from './contact-checks.js';
import { MEETING_CHECKS } from './meeting-checks.js';
import { OUTREACH_CHECKS } from './outreach-checks.js';
import { REFERENCE_CHECKS } from './reference-checks.js';

export type { CheckContext } from './check.js';

const ALL = [...MEETING_CHECKS, ...CONTACT_CHECKS, ...COMPANY_CHECKS, ...OUTREACH_CHECKS, ...REFERENCE_CHECKS] as Check[];

/** The checks each type of note gets under these settings, worked out once per settings (not once per note). */
const ENABLED = new WeakMap<CheckContext['settings'], Map<string, Check[]>>();
function enabledFor(ctx: CheckContext, type: string): Check[] {
  let byType = ENABLED.get(ctx.settings);
  if (!byType) {
    byType = new Map();
    for (const check of ALL) {
      if (ctx.settings.checks[check.code] === 'off') continue;
      const list = byType.get(check.appliesTo) ?? [];
      list.push(check);
      byType.set(check.appliesTo, list);
    }
    ENABLED.set(ctx.settings, byType);
  }
  return byType.get(type) ?? [];
}

/** Every diagnostic for one file. Never throws: a check that fails is reported on the note it failed on. */
export function checkFile(file: ParsedFile, ctx: CheckContext): Diagnostic[] {
  const findings: Finding[] = [...file.problems];
  if (file.type) {
    for (const check of enabledFor(ctx, file.type)) {
      try {
        for (const f of check.run(file as never, ctx)) findings.push(f); // not push(...): a note can have 100,000 findings
      } catch (e) {
        findings.push({ code: 'invalid-frontmatter', start: 0, end: 3, severity: 'error',
          message: `Rapport could not run ${check.code} on this note (${(e as Error).message}); please report it.` });
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
    if (f.fixes?.length) d.fixes = f.fixes;
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
export function checkAll(files: Iterable<ParsedFile>, ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of files) if (f.type || f.problems.length) for (const d of checkFile(f, ctx)) out.push(d);
  return out.sort(compareDiagnostics);
}
