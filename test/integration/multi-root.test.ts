import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { codes, rapport, remove, root, waitFor, writeText } from './helpers.js';

describe('a multi-root workspace', () => {
  // Beside the first folder (in the throwaway folder the launcher copied it to): the
  // web worker has no temp folder of its own, only what workspace.fs reaches.
  let second: vscode.Uri;
  before(async () => {
    second = vscode.Uri.joinPath(root(), '..', `rapport-second-root-${Date.now().toString(36)}`);
    await writeText(vscode.Uri.joinPath(second, 'contacts/sally-smith.md'), '---\ntype: contact\nname: Sally Chen\n---\n');
    await writeText(vscode.Uri.joinPath(second, 'meetings/2026-11-17-sally.md'), '---\ntype: meeting\nwith: "[[sally-smith]]"\ndate: 2026-11-17\nreferrals: []\n---\n');
  });
  after(() => remove(second));

  it('indexes each folder on its own, and names the folder in Follow-ups', async () => {
    const api = await rapport();
    const added = new Promise<void>((r) => vscode.workspace.onDidChangeWorkspaceFolders(() => r()));
    assert.ok(vscode.workspace.updateWorkspaceFolders(1, 0, { uri: second, name: 'second' }));
    await added;
    const meeting = vscode.Uri.joinPath(second, 'meetings/2026-11-17-sally.md');
    await waitFor('the second folder’s diagnostics', () => codes(meeting).includes('thank-you-pending'));
    // Same id in both folders, resolved within each: this Sally is Sally Chen.
    assert.match(vscode.languages.getDiagnostics(meeting)[0].message, /Sally Chen is 3 days overdue/);
    const entries = api.followUps.getChildren().map((e) => api.followUps.getTreeItem(e));
    assert.ok(entries.some((t) => t.label === 'Thank Sally Chen' && t.description === '3 days overdue · second'));
    assert.ok(entries.some((t) => t.label === 'Thank Sally Smith' && String(t.description).endsWith(`· ${vscode.workspace.workspaceFolders![0].name}`)));

    const removed = new Promise<void>((r) => vscode.workspace.onDidChangeWorkspaceFolders(() => r()));
    vscode.workspace.updateWorkspaceFolders(1, 1);
    await removed;
    await waitFor('the second folder to be forgotten', () => codes(meeting).length === 0);
  });
});
