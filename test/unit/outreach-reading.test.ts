import { strict as assert } from 'node:assert';
import { hasUnwelcomePhrase, JOINED_MAX, PHRASES, phraseSpans } from '../../src/core/checks/phrases.js';
import { read } from '../../src/core/checks/reading.js';
import { evaluate, findingsFor, loadSentences, OUTREACH_CODES } from '../eval/outreach-eval.js';
import { CAST, check, md } from './helpers.js';

// The outreach checks read the message (issue 16): measured on labelled sentences
// (test/fixtures/outreach-sentences.json), and exact about the words they quote.

describe('the outreach checks on labelled sentences', () => {
  const sentences = loadSentences();

  // The held-out part: batches kept from the session that tunes the checks, measured when added,
  // and their figures then. Now batches E, F and G (200 sentences each, less ten already in the
  // tune part word for word, written blind by helpers that saw neither the checks nor the set; E
  // deliberately off the beaten track; G written after the checks were final and measured once),
  // read with the grammar and the sentence model as they stand (docs/decisions.md). A change may
  // only gain on those figures, and a miss is a finding about unseen text, never a case to tune on.
  const HELD_OUT = { sentences: 590, recall: { 'outreach-asks-for-job': 317 / 325, 'outreach-resume-attached': 75 / 76, 'outreach-informational-interview': 1 } } as
    { sentences: number; recall: Record<(typeof OUTREACH_CODES)[number], number> } | undefined;

  it('the set is written the many ways people write: at least 150, about 40% clean, and its held-out part is the batch measured', () => {
    assert.ok(sentences.length >= 150, `${sentences.length} sentences`);
    const clean = sentences.filter((s) => s.codes.length === 0).length / sentences.length;
    assert.ok(clean >= 0.35 && clean <= 0.55, `${clean} clean`);
    const held = sentences.filter((s) => s.split === 'held-out');
    assert.equal(held.length, HELD_OUT?.sentences ?? 0, 'held-out sentences: a batch added as held out comes with its first measure (HELD_OUT)');
    if (HELD_OUT) for (const code of OUTREACH_CODES) assert.ok(held.some((s) => s.codes.includes(code)), `held-out sentences for ${code}`);
  });

  it('meets the goal on the part it was tuned on: precision >= 0.98 and recall >= 0.95 for each check', () => {
    const { scores, misses } = evaluate(sentences.filter((s) => s.split === 'tune'));
    const wrong = misses.map((m) => `${m.kind} ${m.code}: ${m.text}`).join('\n');
    for (const code of OUTREACH_CODES) {
      assert.ok(scores.tune[code].precision >= 0.98, `${code} precision ${scores.tune[code].precision}\n${wrong}`);
      assert.ok(scores.tune[code].recall >= 0.95, `${code} recall ${scores.tune[code].recall}\n${wrong}`);
    }
  });

  it('on the held-out part: precision >= 0.98 for each check, and recall no lower than first measured', () => {
    const { scores, misses } = evaluate(sentences.filter((s) => s.split === 'held-out'));
    const wrong = misses.map((m) => `${m.kind} ${m.code}: ${m.text}`).join('\n');
    for (const code of OUTREACH_CODES) {
      assert.ok(scores['held-out'][code].precision >= 0.98, `${code} precision ${scores['held-out'][code].precision}\n${wrong}`);
      assert.ok(scores['held-out'][code].recall >= (HELD_OUT?.recall[code] ?? 1) - 1e-9, `${code} recall ${scores['held-out'][code].recall}\n${wrong}`);
    }
  });
});

describe('the outreach patterns', () => {
  it('each fits in one part of the joined search (V8 runs a longer regular expression several times slower)', () => {
    for (const [meaning, phrase] of Object.entries(PHRASES)) {
      for (const p of [...phrase.patterns, ...('questions' in phrase ? phrase.questions : [])]) assert.ok(p.source.length <= JOINED_MAX, `${meaning}: a pattern of ${p.source.length} characters: split it at a top-level "|"`);
    }
  });
});

