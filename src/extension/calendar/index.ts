// Rapport: Export calendar…: the core's iCalendar file (planned meetings, and what
// falls due in the next 30 days) written where the user says, through workspace.fs
// so it works in the browser too. Importing a newer file updates the events.

import * as vscode from 'vscode';
import { calendar } from '../../core/calendar.js';
import { currentClock } from '../notes/settings.js';
import type { FolderNotes, WorkspaceNotes } from '../notes/workspace-notes.js';

export function register(context: vscode.ExtensionContext, notes: WorkspaceNotes): void {
  context.subscriptions.push(vscode.commands.registerCommand('rapport.exportCalendar', (to?: vscode.Uri) => exportCalendar(notes, to)));
}

/** Write the calendar of one folder's notes to `to`, or where the user picks. The file written, or undefined. */
export async function exportCalendar(notes: WorkspaceNotes, to?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(notes);
  if (!folder) return undefined;
  const uri = to ?? (await vscode.window.showSaveDialog({
    title: 'Export calendar',
    defaultUri: vscode.Uri.joinPath(folder.folder.uri, 'rapport.ics'),
    filters: { iCalendar: ['ics'] },
    saveLabel: 'Export',
  }));
  if (!uri) return undefined;
  const text = calendar(folder.index, currentClock(), folder.settings);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const events = text.split('BEGIN:VEVENT').length - 1;
  void vscode.window.showInformationMessage(`Wrote ${events} event${events === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(uri)}: import it into your calendar; a newer export updates them.`);
  return uri;
}

async function pickFolder(notes: WorkspaceNotes): Promise<FolderNotes | undefined> {
  const folders = notes.allFolders();
  if (folders.length <= 1) {
    if (!folders.length) void vscode.window.showInformationMessage('Open a folder of notes first.');
    return folders[0];
  }
  const picked = await vscode.window.showQuickPick(folders.map((f) => ({ label: f.folder.name, f })), { title: 'Export the calendar of which folder?' });
  return picked?.f;
}
