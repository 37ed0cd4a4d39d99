// Checks on meeting notes: what a networker owes after a meeting, and how to
// prepare for the next one.

import { bodyQuestions, type BodyStructure } from '../parse/body.js';
import { formatDay, isPast, plural } from '../dates.js';
import { shorten } from '../drafts.js';
import { setKey, type ScalarValue } from '../edit.js';
import { markSentEdits } from '../logging.js';
import type { Fix, FollowUpActionId } from '../model.js';
import { aboutMeeting, isUnsentDraft, unsentFirstMessage } from '../new-notes.js';
import { meetingStatus, type NoteIndex } from '../note-index.js';
import { outreachSent, type Contact, type Finding, type Meeting, type Outreach } from '../notes.js';
import { personName, questionsSection } from '../templates.js';
import { eolOf } from '../text.js';
import { defineCheck, keySpan, peopleOf, type CheckContext } from './check.js';
import { closedQuestion as closedQuestionIn, YES_NO_WORDS } from './closed-questions.js';

const isDone = (m: Meeting, ctx: CheckContext) => meetingStatus(m, ctx.clock) === 'done';
/** Still to come: planned, and its moment not yet passed (a stale `planned` is history). */
const isAhead = (m: Meeting, ctx: CheckContext) =>
  meetingStatus(m, ctx.clock) === 'planned' && m.date !== undefined && !isPast(m.date, ctx.clock);
const today = (ctx: CheckContext) => formatDay(ctx.clock.today);

function markFix(m: Meeting, title: string, key: string, value: ScalarValue, action?: FollowUpActionId): Fix {
  return { title, ...(action ? { action } : {}), edits: setKey(m, key, value) };
}

/**
 * The messages of this kind about this meeting (a thank-you, a referrer update) to these
 * people: whether one went out, and the newest one still a draft. One pass over each
 * person's outreach: the checks ask this of every done meeting.
 */
export function messagesAbout(m: Meeting, kind: string, people: (Contact | undefined)[], index: NoteIndex): { sent: boolean; draft?: Outreach } {
  let sent = false;
  let draft: Outreach | undefined;
  for (const c of people) {
    if (!c) continue;
    for (const o of index.outreachTo(c)) {
      if (o.kind !== kind || !aboutMeeting(o, m)) continue;
      if (outreachSent(o)) sent = true;
      else if (isUnsentDraft(o) && (!draft || o.path > draft.path)) draft = o;
    }
  }
  return { sent, draft };
}

const peopleMet = (m: Meeting, index: NoteIndex) => m.with.map((r) => index.resolve(r, 'contact'));

/**
 * `thank_you: <day>` on the meeting, and the thank-you drafted for it (if any) marked sent that
 * day too, so the meeting, the draft and the Follow-ups view agree.
 */
export function markThankYouSent(m: Meeting, day: string, draft: Outreach | undefined): Pick<Fix, 'edits' | 'also'> {
  return { edits: setKey(m, 'thank_you', day), ...alsoSend(draft, day) };
}

/** The same, with the draft looked up (for an answer given later). */
export function markThankYouSentOn(m: Meeting, day: string, index: NoteIndex): Pick<Fix, 'edits' | 'also'> {
  return markThankYouSent(m, day, messagesAbout(m, 'thank-you', peopleMet(m, index), index).draft);
}

function alsoSend(draft: Outreach | undefined, day: string): Pick<Fix, 'also'> {
  return draft ? { also: [{ path: draft.path, edits: markSentEdits(draft, day) }] } : {};
}

