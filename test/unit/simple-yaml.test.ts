import { strict as assert } from 'node:assert';
import { readFrontmatter } from '../../src/core/parse/frontmatter.js';
import { parseDocument } from 'yaml';
import { readSimpleYaml } from '../../src/core/parse/simple-yaml.js';
import { rng } from './helpers.js';


/** Values as people write them, and some that only yaml itself should read. */
const VALUES = [
  'Sally Smith', '"[[sally-smith]]"', "'[[globex]]'", '[[sally-smith]]', 'Globex', '2026-11-20', '2026-11-20 15:00', '2026-11-20T15:00',
  '2026-02-30', 'true', 'false', 'True', 'yes', 'no', 'null', '~', '30', '-5', '0', '007', '1.5', '1e3', '0x1F', '.5', '+1 555 0100',
  'skip', 'done', 'no-show', '"quoted, with comma"', "'it''s'", '"esc\\"aped"', 'plain # with comment', '"q" # comment',
  '[a, b]', '["[[a]]", "[[b]]"]', '[[a], [b]]', '[[a, "b"], c]', '[[a]] # c', '[[a]', '[[a]]]', '[[]]', '[[[a]]]', '[]', '[ a , "b" ]', '[a, ]', '[a, [b]]', '{a: 1}', '&anchor x', '*alias', '!tag x', '|', '>',
  'a: b', 'ends with colon:', 'https://globex.example/jobs', 'mail@x.example', 'C# developer', 'Ann #1', 'über', '-dash', '- item',
  '+1 718 555 0134', '1 2', '- 5', '.5 x', '0x1F cafe', '"unclosed', "'unclosed", '%x', '@x', '`x`', '?x', '', '   spaced   ', 'tab\there',
  '[a, b', '[x', '["[[a]]", "b"', '"q # c', 'Lead: Payments', 'Lead: Payments # c', 'b: #c', 'x #y: z', '12: 30', 'ok:', '"it\'s" x', "'say \"hi\"",
];
/** Lines that go on a value above them, as people write them and otherwise. */
const CONTINUED = [
  'Product Designer', '& CEO', 'Prefers mornings. Mentioned twice that they', 'like hearing back.', '(acting)', '2026', 'x: y', 'ends:',
  '# not a comment?', '- item', '[a]', 'a #b', 'tab\there', 'C# and Go', 'über', '"quoted"', "it's", '*star', '!bang', '?q', 'a,b',
];
const KEYS = ['type', 'name', 'with', 'date', 'status', 'referrals', 'tags', 'company', 'thank_you', 'kind', 'x-custom', 'Name2'];

function randomSource(r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const lines: string[] = [];
  const n = 1 + Math.floor(r() * 7);
  for (let i = 0; i < n; i++) {
    const key = r() < 0.05 ? pick(KEYS) : `${pick(KEYS)}${i}`;
    const shape = r();
    if (shape < 0.65) lines.push(`${key}: ${pick(VALUES)}`.replace(/ $/, r() < 0.5 ? '' : ' '));
    else if (shape < 0.85) {
      lines.push(`${key}:${r() < 0.2 ? ' # note' : ''}`);
      const indent = pick(['', '  ', '    ']);
      for (let k = Math.floor(r() * 3); k > 0; k--) lines.push(`${indent}- ${pick(VALUES)}`);
    } else if (shape < 0.9) lines.push(pick(['# a comment', '', '  ', '  nested: map', '    continued text', '<<<<<<< HEAD', '=======', '>>>>>>> main', '<<<<<<< HEAD: x', '<<<<<<<', '<<<<<<<x', ']']));
    else if (shape < 0.97) {
      // A value over several lines: a plain scalar folded over indented lines, or a block scalar.
      lines.push(`${key}:${pick([' ', ' Principal', ' Co-founder', ' "quoted"', ' |', ' >', ' |-', ' >-', ' |+', ' >2', ' > # c', ''])}`);
      const indent = pick(['  ', '  ', '    ', ' ']);
      for (let k = 1 + Math.floor(r() * 4); k > 0; k--) lines.push(pick(['', `${indent}${pick(CONTINUED)}`, `${indent}${pick(CONTINUED)}`, `${indent}  more indented`, `${indent}${pick(VALUES)}`]));
    }
    else lines.push(`${key}:`);
  }
  return lines.join(r() < 0.2 ? '\r\n' : '\n');
}

