// Shared by the integration tests: reach the running extension and wait for
// what a user would see.

import * as vscode from 'vscode';
import { exists } from '../../src/extension/edits.js';
import type { RapportApi } from '../../src/extension/extension.js';

export { exists };

/** This run is the web worker extension host's (test/web/mocha.ts says so), where there is no Node. */
export const webRun = (globalThis as { rapportTestHost?: string }).rapportTestHost === 'web';

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

// Files through `vscode.workspace.fs`, the one file system both extension hosts
// have (the web worker has no node:fs): the bytes on disk, as another program
// would see them.

/** A file's text, byte for byte (a BOM stays, as with node:fs). */
export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
}

/** Writes a file, and the folders it needs. */
export async function writeText(uri: vscode.Uri, content: string | Uint8Array): Promise<void> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
}


/** Deletes a file or folder if it is there. */
export async function remove(uri: vscode.Uri): Promise<void> {
  if (await exists(uri)) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
}
