// Quick fixes: the core decides what to change (each diagnostic's `fixes`, as
// text edits or a file to create); this only turns them into one undoable
// WorkspaceEdit each, computed on the text the user sees right now.

import * as vscode from 'vscode';
import type { Fix } from '../../core/model.js';
import { toRange } from '../diagnostics/index.js';
import type { WorkspaceNotes } from '../notes/workspace-notes.js';

export class QuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly notes: WorkspaceNotes) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === 'rapport');
    if (!ours.length) return [];
    const at = this.notes.sync(doc);
    if (!at) return [];
    const core = this.notes.diagnosticsFor(doc.uri);
    const actions: vscode.CodeAction[] = [];
    for (const shown of ours) {
      const match = core.find((d) => d.code === shown.code && toRange(d.range).isEqual(shown.range)) ??
        core.find((d) => d.code === shown.code && d.range.start.line === shown.range.start.line);
      for (const [i, fix] of (match?.fixes ?? []).entries()) {
        const edit = await this.toEdit(doc.uri, at.notes.folder.uri, fix);
        if (!edit) continue;
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [shown];
        action.edit = edit;
        action.isPreferred = i === 0;
        actions.push(action);
      }
    }
    return actions;
  }

  /** One fix as one WorkspaceEdit; undefined when it would overwrite a file. */
  private async toEdit(uri: vscode.Uri, root: vscode.Uri, fix: Fix): Promise<vscode.WorkspaceEdit | undefined> {
    const edit = new vscode.WorkspaceEdit();
    for (const e of fix.edits ?? []) edit.replace(uri, toRange(e.range), e.newText);
    if (fix.create) {
      const target = vscode.Uri.joinPath(root, ...fix.create.path.split('/'));
      if (await exists(target)) return undefined; // never overwrite a note
      // Not `ignoreIfExists`: a file that appears after this check would then get the template inserted into it.
      // Without it the whole edit fails on an existing file, and nothing is written.
      edit.createFile(target, { overwrite: false });
      edit.insert(target, new vscode.Position(0, 0), fix.create.content);
    }
    return edit;
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

/** Apply a core fix to a document (used by commands that act like a quick fix). */
export async function applyFix(uri: vscode.Uri, fix: Pick<Fix, 'edits'>): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits ?? []) edit.replace(uri, toRange(e.range), e.newText);
  return vscode.workspace.applyEdit(edit);
}

export function register(context: vscode.ExtensionContext, notes: WorkspaceNotes): QuickFixes {
  const provider = new QuickFixes(notes);
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, provider, { providedCodeActionKinds: QuickFixes.kinds }),
  );
  return provider;
}

