// Quick fixes: the core decides what to change (each diagnostic's `fixes`, as
// text edits or a file to create); edits.ts turns each into one undoable
// WorkspaceEdit, computed on the text the user sees right now; a fix that asks
// a question or opens a draft runs as its Follow-ups action. A fix is taken
// from the one diagnostic it is asked about: same code, same range, same message.

import * as vscode from 'vscode';
import { actionCommand } from '../../core/follow-up-actions.js';
import type { Diagnostic } from '../../core/model.js';
import { toRange } from '../diagnostics/index.js';
import { planFix, SAVE_AFTER_FIX } from '../edits.js';
import type { Reminder } from '../follow-ups/actions.js';
import type { WorkspaceNotes } from '../notes/workspace-notes.js';

export class QuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly notes: WorkspaceNotes) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === 'rapport');
    if (!ours.length) return [];
    const at = this.notes.sync(doc);
    if (!at) return [];
    const core = this.notes.diagnosticsOf(at.notes, at.path);
    const actions: vscode.CodeAction[] = [];
    for (const shown of ours) {
      // The diagnostic shown, found again on the text as it is now. When the text has moved on
      // since it was published, it is not found and no fix is offered: the Problems panel
      // catches up within the typing debounce, and its fixes with it.
      const match = core.find((d) => sameDiagnostic(d, shown));
      for (const [i, fix] of (match?.fixes ?? []).entries()) {
        if ((fix.ask || fix.open || fix.draft) && fix.action) {
          // It asks a question first, or writes or opens a draft: the Follow-ups action does it, from here too.
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [shown];
          action.command = { command: actionCommand(fix.action), title: fix.title, arguments: [{ uri: doc.uri, item: { diagnostic: match! } } satisfies Reminder] };
          actions.push(action);
          continue;
        }
        const planned = await planFix(doc.uri, at.notes.folder.uri, fix);
        if (!planned) continue;
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [shown];
        action.edit = planned.edit;
        if (planned.save.length) action.command = { command: SAVE_AFTER_FIX, title: 'Save', arguments: [planned.save] };
        action.isPreferred = i === 0;
        actions.push(action);
      }
    }
    return actions;
  }
}

function sameDiagnostic(d: Diagnostic, shown: vscode.Diagnostic): boolean {
  return d.code === shown.code && d.message === shown.message && toRange(d.range).isEqual(shown.range);
}

export function register(context: vscode.ExtensionContext, notes: WorkspaceNotes): QuickFixes {
  const provider = new QuickFixes(notes);
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, provider, { providedCodeActionKinds: QuickFixes.kinds }),
  );
  return provider;
}