describe('what the outreach checks quote', () => {
  const FILE = 'outreach/draft.md';
  const diagnostics = (body: string) => {
    const text = md(['type: outreach', 'to: "[[sally-smith]]"', 'subject: Hello'], body);
    const lines = text.split('\n');
    return check({ ...CAST, [FILE]: text }).filter((d) => d.file === FILE && d.code.startsWith('outreach-') && d.code !== 'outreach-too-long')
      .map((d) => ({ code: d.code, message: d.message,
        // The words under the range, read from the file by line and column.
        words: d.range.start.line === d.range.end.line
          ? lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)
          : [lines[d.range.start.line].slice(d.range.start.character), ...lines.slice(d.range.start.line + 1, d.range.end.line), lines[d.range.end.line].slice(0, d.range.end.character)].join('\n') }));
  };

  it('each message quotes the words under its range, which say the thing', () => {
    const cases: [string, string, string][] = [
      ['Could you refer me for the open Senior PM role?', 'outreach-asks-for-job', 'refer me for the open Senior PM role'],
      ['So, are you currently hiring?', 'outreach-asks-for-job', 'are you currently hiring'],
      ['My résumé, attached, gives a fuller picture.', 'outreach-resume-attached', 'résumé, attached'],
      ['Attached please find my CV.', 'outreach-resume-attached', 'Attached please find my CV'],
      ['Could we schedule an informational-interview?', 'outreach-informational-interview', 'informational-interview'],
    ];
    for (const [body, code, words] of cases) {
      const ds = diagnostics(body);
      assert.deepEqual(ds.map((d) => [d.code, d.words]), [[code, words]], body);
      assert.ok(ds[0].message.includes(`“${words}”`), ds[0].message);
    }
  });

  it('reads through line breaks, hyphens, curly apostrophes and decomposed accents, and quotes the original words', () => {
    const decomposed = 'My re\u0301sume\u0301 is attached.';
    assert.deepEqual(diagnostics(decomposed).map((d) => d.words), ['re\u0301sume\u0301 is attached']);
    assert.deepEqual(diagnostics('Would you have time for an info\ninterview?').map((d) => d.words), ['info\ninterview']);
    assert.deepEqual(diagnostics('I’m applying for the Data Engineer role.').map((d) => d.words), ['applying for the Data Engineer role']);
    assert.deepEqual(diagnostics('- Are there any\n  openings on your team?').map((d) => d.words), ['Are there any\n  openings']);
  });

  it('reads common misspellings and chat shorthand as the words meant, beside letters past Latin-1, and quotes them as written', () => {
    assert.deepEqual(diagnostics('Łukasz, could you reffer me for the open Data Analyst positon?').map((d) => [d.code, d.words]), [['outreach-asks-for-job', 'reffer me for the open Data Analyst positon']]);
    assert.deepEqual(diagnostics('I’ve atached my CV — Đorđe said you’d know.').map((d) => [d.code, d.words]), [['outreach-resume-attached', 'atached my CV']]);
    assert.deepEqual(diagnostics('lmk if ur hiring!!').map((d) => d.code), ['outreach-asks-for-job']);
  });

  it('stays silent for denied asks and for the words used about something else', () => {
    for (const body of [
      "I'm not looking for a job — just your perspective.",
      'I’m NOT asking you to hire me.',
      'Congratulations on your role as design lead.',
      'I’d love to hear how you position the product.',
      'The hiring process at your company — what makes it work?',
      "I haven't attached my CV; a short synopsis follows.",
      // "or" carries the denial on to what it joins.
      "I don't expect you to have openings or to pass my name anywhere — I just want to hear your story.",
    ]) assert.deepEqual(diagnostics(body), [], body);
  });

  it('a denial in another clause or sentence does not silence an ask', () => {
    assert.equal(findingsFor("No pressure at all, but I've attached my resume.").length, 1);
    assert.equal(findingsFor("I'm not an engineer. Are you hiring designers?").length, 1);
    assert.equal(findingsFor("I'm not sure whether your team has any openings.").length, 1);
  });

  it('hasUnwelcomePhrase, which the drafts use to pass over a line, agrees with the checks', () => {
    for (const s of loadSentences()) assert.equal(hasUnwelcomePhrase(s.text), findingsFor(s.text).length > 0, s.text);
  });

  it('reads a long message in time linear in its length', () => {
    // 20,000 sentences, half of them asks: a quadratic reading would not finish.
    const long = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? 'Are there any openings on your team?' : "I'm not looking for a job, just advice.")).join(' ');
    assert.equal(read(long).norm.split('\n').filter(Boolean).length, 20_000);
    assert.equal(phraseSpans(long, PHRASES.asksForJob).length, 10_000);
  });
});
