// The count of what is due, in the status bar; a click opens Follow-ups.

import * as vscode from 'vscode';
import { afterQuiet, type FollowUpsProvider } from '../follow-ups/index.js';
import type { WorkspaceNotes } from '../notes/workspace-notes.js';

export function register(context: vscode.ExtensionContext, notes: WorkspaceNotes, followUps: FollowUpsProvider): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('rapport.due', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Rapport: what is due';
  item.command = 'rapport.showFollowUps';
  const update = () => {
    if (!notes.noteCount()) return item.hide();
    const due = followUps.entries();
    const overdue = due.filter((e) => e.item.overdue).length;
    item.text = due.length ? `$(bell) ${due.length} due` : '$(check) nothing due';
    item.tooltip = due.length
      ? `Rapport: ${due.length} due${overdue ? `, ${overdue} overdue` : ''}. Click to open Follow-ups.`
      : 'Rapport: nothing is due.';
    item.backgroundColor = overdue ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  context.subscriptions.push(item, notes.onDidChange(afterQuiet(update)));
  // The first count as soon as the notes are read, not a quiet moment after: the item is empty until then.
  void notes.ready.then(update);
  return item;
}
