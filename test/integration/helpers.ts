// Shared by the integration tests: reach the running extension and wait for
// what a user would see.

import * as vscode from 'vscode';
import type { RapportApi } from '../../src/extension/extension.js';

export async function rapport(): Promise<RapportApi> {
  const ext = vscode.extensions.getExtension<RapportApi>('rapport.rapport');
  if (!ext) throw new Error('Rapport is not installed');
  const api = await ext.activate();
  await api.ready;
  return api;
}

export function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return folder.uri;
}

export function file(path: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), ...path.split('/'));
}

/** Rapport's diagnostics on a file, as the Problems panel has them. */
export function problems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'rapport');
}

export function codes(uri: vscode.Uri): string[] {
  return problems(uri).map((d) => String(d.code));
}

/** Poll until `test` holds; returns the milliseconds it took. */
export async function waitFor(what: string, test: () => boolean, timeoutMs = 5000): Promise<number> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - started;
}
