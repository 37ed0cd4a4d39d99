// The web extension (package.json `browser`, for vscode.dev and github.dev):
// Rapport in a web worker, every folder read through workspace.fs, no cache of
// parsed notes. Nothing here or below may import Node.

import type * as vscode from 'vscode';
import { activateRapport, type RapportApi } from './activate.js';
import { WorkspaceFsSource } from './notes/fs-source.js';

export type { RapportApi } from './activate.js';

export function activate(context: vscode.ExtensionContext): RapportApi {
  return activateRapport(context, { sourceFor: (folder) => new WorkspaceFsSource(folder) });
}

export function deactivate(): void {}
