// Inputs the fuzz tests (fuzz.test.ts) found that broke the parser or the checks,
// each kept here as a plain test once fixed.

import { strict as assert } from 'node:assert';
import { check } from './helpers.js';

describe('fuzz regressions', () => {
  it('reads a note that is only its opening line, `---yml` (gray-matter threw on it)', () => {
    for (const text of ['---yml', '---yaml', '--- yml', '---YAML', '---', '--- ']) {
      const ds = check({ 'contacts/a.md': text });
      assert.deepEqual(ds.map((d) => d.code), ['invalid-frontmatter'], text);
      assert.match(ds[0].message, /never closed/);
    }
  });
});
