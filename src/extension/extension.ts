// The desktop extension (package.json `main`): Rapport with local folders read
// straight from disk.

import type * as vscode from 'vscode';
import { activateRapport, type RapportApi } from './activate.js';
import { desktopPlatform } from './desktop-platform.js';

export type { RapportApi } from './activate.js';

export function activate(context: vscode.ExtensionContext): RapportApi {
  return activateRapport(context, desktopPlatform(context));
}

export function deactivate(): void {}
