import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Meeting } from '../../src/core/notes.js';
import { DiskSource } from '../../src/extension/notes/disk-source.js';
import { SAVE_CACHE_AFTER_MS, SAVE_CACHE_WHEN_QUIET_MS, TYPING_DEBOUNCE_MS, WorkspaceNotes } from '../../src/extension/notes/workspace-notes.js';
import { codes, rapport } from '../integration/helpers.js';


/** Poll every 2 ms: the thing measured is tens of milliseconds; 30 s bounds a hang, not a speed. */
async function until(test: () => boolean, timeoutMs = 30_000): Promise<number> {
  const started = performance.now();
  while (!test()) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
  return performance.now() - started;
}

// Times are measured and printed here, not asserted: a loaded machine stretches them
// (a CI run on a busy machine once took 9 s where a quiet one takes 1-2 s). What is
// asserted is what a user would see go wrong at any speed: the notes read, Follow-ups
// filled, a typed change reaching the Problems panel, the cache written only when quiet.
// The times are judged in the bench (docs/performance.md), side by side with a baseline.
//
// test/vscode/run-tests.mjs --perf opens the workbench three times on the same profile: first
// with nothing stored (every test below); then, with RAPPORT_PERF_PASS=stored, again once the
// first session has written its cache of parsed notes and its snapshot; then, with
// RAPPORT_PERF_PASS='next day', on the next day, when only the snapshot the first session
// stored for that day holds. The later two run only the first test.
const pass = process.env.RAPPORT_PERF_PASS;
// The second session, and a third the next day (RAPPORT_PERF_PASS='next day'): both start from what the first stored.
const stored = pass === 'stored' || pass === 'next day';

