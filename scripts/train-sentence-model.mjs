// Trains the job-ask sentence model (src/core/checks/sentence-model.ts) on the tune part
// of the labelled sentences, and writes its weights to
// src/core/checks/job-ask-weights.ts. Run by `npm run train-model` (after a
// build) whenever the labelled set changes; a unit test fails while the model is not the
// one the tune part gives. The held-out part is never read here.
//
// A logistic regression by stochastic gradient descent, deterministic (a seeded order),
// over the features of sentence-model.ts. Its threshold is chosen without the held-out
// part: the tune part is cut into five folds, a model is trained on four and read on the
// fifth, each in turn, and the threshold is the lowest at which the grammar and the model
// together keep precision >= 0.98 on the folds' sentences (the issue's goal). Weights are
// rounded to three decimals and those under 0.2 dropped (in the folds too), which keeps the
// file ~100 kB where all of them were ~420 kB.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { read } from '../out/src/core/checks/reading.js';
import { PHRASES, phraseSpans } from '../out/src/core/checks/phrases.js';
import { features } from '../out/src/core/checks/sentence-model.js';
import { loadSentences, trainingHash } from '../out/test/eval/outreach-eval.js';

const CODE = 'outreach-asks-for-job';
const OUT = fileURLToPath(new URL('../src/core/checks/job-ask-weights.ts', import.meta.url));
const EPOCHS = 30;
const RATE = 0.2;
const L2 = 1e-4;
const SMALLEST = 0.2;
const GOAL_PRECISION = 0.98;
const THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99];

function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A labelled text is one example, all its sentences' words together (most are one sentence);
// the checks then ask the model about each sentence of a draft on its own.
const tokens = (text) => read(text).norm.split(/[ \n]+/).filter(Boolean);

function train(examples) {
  const w = new Map();
  let bias = 0;
  const order = examples.map((_, i) => i);
  const next = random(16);
  for (let e = 0; e < EPOCHS; e++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(next() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    for (const i of order) {
      const { feats, ask } = examples[i];
      let z = bias;
      for (const f of feats) z += w.get(f) ?? 0;
      const g = 1 / (1 + Math.exp(-z)) - (ask ? 1 : 0);
      bias -= RATE * g;
      for (const f of feats) {
        const v = w.get(f) ?? 0;
        w.set(f, v - RATE * (g + L2 * v));
      }
    }
  }
  // Rounded, and the smallest dropped, as the file keeps them: the folds are read as the model will be.
  const kept = new Map([...w].map(([f, v]) => [f, Math.round(v * 1000) / 1000]).filter(([, v]) => Math.abs(v) >= SMALLEST));
  bias = Math.round(bias * 1000) / 1000;
  return { bias, w: kept, size: w.size, score: (feats) => 1 / (1 + Math.exp(-feats.reduce((z, f) => z + (kept.get(f) ?? 0), bias))) };
}

const tune = loadSentences().filter((s) => s.split === 'tune');
const grammarOnly = { ...PHRASES.asksForJob, model: undefined };
const examples = tune.map((s) => ({ feats: features(tokens(s.text)), ask: s.codes.includes(CODE), grammar: phraseSpans(s.text, grammarOnly).length > 0 }));

// The threshold, from five folds of the tune part.
const counts = new Map(THRESHOLDS.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
for (let k = 0; k < 5; k++) {
  const model = train(examples.filter((_, i) => i % 5 !== k));
  examples.forEach((x, i) => {
    if (i % 5 !== k) return;
    const p = model.score(x.feats);
    for (const [t, c] of counts) {
      const got = x.grammar || p > t;
      if (got && x.ask) c.tp++;
      else if (got) c.fp++;
      else if (x.ask) c.fn++;
    }
  });
}
for (const [t, c] of counts) console.log(`folds, threshold ${t}: precision ${(c.tp / (c.tp + c.fp)).toFixed(3)}, recall ${(c.tp / (c.tp + c.fn)).toFixed(3)}`);
const threshold = THRESHOLDS.find((t) => {
  const c = counts.get(t);
  return c.tp / (c.tp + c.fp) >= GOAL_PRECISION;
});
if (threshold === undefined) throw new Error('no threshold keeps the precision goal on the folds');

const model = train(examples);
const kept = [...model.w].sort((a, b) => (a[0] < b[0] ? -1 : 1));
const data = {
  bias: model.bias,
  threshold,
  trainedOn: trainingHash(tune),
  weights: kept.map(([f, v]) => `${f} ${v}`).join('\n'),
};
writeFileSync(OUT, `// Made by scripts/train-sentence-model.mjs (npm run train-model) from the tune part of
// test/fixtures/outreach-sentences.json (${tune.length} sentences): do not edit.
import type { SentenceModelData } from './sentence-model.js';

export const JOB_ASK_MODEL: SentenceModelData = ${JSON.stringify(data, null, 2)};
`);
console.log(`threshold ${threshold}; ${kept.length} weights of ${model.size} kept; ${OUT}`);