export const thankYouPending = defineCheck({
  code: 'thank-you-pending',
  severity: 'information',
  description: 'A meeting is done and `thank_you` is absent or false, and no thank-you about it (an outreach `kind: thank-you`, `meeting: "[[id]]"`) was sent. Due the day after the meeting (`rapport.thankYouDays`); a warning once overdue, saying by how many days.',
  appliesTo: 'meeting',
  fixes: ['Draft the thank-you (quoting a line of the notes)', 'Mark thank-you sent today', 'Mark it sent on another date', 'Skip it (`thank_you: skip`)'],
  run(m, ctx) {
    if (!m.date || m.thankYou !== 'pending' || !isDone(m, ctx)) return [];
    const people = peopleMet(m, ctx.index);
    const messages = messagesAbout(m, 'thank-you', people, ctx.index);
    if (messages.sent) return [];
    const due = m.date.day + ctx.settings.thankYouDays;
    const late = ctx.clock.today - due;
    const who = peopleOf(m.with, ctx);
    const fixes = thankYouFixes(m, people.find((c) => c !== undefined), messages.draft, who, Math.min(due, ctx.clock.today), ctx);
    const at = keySpan(m, 'thank_you', 'date');
    if (late > 0) {
      return [{ code: this.code, ...at, severity: 'warning', overdue: true, fixes,
        followUp: { label: `Thank ${who}`, detail: `${plural(late, 'day')} overdue`, due },
        message: `Thank-you note to ${who} is ${plural(late, 'day')} overdue: it was due ${formatDay(due)}.` }];
    }
    const when = late === 0 ? 'today' : late === -1 ? 'by tomorrow' : `by ${formatDay(due)}`;
    return [{ code: this.code, ...at, fixes, followUp: { label: `Thank ${who}`, detail: `due ${when.replace('by ', '')}`, due },
      message: `Send ${who} a thank-you note ${when}; mention something specific from the conversation.` }];
  },
});

function thankYouFixes(m: Meeting, first: Contact | undefined, draft: Outreach | undefined, who: string, otherDay: number, ctx: CheckContext): Fix[] {
  const fixes: Fix[] = [];
  if (draft) fixes.push({ title: `Open your thank-you to ${personName(ctx.index, draft.to ?? { text: who, start: 0, end: 0 })} (not sent yet)`, action: 'draft-thank-you', open: draft.path });
  else if (first) fixes.push({ title: `Draft the thank-you to ${first.name}`, action: 'draft-thank-you', draft: { kind: 'thank-you', from: m.path, to: first.path } });
  fixes.push(
    { title: `Mark thank-you sent today (${today(ctx)})`, action: 'thank-you-sent-today', ...markThankYouSent(m, today(ctx), draft) },
    { title: 'Mark thank-you sent on another date…', action: 'thank-you-sent-on', ...markThankYouSent(m, formatDay(otherDay), draft),
      ask: { kind: 'date', prompt: `The day you thanked ${who}`, value: formatDay(otherDay) } },
    markFix(m, 'Skip the thank-you for this meeting', 'thank_you', 'skip', 'thank-you-skip'),
  );
  return fixes;
}

export const referrerUpdatePending = defineCheck({
  code: 'referrer-update-pending',
  severity: 'information',
  description: 'A meeting is done with someone whose `referred_by` is X, no `referrer_updated`, and no update about it (an outreach `kind: referrer-update`) sent to X: let X know how the introduction went.',
  appliesTo: 'meeting',
  fixes: ['Draft the update to the referrer', 'Mark the referrer updated today'],
  run(m, ctx) {
    if (m.referrerUpdated || !isDone(m, ctx)) return [];
    const out: Finding[] = [];
    for (const ref of m.with) {
      const contact = ctx.index.resolve(ref, 'contact');
      if (!contact?.referredBy) continue;
      const referrerNote = ctx.index.resolve(contact.referredBy, 'contact');
      const messages = referrerNote ? messagesAbout(m, 'referrer-update', [referrerNote], ctx.index) : { sent: false };
      if (messages.sent) continue;
      const referrer = referrerNote?.name ?? contact.referredBy.text;
      const fixes: Fix[] = [];
      if (messages.draft) fixes.push({ title: `Open your update to ${referrer} (not sent yet)`, action: 'draft-referrer-update', open: messages.draft.path });
      else if (referrerNote) {
        fixes.push({ title: `Draft the update to ${referrer}`, action: 'draft-referrer-update',
          draft: { kind: 'referrer-update', from: m.path, to: referrerNote.path, met: contact.path } });
      }
      fixes.push({ title: `Mark ${referrer} updated today`, action: 'referrer-updated-today',
        edits: setKey(m, 'referrer_updated', today(ctx)), ...alsoSend(messages.draft, today(ctx)) });
      out.push({
        code: this.code,
        start: ref.start,
        end: ref.end,
        followUp: { label: `Update ${referrer}`, detail: `how it went with ${contact.name}`, due: m.date?.day ?? ctx.clock.today },
        message: `Let ${referrer} know how the introduction to ${contact.name} went.`,
        fixes,
      });
    }
    return out;
  },
});

