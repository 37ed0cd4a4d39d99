// Inputs the fuzz tests (fuzz.test.ts) found that broke the parser or the checks,
// each kept here as a plain test once fixed.

import { strict as assert } from 'node:assert';
import { linksOutsideCode } from '../../src/core/parse/body.js';
import { readFrontmatter } from '../../src/core/parse/frontmatter.js';
import { parseFile } from '../../src/core/notes.js';
import { readSimpleYaml } from '../../src/core/parse/simple-yaml.js';
import { within } from './bounded.js';
import { check, md, only } from './helpers.js';

describe('fuzz regressions', () => {
  it('reads a note that is only its opening line, `---yml` (gray-matter threw on it)', () => {
    for (const text of ['---yml', '---yaml', '--- yml', '---YAML', '---', '--- ']) {
      const ds = check({ 'contacts/a.md': text });
      assert.deepEqual(ds.map((d) => d.code), ['invalid-frontmatter'], text);
      assert.match(ds[0].message, /never closed/);
    }
  });

  it('reads frontmatter with long runs of blank lines in linear time (gray-matter and the type-line search were quadratic)', () => {
    for (const eol of ['\n', '\r\n', ' \n']) {
      for (const [lines, expect] of [[4_000, 'YAML'], [65_536, 'over 5000 lines or 64 kB']] as const) {
        const ds = within(500, `${lines} × ${JSON.stringify(eol)}`, () => check({ 'contacts/a.md': `---\na: [\n${eol.repeat(lines)}type: contact\n---\n` }));
        assert.deepEqual(ds.map((d) => d.code), ['invalid-frontmatter']);
        assert.match(ds[0].message, new RegExp(expect));
      }
    }
  });

  it('reports a note whose frontmatter is never closed, in any folder (outside Rapport\'s it went silent)', () => {
    const text = ['---', 'type: Meeting', 'with: [[ann]]', 'date: 2026-11-21', '', 'Notes on [[ben]].'].join('\n');
    for (const path of ['notes/2026-11-20-ann.md', 'ann.md', 'meetings/ann.md']) {
      assert.deepEqual(check({ [path]: text }).map((d) => d.code), ['invalid-frontmatter'], path);
    }
    assert.deepEqual(check({ 'notes/hr.md': '---\nA page that opens with a rule, and never says type: contact.\n' }), []);
  });

  it('checks a note with 200,000 links: its first 1,000 problems, and one more that says so (a spread of that many once overflowed the stack)', () => {
    for (const body of ['[[zz]] '.repeat(200_000), `\`code\` ${'[[zz]] '.repeat(200_000)}`]) {
      const ds = check({ 'contacts/a.md': `---\ntype: contact\nname: A\n---\n${body}\n` });
      assert.equal(ds.length, 1001);
      assert.ok(ds.every((d) => d.code === 'unknown-reference'), ds[0].message);
      assert.match(ds[1000].message, /more problems than are shown/);
    }
  });

  it('finds the links outside code in a 700 kB line of links and backticks in linear time', () => {
    const links = within(1000, 'the line of links', () => linksOutsideCode('[[zz]]`'.repeat(100_000), 0)!);
    assert.equal(links.length, 50_000, 'every other link is inside a code span');
  });

  it('reads a body remark would take seconds over (deep nesting, many list items) with the scanners', () => {
    const head = ['---', 'type: meeting', 'with: "[[a]]"', 'date: 2026-11-22', '---', '## Questions', '', '- What does a typical week look like?', '', '<!-- [[b]] -->', ''];
    for (const tail of ['- > '.repeat(8192), '- - a\n'.repeat(4000), '1. '.repeat(10_000), '*_'.repeat(8000)]) {
      const ds = within(1000, `${JSON.stringify(tail.slice(0, 8))}…`, () => check({ 'meetings/m.md': head.join('\n') + tail, 'contacts/a.md': md(['type: contact', 'name: A']) }));
      assert.deepEqual(only(ds, 'questions-missing'), [], 'the questions are still read');
    }
  });

  it('reads 10 MB of plain keys in linear time (the comment search ran to the end of the block per line)', () => {
    const keys = Array.from({ length: 4900 }, (_, i) => `k${i}: ${'v '.repeat(1000)}`);
    const read = within(1000, '10 MB of keys', () => readSimpleYaml(['type: contact', 'name: A', ...keys].join('\n'), 4));
    assert.equal(read?.keys.size, 4902);
  });

  it('reads lines of Unicode spaces as yaml does, whichever reader serves them', () => {
    for (const source of ['\u2028#', 'type: contact\n\u00a0\nname: A', 'name: "A"\u3000# c', 'tags:\n  -\u00a0a', 'name: A\n\u2003# c']) {
      const text = `---\n${source}\n---\n`;
      const fast = readFrontmatter(text)!;
      const slow = readFrontmatter(text, { simple: false })!;
      assert.deepEqual(fast.data, slow.data, JSON.stringify(source));
      assert.equal(fast.problems.length > 0, slow.problems.length > 0, JSON.stringify(source));
    }
  });

  it('says an alias to no anchor is unresolved, not a bomb', () => {
    const ds = check({ 'contacts/a.md': md(['type: contact', 'name: A', 'x: *no_such_anchor']) });
    assert.deepEqual(ds.map((d) => d.code), ['invalid-frontmatter']);
    assert.match(ds[0].message, /Unresolved alias/);
  });

  it('prints no process warning for a key that is a list (yaml warned on stderr)', async () => {
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.message);
    process.on('warning', listen);
    try {
      check({ 'contacts/a.md': md(['type: contact', 'name: A', '[a, b]: 1', '? [[ann]]']) });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listen);
    }
    assert.deepEqual(warnings, []);
  });

  it('does not read a frontmatter of 256 kB of junk, where yaml took 2.4 s over its 262,144 errors', () => {
    const ds = within(500, '256 kB of junk', () => check({ 'contacts/a.md': md(['type: contact', 'name: A', `x: ${'}'.repeat(256 * 1024)}`]) }));
    assert.deepEqual(ds.map((d) => d.code), ['invalid-frontmatter']);
    assert.match(ds[0].message, /over 5000 lines or 64 kB long/);
  });

  it('never puts a position between a CR and its LF (yaml\'s error on an unclosed quote ended there)', () => {
    // The tab sends the block to yaml (the simple reader reports an unclosed quote itself, at its line).
    const text = ['---', 'type: contact', 'name: "unclosed\t', 'email: ann@x.example', '---', ''].join('\r\n');
    const ds = check({ 'contacts/a.md': text });
    assert.deepEqual(ds.map((d) => [d.code, d.range.start, d.range.end]), [
      ['invalid-frontmatter', { line: 3, character: 20 }, { line: 3, character: 20 }],
    ]);
    const simple = check({ 'contacts/a.md': text.replace('\t', '') });
    assert.deepEqual(simple.map((d) => [d.code, d.range.start, d.range.end]), [
      ['invalid-frontmatter', { line: 2, character: 0 }, { line: 2, character: 15 }],
    ]);
  });

  it('refuses nested anchors that refer to themselves before yaml expands them (190 took 2.6 s, 500 95 s)', () => {
    const ds = within(500, '190 nested anchors', () => check({ 'contacts/a.md': md(['type: contact', 'name: A', `x: ${'&a [*a, '.repeat(190)}1${']'.repeat(190)}`]) }));
    assert.deepEqual(ds.map((d) => d.code), ['invalid-frontmatter']);
    assert.match(ds[0].message, /too many aliases/);
  });

  it('gives a deeply nested frontmatter the same diagnostics however deep the caller\'s stack', () => {
    const at = (depth: number, fn: () => string): string => (depth === 0 ? fn() : at(depth - 1, fn) + '');
    for (const x of [`${'['.repeat(1582)}1`, `${'{a: '.repeat(1000)}1${'}'.repeat(1000)}`, `\n${'  - '.repeat(3000)}x`, ': '.repeat(8000)]) {
      const text = md(['type: contact', 'name: A', `x: ${x}`]);
      const seen = new Set([0, 3000, 6000].map((depth) => at(depth, () => JSON.stringify(parseFile('contacts/a.md', text).problems))));
      assert.equal(seen.size, 1, [...seen].map((s) => s.slice(0, 200)).join('\n'));
      assert.match([...seen][0], /nested more than 200 levels deep/);
    }
  });

  it('shares one fix among the links to the same missing note (each held a note template: 125 MB for a 1 MB line)', () => {
    const ds = check({ 'contacts/a.md': md(['type: contact', 'name: A', 'company: "[[zz]]"'], '[[zz]] [[zz]] [[yy]]') });
    assert.deepEqual(ds.map((d) => d.fixes![0].title), ['Create companies/zz.md', 'Create contacts/zz.md', 'Create contacts/zz.md', 'Create contacts/yy.md']);
    assert.equal(ds[1].fixes, ds[2].fixes);
    assert.notEqual(ds[2].fixes, ds[3].fixes);
  });
});
