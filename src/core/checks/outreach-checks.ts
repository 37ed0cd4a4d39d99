// Checks on outreach drafts, from the practice: don't call it an informational
// interview, don't attach a resume, don't ask for a job, name the person who
// referred you in the subject, keep it short. Only unsent drafts are checked:
// a sent message is history and cannot be changed.

import { formatDay, plural } from '../dates.js';
import { setKey, yamlScalar } from '../edit.js';
import type { Fix } from '../model.js';
import { outreachPath } from '../new-notes.js';
import { outreachSent, type Contact, type Finding, type Outreach } from '../notes.js';
import { personName } from '../templates.js';
import { eolOf } from '../text.js';
import { defineCheck, keySpan, type CheckContext } from './check.js';

const isDraft = (o: Outreach) => !outreachSent(o);

/** The subject's span in the file (when written) and the body's. */
function parts(o: Outreach): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const subject = o.frontmatter.keys.get('subject');
  if (subject) out.push({ text: o.text.slice(subject.valueStart, subject.valueEnd), start: subject.valueStart });
  out.push({ text: o.text.slice(o.frontmatter.bodyStart), start: o.frontmatter.bodyStart });
  return out;
}

/** Is the phrase at `at` in `text` negated by one of the few words just ahead of it ("I'm not asking for…")? */
function negated(text: string, at: number): boolean {
  // Only the last few words matter: read a window before the phrase, not everything before
  // it (which made a long draft quadratic), unless the window holds too few words to tell.
  const from = Math.max(0, at - 160);
  let before = text.slice(from, at);
  if (from > 0 && before.split(/\s+/).filter(Boolean).length < 5) before = text.slice(0, at);
  const clause = before.slice(Math.max(...['.', '!', '?', ';', ',', '\n'].map((c) => before.lastIndexOf(c))) + 1);
  return clause
    .split(/\s+/)
    .filter(Boolean)
    .slice(-3)
    .some((w) => /^(not|never|no)$|n['’]t$/i.test(w));
}

/** Matches of any pattern in the subject and body, skipping negated ones ("I'm not asking for a job"). */
function findPhrases(o: Outreach, patterns: RegExp[], negatable: boolean): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const part of parts(o)) {
    for (const re of patterns) {
      for (const m of part.text.matchAll(re)) {
        if (negatable && negated(part.text, m.index!)) continue;
        out.push({ start: part.start + m.index!, end: part.start + m.index! + m[0].length });
      }
    }
  }
  // One finding per place, in reading order.
  const seen = new Set<number>();
  return out.sort((a, b) => a.start - b.start).filter((s) => !seen.has(s.start) && seen.add(s.start));
}

/** A check for phrases a draft should not have; a phrase after "not" or "never" is fine when `negatable`. */
function phraseCheck(p: { code: string; description: string; patterns: RegExp[]; negatable: boolean; message: string }) {
  return defineCheck({
    code: p.code,
    severity: 'warning',
    description: p.description,
    appliesTo: 'outreach',
    run(o) {
      if (!isDraft(o)) return [];
      return findPhrases(o, p.patterns, p.negatable).map((s): Finding => ({ code: p.code, ...s, message: p.message }));
    },
  });
}

export const outreachInformationalInterview = phraseCheck({
  code: 'outreach-informational-interview',
  description: 'A draft outreach message calls it an “informational interview”: ask for their perspective or advice instead.',
  patterns: [/\binformation(?:al)?\s+interview(?:s|ing)?\b/gi],
  negatable: false,
  message: 'Don’t call it an “informational interview”: ask for their perspective or advice on your path.',
});

const RESUME = String.raw`(?:\bresumes?\b|\br[ée]sum[ée]s?|\bCVs?\b|\bcurriculum vitae\b)`;
/** "attached my resume", "enclosing a copy of my CV": at most four words between, no punctuation. */
const ATTACH_THEN_RESUME = String.raw`\b(?:attach(?:ed|ing)?|enclos(?:ed|ing)|includ(?:ed|ing))(?:\s+[\w'’]+){0,4}?\s+${RESUME}`;
/** "my resume is attached", "CV (attached)": at most three words between. */
const RESUME_THEN_ATTACHED = String.raw`${RESUME}(?:\s+[\w'’]+){0,3}?\s+\(?(?:attached|enclosed|included)\b`;
export const outreachResumeAttached = phraseCheck({
  code: 'outreach-resume-attached',
  description: 'A draft says a resume, CV or résumé is attached, which nobody asked for.',
  patterns: [new RegExp(ATTACH_THEN_RESUME, 'gi'), new RegExp(RESUME_THEN_ATTACHED, 'gi')],
  negatable: true,
  message: 'Don’t attach a resume unless they ask for one: a short synopsis of your background is enough.',
});

