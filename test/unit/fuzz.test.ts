// Property-based tests of the parser, the index and the checks (issue 6, "Never
// lose a line, never run a note"), over generated notes, the ways notes break,
// and hostile input: random YAML, truncations, deep nesting, 1 MB lines, bytes
// that are not UTF-8, alias bombs, every frontmatter language tag, conflict
// markers, mixed line endings, referral cycles and repeated ids. The seed is
// fixed, so a failure replays; fast-check prints the shrunk counterexample.

import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import matter from 'gray-matter';
import { checkAll } from '../../src/core/checks/index.js';
import { CHECK_CODES } from '../../src/core/checks/catalogue.js';
import { noteText } from '../../src/core/text.js';
import { readFrontmatter } from '../../src/core/parse/frontmatter.js';
import { LiveChecks } from '../../src/core/live-checks.js';
import type { Diagnostic } from '../../src/core/model.js';
import { NoteIndex } from '../../src/core/note-index.js';
import { parseFile } from '../../src/core/notes.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { splitBom } from '../../src/core/text.js';
import { referralTree, type ReferralNode } from '../../src/core/views.js';
import {
  aliasBomb, brokenNote, DEEP, deepYaml, eols, LINE_UNITS, longLine, note, PEOPLE, randomYaml, referralRing,
  unsafeTag, validNote, withEols, type BrokenNote, type GenNote,
} from './arbitraries.js';
import { within } from './bounded.js';
import { clock } from './helpers.js';

// Fixed, so a run is reproducible; FUZZ_SEED explores others, FUZZ_SCALE runs each property that many times longer.
const SEED = Number(process.env.FUZZ_SEED) || 20261121;
const SCALE = Number(process.env.FUZZ_SCALE) || 1;
const settings = { ...DEFAULT_SETTINGS, checks: {} };
const stats = { cases: 0, properties: new Set<string>() };

/** Assert a property with the fixed seed, counting the cases it ran. */
function holds<T>(name: string, arb: fc.Arbitrary<T>, numRuns: number, predicate: (value: T) => void): void {
  stats.properties.add(name);
  fc.assert(
    fc.property(arb, (value) => {
      stats.cases++;
      predicate(value);
    }),
    { seed: SEED, numRuns: numRuns * SCALE },
  );
}

/** Index these files and check them all, as `rapport check` does. */
function checkFiles(files: GenNote[]): { index: NoteIndex; ds: Diagnostic[] } {
  const index = new NoteIndex();
  for (const f of files) index.set(f.path, f.text);
  return { index, ds: checkAll(index.allFiles(), { index, clock: clock(), settings }) };
}

/** Every diagnostic is a known code, inside its file's text, and not a check that crashed. */
function assertWellFormed(ds: Diagnostic[], texts: Map<string, string>): void {
  const lengths = new Map<string, number[]>(); // each file's line lengths, as VS Code counts them
  for (const d of ds) {
    const where = `${d.file} ${d.code} ${JSON.stringify(d.range)}`;
    assert.ok(CHECK_CODES.has(d.code), `unknown code: ${where}`);
    assert.notEqual(d.code, 'internal-error', `a check threw: ${d.message}`);
    const text = texts.get(d.file);
    assert.ok(text !== undefined, `diagnostic on a file not given: ${where}`);
    let lines = lengths.get(d.file);
    if (!lines) {
      // A lone CR (old Macs) ends a line in VS Code. Rapport reads a note whose lines all end so as VS Code
      // does; in a note that mixes them with \n, only \n ends a line for it: no stricter check there.
      const body = splitBom(text).text;
      const crOnly = !body.includes('\n') && body.includes('\r');
      const loneCr = /\r(?!\n)/.test(body);
      lines = crOnly ? body.split('\r').map((l) => l.length) : body.split('\n').map((l) => (loneCr ? l.length : l.replace(/\r$/, '').length));
      lengths.set(d.file, lines);
    }
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `line out of range: ${where}`);
      const len = lines[p.line];
      assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= len, `column out of range: ${where}`);
    }
    const { start: s, end: e } = d.range;
    assert.ok(s.line < e.line || (s.line === e.line && s.character <= e.character), `range ends before it starts: ${where}`);
  }
}

