// The editor's first second: a session stores its diagnostics when the window closes,
// and the next one shows them (Follow-ups, Problems) before it has read a note, then
// checks the notes it read and keeps the same answers. A note changed between the two
// sessions means no snapshot: the usual start. Each session here is a second Rapport
// index of the demo workspace, built exactly as the extension builds its own, with a
// storage folder of its own.

import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { followUps } from '../../src/core/follow-ups.js';
import { DiskSource } from '../../src/extension/notes/disk-source.js';
import { WorkspaceNotes } from '../../src/extension/notes/workspace-notes.js';
import { loadFolder } from '../../src/node/load-folder.js';
import { rapport, root } from './helpers.js';

describe('the Follow-ups of the last session, shown before any note is read (desktop host only: its snapshot lives beside the cache of parsed notes)', function () {
  this.timeout(60_000);
  let storage: string;
  const log = vscode.window.createOutputChannel('Rapport (snapshot test)', { log: true });
  const session = () => new WorkspaceNotes({ log, sourceFor: (f) => new DiskSource(f, storage) });
  /** What a session shows: every diagnostic, and the Follow-ups made of them. */
  const shown = (notes: WorkspaceNotes) => {
    const { diagnostics } = notes.diagnostics();
    return { diagnostics: JSON.stringify(diagnostics), followUps: followUps(diagnostics).map((f) => f.label) };
  };

  before(async () => {
    await rapport(); // the extension's own index: nothing here may disturb it
    storage = mkdtempSync(join(tmpdir(), 'rapport-snapshot-'));
  });
  after(() => {
    log.dispose();
    rmSync(storage, { recursive: true, force: true });
  });

  it('stores what a session showed when it closes, and shows it at the next start before reading, the same as the check that follows', async () => {
    const first = session();
    await first.ready;
    const before = shown(first);
    // The notes on disk, not the documents earlier tests left of files since deleted.
    const onDisk = [...loadFolder(root().fsPath, { cache: false }).index.allFiles()].map((f) => f.path).sort();
    assert.deepEqual([...first.allFolders()[0].index.allFiles()].map((f) => f.path).sort(), onDisk);
    assert.ok(before.followUps.length > 0, 'the demo notes owe something');
    first.dispose(); // the window closes
    assert.ok(readdirSync(storage).some((f) => f.endsWith('.checks-snapshot.json')), 'stored on closing');

    const next = session();
    await next.due;
    assert.ok(!next.allFolders()[0].loaded, 'shown before the notes were read');
    assert.ok(next.firstRead.seeded > 0);
    assert.deepEqual(shown(next), before, 'the Follow-ups and Problems of the last session');
    await next.ready;
    assert.deepEqual(shown(next), before, 'the check of the notes as read gives the same');
    next.dispose();
  });

  it('is not used when a note changed between two sessions: the notes are read and checked first', async () => {
    const first = session();
    await first.ready;
    first.dispose();
    // Changed behind VS Code's back (another editor, a pull): the same text, a new mtime.
    const note = join(root().fsPath, 'contacts', 'sally-smith.md');
    const { atime, mtime } = statSync(note);
    utimesSync(note, atime, new Date(mtime.getTime() + 60_000));
    try {
      const next = session();
      await next.due;
      assert.equal(next.firstRead.seeded, 0);
      assert.ok(next.allFolders()[0].loaded, 'what is due was shown once the notes were read and checked');
      assert.ok(followUps(next.diagnostics().diagnostics).length > 0);
      await next.ready;
      next.dispose();
    } finally {
      utimesSync(note, atime, mtime);
    }
  });
});