export const outreachAsksForJob = phraseCheck({
  code: 'outreach-asks-for-job',
  description: 'A draft asks for a job, openings or positions: ask for information and advice instead.',
  patterns: [
    /\b(?:any|open|current|available)\s+(?:job\s+)?(?:openings?|positions?|vacanc(?:y|ies)|roles|jobs)\b/gi,
    /\bjob\s+(?:openings?|opportunit(?:y|ies)|offers?)\b/gi,
    /\b(?:are you|is (?:your|the) (?:team|company|group)|are they)\s+hiring\b/gi,
    /\b(?:looking for|ask(?:ing)?(?: you)? for|apply(?:ing)? for|help me (?:get|find|land)|offer me|give me)\s+(?:a\s+|an\s+)?(?:job|position|role)\b/gi,
    /\bhir(?:e|ing) me\b/gi,
  ],
  negatable: true,
  message: 'Don’t ask for a job or openings: ask for information and advice; opportunities follow.',
});

export const outreachMissingReferrer = defineCheck({
  code: 'outreach-missing-referrer',
  severity: 'warning',
  description: 'The recipient’s `referred_by` is X and the draft’s subject does not name X.',
  appliesTo: 'outreach',
  fixes: ['Put “X suggested I contact you” in the subject'],
  run(o, ctx) {
    if (!isDraft(o)) return [];
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
    if (o.status !== 'sent' || !o.sent || o.replied) return [];
    const days = ctx.clock.today - o.sent.day;
    if (days < ctx.settings.replyDays) return [];
    const contact = ctx.index.resolve(o.to, 'contact');
    // A meeting since the message (held or booked) is their answer.
    if (contact && ctx.index.meetingsWith(contact).some((m) => m.date && m.date.day >= o.sent!.day)) return [];
    const name = contact?.name ?? o.to?.text ?? 'them';
    const today = formatDay(ctx.clock.today);
    const fixes: Fix[] = [{ title: `Mark replied today (${today})`, edits: [...setKey(o, 'status', 'replied'), ...setKey(o, 'replied', today)] }];
    if (contact) fixes.push({ title: `Draft a polite follow-up to ${name}`, create: followUpDraft(o, contact, ctx) });
    return [{
      code: this.code,
      ...keySpan(o, 'sent', 'status'),
      followUp: { label: `No reply from ${name}`, detail: `sent ${plural(days, 'day')} ago`, due: o.sent.day + ctx.settings.replyDays },
      message: `${name} has not replied to your message of ${o.sent.text} (${plural(days, 'day')} ago): if they did, mark it replied; if not, a short, polite follow-up is fine.`,
      fixes,
    }];
  },
});

/** A short, polite follow-up to an unanswered message, written to pass every outreach check. */
export function followUpDraft(o: Outreach, contact: Contact, ctx: CheckContext): { path: string; content: string } {
  const today = formatDay(ctx.clock.today);
  const path = outreachPath(today, contact, ctx.index, 'follow-up');
  let subject = `Following up on my note of ${o.sent?.text ?? 'last week'}`;
  if (contact.referredBy) {
    const referrer = personName(ctx.index, contact.referredBy);
    subject = `${referrer} suggested I contact you: ${subject[0].toLowerCase()}${subject.slice(1)}`;
  }
  const first = contact.name.split(/\s+/)[0] || contact.name;
  const eol = eolOf(o.text);
  const content = [
    '---',
    'type: outreach',
    `to: "[[${contact.id}]]"`,
    'kind: follow-up',
    ...(o.channel ? [`channel: ${yamlScalar(o.channel)}`] : []),
    `subject: ${yamlScalar(subject)}`,
    'status: draft',
    '---',
    '',
    `Hi ${first},`,
    '',
    `I wanted to follow up on my message of ${o.sent?.text ?? 'last week'} ([[${o.id}]]) in case it got buried. I know you are busy,`,
    'so no pressure: if you have 20 minutes in the next few weeks, I would value your perspective.',
    '',
    'Thank you,',
    '',
  ].join(eol);
  return { path, content };
}

export const OUTREACH_CHECKS = [
  outreachInformationalInterview,
  outreachResumeAttached,
  outreachAsksForJob,
  outreachMissingReferrer,
  outreachTooLong,
  outreachNoReply,
];
