// Checks on outreach drafts, from the practice: don't call it an informational
// interview, don't attach a resume, don't ask for a job, name the person who
// referred you in the subject, keep it short. Only unsent drafts are checked:
// a sent message is history and cannot be changed.

import { formatDay, plural } from '../dates.js';
import { setKey } from '../edit.js';
import type { Fix } from '../model.js';
import { unsentDraftTo } from '../new-notes.js';
import { outreachSent, type Finding, type Outreach } from '../notes.js';
import { personName } from '../templates.js';
import { PHRASES, phraseSpans, type Phrase, type PhraseSpan } from './phrases.js';
import { defineCheck, keySpan } from './check.js';

const isDraft = (o: Outreach) => !outreachSent(o);

/** Messages written after a meeting (a thank-you, an update to the referrer) ask for nothing. */
const AFTER_MEETING_KINDS = new Set(['thank-you', 'referrer-update']);
const expectsReply = (o: Outreach) => !o.kind || !AFTER_MEETING_KINDS.has(o.kind.toLowerCase());

/** The subject's span in the file (when written) and the body's. */
function parts(o: Outreach): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const subject = o.frontmatter.keys.get('subject');
  if (subject) out.push({ text: o.text.slice(subject.valueStart, subject.valueEnd), start: subject.valueStart });
  out.push({ text: o.text.slice(o.frontmatter.bodyStart), start: o.frontmatter.bodyStart });
  return out;
}

/** Where the subject and body mean `phrase`, denied ones skipped ("I'm not asking for a job"). */
function findPhrases(o: Outreach, phrase: Phrase): PhraseSpan[] {
  const out: PhraseSpan[] = [];
  for (const part of parts(o)) for (const s of phraseSpans(part.text, phrase)) out.push({ ...s, start: part.start + s.start, end: part.start + s.end });
  // One finding per place, in reading order.
  const seen = new Set<number>();
  return out.sort((a, b) => a.start - b.start).filter((s) => !seen.has(s.start) && seen.add(s.start));
}

/** A check for what a draft should not say (phrases.ts); its message quotes the words that say it. */
function phraseCheck(p: { code: string; description: string; phrase: Phrase; message: (words: string) => string }) {
  return defineCheck({
    code: p.code,
    severity: 'warning',
    description: p.description,
    appliesTo: 'outreach',
    readsProse: true,
    run(o) {
      if (!isDraft(o)) return [];
      return findPhrases(o, p.phrase).map(({ start, end, words }): Finding => ({ code: p.code, start, end, message: p.message(quote(words)) }));
    },
  });
}

