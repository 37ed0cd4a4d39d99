// The desktop's platform: a folder on the local disk is read through src/node
// (with the cache of parsed notes in the extension's storage); any other folder
// (a remote, a virtual file system) through workspace.fs, as on the web.

import type * as vscode from 'vscode';
import { DiskSource } from './notes/disk-source.js';
import { WorkspaceFsSource } from './notes/fs-source.js';
import type { Platform } from './notes/source.js';

export function desktopPlatform(context: Pick<vscode.ExtensionContext, 'globalStorageUri'>): Platform {
  const cacheDir = context.globalStorageUri.scheme === 'file' ? context.globalStorageUri.fsPath : undefined;
  return {
    sourceFor: (folder) => (folder.uri.scheme === 'file' ? new DiskSource(folder, cacheDir) : new WorkspaceFsSource(folder)),
  };
}
