import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { file, rapport, waitFor } from './helpers.js';

describe('the Follow-ups view and the status bar', () => {
  it('lists what is due, most urgent first', async () => {
    const api = await rapport();
    await waitFor('follow-ups', () => api.followUps.getChildren().length === 3);
    const items = api.followUps.getChildren().map((e) => api.followUps.getTreeItem(e));
    assert.deepEqual(
      items.map((t) => [t.label, t.description]),
      [
        ['Thank Sally Smith', '2 days overdue'],
        ['Follow up with Dana Lee', '9 days late'],
        ['Close the meeting with Bob Jones', 'planned 2026-11-19'],
      ],
    );
    assert.equal((items[0].iconPath as vscode.ThemeIcon).id, 'mail');
    assert.equal(items[0].contextValue, 'followUp.thank-you-pending');
  });

  it('opens the note at the line when an item is chosen', async () => {
    const api = await rapport();
    const item = api.followUps.getTreeItem(api.followUps.getChildren()[1]);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    await waitFor('the note to open', () => vscode.window.activeTextEditor?.document.uri.toString() === file('contacts/dana-lee.md').toString());
    assert.equal(vscode.window.activeTextEditor!.selection.start.line, 6);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('counts what is due in the status bar, and opens the view from it', async () => {
    const api = await rapport();
    // It counts a moment after the notes last changed (the test before opened and closed a note).
    await waitFor('the status bar to count', () => api.statusBar.text !== '');
    assert.equal(api.statusBar.text, '$(bell) 3 due');
    assert.equal(api.statusBar.command, 'rapport.showFollowUps');
    assert.match(String(api.statusBar.tooltip), /3 due, 2 overdue/);
    await vscode.commands.executeCommand('rapport.showFollowUps');
  });
});
