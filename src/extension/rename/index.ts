// Renaming or moving a note's file (in the Explorer, or by any extension's
// WorkspaceEdit) keeps every `[[link]]` to it working: before the rename, the
// core says which links change (src/core/rename.ts), and VS Code applies them
// with the rename as one step, which one Undo takes back. The files edited are
// then saved unless the user had unsaved changes there, as every action of
// Rapport's saves (shared/design/product.md, "Actions finish the job").
//
// Undo and Redo of the rename save those notes again. VS Code reverses the
// rename on disk but leaves the notes it reverted unsaved (and asks no
// extension: onWillRenameFiles does not fire for an Undo or a Redo), so on disk
// the links would point at the name the note no longer has.

import * as vscode from 'vscode';
import type { TextEdit } from '../../core/model.js';
import { renameLinks, type Move } from '../../core/rename.js';
import { planEdits, saveFiles } from '../edits.js';
import type { FolderNotes, WorkspaceNotes } from '../notes/workspace-notes.js';

export function register(context: vscode.ExtensionContext, notes: WorkspaceNotes): void {
  /** Files the link edits touched, by their URI after the rename: saved once it is done. */
  let toSave: vscode.Uri[] = [];
  /** From onWillRenameFiles to onDidRenameFiles: the notes to edit that the rename moves, by their URI before it. */
  let editing = new Set<string>();
  /** Whether VS Code asked before this rename: it does for every rename but an Undo's or a Redo's. */
  let asked = false;
  /**
   * The notes whose text Rapport left on disk, by URI, at that text's version, while nothing
   * but an Undo or Redo has changed them since. An Undo or Redo from exactly that version is
   * the rename's (it is on top of the note's undo stack), so it is saved too.
   */
  const onDiskAt = new Map<string, number>();
  /**
   * Notes a rename both edited and moved (self-links, a folder moved), URI before → after.
   * A Redo edits one just before VS Code moves it, and a save there would race the move:
   * it is saved where it lands instead. (An Undo moves it back first, then edits it.)
   */
  const moved = new Map<string, string>();
  const remember = (saved: { doc: vscode.TextDocument; version: number }[]) => {
    for (const s of saved) onDiskAt.set(s.doc.uri.toString(), s.version);
  };
  context.subscriptions.push(
    vscode.workspace.onWillRenameFiles((event) => {
      asked = true;
      const planned = linkEdits(notes, event.files);
      if (!planned) return;
      toSave = planned.save;
      editing = new Set(planned.moved.keys());
      for (const [from, to] of planned.moved) moved.set(from, to);
      event.waitUntil(Promise.resolve(planned.edit));
    }),
    vscode.workspace.onDidRenameFiles((event) => {
      const uris = asked ? toSave : landed(event.files);
      toSave = [];
      editing = new Set();
      asked = false;
      if (uris.length) void saveFiles(uris).then(remember);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!e.contentChanges.length) return; // only the dirty flag changed
      const key = e.document.uri.toString();
      const undo = e.reason === vscode.TextDocumentChangeReason.Undo;
      const redo = e.reason === vscode.TextDocumentChangeReason.Redo;
      if ((!undo && !redo && editing.has(key)) || (redo && moved.has(key) && onDiskAt.get(key) === e.document.version - 1)) {
        // The rename's edit, or its Redo, of a note it moves: saved where the note lands, this
        // text is what an Undo finds on disk here once it has moved the note back.
        onDiskAt.set(key, e.document.version);
        return;
      }
      if ((!undo && !redo) || onDiskAt.get(key) !== e.document.version - 1) {
        // Typed, or undone from another state: the next Undo there is the user's, not the rename's.
        onDiskAt.delete(key);
        return;
      }
      // Not saveFiles: isDirty is still false in this event (VS Code sends the dirty flag after it).
      const version = e.document.version;
      void e.document.save().then((ok) => (ok ? onDiskAt.set(key, version) : onDiskAt.delete(key)));
    }),
  );

  /** After a Redo's move (no onWillRenameFiles): the edited notes it moved, where they landed. */
  function landed(files: readonly { newUri: vscode.Uri }[]): vscode.Uri[] {
    const targets = files.map((f) => f.newUri.toString());
    const within = (uri: string) => targets.some((t) => uri === t || uri.startsWith(t.endsWith('/') ? t : `${t}/`));
    return [...moved.values()].filter(within).map((uri) => vscode.Uri.parse(uri));
  }
}

function linkEdits(
  notes: WorkspaceNotes,
  files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[],
): { edit: vscode.WorkspaceEdit; save: vscode.Uri[]; moved: Map<string, string> } | undefined {
  // The edits are computed on the text the user sees, unsaved changes included.
  for (const doc of vscode.workspace.textDocuments) if (doc.languageId === 'markdown') notes.sync(doc);
  const byFolder = new Map<FolderNotes, Move[]>();
  const renamed: { from: string; to: string }[] = [];
  for (const f of files) {
    const from = notes.locate(f.oldUri);
    const to = notes.locate(f.newUri);
    // A move to another workspace folder leaves links behind whatever we do: they resolve within one folder.
    if (!from || !to || from.notes !== to.notes) continue;
    const moves = byFolder.get(from.notes) ?? [];
    moves.push({ from: from.path, to: to.path });
    byFolder.set(from.notes, moves);
    renamed.push({ from: f.oldUri.toString(), to: f.newUri.toString() });
  }
  const edits: { uri: vscode.Uri; edits: TextEdit[] }[] = [];
  const ambiguous: string[] = [];
  for (const [folder, moves] of byFolder) {
    const plan = renameLinks(folder.index, moves);
    for (const f of plan.files) edits.push({ uri: notes.uriOf(folder, f.path), edits: f.edits });
    for (const a of plan.ambiguous) ambiguous.push(`${a.count} link${a.count === 1 ? '' : 's'} to [[${a.id}]]: another note is already called ${a.newId}`);
  }
  if (ambiguous.length) void vscode.window.showWarningMessage(`Rapport left ${ambiguous.join('; ')}. Rename one of them, then update the links.`);
  if (!edits.length) return undefined;
  const planned = planEdits(edits);
  // A moved note edited (its links to itself, or a note in a moved folder) is saved where it now is.
  const after = (uri: vscode.Uri) => {
    const s = uri.toString();
    for (const r of renamed) if (s === r.from || s.startsWith(r.from.endsWith('/') ? r.from : `${r.from}/`)) return vscode.Uri.parse(r.to + s.slice(r.from.length));
    return uri;
  };
  const save = planned.save.map(after);
  const moved = new Map(planned.save.map((uri, i) => [uri.toString(), save[i].toString()]).filter(([from, to]) => from !== to) as [string, string][]);
  return { edit: planned.edit, save, moved };
}
