// Checks on contacts and companies: who is due a follow-up, who is written down
// twice, and which target companies still need a way in.

import { formatDay, isPast, plural } from '../dates.js';
import { setKey } from '../edit.js';
import { meetingStatus } from '../note-index.js';
import { outreachSent, type Contact, type ContactStatus } from '../notes.js';
import { defineCheck, keySpan, type CheckContext } from './check.js';

/** Days late after which a follow-up turns from a reminder into a warning. */
const FOLLOW_UP_GRACE_DAYS = 7;

/** Where a contact's last contact came from, for the message. */
export interface LastContact {
  day: number;
  source: 'meeting' | 'outreach' | 'last_contact';
}

/**
 * The latest of: a done meeting with them, an outreach to them that went out (its
 * `replied` date when later than `sent`), and their own `last_contact`. Undefined: never contacted.
 */
export function lastContactOf(c: Contact, ctx: CheckContext): LastContact | undefined {
  let last: LastContact | undefined;
  const consider = (day: number | undefined, source: LastContact['source']) => {
    if (day !== undefined && (!last || day > last.day)) last = { day, source };
  };
  for (const m of ctx.index.meetingsWith(c)) if (m.date && meetingStatus(m, ctx.clock) === 'done') consider(m.date.day, 'meeting');
  for (const o of ctx.index.outreachTo(c)) {
    if (!outreachSent(o)) continue;
    consider(Math.max(o.sent?.day ?? -Infinity, o.replied?.day ?? -Infinity), 'outreach');
  }
  consider(c.lastContact?.day, 'last_contact');
  return last && Number.isFinite(last.day) ? last : undefined;
}

/** The contact's cadence: their own `keep_in_touch_days`, else the smallest of `rapport.keepInTouchByTag` for their tags. */
export function cadenceOf(c: Contact, ctx: CheckContext): { days: number; tag?: string } | undefined {
  if (c.keepInTouchDays) return { days: c.keepInTouchDays };
  let best: { days: number; tag?: string } | undefined;
  for (const tag of c.tags) {
    const days = ctx.settings.keepInTouchByTag[tag.toLowerCase()];
    if (days && (!best || days < best.days)) best = { days, tag };
  }
  return best;
}

const SOURCE_WORDS: Record<LastContact['source'], string> = { meeting: 'met', outreach: 'wrote', last_contact: 'in touch' };

/** Days a snooze puts a follow-up off, unless the user says otherwise. */
export const SNOOZE_DAYS = 7;

