// Notes through `vscode.workspace.fs` and `findFiles`: any folder that is not on
// the local disk (a remote, a virtual file system), and every folder in the web
// extension, where it is the only way to files. Imports nothing from Node.

import * as vscode from 'vscode';
import type { NoteIndex } from '../../core/note-index.js';
import { noteText } from '../../core/text.js';
import { EXCLUDE, type FirstRead, type Missed, type NotesSource, type ReadNote } from './source.js';

/** Reads in flight at once: each is a round trip to the workbench. */
const READ_BATCH = 64;

export class WorkspaceFsSource implements NotesSource {
  constructor(private readonly folder: vscode.WorkspaceFolder) {}

  async load(index: NoteIndex, log: vscode.LogOutputChannel): Promise<FirstRead> {
    const started = performance.now();
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, '**/*.md'), EXCLUDE);
    const base = this.folder.uri.path.endsWith('/') ? this.folder.uri.path : `${this.folder.uri.path}/`;
    let read = 0;
    // Each batch awaits its reads: the host is free between them.
    for (let i = 0; i < uris.length; i += READ_BATCH) {
      const batch = uris.slice(i, i + READ_BATCH);
      const notes = await Promise.all(batch.map((u) => this.read(u)));
      notes.forEach((note, k) => {
        const path = batch[k].path.slice(base.length);
        if (note && 'reason' in note) log.warn(`skipped ${path}: ${note.reason}`);
        else if (note && batch[k].path.startsWith(base)) {
          // A file event during the first read may have put a newer text already: it stands.
          if (!index.get(path)) index.set(path, note.text);
          read++;
        }
      });
    }
    log.info(`${this.folder.name}: ${read} notes read through workspace.fs in ${Math.round(performance.now() - started)} ms`);
    return { read, cached: 0 };
  }

  async read(uri: vscode.Uri): Promise<ReadNote> {
    try {
      return noteText(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined; // gone (or unreadable)
    }
  }

  async notesUnder(uri: vscode.Uri): Promise<vscode.Uri[] | undefined> {
    try {
      if ((await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory) return undefined;
      return await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.md'), EXCLUDE);
    } catch {
      return undefined; // gone already: its delete event follows
    }
  }

  /** No stamps to compare without a stat per file over the wire: the events are trusted. */
  async missed(): Promise<Missed | undefined> {
    return undefined;
  }

  forget(): void {}

  saveCache(): boolean {
    return false;
  }
}
