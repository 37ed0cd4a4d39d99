// One way to an edit: a core Fix (text edits to a note and to the notes that close
// the same loop, and/or a note to create)
// becomes one undoable WorkspaceEdit here, and nowhere else. Quick fixes,
// commands and view actions all come through. After the edit, each file it
// touched that held no unsaved changes of the user's is saved, so the editor,
// `git diff` and `rapport check` agree; a document the user was already editing
// is left edited and unsaved, their changes and Rapport's to be saved together.

import * as vscode from 'vscode';
import type { Fix } from '../core/model.js';
import { toRange } from './diagnostics/index.js';

/** Saves the files a quick fix touched; VS Code runs it right after applying the fix's edit. */
export const SAVE_AFTER_FIX = 'rapport.saveAfterFix';

export interface PlannedEdit {
  edit: vscode.WorkspaceEdit;
  /** The files to save once it is applied: those with no unsaved changes of the user's now. */
  save: vscode.Uri[];
}

/**
 * A fix as one WorkspaceEdit: its text edits on `uri` (the note the fix is for), and the
 * note it creates under `root`. Undefined when the fix would create a file that exists:
 * a note is never overwritten.
 */
export async function planFix(uri: vscode.Uri | undefined, root: vscode.Uri, fix: Pick<Fix, 'edits' | 'create' | 'also'>): Promise<PlannedEdit | undefined> {
  const edit = new vscode.WorkspaceEdit();
  const touched: vscode.Uri[] = [];
  if (uri && fix.edits?.length) {
    for (const e of fix.edits) edit.replace(uri, toRange(e.range), e.newText);
    touched.push(uri);
  }
  for (const other of fix.also ?? []) {
    const target = vscode.Uri.joinPath(root, ...other.path.split('/'));
    for (const e of other.edits) edit.replace(target, toRange(e.range), e.newText);
    touched.push(target);
  }
  if (fix.create) {
    const target = vscode.Uri.joinPath(root, ...fix.create.path.split('/'));
    if (await exists(target)) return undefined;
    // Not `ignoreIfExists`: a file that appears after this check would then get the content inserted into it.
    // Without it the whole edit fails on an existing file, and nothing is written.
    edit.createFile(target, { overwrite: false });
    edit.insert(target, new vscode.Position(0, 0), fix.create.content);
    touched.push(target);
  }
  const unsaved = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
  return { edit, save: touched.filter((u) => !unsaved.has(u.toString())) };
}

/** Apply a fix now (commands and view actions); false when it could not be (a file in the way, a stale document). */
export async function applyFix(uri: vscode.Uri | undefined, root: vscode.Uri, fix: Pick<Fix, 'edits' | 'create' | 'also'>): Promise<boolean> {
  const planned = await planFix(uri, root, fix);
  if (!planned || !(await vscode.workspace.applyEdit(planned.edit))) return false;
  await saveFiles(planned.save);
  return true;
}

/** Save these files if the edit left them with changes (it opened those it edited without an editor). */
export async function saveFiles(uris: vscode.Uri[]): Promise<void> {
  for (const uri of uris) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc?.isDirty) await doc.save();
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function register(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(SAVE_AFTER_FIX, (uris: vscode.Uri[] = []) => saveFiles(uris)));
}
