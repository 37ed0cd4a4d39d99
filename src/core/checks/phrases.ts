// Phrases an outreach message should not have, from the practice: calling it an
// "informational interview", attaching a resume nobody asked for, asking for a
// job. The outreach checks look for them in drafts; the drafts Rapport writes
// avoid them (a line quoted from a meeting's notes is passed over if it has one).

export interface Phrase {
  patterns: RegExp[];
  /** "I'm not asking for a job" is fine: a phrase just after not, never or no is skipped. */
  negatable: boolean;
}

const RESUME = String.raw`(?:\bresumes?\b|\br[ée]sum[ée]s?|\bCVs?\b|\bcurriculum vitae\b)`;
/** "attached my resume", "enclosing a copy of my CV": at most four words between, no punctuation. */
const ATTACH_THEN_RESUME = String.raw`\b(?:attach(?:ed|ing)?|enclos(?:ed|ing)|includ(?:ed|ing))(?:\s+[\w'’]+){0,4}?\s+${RESUME}`;
/** "my resume is attached", "CV (attached)": at most three words between. */
const RESUME_THEN_ATTACHED = String.raw`${RESUME}(?:\s+[\w'’]+){0,3}?\s+\(?(?:attached|enclosed|included)\b`;

export const PHRASES = {
  informationalInterview: { patterns: [/\binformation(?:al)?\s+interview(?:s|ing)?\b/gi], negatable: false },
  resumeAttached: { patterns: [new RegExp(ATTACH_THEN_RESUME, 'gi'), new RegExp(RESUME_THEN_ATTACHED, 'gi')], negatable: true },
  asksForJob: {
    patterns: [
      /\b(?:any|open|current|available)\s+(?:job\s+)?(?:openings?|positions?|vacanc(?:y|ies)|roles|jobs)\b/gi,
      /\bjob\s+(?:openings?|opportunit(?:y|ies)|offers?)\b/gi,
      /\b(?:are you|is (?:your|the) (?:team|company|group)|are they)\s+hiring\b/gi,
      /\b(?:looking for|ask(?:ing)?(?: you)? for|apply(?:ing)? for|help me (?:get|find|land)|offer me|give me)\s+(?:a\s+|an\s+)?(?:job|position|role)\b/gi,
      /\bhir(?:e|ing) me\b/gi,
    ],
    negatable: true,
  },
} satisfies Record<string, Phrase>;

/** Where `phrase` occurs in `text`, negated occurrences skipped when it is negatable. */
export function phraseSpans(text: string, phrase: Phrase): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const re of phrase.patterns) {
    for (const m of text.matchAll(re)) {
      if (phrase.negatable && negated(text, m.index!)) continue;
      out.push({ start: m.index!, end: m.index! + m[0].length });
    }
  }
  return out;
}

/** Does the text say anything an outreach check would warn about? */
export function hasUnwelcomePhrase(text: string): boolean {
  return Object.values(PHRASES).some((p) => phraseSpans(text, p).length > 0);
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
