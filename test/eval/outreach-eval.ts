// Precision and recall of the outreach checks on the labelled sentences of
// test/fixtures/outreach-sentences.json, per check and per split (tune, held-out).
// Shared by `npm run lint-eval` (which prints the table) and a unit test (which
// fails when the held-out figures fall below the goal).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check, CAST, md } from '../unit/helpers.js';

export const OUTREACH_CODES = ['outreach-asks-for-job', 'outreach-resume-attached', 'outreach-informational-interview'] as const;
export type Split = 'tune' | 'held-out';
export interface Sentence { text: string; codes: string[]; split: Split }
export interface Score { tp: number; fp: number; fn: number; precision: number; recall: number }
export interface Miss { text: string; code: string; kind: 'missed' | 'false alarm'; split: Split; quote?: string }

/** The labelled sentences of the fixture, or of `file` (a batch of the same shape; a sentence without a split is held out: it was not tuned on). */
export function loadSentences(file = fileURLToPath(new URL('../../../test/fixtures/outreach-sentences.json', import.meta.url))): Sentence[] {
  const sentences = (JSON.parse(readFileSync(file, 'utf8')) as { sentences: (Omit<Sentence, 'split'> & { split?: Split })[] }).sentences;
  return sentences.map((s) => ({ ...s, split: s.split ?? 'held-out' }));
}

const FILE = 'outreach/draft.md';

/** The outreach findings for `text` alone in the body of an unsent draft, with the words each quotes. */
export function findingsFor(text: string): { code: string; message: string }[] {
  const note = md(['type: outreach', 'to: "[[sally-smith]]"', 'subject: Hello'], text);
  return check({ ...CAST, [FILE]: note }).filter((d) => d.file === FILE && (OUTREACH_CODES as readonly string[]).includes(d.code));
}

export function evaluate(sentences: Sentence[]): { scores: Record<Split, Record<string, Score>>; misses: Miss[] } {
  const scores = { tune: {}, 'held-out': {} } as Record<Split, Record<string, Score>>;
  const misses: Miss[] = [];
  for (const split of ['tune', 'held-out'] as Split[]) for (const c of OUTREACH_CODES) scores[split][c] = { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 };
  for (const s of sentences) {
    const found = findingsFor(s.text);
    for (const code of OUTREACH_CODES) {
      const got = found.find((d) => d.code === code);
      const want = s.codes.includes(code);
      const score = scores[s.split][code];
      if (got && want) score.tp++;
      else if (got) (score.fp++, misses.push({ text: s.text, code, kind: 'false alarm', split: s.split, quote: got.message }));
      else if (want) (score.fn++, misses.push({ text: s.text, code, kind: 'missed', split: s.split }));
    }
  }
  for (const split of Object.values(scores)) for (const s of Object.values(split)) {
    s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
    s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  }
  return { scores, misses };
}

/**
 * What the job-ask model (src/core/checks/sentence-model.ts) carries of the sentences it was
 * trained on: scripts/train-sentence-model.mjs writes it, and a unit test compares it with the
 * tune part as it is, so the set cannot change without the model being trained again.
 */
export function trainingHash(sentences: Sentence[]): string {
  return createHash('sha1').update(JSON.stringify(sentences.map((s) => [s.text, s.codes.includes('outreach-asks-for-job')]))).digest('hex').slice(0, 16);
}
