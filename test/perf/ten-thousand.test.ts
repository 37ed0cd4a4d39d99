import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { Meeting } from '../../src/core/notes.js';
import { TYPING_DEBOUNCE_MS } from '../../src/extension/notes/workspace-notes.js';
import { codes, rapport } from '../integration/helpers.js';
import { slowdown } from '../slowdown.js';

// The times are the project's targets on its 2-core machine when quiet; on a machine busy with
// other work they are scaled by how much slower it is at that moment (../slowdown.ts), so CI on a
// loaded machine passes while a real regression still fails. The bench keeps the exact figures.

/** Poll every 2 ms: the thing measured is tens of milliseconds. */
async function until(test: () => boolean, timeoutMs = 5000): Promise<number> {
  const started = performance.now();
  while (!test()) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
  return performance.now() - started;
}

describe('ten thousand notes in a real VS Code', () => {
  it('writes its cache of parsed notes only once the notes are quiet, never while the user types', async function () {
    this.timeout(90_000);
    // Writing it blocks the extension host for ~0.2 s at 10,000 notes: written 5 s after loading
    // whatever the user was doing, it once held a typed edit's diagnostics back 0.4-0.7 s.
    // Asserted as an order of events, not a time: the write comes a full quiet window after the
    // edit before it. (On a busy machine a 200 ms pause between keystrokes can stretch past the
    // window, and then a write between them is right; a check on the time since loading failed.)
    const QUIET_MS = 2000; // SAVE_CACHE_WHEN_QUIET_MS in workspace-notes.ts
    const api = await rapport();
    const folder = api.notes.allFolders()[0];
    const uri = api.notes.uriOf(folder, folder.index.contacts()[0].path);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    // Type on past the moment the cache is first due (5 s after loading), a keystroke every 200 ms.
    // (This test runs first, so that typing starts as early as it can.)
    const edits: { sent: number; applied: number }[] = [];
    try {
      for (let i = 0; performance.now() < api.timings.ready! + 6500 || i < 5; i++) {
        const sent = performance.now();
        await editor.edit((e) => e.insert(end, i % 2 ? '' : '.'));
        edits.push({ sent, applied: performance.now() });
        await new Promise((r) => setTimeout(r, 200));
      }
      await until(() => api.notes.cacheSavedAt !== undefined, 30_000); // a hang guard
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    const saved = api.notes.cacheSavedAt!;
    // The last keystroke surely seen before the write: its event came after it was sent.
    const before = edits.filter((e) => e.applied <= saved).at(-1);
    if (!before) {
      // A machine so busy that the first keystroke reached the extension only after the write was
      // due: nothing typed came before the write, so none within its quiet window; no more to check.
      console.log(`      (written ${Math.round(saved - api.timings.ready!)} ms after loading, before the first keystroke, sent ${Math.round(edits[0].sent - api.timings.ready!)} ms after loading, was applied)`);
      return;
    }
    const typing = edits.some((e) => e.sent > saved) ? ' (between keystrokes: the pause before it was that long)' : '';
    console.log(`      (written ${Math.round(saved - before.sent)} ms after the keystroke before it${typing}, ${Math.round(saved - api.timings.ready!)} ms after loading)`);
    assert.ok(saved - before.sent >= QUIET_MS, `the cache was written ${Math.round(saved - before.sent)} ms after a keystroke, within the ${QUIET_MS} ms quiet window`);
  });

  it('shows its Follow-ups within 3 s of activation', async () => {
    const api = await rapport();
    const ms = api.timings.ready! - api.timings.activated;
    const due = api.followUps.getChildren().length;
    const factor = slowdown();
    console.log(`      (${api.notes.noteCount()} notes read and checked, ${due} follow-ups, ${Math.round(ms)} ms after activation; the machine is ${factor.toFixed(1)}x slower than quiet)`);
    assert.ok(api.notes.noteCount() >= 9_000, `${api.notes.noteCount()} notes`);
    assert.ok(due > 0);
    assert.ok(ms < 3000 * factor, `${Math.round(ms)} ms (bound 3000 ms x ${factor.toFixed(1)})`);
  });

  it('shows a typed change’s diagnostics within 100 ms after the debounce (median of 10 edits)', async () => {
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
    const factor = slowdown();
    console.log(`      (after the ${TYPING_DEBOUNCE_MS} ms debounce: median ${Math.round(median)} ms, max ${Math.round(sorted[sorted.length - 1])} ms; ${latencies.map((l) => Math.round(l)).join(', ')}; the machine is ${factor.toFixed(1)}x slower than quiet)`);
    assert.ok(median < 100 * factor, `median ${Math.round(median)} ms (bound 100 ms x ${factor.toFixed(1)}): ${latencies.join(', ')}`);
  });
});
