// Commands under the "Rapport" category. A new note never overwrites a file:
// if the name is taken, the existing note is opened instead.

import * as vscode from 'vscode';
import { slugify } from '../../core/links.js';
import { DEFAULT_FOLDERS } from '../../core/notes.js';
import { contactTemplate } from '../../core/templates.js';
import { VIEW_ID } from '../follow-ups/index.js';
import type { WorkspaceNotes } from '../notes/workspace-notes.js';

export function register(context: vscode.ExtensionContext, notes: WorkspaceNotes): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('rapport.newContact', (name?: string) => newContact(name)),
    vscode.commands.registerCommand('rapport.refresh', () => notes.refresh()),
    vscode.commands.registerCommand('rapport.showFollowUps', () => vscode.commands.executeCommand(`${VIEW_ID}.focus`)),
  );
}

/** Create `contacts/<name>.md` from the template and open it; returns its URI. */
export async function newContact(name?: string): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder();
  if (!folder) {
    void vscode.window.showInformationMessage('Open a folder first: Rapport keeps notes in your workspace.');
    return undefined;
  }
  name ??= await vscode.window.showInputBox({
    title: 'New contact',
    prompt: 'Their name, as you would write it',
    placeHolder: 'Sally Smith',
    validateInput: (v) => (v.trim() ? undefined : 'A contact needs a name'),
  });
  if (!name?.trim()) return undefined;
  const uri = vscode.Uri.joinPath(folder.uri, DEFAULT_FOLDERS.contact, `${slugify(name)}.md`);
  if (await exists(uri)) {
    await vscode.window.showTextDocument(uri);
    void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(uri)} already exists; it is open.`);
    return uri;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: true });
  edit.insert(uri, new vscode.Position(0, 0), contactTemplate(name.trim()));
  if (!(await vscode.workspace.applyEdit(edit))) return undefined;
  const doc = await vscode.workspace.openTextDocument(uri);
  await doc.save();
  const editor = await vscode.window.showTextDocument(doc);
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  return uri;
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder keeps your notes?' });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
