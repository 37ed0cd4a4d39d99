// Needs Node (runs the `rapport` CLI as a child process): Log meeting with a day in
// the past that happened starts the thank-you clock for `rapport check` on the
// folder too, the moment the command returns.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { rapport, remove, root } from './helpers.js';
import { logWithDana } from './logging.test.js';

/** `rapport check ROOT --today 2026-11-21 --format json`, as a user would run it: its findings, whatever the exit code. */
function rapportCheck(): { file: string; code: string }[] {
  const repo = vscode.extensions.getExtension('rapport.rapport')!.extensionPath;
  const bin = join(repo, 'bin', 'rapport.js');
  assert.ok(existsSync(join(repo, 'dist', 'cli.cjs')), 'the CLI is not built: run `npm run build`');
  const args = [bin, 'check', root().fsPath, '--today', '2026-11-21', '--format', 'json', '--no-cache'];
  try {
    return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 120_000 }));
  } catch (err) {
    const out = (err as { stdout?: string }).stdout; // exit code 1: an overdue warning, as here
    if (out) return JSON.parse(out);
    throw err;
  }
}

describe('Log meeting with… and `rapport check` (needs Node: runs the CLI)', () => {
  it('a meeting logged as happened on a past day is thank-you-pending for rapport check at once', async () => {
    assert.ok(!rapportCheck().some((d) => d.file === 'meetings/2026-11-18-dana-lee.md'));
    const { result: uri } = await logWithDana('2026-11-18', 'It happened');
    try {
      assert.ok(uri);
      const found = rapportCheck().filter((d) => d.file === 'meetings/2026-11-18-dana-lee.md').map((d) => d.code);
      assert.ok(found.includes('thank-you-pending'), found.join(', '));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if (uri) await remove(uri);
      await (await rapport()).notes.idle();
    }
  });
});
