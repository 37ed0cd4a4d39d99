// Answers to the questions a command asks, given in place of a person at the
// keyboard: vscode.window's showInputBox and showQuickPick are swapped, for one
// command's run, for ones that answer from a list (the extension and its tests
// share one `vscode` API object, so the command calls these). An input box's
// validateInput is run on each answer as VS Code runs it while typing: an answer it
// refuses is recorded with the message shown, and the next answer is typed instead,
// as a person would correct it. A quick pick answer is the label of the item chosen
// (its $(icon) left out). `undefined` is Escape.

import * as vscode from 'vscode';

export interface Asked {
  kind: 'input' | 'pick';
  title?: string;
  placeHolder?: string;
  /** An input box's starting value. */
  value?: string;
  /** A quick pick's items, in order, without $(icons). */
  labels?: string[];
  /** Messages validateInput showed for refused answers. */
  refused: string[];
}

type Window = { showInputBox: typeof vscode.window.showInputBox; showQuickPick: typeof vscode.window.showQuickPick };

const plain = (label: string) => label.replace(/^\$\([^)]*\)\s*/, '');

/** Runs `command` answering its questions with `answers`, in order; fails if it asks more or fewer. */
export async function answering<T>(answers: (string | undefined)[], command: () => Thenable<T>): Promise<{ result: T; asked: Asked[] }> {
  const win = vscode.window as unknown as Window;
  const original = { showInputBox: win.showInputBox, showQuickPick: win.showQuickPick };
  const asked: Asked[] = [];
  const left = [...answers];
  const next = (q: Asked) => {
    if (!left.length) throw new Error(`asked one question too many: ${JSON.stringify(q)}`);
    return left.shift();
  };
  win.showInputBox = (async (options?: vscode.InputBoxOptions) => {
    const q: Asked = { kind: 'input', title: options?.title, placeHolder: options?.placeHolder, value: options?.value, refused: [] };
    asked.push(q);
    for (;;) {
      const answer = next(q);
      if (answer === undefined) return undefined;
      const problem = await options?.validateInput?.(answer);
      if (!problem) return answer;
      q.refused.push(typeof problem === 'string' ? problem : problem.message);
    }
  }) as Window['showInputBox'];
  win.showQuickPick = (async (items: readonly (string | vscode.QuickPickItem)[] | Thenable<readonly (string | vscode.QuickPickItem)[]>, options?: vscode.QuickPickOptions) => {
    const list = await items;
    const labelOf = (i: string | vscode.QuickPickItem) => plain(typeof i === 'string' ? i : i.label);
    const q: Asked = { kind: 'pick', title: options?.title, placeHolder: options?.placeHolder, labels: list.map(labelOf), refused: [] };
    asked.push(q);
    const answer = next(q);
    if (answer === undefined) return undefined;
    const chosen = list.find((i) => labelOf(i) === answer);
    if (!chosen) throw new Error(`no item “${answer}” to pick among ${q.labels!.join(', ')}`);
    return chosen;
  }) as Window['showQuickPick'];
  try {
    const result = await command();
    if (left.length) throw new Error(`${left.length} answers left unasked: ${JSON.stringify(left)}; asked ${JSON.stringify(asked)}`);
    return { result, asked };
  } finally {
    win.showInputBox = original.showInputBox;
    win.showQuickPick = original.showQuickPick;
  }
}

type OpenDialog = { showOpenDialog: typeof vscode.window.showOpenDialog };

/** Runs `command` with the open dialog answering `files` (undefined: the dialog was closed); records each dialog's options. */
export async function pickingFiles<T>(files: vscode.Uri[] | undefined, command: () => Thenable<T>): Promise<{ result: T; dialogs: vscode.OpenDialogOptions[] }> {
  const win = vscode.window as unknown as OpenDialog;
  const original = win.showOpenDialog;
  const dialogs: vscode.OpenDialogOptions[] = [];
  win.showOpenDialog = (async (options?: vscode.OpenDialogOptions) => {
    dialogs.push(options ?? {});
    return files;
  }) as OpenDialog['showOpenDialog'];
  try {
    return { result: await command(), dialogs };
  } finally {
    win.showOpenDialog = original;
  }
}