/** The words as quoted in a message: on one line, and not too long to read. */
function quote(words: string): string {
  const one = words.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

export const outreachInformationalInterview = phraseCheck({
  code: 'outreach-informational-interview',
  description: 'A draft outreach message calls it an “informational interview” (in any spelling: “info interview”, “informational-interview”): ask for their perspective or advice instead.',
  phrase: PHRASES.informationalInterview,
  message: (w) => `“${w}”: don’t call it an informational interview; ask for their perspective or advice on your path.`,
});

export const outreachResumeAttached = phraseCheck({
  code: 'outreach-resume-attached',
  description: 'A draft says a resume, CV or résumé is attached, enclosed or included (in any word order), which nobody asked for.',
  phrase: PHRASES.resumeAttached,
  message: (w) => `“${w}”: don’t attach a resume unless they ask for one; a short synopsis of your background is enough.`,
});

export const outreachAsksForJob = phraseCheck({
  code: 'outreach-asks-for-job',
  description: 'A draft asks for a job, a position, a role, an opening or a vacancy, or to be hired, referred or considered for one (“are you hiring?”, “any openings”, “a spot for me”, “I’m applying to…”), not denied (“I’m not looking for a job”): ask for information and advice instead.',
  phrase: PHRASES.asksForJob,
  message: (w) => `“${w}” asks for a job: ask for information and advice instead; opportunities follow.`,
});

export const outreachMissingReferrer = defineCheck({
  code: 'outreach-missing-referrer',
  severity: 'warning',
  description: 'The recipient’s `referred_by` is X and the draft’s subject does not name X.',
  appliesTo: 'outreach',
  fixes: ['Put “X suggested I contact you” in the subject'],
  run(o, ctx) {
    // Only a message that asks for their time needs the introduction; a thank-you after the meeting does not.
    if (!isDraft(o) || !expectsReply(o)) return [];
    const to = ctx.index.resolve(o.to, 'contact');
    if (!to?.referredBy) return [];
    const referrer = personName(ctx.index, to.referredBy);
    if (namesReferrer(o.subject ?? '', referrer)) return [];
    const phrase = `${referrer} suggested I contact you`;
    return [{
      code: this.code,
      ...keySpan(o, 'subject', 'to'),
      message: `${referrer} referred you to ${to.name}: say so in the subject, “${phrase}”.`,
      fixes: [{ title: `Put “${phrase}” in the subject`, edits: setKey(o, 'subject', o.subject ? `${phrase}: ${o.subject}` : phrase) }],
    }];
  },
});

export const outreachTooLong = defineCheck({
  code: 'outreach-too-long',
  severity: 'information',
  description: 'A draft’s body is over 150 words (`rapport.outreachMaxWords`): a busy person should read it to the end.',
  appliesTo: 'outreach',
  run(o, ctx) {
    if (!isDraft(o)) return [];
    const start = o.frontmatter.bodyStart;
    const words = o.text.slice(start).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
    const max = ctx.settings.outreachMaxWords;
    if (words <= max) return [];
    const line = o.lines.position(start).line;
    return [{ code: this.code, start, end: o.lines.lineEnd(Math.min(line, o.lines.lineCount - 1)),
      message: `This message is ${words} words; keep it to ${max} or fewer, so a busy person reads it to the end.` }];
  },
});

/**
 * Does the subject credit the referrer? Their full name anywhere, or their first name
 * where it reads as a credit ("Sally suggested…", "via Sally"): a first name alone may
 * be an ordinary word ("Will you…", "Grace period").
 */
function namesReferrer(subject: string, referrer: string): boolean {
  if (subject.toLowerCase().includes(referrer.toLowerCase())) return true;
  const first = escape(referrer.split(/\s+/)[0]);
  return (
    new RegExp(`\\b${first}\\s+(?:suggested|recommended|referred|mentioned|thought|said)\\b`, 'i').test(subject) ||
    new RegExp(`\\b(?:via|through|from|per)\\s+${first}\\b`, 'i').test(subject)
  );
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const outreachNoReply = defineCheck({
  code: 'outreach-no-reply',
  severity: 'information',
  description: 'An outreach is `status: sent` and its `sent` date is 7 days past (`rapport.replyDays`), with no `replied` and no meeting with that person since: mark it replied, or send a polite follow-up.',
  appliesTo: 'outreach',
  fixes: ['Mark replied today', 'Draft a polite follow-up'],
  run(o, ctx) {
    // A thank-you or an update asks for nothing: no reply is owed.
    if (o.status !== 'sent' || !o.sent || o.replied || !expectsReply(o)) return [];
    const days = ctx.clock.today - o.sent.day;
    if (days < ctx.settings.replyDays) return [];
    const contact = ctx.index.resolve(o.to, 'contact');
    // A meeting since the message (held or booked) is their answer.
    if (contact && ctx.index.meetingsWith(contact).some((m) => m.date && m.date.day >= o.sent!.day)) return [];
    const name = contact?.name ?? o.to?.text ?? 'them';
    const today = formatDay(ctx.clock.today);
    const fixes: Fix[] = [{ title: `Mark replied today (${today})`, action: 'mark-replied', edits: [...setKey(o, 'status', 'replied'), ...setKey(o, 'replied', today)] }];
    if (contact) {
      const draft = unsentDraftTo(ctx.index, contact, 'follow-up');
      fixes.push(draft
        ? { title: `Open your follow-up to ${name} (not sent yet)`, action: 'draft-follow-up', open: draft.path }
        : { title: `Draft a polite follow-up to ${name}`, action: 'draft-follow-up', draft: { kind: 'follow-up', from: o.path, to: contact.path } });
    }
    return [{
      code: this.code,
      ...keySpan(o, 'sent', 'status'),
      followUp: { label: `No reply from ${name}`, detail: `sent ${plural(days, 'day')} ago`, due: o.sent.day + ctx.settings.replyDays },
      message: `${name} has not replied to your message of ${o.sent.text} (${plural(days, 'day')} ago): if they did, mark it replied; if not, a short, polite follow-up is fine.`,
      fixes,
    }];
  },
});

export const OUTREACH_CHECKS = [
  outreachInformationalInterview,
  outreachResumeAttached,
  outreachAsksForJob,
  outreachMissingReferrer,
  outreachTooLong,
  outreachNoReply,
];