const texts = (files: GenNote[]) => new Map(files.map((f) => [f.path, f.text]));
const noteWithEols = fc.tuple(validNote, eols).map(([n, [mode, bom]]) => ({ ...n, text: withEols(n.text, mode, bom) }));
const folder = fc.constantFrom('contacts/', 'meetings/', 'notes/', '');

/** Any note at all: valid, broken, random, deep, 1 MB long, conflicted, in another language, with any line endings. */
const hostileNote: fc.Arbitrary<GenNote> = fc.oneof(
  noteWithEols,
  fc.tuple(fc.oneof(validNote, brokenNote), fc.constantFrom<'cr' | 'crlf'>('cr', 'crlf'), fc.boolean()).map(([n, mode, bom]) => ({ path: n.path, text: withEols(n.text, mode, bom) })),
  brokenNote,
  fc.tuple(folder, randomYaml, fc.boolean()).map(([f, y, closed]) => note(`${f}r.md`, `---\n${y}${closed ? '\n---\n' : ''}`, 'random YAML')),
  fc.tuple(fc.constantFrom(...DEEP), fc.integer({ min: 500, max: 10_000 }), fc.boolean()).map(([k, depth, closed]) => note(
    'contacts/deep.md',
    `---\ntype: contact\nname: Deep\n${deepYaml(k, k === 'a:\n' || k === '- ' ? Math.min(depth, 2000) : depth, closed)}\n---\n`,
    `${JSON.stringify(k)} ${depth} deep${closed ? ', closed' : ''}`,
  )),
  fc.tuple(fc.integer({ min: 3, max: 10 }), fc.integer({ min: 8, max: 30 }), fc.boolean()).map(([w, d, b]) =>
    note('notes/bomb.md', ['---', 'type: contact', 'name: Bomb', ...aliasBomb(w, d, b), '---', ''].join('\n'), `alias bomb ${w}^${d}`)),
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(...LINE_UNITS), fc.constantFrom('value', 'body', 'tag', 'key', 'comment' as const), fc.constantFrom(16, 256, 1024))
      .map(([u, where, kb]) => note('meetings/long.md', longLine(u, where, kb * 1024), `${kb} kB line of ${JSON.stringify(u)} in the ${where}`)),
  },
);

