import { strict as assert } from 'node:assert';
import { JOB_ASK_MODEL } from '../../src/core/checks/job-ask-weights.js';
import { PHRASES, phraseSpans } from '../../src/core/checks/phrases.js';
import { read } from '../../src/core/checks/reading.js';
import { features, SentenceModel } from '../../src/core/checks/sentence-model.js';
import { loadSentences, trainingHash } from '../eval/outreach-eval.js';

// The job-ask model beside the grammar (sentence-model.ts): learned from the tune part of the
// labelled sentences by scripts/train-sentence-model.mjs, read only where no pattern matched.

const grammarOnly = { ...PHRASES.asksForJob, model: undefined };

describe('the job-ask sentence model', () => {
  it('is the one the tune part of the labelled set gives (after a change to the set: npm run train-model)', () => {
    const tune = loadSentences().filter((s) => s.split === 'tune');
    assert.equal(JOB_ASK_MODEL.trainedOn, trainingHash(tune), 'the model was trained on another set: run npm run train-model');
    assert.ok(JOB_ASK_MODEL.threshold >= 0.5 && JOB_ASK_MODEL.threshold < 1, `threshold ${JOB_ASK_MODEL.threshold}`);
  });

  it('scores a sentence by its tree of weights exactly as training counts its features (each once)', () => {
    // Training makes each feature's string (features()); the checks walk a tree instead: the two must agree.
    const model = new SentenceModel(JOB_ASK_MODEL);
    const weights = new Map(JOB_ASK_MODEL.weights.split('\n').map((l): [string, number] => [l.slice(0, l.lastIndexOf(' ')), Number(l.slice(l.lastIndexOf(' ') + 1))]));
    const byStrings = (tokens: string[], from: number, to: number, edges: boolean) =>
      1 / (1 + Math.exp(-features(tokens, from, to, edges).reduce((z, f) => z + (weights.get(f) ?? 0), JOB_ASK_MODEL.bias)));
    for (const s of loadSentences().slice(0, 600)) {
      const tokens = read(s.text).norm.split(/[ \n]+/).filter(Boolean);
      assert.equal(model.score(tokens), byStrings(tokens, 0, tokens.length, true), s.text);
      const to = Math.min(tokens.length, 6);
      assert.equal(model.score(tokens, 1, to, false), byStrings(tokens, 1, to, false), s.text);
    }
  });

  it('reads an ask no pattern reads, and quotes the run of its words that makes it one', () => {
    const text = 'Any chance your team is growing? I would jump at it.';
    assert.deepEqual(phraseSpans(text, grammarOnly), []);
    const found = phraseSpans(text, PHRASES.asksForJob);
    assert.equal(found.length, 1);
    assert.ok(found[0].end <= text.indexOf('?') && found[0].words.split(' ').length >= 2, found[0].words);
    assert.equal(text.slice(found[0].start, found[0].end), found[0].words);
  });

  it('is not asked about a sentence a pattern matched: the pattern quotes the ask more exactly', () => {
    for (const text of ['Could you refer me for the open Senior PM role?', 'So, are you currently hiring?', 'I’m applying for the Data Engineer role.']) {
      const mine = phraseSpans(text, grammarOnly);
      assert.equal(mine.length, 1, text);
      assert.deepEqual(phraseSpans(text, PHRASES.asksForJob), mine, text);
    }
  });

  it('quotes whole words of one sentence for every tune sentence it alone reads', () => {
    let alone = 0;
    for (const s of loadSentences().filter((x) => x.split === 'tune')) {
      if (phraseSpans(s.text, grammarOnly).length) continue;
      for (const f of phraseSpans(s.text, PHRASES.asksForJob)) {
        alone++;
        assert.equal(s.text.slice(f.start, f.end), f.words);
        assert.ok(!/\n\s*\n/.test(f.words) && /^[\p{L}\p{N}*_“"'(]/u.test(f.words) && /[\p{L}\p{N}*_”"')%]$/u.test(f.words), `${JSON.stringify(f.words)} in ${JSON.stringify(s.text)}`);
      }
    }
    assert.ok(alone > 0, 'the model reads no tune sentence the grammar misses');
  });
});