export const noReferralsRecorded = defineCheck({
  code: 'no-referrals-recorded',
  severity: 'hint',
  description: 'An informational or networking meeting is done and has no `referrals` key: ask who else to talk to, and record the names (`referrals: []` if none).',
  appliesTo: 'meeting',
  run(m, ctx) {
    // A meeting without a kind is taken as informational: that is what Rapport is for.
    if ((m.kind && m.kind !== 'informational' && m.kind !== 'networking') || m.frontmatter.keys.has('referrals')) return [];
    if (!isDone(m, ctx)) return [];
    return [{ code: this.code, ...keySpan(m, 'kind', 'date'),
      message: `Who else should you talk to? Ask ${peopleOf(m.with, ctx)} and record the names under \`referrals:\` (\`referrals: []\` if none).` }];
  },
});

export const referralNotContacted = defineCheck({
  code: 'referral-not-contacted',
  severity: 'information',
  description: 'Someone named in a meeting’s `referrals` has had no sent outreach or meeting 7 days later (`rapport.referralDays`).',
  appliesTo: 'meeting',
  fixes: ['Draft the outreach, the person who suggested them in the subject (or open the unsent draft)'],
  run(m, ctx) {
    if (!m.date || !m.referrals?.length || !isDone(m, ctx)) return [];
    const days = ctx.clock.today - m.date.day;
    if (days < ctx.settings.referralDays) return [];
    const out: Finding[] = [];
    for (const ref of m.referrals) {
      const c = ctx.index.resolve(ref, 'contact');
      if (!c) continue; // unknown-reference speaks for it
      if (c.status === 'contacted' || c.status === 'scheduled' || c.status === 'met') continue;
      const outreach = ctx.index.outreachTo(c);
      if (outreach.some(outreachSent)) continue;
      if (ctx.index.hasMeetingWith(c)) continue;
      const draft = unsentFirstMessage(outreach);
      const by = c.referredBy ? personName(ctx.index, c.referredBy) : peopleOf(m.with.slice(0, 1), ctx);
      const fix: Fix = draft
        ? { title: `Open your draft to ${c.name} (not sent yet)`, action: 'draft-referral-outreach', open: draft.path }
        : { title: `Draft the outreach to ${c.name} (“${by} suggested I contact you”)`, action: 'draft-referral-outreach',
            draft: { kind: 'referral', from: m.path, to: c.path, referrer: by } };
      out.push({ code: this.code, start: ref.start, end: ref.end,
        followUp: { label: `Contact ${c.name}`, detail: `suggested by ${peopleOf(m.with, ctx)} ${plural(days, 'day')} ago`, due: m.date.day + ctx.settings.referralDays },
        message: `${c.name} was suggested ${plural(days, 'day')} ago and has not been contacted yet.${draft ? ` Your draft (${draft.id}) is not sent yet.` : ''}`,
        fixes: [fix] });
    }
    return out;
  },
});