describe('the simple YAML reader', () => {
  it('reads exactly what yaml reads, data and ranges, or declines (20,000 generated frontmatters)', function () {
    this.timeout(300_000);
    const r = rng(11);
    let served = 0;
    for (let i = 0; i < 20_000; i++) {
      const source = randomSource(r);
      const text = `---\n${source}\n---\nBody\n`;
      const fast = readFrontmatter(text)!;
      const slow = readFrontmatter(text, { simple: false })!;
      if (readSimpleYaml(source, 4)) served++;
      assert.deepEqual(fast.data, slow.data, JSON.stringify(source));
      if (slow.data) assert.deepEqual([...fast.keys.entries()], [...slow.keys.entries()], JSON.stringify(source));
      assert.equal(fast.problems.length > 0, slow.problems.length > 0, JSON.stringify(source));
    }
    assert.ok(served > 3000, `only ${served} served by the simple reader`);
  });

  it('serves the frontmatter notes are made of', () => {
    const note = ['type: meeting', 'with: "[[sally-smith]]"   # met at the meetup', 'date: 2026-11-20 15:00', 'kind: informational', 'duration: 30', 'thank_you: 2026-11-21', 'referrals:', '  - "[[bob-jones]]"', '  - Carol White', 'tags: [design, fintech]'].join('\n');
    const read = readSimpleYaml(note, 0)!;
    assert.deepEqual(read.data, {
      type: 'meeting', with: '[[sally-smith]]', date: '2026-11-20 15:00', kind: 'informational', duration: 30,
      thank_you: '2026-11-21', referrals: ['[[bob-jones]]', 'Carol White'], tags: ['design', 'fintech'],
    });
  });

  it('reads an unquoted [[link]] as yaml does, a list in a list', () => {
    const read = readSimpleYaml('with: [[sally-smith]]\nreferrals: [[a], [b]]', 0)!;
    assert.deepEqual(read.data, { with: [['sally-smith']], referrals: [['a'], ['b']] });
    assert.deepEqual(read.keys.get('with'), { key: 'with', keyStart: 0, keyEnd: 4, valueStart: 6, valueEnd: 21, items: [{ start: 7, end: 20 }] });
  });

  it('reads folded plain scalars and block scalars', () => {
    const note = ['role: Co-founder', '  & CEO', 'notes: >', '  Prefers mornings.', '  Call after an intro.', 'log: |-', '  one', '', '  two', 'status: met'].join('\n');
    assert.deepEqual(readSimpleYaml(note, 0)?.data, {
      role: 'Co-founder & CEO', notes: 'Prefers mornings. Call after an intro.\n', log: 'one\n\ntwo', status: 'met',
    });
  });

  it('declines anchors, aliases, tags, keep chomping, nested maps and escapes', () => {
    for (const s of ['a: &x 1\nb: *x', 'a: !!str 1', 'notes: |+\n  text', 'a:\n  b: 1', 'a: "tab\\there"', 'a: {b: 1}', 'a: [[[x]]]', 'a: [x,\n  y]', 'a: "x\n  y"']) {
      assert.equal(readSimpleYaml(s, 0), undefined, s);
    }
  });

  it('reports the usual mistakes itself, at their line, where yaml finds an error too', () => {
    const cases: [string, number, RegExp][] = [
      ['type: contact\ntags: [design, fintech\nname: Ann', 1, /the \[ list is not closed/],
      ['type: contact\nnotes: "forgot to close\nname: Ann', 1, /the quoted value is not closed: end it with "/],
      ['type: contact\nrole: Lead: Payments\nname: Ann', 1, /needs quotes: role: "Lead: Payments"/],
      ['type: contact\nname: Ann\nrole: a\nrole: b', 3, /`role` is given twice/],
      ['type: contact\n<<<<<<< HEAD\nname: Ann\n=======\nname: Ann Lee\n>>>>>>> laptop', 1, /merge conflict/],
    ];
    for (const [source, line, message] of cases) {
      const read = readSimpleYaml(source, 0);
      assert.ok(read?.problem, source);
      assert.match(read.problem.message, message);
      assert.equal(source.slice(0, read.problem.start).split('\n').length - 1, line, source);
      assert.equal(read.data, undefined);
      assert.ok(parseDocument(source).errors.length > 0, `yaml reads ${JSON.stringify(source)} without an error`);
    }
  });
});
