// `rapport check`'s report, made part by part (src/cli/format.ts reportParts): never whole
// in memory (at 100,000 notes the JSON is 17 million two-byte characters), and byte for
// byte what it was when made whole: JSON.stringify with an indent of 2, or a line per
// diagnostic and the summary.

import { strict as assert } from 'node:assert';
import { githubLine, humanLine, reportParts, summary, toJson } from '../../src/cli/format.js';
import type { Diagnostic } from '../../src/core/model.js';

/** Diagnostics with what JSON and the formats must escape: quotes, backslashes, line breaks, curly quotes, an emoji, `%` and `:`. */
function diagnostics(n: number): Diagnostic[] {
  return Array.from({ length: n }, (_, i) => ({
    file: `contacts/person-${i}.md`,
    range: { start: { line: i % 50, character: i % 7 }, end: { line: i % 50, character: 9 } },
    severity: (['error', 'warning', 'information', 'hint'] as const)[i % 4],
    code: i % 3 ? 'thank-you-pending' : 'unknown-reference',
    message: `Note “${i}”: a "quote", a \\ backslash,\na line break, 50% and 😀 ${'x'.repeat(i % 200)}`,
    ...(i % 5 === 0 ? { overdue: true } : {}),
  }));
}

const whole = {
  json: (ds: Diagnostic[]) => `${JSON.stringify(ds.map(toJson), null, 2)}\n`,
  human: (ds: Diagnostic[]) => ds.map((d) => `${humanLine(d)}\n`).join('') + `${summary(ds)}\n`,
  github: (ds: Diagnostic[]) => ds.map((d) => `${githubLine(d, 'notes')}\n`).join('') + `${summary(ds)}\n`,
};

describe('the report made part by part', () => {
  for (const format of ['json', 'human', 'github'] as const) {
    it(`${format}: the same text as made whole, for none, one and thousands of diagnostics`, () => {
      for (const n of [0, 1, 2, 3000]) {
        const ds = diagnostics(n);
        const parts = [...reportParts(ds, format, 'notes')];
        assert.equal(parts.join(''), whole[format](ds), `${n} diagnostics`);
        if (n === 3000) {
          assert.ok(parts.length > 5, `${parts.length} parts`);
          assert.ok(parts.every((p) => p.length < 2 * 65536 + 1000), 'no part near the whole');
        }
      }
    });
  }
});