export const meetingStatusStale = defineCheck({
  code: 'meeting-status-stale',
  severity: 'information',
  description: 'A meeting still says `status: planned` although its date has passed.',
  appliesTo: 'meeting',
  fixes: ['Mark the meeting done', 'Mark the meeting no-show', 'Mark the meeting cancelled'],
  run(m, ctx) {
    if (m.status !== 'planned' || !m.date || !isPast(m.date, ctx.clock)) return [];
    return [{ code: this.code, ...keySpan(m, 'status'),
      followUp: { label: `Close the meeting with ${peopleOf(m.with, ctx)}`, detail: `planned ${m.date.text}`, due: m.date.day },
      message: `This meeting was planned for ${m.date.text}: mark it done, no-show or cancelled.`,
      fixes: (['done', 'no-show', 'cancelled'] as const).map((s) => markFix(m, `Mark the meeting ${s}`, 'status', s, `meeting-${s}`)) }];
  },
});

/** Days late after which an open promise turns from a reminder into a warning. */
const PROMISE_GRACE_DAYS = 7;

/** `- [ ] send the deck`: an open task, its `[ ]` and its text, by offsets in the note. */
export function openTasks(m: Meeting): { box: number; start: number; end: number; text: string }[] {
  const out: { box: number; start: number; end: number; text: string }[] = [];
  const text = m.text;
  let fence: string | undefined;
  let at = m.frontmatter.bodyStart;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    const line = text.slice(at, end).replace(/\r$/, '');
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length && !line.slice(opener[0].length).trim()) fence = undefined;
    } else if (opener) fence = opener[1];
    else {
      const task = /^(\s*(?:[-*+]|\d+[.)])\s+)\[ \](?:\s+(.*))?$/.exec(line);
      if (task && task[2]?.trim()) out.push({ box: at + task[1].length, start: at, end: at + line.length, text: task[2].trim() });
    }
    at = end + 1;
  }
  return out;
}

export const promiseOpen = defineCheck({
  code: 'promise-open',
  severity: 'information',
  description: `An unchecked task (\`- [ ] …\`) in a done meeting’s notes, ${'`rapport.promiseDays`'} (3) days after the meeting: what you promised to do. A warning more than ${PROMISE_GRACE_DAYS} days late; a ticked task (\`[x]\`) is silent.`,
  appliesTo: 'meeting',
  fixes: ['Tick it (`[x]`)'],
  run(m, ctx) {
    if (!m.date || !isDone(m, ctx)) return [];
    const due = m.date.day + ctx.settings.promiseDays;
    const late = ctx.clock.today - due;
    if (late < 0 || m.text.indexOf('[ ]', m.frontmatter.bodyStart) === -1) return [];
    const who = peopleOf(m.with, ctx);
    const overdue = late > PROMISE_GRACE_DAYS;
    return openTasks(m).map((t): Finding => ({
      code: this.code,
      start: t.start,
      end: t.end,
      severity: overdue ? 'warning' : 'information',
      overdue,
      followUp: { label: `Promised ${who}: ${shorten(t.text, 50)}`, detail: late === 0 ? 'due today' : `${plural(late, 'day')} late`, due },
      message: `You promised ${who} on ${m.date!.text}: “${shorten(t.text, 80)}”${late === 0 ? ', due today' : ` (${plural(late, 'day')} late)`}. Do it, then tick it.`,
      fixes: [{ title: `Done: tick “${shorten(t.text, 40)}”`, action: 'promise-done', edits: [{ range: m.lines.range(t.box, t.box + 3), newText: '[x]' }] }],
    }));
  },
});

/** Planned meetings this many days ahead (or fewer) should have questions ready. */
const QUESTIONS_HORIZON_DAYS = 3;

