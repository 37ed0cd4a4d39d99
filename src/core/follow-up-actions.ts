// What a user can do about each kind of reminder, where it is shown: the Follow-ups
// view's inline buttons and context menu. Each action is a fix of the reminder's
// diagnostic (its `action`), so the Problems panel, the view and the tests apply
// the same edits. package.json's `rapport.followUp.*` commands and their menus are
// made from this list by scripts/manifest.mjs.

import { formatDay, parseDate, type Clock } from './dates.js';
import { setKey } from './edit.js';
import type { FollowUpCode } from './follow-ups.js';
import type { Fix, FollowUpActionId } from './model.js';
import type { NoteIndex } from './note-index.js';
import { markThankYouSentOn } from './checks/meeting-checks.js';

export interface FollowUpAction {
  id: FollowUpActionId;
  /** The command's title: a menu item, and the tooltip of the inline button. */
  title: string;
  /** A codicon name, for the inline button. */
  icon: string;
  /** The kind of reminder it is offered on. */
  code: FollowUpCode;
  /** Shown as a button on the row, not only in its context menu. */
  inline?: boolean;
}

export const FOLLOW_UP_ACTIONS: readonly FollowUpAction[] = [
  { id: 'draft-thank-you', title: 'Draft the thank-you', icon: 'edit', code: 'thank-you-pending', inline: true },
  { id: 'thank-you-sent-today', title: 'Mark thank-you sent today', icon: 'check', code: 'thank-you-pending', inline: true },
  { id: 'thank-you-sent-on', title: 'Mark thank-you sent on another date…', icon: 'calendar', code: 'thank-you-pending' },
  { id: 'thank-you-skip', title: 'Skip the thank-you', icon: 'circle-slash', code: 'thank-you-pending' },
  { id: 'promise-done', title: 'Done: tick it', icon: 'check', code: 'promise-open', inline: true },
  { id: 'followed-up-today', title: 'Followed up today', icon: 'check', code: 'follow-up-due', inline: true },
  { id: 'snooze', title: 'Snooze…', icon: 'clock', code: 'follow-up-due', inline: true },
  { id: 'draft-referrer-update', title: 'Draft the update to the referrer', icon: 'edit', code: 'referrer-update-pending', inline: true },
  { id: 'referrer-updated-today', title: 'Mark referrer updated today', icon: 'check', code: 'referrer-update-pending', inline: true },
  { id: 'draft-referral-outreach', title: 'Draft the outreach (referrer in the subject)', icon: 'edit', code: 'referral-not-contacted', inline: true },
  { id: 'mark-replied', title: 'Mark replied today', icon: 'check', code: 'outreach-no-reply', inline: true },
  { id: 'draft-follow-up', title: 'Draft a polite follow-up', icon: 'edit', code: 'outreach-no-reply', inline: true },
  { id: 'meeting-done', title: 'Mark the meeting done', icon: 'check', code: 'meeting-status-stale', inline: true },
  { id: 'meeting-no-show', title: 'Mark the meeting no-show', icon: 'circle-slash', code: 'meeting-status-stale' },
  { id: 'meeting-cancelled', title: 'Mark the meeting cancelled', icon: 'close', code: 'meeting-status-stale' },
  { id: 'set-status', title: 'Update the status', icon: 'arrow-up', code: 'status-behind', inline: true },
];

/** The command that runs an action on a Follow-ups row: `rapport.followUp.draftThankYou`. */
export function actionCommand(id: FollowUpActionId): string {
  return `rapport.followUp.${id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`;
}

/** Longest snooze, in days: beyond a year it is not a follow-up any more. */
const MAX_SNOOZE_DAYS = 365;

/** What is wrong with an answer to a fix's question, in words; undefined when it will do. */
export function checkAnswer(fix: Fix, answer: string, clock: Clock): string | undefined {
  const text = answer.trim();
  if (fix.ask?.kind === 'date') {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDate(text) : undefined;
    if (!date) return 'Write the day as YYYY-MM-DD, for example 2026-11-20.';
    if (date.day > clock.today) return 'That day has not come yet: mark it sent once it is.';
    return undefined;
  }
  if (fix.ask?.kind === 'days') {
    const days = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(days >= 1 && days <= MAX_SNOOZE_DAYS)) return `A number of days, from 1 to ${MAX_SNOOZE_DAYS}.`;
  }
  return undefined;
}

/**
 * The fix made for the answer given (checked with checkAnswer first): the date a thank-you
 * went out, the days a follow-up waits. `file` is the note the fix's diagnostic is in.
 */
export function answerFix(fix: Fix, answer: string, file: string, index: NoteIndex, clock: Clock): Fix | undefined {
  const note = index.get(file);
  const text = answer.trim();
  switch (fix.action) {
    case 'thank-you-sent-on':
      if (note?.type !== 'meeting') return undefined;
      return { title: fix.title, action: fix.action, ...markThankYouSentOn(note, text, index) };
    case 'snooze':
      if (note?.type !== 'contact') return undefined;
      return { title: fix.title, action: fix.action, edits: setKey(note, 'next_follow_up', formatDay(clock.today + Number(text))) };
    default:
      return fix;
  }
}