describe('fuzz: the parser, the index and the checks', function () {
  this.timeout(Number(process.env.FUZZ_TIMEOUT) || 300_000);

  // Mocha sets Error.stackTraceLimit to Infinity, so each of the hundreds of errors yaml makes
  // deep in a nested block captures a thousand frames; time them as the CLI runs, with Node's 10.
  const stackTraceLimit = Error.stackTraceLimit;
  before(() => (Error.stackTraceLimit = 10));
  after(() => {
    Error.stackTraceLimit = stackTraceLimit;
    console.log(`      fuzz: ${stats.cases} cases run across ${stats.properties.size} properties (seed ${SEED})`);
  });

  it('parses and checks any note without throwing, each within a second', () => {
    holds('any note parses and checks', hostileNote, 300, (note) => {
      const ds = within(1000, note.path, () => checkFiles([note]).ds);
      assertWellFormed(ds, texts([note]));
    });
  });

  it('reads random YAML as the yaml package does, whichever reader serves it', () => {
    holds('the simple reader agrees with yaml', randomYaml, 1500, (y) => {
      const text = `---\n${y}\n---\n`;
      if (text.charCodeAt(0) === 0xfeff || text.charAt(3) === '-') return;
      const fast = readFrontmatter(text)!;
      const slow = readFrontmatter(text, { simple: false })!;
      assert.deepEqual(fast.data, slow.data);
      if (slow.data) assert.deepEqual([...fast.keys.entries()], [...slow.keys.entries()]);
      assert.equal(fast.problems.length > 0, slow.problems.length > 0);
    });
  });

  it('splits every note where gray-matter does (the rule Rapport took over from it)', () => {
    // gray-matter only splits here: each engine it could call is one that reads nothing.
    const none = { parse: () => ({}) };
    const engines = Object.fromEntries(['yaml', 'yml', 'js', 'javascript', 'json', 'toml', 'coffee', 'cson'].map((n) => [n, none]));
    const delimiterish = fc.array(fc.constantFrom('---', '----', '--- ', '---x', '\n', '\r\n', '\r', 'a: b', ' ', 'yaml', '#c'), { maxLength: 12 }).map((parts) => parts.join(''));
    const notes = fc.oneof(
      fc.tuple(fc.oneof(validNote, brokenNote), eols).map(([n, [mode, bom]]) => splitBom(withEols(n.text, mode, bom)).text),
      delimiterish.map((t) => `---${t}`),
      fc.tuple(fc.constantFrom('---', '---yaml', '---yml ', '--- '), fc.constantFrom('\n', '\r\n'), delimiterish).map(([a, b, c]) => a + b + c),
    );
    holds('the split agrees with gray-matter', notes, 1500, (text) => {
      const fm = readFrontmatter(text);
      if (!fm || fm.problems.some((p) => /over \d+ lines/.test(p.message))) return;
      const yamlTag = /^(ya?ml)?$/i.test(fm.language);
      if (!yamlTag || !text.includes('\n')) return; // refused, or a single line: never split
      const theirs = matter(text, { language: 'yaml', engines });
      // gray-matter's block starts after the tag when there is one, else right after `---`.
      const tag = text.slice(3, text.search(/\r?\n/));
      const rawStart = 3 + (tag.trim() ? tag.length : 0);
      assert.equal(fm.closed, rawStart + theirs.matter.length < text.length, 'closed');
      if (!fm.closed) return;
      assert.equal(text.slice(fm.bodyStart), theirs.content, 'body');
      assert.equal(fm.closeStart - 1, rawStart + theirs.matter.length, 'the closing line');
    });
  });

  it('decodes any bytes, binary or not UTF-8, into a note that parses', () => {
    const bytes = fc.tuple(validNote, fc.array(fc.tuple(fc.nat(), fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 8 }),
      fc.constantFrom([0xff], [0xfe, 0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0], [0xef, 0xbb, 0xbf]).map((b) => Uint8Array.from(b)),
    )), { maxLength: 6 })).map(([note, splices]) => {
      let b = Buffer.from(note.text, 'utf8');
      for (const [at, junk] of splices) b = Buffer.concat([b.subarray(0, at % (b.length + 1)), junk, b.subarray(at % (b.length + 1))]);
      return { path: note.path, bytes: new Uint8Array(b) };
    });
    holds('bytes decode and parse', bytes, 400, ({ path, bytes }) => {
      const read = noteText(bytes);
      assert.equal('reason' in read, bytes.subarray(0, 8192).includes(0), 'binary exactly when a NUL comes early');
      if ('reason' in read) return;
      const file = { path, text: read.text };
      assertWellFormed(within(1000, path, () => checkFiles([file]).ds), texts([file]));
    });
  });

  it('reports every broken note, whatever its line endings', () => {
    holds('a broken note gets its diagnostic', fc.tuple(brokenNote, eols), 1500, ([note, [mode, bom]]) => {
      const file = { ...note, text: withEols(note.text, mode, bom) };
      const ds = checkFiles([file]).ds;
      assert.ok(ds.some((d) => d.code === note.expect), `${note.how}: expected ${note.expect}, got ${ds.map((d) => d.code).join(', ') || 'nothing'}`);
      assertWellFormed(ds, texts([file]));
    });
  });

  it('reads a valid note without errors, and reports it cut at any offset inside its frontmatter', () => {
    holds('a valid note cut anywhere', noteWithEols, 60, (note) => {
      const { text } = splitBom(note.text);
      const whole = checkFiles([note]).ds;
      assert.deepEqual(whole.filter((d) => d.severity === 'error').map((d) => d.message), [], 'a valid note has no errors');
      const bom = note.text.length - text.length;
      const closed = bom + text.indexOf('\n---', text.indexOf('\n')) + 4; // just after the closing `---`
      const path = note.path.replace(/^[^/]*\//, 'contacts/'); // where even an unreadable note is known to be Rapport's
      for (let cut = 0; cut <= note.text.length; cut++) {
        stats.cases++;
        const part = { path, text: note.text.slice(0, cut) };
        const ds = checkFiles([part]).ds;
        assertWellFormed(ds, texts([part]));
        // Cut inside the opening line, it reads as a language tag (`--- y`); anywhere else before the closing line, as never closed.
        const broken = ds.some((d) => d.code === 'invalid-frontmatter' || d.code === 'unsafe-frontmatter');
        if (cut >= bom + 3 && cut < closed) assert.ok(broken, `cut at ${cut}: ${JSON.stringify(part.text)}`);
      }
    });
  });

  it('never runs a note, whatever its language tag', () => {
    const g = globalThis as { rapportPwned?: unknown };
    const payloads = ['process.exit(7)', 'globalThis.rapportPwned = 1', '{ "type": "contact", "name": (globalThis.rapportPwned = 1) }',
      'rapportPwned = 1', 'type = "contact"\nname = "x"', 'module.exports = (() => { globalThis.rapportPwned = 1 })()',
      'type: contact\nname: !!js/function "function () { globalThis.rapportPwned = 1 }"'];
    const tag = fc.oneof(unsafeTag, fc.constantFrom('', ' ', 'yaml', 'yml', 'YAML', ' yml '));
    const exits: unknown[] = [];
    const exit = process.exit;
    process.exit = ((code?: number) => {
      exits.push(code);
      throw new Error('process.exit called');
    }) as typeof process.exit;
    try {
      holds('no tag or payload runs', fc.tuple(tag, fc.constantFrom(...payloads), eols, folder), 600, ([t, payload, [mode, bom], f]) => {
        const file = { path: `${f}evil.md`, text: withEols(`---${t}\n${payload}\n---\nBody\n`, mode, bom) };
        const ds = checkFiles([file]).ds;
        const live = new LiveChecks(new NoteIndex(), () => ({ clock: clock(), settings }));
        live.change(file.path, file.text);
        assert.equal(g.rapportPwned, undefined, `---${t} ran`);
        assert.deepEqual(exits, [], `---${t} called process.exit`);
        if (!/^ya?ml$/i.test(t.trim()) && t.trim() !== '') {
          assert.ok(ds.some((d) => d.code === 'unsafe-frontmatter'), `---${t} is not reported`);
          assert.equal(parseFile(file.path, file.text).type, undefined, `---${t} was read`);
        }
      });
    } finally {
      process.exit = exit;
      delete g.rapportPwned;
    }
  });

  it('indexes and checks any set of notes, with referral cycles and repeated ids', () => {
    const some = fc.array(fc.oneof({ weight: 6, arbitrary: noteWithEols }, { weight: 2, arbitrary: brokenNote }, { weight: 1, arbitrary: hostileNote.filter((n) => n.text.length < 100_000) }), { maxLength: 12 });
    const workspace = fc.tuple(fc.option(referralRing), some).map(([ring, files]) => [...new Map([...(ring ?? []), ...files].map((f) => [f.path, f])).values()]);
    holds('a workspace indexes and checks', workspace, 400, (files) => {
      const { index, ds } = within(2000, `${files.length} notes`, () => checkFiles(files));
      assertWellFormed(ds, texts(files));
      for (const f of files as (GenNote | BrokenNote)[]) if ('expect' in f) assert.ok(ds.some((d) => d.file === f.path && d.code === f.expect), `${f.path}: ${f.how}`);
      // Who led to whom terminates, cycles and self-referrals included, and shows everyone in a referral once in full.
      const tree = within(1000, 'the referral tree', () => referralTree(index));
      const full = new Set<string>();
      const walk = (n: ReferralNode): void => {
        if (!n.repeat) full.add(n.contact.path);
        n.children.forEach(walk);
      };
      tree.forEach(walk);
      for (const e of index.referralEdges()) assert.ok(full.has(e.from.path) && full.has(e.to.path), `${e.from.path} > ${e.to.path} not in the tree`);
      for (const f of files) index.dependents(f.path);
    });
  });

  it('keeps the index and diagnostics of random changes equal to those built fresh', () => {
    const step = fc.tuple(fc.oneof(noteWithEols, brokenNote, hostileNote.filter((n) => n.text.length < 100_000)), fc.constantFrom<string | undefined>(...PEOPLE, 'm1', 'globex', undefined), fc.boolean());
    holds('incremental equals fresh', fc.array(step, { minLength: 1, maxLength: 25 }), 250, (steps) => {
      const live = new LiveChecks(new NoteIndex(), () => ({ clock: clock(), settings }));
      const final = new Map<string, string>();
      for (const [note, rename, remove] of steps) {
        const path = rename ? note.path.replace(/[^/]*\.md$/, `${rename}.md`) : note.path;
        live.change(path, remove ? undefined : note.text);
        if (remove) final.delete(path);
        else final.set(path, note.text);
      }
      const fresh = checkFiles([...final].map(([path, text]) => ({ path, text })));
      const show = (ds: Diagnostic[]) => ds.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);
      assert.deepEqual(show(live.all()), show(fresh.ds));
      const summary = (index: NoteIndex) => ({
        files: [...index.allFiles()].map((f) => `${f.path} ${f.type}`).sort(),
        edges: index.referralEdges().map((e) => `${e.from.path}>${e.to.path}`).sort(),
        ids: [...PEOPLE, 'm1', 'globex', 'r', 'evil'].map((id) => index.pathOf(id)),
        at: index.companies().map((c) => index.contactsAt(c).map((x) => x.path)).sort(),
      });
      assert.deepEqual(summary(live.index), summary(fresh.index));
    });
  });

  it('bounds the memory a hostile note can take', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heavy = fc.oneof(
      fc.tuple(fc.integer({ min: 5, max: 12 }), fc.integer({ min: 10, max: 40 }), fc.boolean()).map(([w, d, b]) => note('contacts/heavy.md', ['---', 'type: contact', 'name: B', ...aliasBomb(w, d, b), '---', ''].join('\n'), `alias bomb ${w}^${d}`)),
      fc.tuple(fc.constantFrom(...LINE_UNITS), fc.constantFrom('value', 'body', 'key', 'comment', 'tag' as const)).map(([u, where]) => note('contacts/heavy.md', longLine(u, where), `1 MB line of ${JSON.stringify(u)} in the ${where}`)),
    );
    holds('memory is bounded', heavy, 16, ({ text }) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      within(1000, 'a heavy note', () => checkFiles([{ path: 'contacts/heavy.md', text }]));
      // Generous: a 1 MB line of [[a]] is 10,000 links and 1,001 diagnostics (it was 174,765, ~87 MiB while built); a bomb expanded would be gigabytes.
      const grew = process.memoryUsage().heapUsed - before;
      assert.ok(grew < 64 * 2 ** 20 + 64 * text.length, `heap grew ${(grew / 2 ** 20).toFixed(1)} MiB for a ${text.length}-char note`);
    });
  });
});