export const questionsMissing = defineCheck({
  code: 'questions-missing',
  severity: 'information',
  description: `A planned meeting within ${QUESTIONS_HORIZON_DAYS} days has no \`## Questions\` list.`,
  appliesTo: 'meeting',
  fixes: ['Add the question bank'],
  run(m, ctx) {
    if (!m.date || !isAhead(m, ctx)) return [];
    const ahead = m.date.day - ctx.clock.today;
    if (ahead < 0 || ahead > QUESTIONS_HORIZON_DAYS) return [];
    if (questionsOf(m)?.items.length) return [];
    const eol = eolOf(m.text);
    const end = m.text.length;
    const lead = end === 0 || m.text.endsWith('\n') ? eol : eol + eol;
    const when = ahead === 0 ? 'today' : ahead === 1 ? 'tomorrow' : `in ${ahead} days`;
    const added = lead + questionsSection(eol);
    // After an unclosed code fence (or HTML block) the bank would be read as code: no fix, rather than one that does nothing.
    const readable = bodyQuestions(m.text.slice(m.frontmatter.bodyStart) + added, m.frontmatter.bodyStart)?.items.length;
    return [{ code: this.code, ...keySpan(m, 'date'),
      message: `The meeting with ${peopleOf(m.with, ctx)} is ${when}: prepare open-ended questions under \`## Questions\`.`,
      ...(readable ? { fixes: [{ title: 'Add the question bank', edits: [{ range: m.lines.range(end, end), newText: added }] }] } : {}) }];
  },
});

/** A meeting's `## Questions` list, read once for the two checks that look at it. */
const QUESTIONS = new WeakMap<Meeting, BodyStructure['questions'] | null>();
function questionsOf(m: Meeting): BodyStructure['questions'] {
  let q = QUESTIONS.get(m);
  if (q === undefined) {
    const body = m.text.slice(m.frontmatter.bodyStart);
    q = /^##[ \t]+questions/im.test(body) ? (bodyQuestions(body, m.frontmatter.bodyStart) ?? null) : null;
    QUESTIONS.set(m, q);
  }
  return q ?? undefined;
}

export const closedQuestion = defineCheck({
  code: 'closed-question',
  severity: 'hint',
  description: `A question still to ask is a yes/no question: it opens with a yes/no word (${YES_NO_WORDS.map((w) => w[0].toUpperCase() + w.slice(1)).join(', ')}, or its negative: Don’t, Won’t, …), whatever its markup (bold, numbering, a leading “So,” or “And”, a topic before a colon): ask what, how or why instead.`,
  appliesTo: 'meeting',
  run(m, ctx) {
    // Only the questions still to be asked: a done meeting's list is history.
    if (!isAhead(m, ctx)) return [];
    const questions = questionsOf(m);
    const out: Finding[] = [];
    for (const q of questions?.items ?? []) {
      const closed = closedQuestionIn(q.text);
      if (!closed) continue;
      out.push({ code: this.code, start: q.start, end: q.end,
        message: `“${shorten(closed, 60)}” invites a yes or no; ask what, how or why instead.` });
    }
    return out;
  },
});

export const meetingTooLong = defineCheck({
  code: 'meeting-too-long',
  severity: 'hint',
  description: 'A planned meeting (not an interview) asks for more than 30 minutes: ask a busy person for 15–30.',
  appliesTo: 'meeting',
  fixes: ['Ask for 30 minutes'],
  run(m, ctx) {
    // An interview's length is the employer's to set.
    if (m.duration === undefined || m.duration <= 30 || m.kind === 'interview' || !isAhead(m, ctx)) return [];
    return [{ code: this.code, ...keySpan(m, 'duration'),
      message: `${m.duration} minutes is a lot to ask of a busy person: ask for 15–30.`,
      fixes: [markFix(m, 'Ask for 30 minutes', 'duration', 30)] }];
  },
});

export const MEETING_CHECKS = [
  thankYouPending,
  promiseOpen,
  referrerUpdatePending,
  noReferralsRecorded,
  referralNotContacted,
  meetingStatusStale,
  questionsMissing,
  closedQuestion,
  meetingTooLong,
];
