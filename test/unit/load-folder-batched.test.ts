// The extension's first read of a local folder (src/node/load-folder-batched.ts):
// the same notes as loadFolder, unchanged ones from the cache, and never the
// whole read in one go: the event loop gets turns while it reads.

import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NoteIndex } from '../../src/core/note-index.js';
import { loadFolderInSlices } from '../../src/node/load-folder-batched.js';
import { loadFolder, scanFolder } from '../../src/node/load-folder.js';
import { NoteCache } from '../../src/node/note-cache.js';
import { md } from './helpers.js';

/** Enough notes that reading them takes several slices (30–65 µs a note on this machine, slices of 8 ms). */
const NOTES = 3000;

function write(dir: string, path: string, text: string | Buffer): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const lines = (index: NoteIndex) => [...index.allFiles()].map((f) => `${f.path} ${f.type ?? '-'} ${f.id} ${JSON.stringify(f.text)}`).sort();

describe('reading a local folder in slices', function () {
  this.timeout(120_000);
  let dir: string;
  let cacheDir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-slices-'));
    cacheDir = mkdtempSync(join(tmpdir(), 'rapport-slices-cache-'));
    for (let i = 0; i < NOTES; i++) {
      write(dir, `contacts/${String(i % 30)}/person-${i}.md`, md(['type: contact', `name: Person ${i}`, `company: "[[company-${i % 50}]]"`, 'status: met'], `Met at event ${i}; see [[person-${(i * 7) % NOTES}]].\n`));
    }
    write(dir, 'meetings/binary.md', Buffer.from([0x89, 0x50, 0, 0, 0]));
    write(dir, 'node_modules/pkg/readme.md', md(['type: contact', 'name: Not A Note']));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('gives the index loadFolder gives, and says what it skipped', async () => {
    const index = new NoteIndex();
    const loaded = await loadFolderInSlices(dir, { index });
    assert.deepEqual(lines(index), lines(loadFolder(dir, { cache: false }).index));
    assert.equal(index.contacts().length, NOTES);
    assert.deepEqual(loaded.skipped.map((s) => s.file), ['meetings/binary.md']);
    assert.equal(loaded.read, NOTES);
    assert.equal(loaded.stamps.size, NOTES + 1);
    // Each size and mtime came with its read (nothing was cached): the same as a stat of each file gives.
    const stat = (m: Map<string, { mtimeMs: number; size: number }>) => [...m].map(([p, s]) => `${p} ${s.mtimeMs} ${s.size}`).sort();
    assert.deepEqual(stat(loaded.stamps), stat(loadFolder(dir, { cache: false }).stamps));
  });

  it('lets the event loop run while it reads: callbacks run while some notes are in and others not yet', async () => {
    const index = new NoteIndex();
    let midRead = 0;
    let done = false;
    const tick = () => {
      if (done) return;
      const n = index.contacts().length;
      if (n > 0 && n < NOTES) midRead++;
      setImmediate(tick);
    };
    setImmediate(tick);
    await loadFolderInSlices(dir, { index }).then(() => (done = true));
    // A read in one go (after the walk) gives the event loop no turn with the index half filled.
    assert.ok(midRead >= 1, `${midRead} turns of the event loop in the middle of the read of ${NOTES} notes`);
  });

  it('takes unchanged notes from the cache once it is saved, and only then', async () => {
    const first = await loadFolderInSlices(dir, { index: new NoteIndex(), cacheDir });
    assert.equal(first.cached, 0);
    const unsaved = await loadFolderInSlices(dir, { index: new NoteIndex(), cacheDir });
    assert.equal(unsaved.cached, 0, 'nothing is written until save() is called');
    unsaved.save();
    write(dir, 'contacts/0/person-0.md', md(['type: contact', 'name: Person Zero, changed']));
    const index = new NoteIndex();
    const warm = await loadFolderInSlices(dir, { index, cacheDir });
    assert.deepEqual([warm.read, warm.cached], [1, NOTES - 1]);
    assert.deepEqual(lines(index), lines(loadFolder(dir, { cache: false }).index));
  });

  it('takes a scan made just before (for the snapshot) as its walk and its stats, not making them again', async () => {
    const index = new NoteIndex();
    const cached = await loadFolderInSlices(dir, { index: new NoteIndex(), cacheDir });
    cached.save();
    const scanned = scanFolder(dir, []);
    // What the scan did not see is not read: the walk was not made again (the editor's catch-up after the first read finds it).
    write(dir, 'contacts/late.md', md(['type: contact', 'name: Came After The Scan']));
    try {
      const loaded = await loadFolderInSlices(dir, { index, cacheDir, scanned });
      assert.equal(index.get('contacts/late.md'), undefined);
      assert.equal(index.contacts().length, NOTES);
      assert.deepEqual([loaded.read, loaded.cached], [0, NOTES]);
      assert.deepEqual(loaded.skipped.map((s) => s.file), ['meetings/binary.md']);
      const stamps = (m: Map<string, { mtimeMs: number; size: number }>) => [...m].map(([p, s]) => `${p} ${s.mtimeMs} ${s.size}`).sort();
      assert.deepEqual(stamps(loaded.stamps), stamps(scanned.toMap()));
    } finally {
      rmSync(join(dir, 'contacts/late.md'));
    }
  });

  it('parses the cache of parsed notes a part at a time, pausing after each: never the whole file in one go', async () => {
    (await loadFolderInSlices(dir, { index: new NoteIndex(), cacheDir })).save();
    let pauses = 0;
    const cache = await NoteCache.openAside(realpathSync(dir), cacheDir, () => void pauses++);
    assert.equal(cache.empty, false);
    // A few hundred notes a part (3,000 notes: a part is ~0.5 MB of JSON, a few milliseconds to parse).
    assert.ok(pauses >= 10, `${pauses} pauses while opening a cache of ${NOTES} notes`);
  });
});
