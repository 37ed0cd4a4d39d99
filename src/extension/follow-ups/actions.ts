// The actions on a Follow-ups row (inline buttons and context menu), and the quick
// fixes that need an answer or open a draft. Each action is one of the reminder's
// own fixes (core/follow-up-actions.ts): found again on the note as it is now,
// asked its question if it has one, its draft written, then applied through edits.ts and saved, so
// the row goes away as the file, `git diff` and `rapport check` change with it.

import * as vscode from 'vscode';
import { writeDraft } from '../../core/drafts.js';
import { actionCommand, answerFix, checkAnswer, FOLLOW_UP_ACTIONS } from '../../core/follow-up-actions.js';
import type { Diagnostic, Fix, FollowUpActionId } from '../../core/model.js';
import { applyFix } from '../edits.js';
import { currentClock } from '../notes/settings.js';
import type { WorkspaceNotes } from '../notes/workspace-notes.js';

/** A reminder to act on: a Follow-ups row, or a diagnostic in the Problems panel. */
export interface Reminder {
  uri: vscode.Uri;
  item: { diagnostic: Diagnostic };
}

export function register(context: vscode.ExtensionContext, notes: WorkspaceNotes): void {
  for (const action of FOLLOW_UP_ACTIONS) {
    context.subscriptions.push(
      vscode.commands.registerCommand(actionCommand(action.id), (reminder?: Reminder, answer?: string) => runAction(notes, reminder, action.id, answer)),
    );
  }
}

/**
 * Do `action` about a reminder. False when it could not be done: the reminder is no
 * longer due, the question was dismissed, or the edit was refused. An action that asks
 * (a date, a number of days) takes `answer` instead when given (a keybinding's argument).
 */
export async function runAction(notes: WorkspaceNotes, reminder: Reminder | undefined, action: FollowUpActionId, answer?: string): Promise<boolean> {
  if (!reminder) {
    void vscode.window.showInformationMessage('Choose a reminder in the Follow-ups view first.');
    return false;
  }
  // A reminder shown from the last session's snapshot, before the notes were read: the
  // action reads the notes (a draft quotes the meeting), so it waits for them (~1-2 s).
  await notes.ready;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === reminder.uri.toString());
  const at = open ? notes.sync(open) : notes.locate(reminder.uri);
  const shown = reminder.item.diagnostic;
  // Found again on the note as it is now: the row may be a moment older than the text.
  const current = at && notes.diagnosticsOf(at.notes, at.path).filter((d) => d.code === shown.code && d.message === shown.message);
  const diagnostic = current?.find((d) => d.range.start.line === shown.range.start.line) ?? current?.[0];
  let fix = diagnostic?.fixes?.find((f) => f.action === action);
  if (!at || !diagnostic || !fix) {
    void vscode.window.showInformationMessage('That is not due any more: the view will catch up in a moment.');
    return false;
  }
  if (fix.ask) {
    const answered = answer === undefined ? await ask(fix, at.path, at.notes.index) : given(fix, answer, at.path, at.notes.index);
    if (!answered) return false;
    fix = answered;
  }
  const written = writeDraft(fix, at.notes.index, currentClock().today);
  if (!written) {
    void vscode.window.showInformationMessage('The note this message would be about has gone: the view will catch up in a moment.');
    return false;
  }
  return applyAndShow(at.notes.folder.uri, reminder.uri, written);
}

/** Ask a fix's question; the fix for the answer, or undefined when dismissed. */
async function ask(fix: Fix, file: string, index: Parameters<typeof answerFix>[3]): Promise<Fix | undefined> {
  const clock = currentClock();
  const answer = await vscode.window.showInputBox({
    title: fix.title.replace(/…$/, ''),
    prompt: fix.ask!.prompt + (fix.ask!.kind === 'date' ? ' (YYYY-MM-DD)' : ''),
    value: fix.ask!.value,
    validateInput: (v) => checkAnswer(fix, v, clock),
  });
  if (answer === undefined || checkAnswer(fix, answer, clock)) return undefined;
  return answerFix(fix, answer, file, index, clock);
}

function given(fix: Fix, answer: string, file: string, index: Parameters<typeof answerFix>[3]): Fix | undefined {
  const clock = currentClock();
  const wrong = checkAnswer(fix, answer, clock);
  if (wrong) {
    void vscode.window.showErrorMessage(`${fix.title.replace(/…$/, '')}: ${wrong}`);
    return undefined;
  }
  return answerFix(fix, answer, file, index, clock);
}

/** Apply a fix; a draft it creates, or the one it names, is opened for writing. */
async function applyAndShow(root: vscode.Uri, uri: vscode.Uri, fix: Fix): Promise<boolean> {
  if (fix.open) {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(root, ...fix.open.split('/')));
    return true;
  }
  if (!(await applyFix(uri, root, fix))) {
    void vscode.window.showWarningMessage(`Rapport could not do “${fix.title}”: the file changed, or the note to create exists.`);
    return false;
  }
  if (fix.create) {
    const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(root, ...fix.create.path.split('/')));
    // The line to make personal, "(One sentence on …)", is selected, ready to type over.
    const doc = editor.document;
    for (let line = 0; line < doc.lineCount; line++) {
      const text = doc.lineAt(line).text;
      if (text.startsWith('(')) {
        editor.selection = new vscode.Selection(line, 0, line, text.length);
        editor.revealRange(editor.selection);
        break;
      }
    }
  }
  return true;
}