export const followUpDue = defineCheck({
  code: 'follow-up-due',
  severity: 'information',
  description: `A contact’s \`next_follow_up\` has come, or their keep-in-touch days (\`keep_in_touch_days\`, or \`rapport.keepInTouchByTag\` for their tags, the smallest) have passed since the last contact: a done meeting, a sent or replied outreach, or \`last_contact\`. A warning when more than ${FOLLOW_UP_GRACE_DAYS} days late. A meeting booked ahead counts as the follow-up; a contact never contacted is never due by cadence.`,
  appliesTo: 'contact',
  fixes: ['Followed up today (sets `last_contact`)', `Snooze for the days you choose (${SNOOZE_DAYS} offered; sets \`next_follow_up\`)`],
  run(c, ctx) {
    const cadence = cadenceOf(c, ctx);
    if (!c.nextFollowUp && !cadence) return [];
    const meetings = ctx.index.meetingsWith(c);
    // A meeting already booked is the follow-up, in hand.
    if (meetings.some((m) => m.date && meetingStatus(m, ctx.clock) === 'planned' && !isPast(m.date, ctx.clock))) return [];
    const last = lastContactOf(c, ctx);
    let due: number | undefined;
    let why = '';
    let key = '';
    // An explicit follow-up date is the user's plan and wins, unless a contact since has met it.
    if (c.nextFollowUp && !(last && last.day >= c.nextFollowUp.day)) {
      due = c.nextFollowUp.day;
      why = `next_follow_up was ${c.nextFollowUp.text}`;
      key = 'next_follow_up';
    } else if (cadence && last) {
      due = last.day + cadence.days;
      why = `last ${SOURCE_WORDS[last.source]} ${formatDay(last.day)}, keeping in touch every ${plural(cadence.days, 'day')}${cadence.tag ? ` (tag ${cadence.tag})` : ''}`;
      key = cadence.tag ? 'tags' : 'keep_in_touch_days';
    }
    if (due === undefined || due > ctx.clock.today) return [];
    const late = ctx.clock.today - due;
    const overdue = late > FOLLOW_UP_GRACE_DAYS;
    const today = formatDay(ctx.clock.today);
    const snoozed = formatDay(ctx.clock.today + SNOOZE_DAYS);
    return [{
      code: this.code,
      ...keySpan(c, key, 'name'),
      severity: overdue ? 'warning' : 'information',
      overdue,
      followUp: { label: `Follow up with ${c.name}`, detail: late === 0 ? 'today' : `${plural(late, 'day')} late`, due },
      message: `Follow up with ${c.name} ${late === 0 ? 'today' : `(${plural(late, 'day')} late)`}: ${why}.`,
      fixes: [
        { title: `Followed up with ${c.name} today (${today})`, action: 'followed-up-today', edits: setKey(c, 'last_contact', today) },
        { title: 'Snooze…', action: 'snooze', edits: setKey(c, 'next_follow_up', snoozed),
          ask: { kind: 'days', prompt: `Days until you follow up with ${c.name}`, value: String(SNOOZE_DAYS) } },
      ],
    }];
  },
});

const STATUS_RANK: Record<string, number> = { lead: 0, contacted: 1, scheduled: 2, met: 3 };

export const statusBehind = defineCheck({
  code: 'status-behind',
  severity: 'hint',
  description: 'A contact’s `status` is behind what the notes show: `lead` with a sent outreach → `contacted`; a planned meeting → `scheduled`; a done meeting → `met`. A status already ahead, or `dormant`, is left alone.',
  appliesTo: 'contact',
  fixes: ['Set the status'],
  run(c, ctx) {
    if (!c.status || !(c.status in STATUS_RANK)) return [];
    let shown: { status: ContactStatus; why: string; day: number } | undefined;
    for (const m of ctx.index.meetingsWith(c)) {
      const s = meetingStatus(m, ctx.clock);
      const day = m.date?.day ?? ctx.clock.today;
      if (s === 'done' && (!shown || shown.status !== 'met' || day > shown.day)) shown = { status: 'met', why: `you met on ${m.date?.text ?? 'a date not written'} (${m.id})`, day };
      else if (s === 'planned' && shown?.status !== 'met' && (!shown || shown.status !== 'scheduled' || day > shown.day)) {
        shown = { status: 'scheduled', why: `a meeting is planned for ${m.date?.text ?? 'a date not written'} (${m.id})`, day };
      }
    }
    if (!shown) {
      const sent = ctx.index.outreachTo(c).filter(outreachSent);
      const o = sent[sent.length - 1];
      if (o) shown = { status: 'contacted', why: `you wrote to them${o.sent ? ` on ${o.sent.text}` : ''} (${o.id})`, day: o.sent?.day ?? ctx.clock.today };
    }
    if (!shown || STATUS_RANK[shown.status] <= STATUS_RANK[c.status]) return [];
    return [{
      code: this.code,
      ...keySpan(c, 'status'),
      followUp: { label: `Update ${c.name}’s status`, detail: `${c.status} → ${shown.status}`, due: shown.day },
      message: `${c.name} is still \`${c.status}\`, but ${shown.why}: set the status to \`${shown.status}\`.`,
      fixes: [{ title: `Set ${c.name}’s status to ${shown.status}`, action: 'set-status', edits: setKey(c, 'status', shown.status) }],
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

export const CONTACT_CHECKS = [followUpDue, statusBehind, duplicateContact];
export const COMPANY_CHECKS = [targetWithoutContact];
