// The cache of parsed notes owns its format: one pair of functions writes and reads
// a note (core/parse/stored-note.ts), and the format's version is a hash of the
// sources the parser reaches, made by scripts/source-version.mjs before every build.

import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { CHECKS_VERSION } from '../../src/cli/version.generated.js';
import { parseFile, type ParsedFile } from '../../src/core/notes.js';
import { reviveNote, storeNote, type StoredNote } from '../../src/core/parse/stored-note.js';
import { PARSER_VERSION } from '../../src/core/parse/version.generated.js';
import { noteText } from '../../src/core/text.js';
import { SNAPSHOT_VERSION } from '../../src/node/snapshot-version.generated.js';
import { brokenNote, eols, randomYaml, unsafeTag, validNote, withEols } from './arbitraries.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

interface Versions {
  VERSIONS: { name: string; file: string; entryPoints: string[] }[];
  sourceVersion(entryPoints: string[], root?: string): Promise<string>;
  sourcesOf(entryPoints: string[], root?: string): Promise<string[]>;
}
const versions = async () => (await import(pathToFileURL(join(ROOT, 'scripts/source-version.mjs')).href)) as Versions;

/** Through the cache's file and back: what a later run gets (undefined: not stored, read again). */
function roundTrip(f: ParsedFile): ParsedFile | undefined {
  const stored = storeNote(f);
  return stored && reviveNote(JSON.parse(JSON.stringify(stored)) as StoredNote);
}

/** A parsed file as plain data to compare (its line map by its text: whether its line starts are computed yet is no difference). */
function comparable(f: ParsedFile): unknown {
  return JSON.parse(JSON.stringify(f, (k, v) => (k === 'lines' ? `LineMap(${(v as { text: string }).text.length})` : v === undefined ? '(undefined)' : v)));
}

