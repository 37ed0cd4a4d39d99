// After Follow-ups actions, the Problems panel and `rapport check` run on the folder
// say the same thing, file by file and line by line (desktop host only: it runs the CLI).

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { actionCommand } from '../../src/core/follow-up-actions.js';
import { file, rapport, remove, root, waitFor, writeText } from './helpers.js';

const CLI = join(__dirname, '../../bin/rapport.js'); // the bundle runs from dist/test

interface CliDiagnostic { file: string; line: number; code: string; message: string }

/** `rapport check` on the workspace folder, as lines `file:line code message`. */
function cliSays(): string[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [CLI, 'check', root().fsPath, '--json', '--today', '2026-11-21', '--no-cache'], { encoding: 'utf8' });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout); // exit 1: something overdue
  }
  return (JSON.parse(out) as CliDiagnostic[]).map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`).sort();
}

/** The Problems panel's Rapport diagnostics for the folder, the same way. */
function panelSays(): string[] {
  const base = root().path.endsWith('/') ? root().path : `${root().path}/`;
  return vscode.languages
    .getDiagnostics()
    .flatMap(([uri, ds]) => ds.filter((d) => d.source === 'rapport').map((d) => `${uri.path.slice(base.length)}:${d.range.start.line + 1} ${d.code} ${d.message}`))
    .sort();
}

/** Wait for the Problems panel to say what the CLI said; if it never does, show the difference. */
async function agree(cli: string[]): Promise<void> {
  await waitFor('the Problems panel to say what `rapport check` says', () => panelSays().join('\n') === cli.join('\n'), 15_000).catch(() => {
    assert.deepEqual(panelSays(), cli);
  });
}

describe('the editor and `rapport check` agree after an action (desktop host only: it runs the CLI)', function () {
  this.timeout(60_000);
  const M = 'meetings/2026-11-19-cli-agrees.md';
  after(() => remove(file(M)));

  it('before and after marking a thank-you sent from Follow-ups', async () => {
    const api = await rapport();
    await writeText(file(M), '---\ntype: meeting\nwith: "[[sally-smith]]"\ndate: 2026-11-19\nreferrals: []\n---\n');
    const find = () => api.followUps.entries().find((e) => e.uri.toString() === file(M).toString());
    await waitFor('the thank-you in Follow-ups', () => find() !== undefined, 10_000);
    await api.notes.idle();
    const before = cliSays();
    assert.ok(before.some((l) => l.startsWith(`${M}:`)));
    await agree(before);
    assert.equal(await vscode.commands.executeCommand(actionCommand('thank-you-sent-today'), find()), true);
    await waitFor('the thank-you to leave Follow-ups', () => find() === undefined, 10_000);
    const now = cliSays();
    assert.ok(!now.some((l) => l.startsWith(`${M}:`)), 'the CLI still sees it due: the file was not saved');
    await agree(now);
  });
});
