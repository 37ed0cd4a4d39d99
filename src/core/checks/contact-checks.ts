// Checks on contacts and companies: who is due a follow-up, who is written down
// twice, and which target companies still need a way in.

import { formatDay, isPast, plural } from '../dates.js';
import { meetingStatus } from '../note-index.js';
import { defineCheck, keySpan } from './check.js';

/** Days late after which a follow-up turns from a reminder into a warning. */
const FOLLOW_UP_GRACE_DAYS = 7;

export const followUpDue = defineCheck({
  code: 'follow-up-due',
  severity: 'information',
  description: `A contact’s \`next_follow_up\` has come, or \`keep_in_touch_days\` have passed since the last meeting; a warning when more than ${FOLLOW_UP_GRACE_DAYS} days late. A meeting booked ahead counts as the follow-up.`,
  appliesTo: 'contact',
  run(c, ctx) {
    if (!c.nextFollowUp && !c.keepInTouchDays) return [];
    const meetings = ctx.index.meetingsWith(c);
    // A meeting already booked is the follow-up, in hand.
    if (meetings.some((m) => m.date && meetingStatus(m, ctx.clock) === 'planned' && !isPast(m.date, ctx.clock))) return [];
    const lastMet = meetings
      .filter((m) => m.date && meetingStatus(m, ctx.clock) === 'done')
      .reduce((max, m) => Math.max(max, m.date!.day), -Infinity);
    let due: number | undefined;
    let why = '';
    let key = '';
    // An explicit follow-up date is the user's plan and wins, unless a meeting since has met it.
    if (c.nextFollowUp && !(lastMet >= c.nextFollowUp.day)) {
      due = c.nextFollowUp.day;
      why = `next_follow_up was ${c.nextFollowUp.text}`;
      key = 'next_follow_up';
    } else if (c.keepInTouchDays && lastMet > -Infinity) {
      due = lastMet + c.keepInTouchDays;
      why = `last met ${formatDay(lastMet)}, keeping in touch every ${plural(c.keepInTouchDays, 'day')}`;
      key = 'keep_in_touch_days';
    }
    if (due === undefined || due > ctx.clock.today) return [];
    const late = ctx.clock.today - due;
    const overdue = late > FOLLOW_UP_GRACE_DAYS;
    return [{
      code: this.code,
      ...keySpan(c, key),
      severity: overdue ? 'warning' : 'information',
      overdue,
      followUp: { label: `Follow up with ${c.name}`, detail: late === 0 ? 'today' : `${plural(late, 'day')} late`, due },
      message: `Follow up with ${c.name} ${late === 0 ? 'today' : `(${plural(late, 'day')} late)`}: ${why}.`,
    }];
  },
});

export const duplicateContact = defineCheck({
  code: 'duplicate-contact',
  severity: 'warning',
  description: 'Two contacts with the same email, or the same name and company.',
  appliesTo: 'contact',
  run(c, ctx) {
    const others = ctx.index.namesakes(c);
    if (!others.length) return [];
    const sameEmail = others.some((o) => o.email && c.email && o.email.toLowerCase() === c.email.toLowerCase());
    return [{
      code: this.code,
      ...keySpan(c, sameEmail ? 'email' : 'name'),
      message: `${sameEmail ? `Same email as` : `Same name and company as`} ${others.map((o) => o.path).join(', ')}: merge the notes, or tell them apart.`,
    }];
  },
});

export const targetWithoutContact = defineCheck({
  code: 'target-without-contact',
  severity: 'information',
  description: 'A `target: true` company where you know nobody yet: show your target list and ask your contacts who they know there.',
  appliesTo: 'company',
  run(co, ctx) {
    if (!co.target || ctx.index.hasContactAt(co)) return [];
    return [{ code: this.code, ...keySpan(co, 'target', 'name'),
      message: `You know nobody at ${co.name} yet: show your target list and ask your contacts who they know there.` }];
  },
});

export const CONTACT_CHECKS = [followUpDue, duplicateContact];
export const COMPANY_CHECKS = [targetWithoutContact];
