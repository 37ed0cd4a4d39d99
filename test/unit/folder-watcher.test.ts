// `rapport watch`'s view of the disk (src/node/folder-watcher.ts): one watch per folder,
// never per file (at 100,000 notes a watch per file passed common inotify limits and
// took ~1 GB), and every event named: a file written, made or removed, a folder that
// came or went.

import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderWatcher } from '../../src/node/folder-watcher.js';

describe('watching a folder tree (folder-watcher.ts)', function () {
  this.timeout(20_000);
  let root: string;
  let watcher: FolderWatcher | undefined;
  const seen: string[] = [];
  const start = () =>
    (watcher = new FolderWatcher(root, {
      file: (abs, exists) => seen.push(`${exists ? 'file' : 'gone'} ${abs.slice(root.length + 1)}`),
      folderCame: (abs) => seen.push(`came ${abs.slice(root.length + 1)}`),
      folderGone: (abs) => seen.push(`left ${abs.slice(root.length + 1)}`),
      cannotWatch: (abs, why) => seen.push(`cannot ${abs} ${why}`),
    }));
  /** Waits until an event matching `what` was seen. */
  async function saw(what: RegExp): Promise<void> {
    const until = Date.now() + 10_000;
    while (!seen.some((s) => what.test(s))) {
      if (Date.now() > until) throw new Error(`no event ${what}; seen: ${seen.join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'rapport-folders-')));
    seen.length = 0;
    for (const d of ['contacts', 'meetings/2026', 'node_modules/pkg', '.git/objects']) mkdirSync(join(root, d), { recursive: true });
    for (let i = 0; i < 200; i++) writeFileSync(join(root, 'contacts', `p${i}.md`), `note ${i}\n`);
  });
  afterEach(() => {
    watcher?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('watches each folder once, files never, and leaves out node_modules and .git', () => {
    start();
    assert.deepEqual(watcher!.folders.map((f) => f.slice(root.length)).sort(), ['', '/contacts', '/meetings', '/meetings/2026']);
  });

  it('names the file each event is about: written, made, removed', async () => {
    start();
    writeFileSync(join(root, 'contacts', 'p7.md'), 'changed\n');
    await saw(/^file contacts\/p7\.md$/);
    writeFileSync(join(root, 'meetings', '2026', 'new.md'), 'new\n');
    await saw(/^file meetings\/2026\/new\.md$/);
    unlinkSync(join(root, 'contacts', 'p3.md'));
    await saw(/^gone contacts\/p3\.md$/);
    writeFileSync(join(root, 'node_modules', 'pkg', 'readme.md'), 'x\n');
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(!seen.some((s) => s.includes('node_modules')), seen.join(', '));
  });

  it('watches a folder that comes (and what comes in it), and stops watching one that goes', async () => {
    start();
    mkdirSync(join(root, 'teams', 'alpha'), { recursive: true });
    await saw(/^came teams$/);
    assert.ok(watcher!.folders.includes(join(root, 'teams', 'alpha')), 'its subfolder too');
    writeFileSync(join(root, 'teams', 'alpha', 'a.md'), 'a\n');
    await saw(/^file teams\/alpha\/a\.md$/);
    renameSync(join(root, 'teams'), join(root, 'squads'));
    await saw(/^left teams$/);
    await saw(/^came squads$/);
    assert.deepEqual(watcher!.folders.filter((f) => f.includes('teams')), []);
    rmSync(join(root, 'squads'), { recursive: true });
    await saw(/^left squads$/);
    assert.equal(seen.filter((s) => s.startsWith('cannot')).length, 0);
  });
});
