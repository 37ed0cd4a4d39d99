// Checks on outreach drafts, from the practice: don't call it an informational
// interview, don't attach a resume, don't ask for a job, name the person who
// referred you in the subject, keep it short. Only unsent drafts are checked:
// a sent message is history and cannot be changed.

import { setKey } from '../edit.js';
import type { Finding, Outreach } from '../notes.js';
import { defineCheck, keySpan } from './check.js';

const isDraft = (o: Outreach) => o.status === 'draft' || (o.status === undefined && !o.sent);

/** The subject's span in the file (when written) and the body's. */
function parts(o: Outreach): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const subject = o.frontmatter.keys.get('subject');
  if (subject) out.push({ text: o.text.slice(subject.valueStart, subject.valueEnd), start: subject.valueStart });
  out.push({ text: o.text.slice(o.frontmatter.bodyStart), start: o.frontmatter.bodyStart });
  return out;
}

/** Matches of any pattern in the subject and body, skipping sentences that negate them ("I'm not asking for a job"). */
function findPhrases(o: Outreach, patterns: RegExp[], negatable: boolean): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const part of parts(o)) {
    for (const re of patterns) {
      for (const m of part.text.matchAll(re)) {
        const before = part.text.slice(0, m.index);
        const sentence = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf('\n')) + 1);
        if (negatable && /\b(not|never|no)\b|n['’]t\b/i.test(sentence)) continue;
        out.push({ start: part.start + m.index!, end: part.start + m.index! + m[0].length });
      }
    }
  }
  // One finding per place, in reading order.
  const seen = new Set<number>();
  return out.sort((a, b) => a.start - b.start).filter((s) => !seen.has(s.start) && seen.add(s.start));
}

function phraseCheck(code: string, patterns: RegExp[], negatable: boolean, message: string) {
  return defineCheck({
    code,
    appliesTo: 'outreach',
    run(o) {
      if (!isDraft(o)) return [];
      return findPhrases(o, patterns, negatable).map((s): Finding => ({ code, ...s, message }));
    },
  });
}

export const outreachInformationalInterview = phraseCheck(
  'outreach-informational-interview',
  [/\binformation(?:al)?\s+interview(?:s|ing)?\b/gi],
  false,
  'Don’t call it an “informational interview”: ask for their perspective or advice on your path.',
);

const RESUME = String.raw`(?:\bresumes?\b|\br[ée]sum[ée]s?|\bCVs?\b|\bcurriculum vitae\b)`;
export const outreachResumeAttached = phraseCheck(
  'outreach-resume-attached',
  [
    new RegExp(String.raw`\b(?:attach(?:ed|ing)?|enclos(?:ed|ing)|includ(?:ed|ing))\b[^.!?\n]{0,60}?${RESUME}`, 'gi'),
    new RegExp(String.raw`${RESUME}[^.!?\n]{0,40}?\b(?:attached|enclosed|included)\b`, 'gi'),
  ],
  true,
  'Don’t attach a resume unless they ask for one: a short synopsis of your background is enough.',
);

export const outreachAsksForJob = phraseCheck(
  'outreach-asks-for-job',
  [
    /\b(?:any|open|current|available)\s+(?:job\s+)?(?:openings?|positions?|vacanc(?:y|ies)|roles|jobs)\b/gi,
    /\bjob\s+(?:openings?|opportunit(?:y|ies)|offers?)\b/gi,
    /\b(?:are you|is (?:your|the) (?:team|company|group)|are they)\s+hiring\b/gi,
    /\b(?:looking for|ask(?:ing)?(?: you)? for|apply(?:ing)? for|help me (?:get|find|land)|offer me|give me)\s+(?:a\s+|an\s+)?(?:job|position|role)\b/gi,
    /\bhire me\b/gi,
  ],
  true,
  'Don’t ask for a job or openings: ask for information and advice; opportunities follow.',
);

export const outreachMissingReferrer = defineCheck({
  code: 'outreach-missing-referrer',
  appliesTo: 'outreach',
  run(o, ctx) {
    if (!isDraft(o)) return [];
    const to = ctx.index.resolve(o.to, 'contact');
    if (!to?.referredBy) return [];
    const referrer = ctx.index.resolve(to.referredBy, 'contact')?.name ?? to.referredBy.text;
    const subject = (o.subject ?? '').toLowerCase();
    const first = referrer.split(/\s+/)[0].toLowerCase();
    if (subject.includes(referrer.toLowerCase()) || (first.length > 1 && new RegExp(`(^|\\W)${escape(first)}(\\W|$)`).test(subject))) return [];
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
  appliesTo: 'outreach',
  run(o, ctx) {
    if (!isDraft(o)) return [];
    const start = o.frontmatter.bodyStart;
    const words = o.text.slice(start).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
    const max = ctx.settings.outreachMaxWords;
    if (words <= max) return [];
    const line = o.lines.position(start).line;
    return [{ code: this.code, start, end: o.lines.lineEnd(Math.min(line, o.lines.lineCount - 1)),
      message: `This message is ${words} words; keep it under ${max}, so a busy person reads it to the end.` }];
  },
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const OUTREACH_CHECKS = [
  outreachInformationalInterview,
  outreachResumeAttached,
  outreachAsksForJob,
  outreachMissingReferrer,
  outreachTooLong,
];