/** The key order of an object and of each object in it: the shape V8 gives it. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (v && typeof v === 'object' && v.constructor === Object) return Object.entries(v).map(([k, x]) => [k, shape(x)]);
  return typeof v;
}

describe('a parsed note in the cache', () => {
  const sameAfterRoundTrip = (path: string, text: string, stored = true) => {
    const parsed = parseFile(path, text);
    const back = roundTrip(parsed);
    if (!stored && back === undefined) return;
    assert.ok(back, 'a note of plain frontmatter is stored');
    assert.deepEqual(comparable(back), comparable(parsed));
    assert.deepEqual(shape(back), shape(parsed), 'the same fields in the same order: one shape per kind of note');
    if (back.type) {
      assert.equal(back.frontmatter.data, back.data, 'the frontmatter and the note share their data, as parsed');
      assert.deepEqual(back.frontmatter.keys.entries(), parsed.type && parsed.frontmatter.keys.entries());
      assert.deepEqual(back.lines.range(0, back.text.length), parsed.type && parsed.lines.range(0, parsed.text.length));
    }
  };

  it('comes back as it was parsed: every kind of note, valid or broken, any line endings', () => {
    const notes = fc.oneof(
      fc.tuple(validNote, eols).map(([n, [mode, bom]]) => ({ ...n, text: withEols(n.text, mode, bom), stored: true })),
      brokenNote.map((n) => ({ ...n, stored: true })),
      randomYaml.map((y) => ({ path: 'contacts/x.md', text: `---\ntype: contact\n${y}\n---\nbody`, stored: false })),
      unsafeTag.map((tag) => ({ path: 'contacts/x.md', text: `---${tag}\ntype: contact\n---\n`, stored: true })),
      fc.constantFrom(
        { path: 'notes/plain.md', text: 'no frontmatter at all', stored: true },
        { path: 'contacts/conflict.md', text: '<<<<<<< HEAD\n---\ntype: contact\nname: A\n---\n=======\n>>>>>>> b\n', stored: true },
        { path: 'contacts/bom2.md', text: '\uFEFF\uFEFF---\ntype: contact\nname: A\n---\n', stored: true },
      ),
    );
    fc.assert(fc.property(notes, (n) => sameAfterRoundTrip(n.path, n.text, n.stored)), { seed: 20261121, numRuns: 600 });
  });

  it('is not stored when JSON would not give its frontmatter back as it is (YAML tags, an alias inside itself)', () => {
    for (const value of ['.inf', '-.inf', '.nan', '-0', '!!set {a, b}', '!!omap [a: 1]', '!!timestamp 2026-11-21', '!!binary aGVsbG8=', '&a [*a]', '&a {k: *a}']) {
      const parsed = parseFile('contacts/x.md', `---\ntype: contact\nname: A\nx: ${value}\n---\n`);
      assert.equal(parsed.type, 'contact', value);
      assert.equal(storeNote(parsed), undefined, value);
    }
    // Shared, not circular: stored, each use a copy of its own.
    const shared = parseFile('contacts/x.md', '---\ntype: contact\nname: A\nx: &a [1, 2]\ny: *a\n---\n');
    const back = roundTrip(shared);
    assert.ok(back?.type === 'contact');
    assert.deepEqual(back.data, { type: 'contact', name: 'A', x: [1, 2], y: [1, 2] });
  });

  it('keeps no line map, no second copy of the data, and the key table as arrays', () => {
    const stored = JSON.parse(JSON.stringify(storeNote(parseFile('contacts/ann.md', '---\ntype: contact\nname: Ann\ntags: [a, b]\n---\nHi\n'))));
    assert.equal(stored.lines, undefined);
    assert.equal(stored.frontmatter.data, undefined);
    assert.deepEqual(stored.frontmatter.keys.names, ['type', 'name', 'tags']);
    assert.deepEqual(stored.data, { type: 'contact', name: 'Ann', tags: ['a', 'b'] });
  });
});

describe('the versions of the caches', function () {
  this.timeout(60_000);

  it('are those of the sources as built now (the build wrote them before compiling)', async () => {
    const v = await versions();
    const built: Record<string, string> = { PARSER_VERSION, CHECKS_VERSION, SNAPSHOT_VERSION };
    for (const { name, entryPoints } of v.VERSIONS) assert.equal(built[name], await v.sourceVersion(entryPoints), `${name}: run npm run build`);
  });

  it('follow every source their entry points reach, and nothing else', async () => {
    const { sourceVersion, sourcesOf } = await versions();
    const dir = mkdtempSync(join(tmpdir(), 'rapport-version-'));
    try {
      const write = (f: string, s: string) => writeFileSync(join(dir, f), s);
      write('entry.ts', "import { b } from './b.js';\nimport { V } from './version.generated.js';\nexport const a = () => b() + V;\n");
      write('b.ts', 'export const b = () => 1;\n');
      write('unrelated.ts', 'export const c = 3;\n');
      // The generated module is not there yet (a fresh clone) and is never part of its own hash.
      assert.deepEqual(await sourcesOf(['entry.ts'], dir), ['b.ts', 'entry.ts']);
      const first = await sourceVersion(['entry.ts'], dir);
      assert.match(first, /^[0-9a-f]{16}$/);
      assert.equal(await sourceVersion(['entry.ts'], dir), first, 'the same sources, the same version');
      write('unrelated.ts', 'export const c = 4;\n');
      write('version.generated.ts', "export const V = 'x';\n");
      assert.equal(await sourceVersion(['entry.ts'], dir), first, 'a file the entry does not reach changes nothing');
      write('b.ts', 'export const b = () => 2;\n');
      assert.notEqual(await sourceVersion(['entry.ts'], dir), first, 'a file it reaches does');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('change when a parser source changes (on a copy of Rapport’s sources), and the checks’ and the snapshot’s when a check does', async () => {
    const { VERSIONS, sourceVersion } = await versions();
    const dir = mkdtempSync(join(tmpdir(), 'rapport-version-'));
    try {
      cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      const parser = VERSIONS.find((v) => v.name === 'PARSER_VERSION')!.entryPoints;
      const checks = VERSIONS.find((v) => v.name === 'CHECKS_VERSION')!.entryPoints;
      const snapshot = VERSIONS.find((v) => v.name === 'SNAPSHOT_VERSION')!.entryPoints;
      assert.equal(await sourceVersion(parser, dir), PARSER_VERSION, 'the copy hashes as the original');
      const edit = (file: string, s: string) => writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8') + s);

      edit('src/core/checks/meeting-checks.ts', '\n// a change to a check\n');
      assert.equal(await sourceVersion(parser, dir), PARSER_VERSION, 'a check is not the parser');
      const checksAfter = await sourceVersion(checks, dir);
      assert.notEqual(checksAfter, CHECKS_VERSION);
      assert.notEqual(await sourceVersion(snapshot, dir), SNAPSHOT_VERSION, 'the editor’s snapshot holds what a check says');

      edit('src/core/parse/simple-yaml.ts', '\nexport const NEW_RULE = 1;\n');
      assert.notEqual(await sourceVersion(parser, dir), PARSER_VERSION);
      assert.notEqual(await sourceVersion(checks, dir), checksAfter, 'the checks’ state holds what the parser read too');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a file’s bytes as a note’s text (the core’s, for the web too)', () => {
  it('decodes as Node does, keeping the BOM for the parser to take, and refuses a binary file', () => {
    const bytes = fc.array(fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      fc.constantFrom([0xef, 0xbb, 0xbf], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98, 0x80]).map((b) => Uint8Array.from(b)),
      fc.string({ unit: 'grapheme' }).map((s) => new TextEncoder().encode(s)),
    ), { maxLength: 8 }).map((parts) => Uint8Array.from(parts.flatMap((p) => [...p])));
    fc.assert(fc.property(bytes, (b) => {
      const read = noteText(b);
      const node = Buffer.from(b).toString('utf8');
      if ('reason' in read) assert.ok(node.indexOf('\u0000') !== -1 && node.indexOf('\u0000') < 8192);
      else assert.equal(read.text, node);
    }), { seed: 20261121, numRuns: 1000 });
    assert.deepEqual(noteText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x2d])), { text: '\uFEFF-' });
  });
});