/** Activation to a filled Follow-ups view, as the perf suite prints it (bench/run.mjs reads this line). */
async function followUpsFilled(): Promise<void> {
  const api = await rapport();
  const ms = api.timings.due! - api.timings.activated;
  const due = api.followUps.getChildren().length;
  const { read, cached, readMs, checkMs, proseMs, seeded } = api.notes.firstRead;
  const shown = seeded ? `${seeded} diagnostics shown from the stored snapshot before any note was read` : 'no snapshot';
  const how = pass === 'next day' ? ' the next day, from the stored cache and the snapshot for that day' : `, ${stored ? 'with' : 'without'} the stored cache`;
  console.log(`      (Follow-ups filled ${Math.round(ms)} ms after activation${how}: ${read} notes read, ${cached} from the cache, ${due} follow-ups; ${shown}; reading ${Math.round(readMs)} ms, checking ${Math.round(checkMs)} ms; every note read and checked ${Math.round(api.timings.ready! - api.timings.activated)} ms after activation${proseMs ? `, drafts' wording last, in ${Math.round(proseMs)} ms` : ''})`);
  assert.ok(api.notes.noteCount() >= 9_000, `${api.notes.noteCount()} notes`);
  assert.ok(due > 0);
  // What the figure is of: every note read the first time, and (nearly) none the second.
  if (stored) {
    assert.ok(cached >= 9_000, `${cached} notes from the stored cache, ${read} read`);
    // The first session stored its diagnostics too, and the day, the settings and the notes are as they were.
    assert.ok(seeded > 0, 'the Follow-ups were shown from the stored snapshot');
  } else {
    assert.equal(cached, 0, 'nothing stored before the first session');
    assert.equal(seeded, 0, 'no snapshot before the first session');
  }
}

describe('ten thousand notes in a real VS Code, again with the cache the first session stored', function () {
  if (pass !== 'stored') return;
  this.timeout(180_000);
  it('fills its Follow-ups after activation, from the stored cache (and prints how long that took)', followUpsFilled);
});

describe('ten thousand notes in a real VS Code, the next day', function () {
  if (pass !== 'next day') return;
  this.timeout(180_000);
  it('fills its Follow-ups after activation, from the snapshot the first session stored for this day (and prints how long that took)', followUpsFilled);
});

describe('ten thousand notes in a real VS Code', function () {
  if (stored) return;
  this.timeout(180_000); // a hang bound: a loaded machine takes many times the quiet one's seconds
  it('fills its Follow-ups after activation (and prints how long that took)', followUpsFilled);

  it('shows each typed change’s diagnostics (and prints the latency after the debounce, median of 10 edits)', async () => {
    const api = await rapport();
    const folder = api.notes.allFolders()[0];
    // A done meeting with its thank-you recorded: removing that line makes thank-you-pending appear.
    const meeting = folder.index.meetings().find((m: Meeting) => m.data.thank_you === true && m.status === 'done' && m.frontmatter.keys.has('thank_you'))!;
    assert.ok(meeting, 'a done meeting with thank_you: true');
    const uri = api.notes.uriOf(folder, meeting.path);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.lineAt(doc.positionAt(meeting.frontmatter.keys.get('thank_you')!.keyStart).line);
    const text = line.text;
    await until(() => !codes(uri).includes('thank-you-pending'));
    const latencies: number[] = [];
    // Two rounds first, unmeasured: the first edits of a document also wake VS Code's own Markdown support.
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      await editor.edit((e) => e.delete(line.rangeIncludingLineBreak));
      await until(() => codes(uri).includes('thank-you-pending'));
      if (i >= 2) latencies.push(performance.now() - t0 - TYPING_DEBOUNCE_MS);
      const t1 = performance.now();
      await editor.edit((e) => e.insert(line.range.start, `${text}\n`));
      await until(() => !codes(uri).includes('thank-you-pending'));
      if (i >= 2) latencies.push(performance.now() - t1 - TYPING_DEBOUNCE_MS);
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const sorted = [...latencies].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`      (after the ${TYPING_DEBOUNCE_MS} ms debounce: median ${Math.round(median)} ms, max ${Math.round(sorted[sorted.length - 1])} ms; ${latencies.map((l) => Math.round(l)).join(', ')})`);
    assert.equal(latencies.length, 10, 'every edit’s diagnostics arrived');
  });

  it('writes its cache of parsed notes only once the notes are quiet, never while the user types', async () => {
    // Writing it blocks the extension host for ~0.2 s at 10,000 notes: written 5 s after loading
    // whatever the user was doing, it once held a typed edit's diagnostics back 0.4-0.7 s.
    // What is asserted is the order of events, not times (a loaded machine stretches those):
    // no write between two edits that came within the quiet window of each other, and a write
    // once the typing stops. The extension's own cache may have been written already, in a
    // quiet moment of the tests before: a second index of the same notes, built exactly as the
    // extension builds its own with a cache folder of its own, is watched from its first read on.
    const api = await rapport();
    const folder = api.notes.allFolders()[0];
    const uri = api.notes.uriOf(folder, folder.index.contacts()[0].path);
    const cacheDir = mkdtempSync(join(tmpdir(), 'rapport-perf-cache-'));
    const log = vscode.window.createOutputChannel('Rapport (perf test)', { log: true });
    const notes = new WorkspaceNotes({ log, sourceFor: (f) => new DiskSource(f, cacheDir) });
    type Edit = { kind: 'edit'; start: number; done: number };
    const events: (Edit | { kind: 'save' })[] = [];
    const sub = notes.onDidSaveCache(() => events.push({ kind: 'save' }));
    try {
      const opening = performance.now(); // opening the note counts as an edit: it is an event the index sees
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      events.push({ kind: 'edit', start: opening, done: performance.now() });
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      await notes.ready;
      const ready = performance.now();
      // Type on past the moment the cache is first due (SAVE_CACHE_AFTER_MS after loading), a key every 200 ms.
      for (let i = 0; performance.now() < ready + SAVE_CACHE_AFTER_MS + 1500 || i < 5; i++) {
        const start = performance.now(); // the index sees the edit after this, and before done
        await editor.edit((e) => e.insert(end, i % 2 ? '' : '.'));
        events.push({ kind: 'edit', start, done: performance.now() });
        await new Promise((r) => setTimeout(r, 200));
      }
      const edits = events.filter((e) => e.kind === 'edit') as Edit[]; // the opening first
      await until(() => events.some((e) => e.kind === 'save'), 60_000);
      // A write between two edits is allowed only where the test itself left a quiet window between them
      // (a stalled machine may): the index saw the edit before it no earlier than its start, and the
      // write came before the next edit was done.
      for (let i = 0; i < events.length; i++) {
        if (events[i].kind !== 'save') continue;
        const before = events.slice(0, i).reverse().find((e) => e.kind === 'edit') as Edit | undefined;
        const after = events.slice(i + 1).find((e) => e.kind === 'edit') as Edit | undefined;
        assert.ok(before, 'written only after the note was opened, 5 s after the first read at the earliest');
        if (after && after.done - before.start < SAVE_CACHE_WHEN_QUIET_MS) {
          assert.fail(`the cache was written between two edits ${Math.round(after.done - before.start)} ms apart, while the user typed (events: ${events.map((e) => e.kind).join(' ')})`);
        }
      }
      assert.equal(events.filter((e) => e.kind === 'save').length, 1, 'written once');
      assert.ok(readdirSync(cacheDir).some((f) => f.endsWith('.json')), `a cache file in ${cacheDir}`);
      const gaps = edits.slice(2).map((e, i) => e.start - edits[i + 1].start);
      console.log(`      (${edits.length - 1} edits, at most ${Math.round(Math.max(...gaps))} ms apart; the cache written after the last)`);
    } finally {
      sub.dispose();
      notes.dispose();
      log.dispose();
      rmSync(cacheDir, { recursive: true, force: true });
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('stores its parsed notes for the next session once they are quiet', async () => {
    // The second session (RAPPORT_PERF_PASS=stored) is measured from this cache.
    const api = await rapport();
    await until(() => api.notes.cacheSaves > 0, 60_000);
  });

  it('stores, once quiet again, what the next day shows before its notes are read', async () => {
    // The third session (RAPPORT_PERF_PASS='next day') is measured from this snapshot.
    const api = await rapport();
    await until(() => api.notes.nextDaySaves > 0, 60_000);
  });
});
