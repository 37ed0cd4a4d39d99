// Every diagnostic code Rapport reports, with its default severity and what it
// means. Codes are stable: settings, the CLI's JSON and users' habits name them.

import type { Severity } from './model.js';

export interface CodeInfo {
  code: string;
  severity: Severity;
  description: string;
}

export const CODES: readonly CodeInfo[] = [
  { code: 'thank-you-pending', severity: 'information', description: 'A meeting is done and no thank-you note is recorded; a warning once it is overdue.' },
  { code: 'referrer-update-pending', severity: 'information', description: 'Let the person who referred you know how the introduction went.' },
  { code: 'no-referrals-recorded', severity: 'hint', description: 'An informational or networking meeting is done with no `referrals` recorded.' },
  { code: 'referral-not-contacted', severity: 'information', description: 'Someone you were referred to has had no outreach or meeting since.' },
  { code: 'follow-up-due', severity: 'information', description: 'A contact’s follow-up date has come, or the keep-in-touch interval has passed.' },
  { code: 'meeting-status-stale', severity: 'information', description: 'A meeting still says planned although its date has passed.' },
  { code: 'questions-missing', severity: 'information', description: 'A meeting within three days has no `## Questions` list.' },
  { code: 'closed-question', severity: 'hint', description: 'A prepared question invites a yes or no answer.' },
  { code: 'meeting-too-long', severity: 'hint', description: 'A planned meeting asks for more than 30 minutes.' },
  { code: 'target-without-contact', severity: 'information', description: 'A target company where you know nobody yet.' },
  { code: 'outreach-informational-interview', severity: 'warning', description: 'An outreach message calls it an “informational interview”.' },
  { code: 'outreach-resume-attached', severity: 'warning', description: 'An outreach message attaches a resume nobody asked for.' },
  { code: 'outreach-asks-for-job', severity: 'warning', description: 'An outreach message asks for a job or openings.' },
  { code: 'outreach-missing-referrer', severity: 'warning', description: 'The recipient was referred to you, and the subject does not say by whom.' },
  { code: 'outreach-too-long', severity: 'information', description: 'An outreach message is longer than the word limit.' },
  { code: 'unknown-reference', severity: 'warning', description: 'A `[[link]]` that resolves to no note.' },
  { code: 'duplicate-contact', severity: 'warning', description: 'Two contacts with the same email, or the same name and company.' },
  { code: 'invalid-frontmatter', severity: 'error', description: 'The YAML does not parse, a required key is missing, or a value is of the wrong kind.' },
  { code: 'unsafe-frontmatter', severity: 'error', description: 'Frontmatter in a language other than YAML; never evaluated.' },
  { code: 'merge-conflict', severity: 'error', description: 'Git conflict markers in a note.' },
];

export const CHECK_CODES: ReadonlySet<string> = new Set(CODES.map((c) => c.code));

const SEVERITY = new Map(CODES.map((c) => [c.code, c.severity]));

export function defaultSeverity(code: string): Severity {
  return SEVERITY.get(code) ?? 'warning';
}
