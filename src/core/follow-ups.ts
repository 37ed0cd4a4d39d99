// What is due, most urgent first: the Follow-ups view and the status bar count
// read this, so the editor and any other front end agree on the order.

import type { Diagnostic } from './model.js';

/** The kinds of reminder that are due, in the order they are shown. */
export const FOLLOW_UP_ORDER = [
  'thank-you-pending',
  'promise-open',
  'follow-up-due',
  'referrer-update-pending',
  'referral-not-contacted',
  'outreach-no-reply',
  'meeting-status-stale',
  'status-behind',
] as const;

export type FollowUpCode = (typeof FOLLOW_UP_ORDER)[number];

export interface FollowUp {
  code: FollowUpCode;
  label: string;
  detail: string;
  due: number;
  overdue: boolean;
  diagnostic: Diagnostic;
}

/**
 * The due items among diagnostics: overdue thank-yous first (longest overdue
 * first), then the rest of the thank-yous, promises made in meetings, follow-ups,
 * referrer updates, uncontacted referrals, messages without a reply, stale meetings
 * and statuses behind the notes, each kind overdue first, then oldest first.
 */
export function followUps(diagnostics: Iterable<Diagnostic>): FollowUp[] {
  const out: FollowUp[] = [];
  for (const d of diagnostics) {
    const rank = FOLLOW_UP_ORDER.indexOf(d.code as FollowUpCode);
    if (rank === -1 || !d.followUp) continue;
    out.push({ code: d.code as FollowUpCode, ...d.followUp, overdue: d.overdue === true, diagnostic: d });
  }
  const rank = (f: FollowUp) => FOLLOW_UP_ORDER.indexOf(f.code);
  return out.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      Number(b.overdue) - Number(a.overdue) ||
      a.due - b.due ||
      (a.diagnostic.file < b.diagnostic.file ? -1 : a.diagnostic.file > b.diagnostic.file ? 1 : 0) ||
      a.diagnostic.range.start.line - b.diagnostic.range.start.line,
  );
}
