// The one list of every code Rapport reports: each check's own declaration (in
// its file), the codes the parser reports while reading a note, and Rapport's
// own for a check that fails. Severity lookups, both settings readers, the
// `rapport.checks.*` settings in package.json and docs/checks.md (both made by
// scripts/manifest.mjs at build time) all read this list, and nothing else.

import type { Severity } from '../model.js';
import { typesOf, type Check, type CodeInfo } from './check.js';
import { COMPANY_CHECKS, CONTACT_CHECKS } from './contact-checks.js';
import { MEETING_CHECKS } from './meeting-checks.js';
import { OUTREACH_CHECKS } from './outreach-checks.js';
import { REFERENCE_CHECKS } from './reference-checks.js';

/** Every check, in the order the docs list them: by the type of note they look at. */
export const CHECKS: readonly Check[] = [
  ...MEETING_CHECKS,
  ...CONTACT_CHECKS,
  ...COMPANY_CHECKS,
  ...OUTREACH_CHECKS,
  ...REFERENCE_CHECKS,
] as Check[];

/** Reported while reading a file, before any check runs (src/core/notes.ts and src/core/parse/). */
const PARSER_CODES: readonly CodeInfo[] = [
  {
    code: 'invalid-frontmatter',
    severity: 'error',
    description: 'The YAML does not parse, a required key is missing, or a value is of the wrong kind (a bad date, an unknown status); reported at the offending line.',
    appliesTo: 'parser',
    fixes: [],
  },
  {
    code: 'unsafe-frontmatter',
    severity: 'error',
    description: 'Frontmatter in any language but YAML (`---js`, `---coffee`, …): never evaluated.',
    appliesTo: 'parser',
    fixes: [],
  },
  {
    code: 'merge-conflict',
    severity: 'error',
    description: 'Git conflict markers in a note.',
    appliesTo: 'parser',
    fixes: [],
  },
];

/** A check that threw: Rapport's fault, not the note's, so it is said under a code of its own, naming the check. */
export const INTERNAL_ERROR: CodeInfo = {
  code: 'internal-error',
  severity: 'error',
  description: 'A check failed on a note: a bug in Rapport, not a mistake in the note. The message names the check; the note’s other findings are still shown. Please report it.',
  appliesTo: 'rapport',
  fixes: [],
};

/** Every code Rapport reports, with its default severity and what it means. */
export const CODES: readonly CodeInfo[] = [
  ...CHECKS.map((c): CodeInfo => ({
    code: c.code,
    severity: c.severity,
    description: c.description,
    appliesTo: typesOf(c),
    fixes: c.fixes ?? [],
  })),
  ...PARSER_CODES,
  INTERNAL_ERROR,
];

export const CHECK_CODES: ReadonlySet<string> = new Set(CODES.map((c) => c.code));

const SEVERITY = new Map(CODES.map((c) => [c.code, c.severity]));

export function defaultSeverity(code: string): Severity {
  return SEVERITY.get(code) ?? 'warning';
}
