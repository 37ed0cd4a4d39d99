// Prints the outreach checks' precision and recall on the labelled sentences
// (test/fixtures/outreach-sentences.json), on the part they were tuned on and on
// the held-out part, then every sentence they get wrong. Run by `npm run lint-eval`
// after a build; exits 1 when a held-out figure is below the goal.
// `npm run lint-eval -- FILE` measures a batch of the same shape instead (its
// sentences without a split count as held out): a new batch is measured so, once,
// before anything is changed for it.
import { evaluate, loadSentences } from '../out/test/eval/outreach-eval.js';

const GOAL = { precision: 0.98, recall: 0.95 };
const file = process.argv[2];
const sentences = loadSentences(file);
if (file) console.log(file);
const { scores, misses } = evaluate(sentences);
const pct = (x) => x.toFixed(3);
console.log(`${sentences.length} sentences: ${sentences.filter((s) => s.split === 'tune').length} tune, ${sentences.filter((s) => s.split === 'held-out').length} held-out, ${sentences.filter((s) => s.codes.length === 0).length} that must stay clean`);
console.log(`goal: precision >= ${GOAL.precision}, recall >= ${GOAL.recall}\n`);
console.log('split     check                              tp  fp  fn  precision  recall');
let below = false;
for (const [split, byCode] of Object.entries(scores)) {
  if (!sentences.some((s) => s.split === split)) continue;
  for (const [code, s] of Object.entries(byCode)) {
    const short = split === 'held-out' && (s.precision < GOAL.precision || s.recall < GOAL.recall);
    below ||= short;
    console.log(`${split.padEnd(9)} ${code.padEnd(34)} ${String(s.tp).padStart(2)}  ${String(s.fp).padStart(2)}  ${String(s.fn).padStart(2)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}${short ? '  below goal' : ''}`);
  }
}
if (misses.length) console.log('\nwrong:');
for (const m of misses) console.log(`  [${m.split}] ${m.kind} ${m.code}: ${JSON.stringify(m.text)}${m.quote ? `\n      ${m.quote}` : ''}`);
process.exitCode = below ? 1 : 0;
