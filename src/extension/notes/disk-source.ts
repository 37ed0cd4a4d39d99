// Notes of a local folder, straight from disk through src/node (desktop only):
// a walk and a read per note take ~1 s at 10,000 notes, where findFiles and a
// workspace.fs round trip per note take seconds. Notes unchanged since the last
// session (same size and mtime) come from the cache of parsed notes in the
// extension's storage. The size and mtime of every file read are kept, so that
// after a burst of file events the folder can be compared with the disk.

import { realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { CheckKey } from '../../core/check-key.js';
import type { Diagnostic } from '../../core/model.js';
import type { NoteIndex } from '../../core/note-index.js';
import { noteText } from '../../core/text.js';
import { loadSnapshot, saveSnapshot } from '../../node/check-snapshot.js';
import { foldersUnchanged, walkFolder } from '../../node/disk.js';
import { loadFolderInSlices } from '../../node/load-folder-batched.js';
import { scanFolder, type ScannedFolder } from '../../node/load-folder.js';
import type { FileStamp } from '../../node/note-cache.js';
import type { FirstRead, Missed, NotesSource, ReadNote } from './source.js';

export class DiskSource implements NotesSource {
  /** Each file's size and mtime as last read. */
  private readonly stamps = new Map<string, FileStamp>();
  /** Each folder and its stamp as last listed, for the quick check after a few file events. */
  private folders: Map<string, number> | undefined;
  private save: (() => void) | undefined;
  /** The folder as scanned for the snapshot just before the first read, for that read. */
  private scanned: ScannedFolder | undefined;

  constructor(
    private readonly folder: vscode.WorkspaceFolder,
    /** Where parsed notes are cached between sessions; none when undefined. */
    private readonly cacheDir?: string,
  ) {}

  async load(index: NoteIndex, log: vscode.LogOutputChannel): Promise<FirstRead> {
    const started = performance.now();
    const scanned = this.scanned;
    this.scanned = undefined;
    const loaded = await loadFolderInSlices(this.folder.uri.fsPath, { index, cacheDir: this.cacheDir, scanned });
    for (const [p, st] of loaded.stamps) this.stamps.set(p, { mtimeMs: st.mtimeMs, size: st.size });
    this.folders = loaded.folders;
    this.save = loaded.save;
    for (const s of loaded.skipped) log.warn(`skipped ${s.file}: ${s.reason}`);
    log.info(`${this.folder.name}: ${loaded.read} notes read, ${loaded.cached} from the cache, in ${Math.round(performance.now() - started)} ms`);
    return { read: loaded.read, cached: loaded.cached };
  }

  async read(uri: vscode.Uri, path: string): Promise<ReadNote> {
    try {
      // The stat comes first: a file changed after it reads as changed again at the next reconcile.
      const st = await stat(uri.fsPath);
      const bytes = await readFile(uri.fsPath);
      this.stamps.set(path, { mtimeMs: st.mtimeMs, size: st.size });
      return noteText(bytes);
    } catch {
      return undefined; // gone (or unreadable)
    }
  }

  async notesUnder(uri: vscode.Uri): Promise<vscode.Uri[] | undefined> {
    try {
      if (!(await stat(uri.fsPath)).isDirectory()) return undefined;
    } catch {
      return undefined; // gone already: its delete event follows
    }
    return walkFolder(uri.fsPath).abs.map((abs) => vscode.Uri.file(abs));
  }

  async missed(full: boolean, index: NoteIndex): Promise<Missed | undefined> {
    // A few events: a stat per folder (not per file) tells whether any went missing.
    if (!full && this.folders && foldersUnchanged(this.folders)) return undefined;
    const scanned = scanFolder(this.folder.uri.fsPath, []);
    this.folders = scanned.folders;
    const onDisk = scanned.toMap();
    const stale: vscode.Uri[] = [];
    for (const [path, st] of onDisk) {
      const known = this.stamps.get(path);
      if (!known || known.mtimeMs !== st.mtimeMs || known.size !== st.size || !index.get(path)) stale.push(vscode.Uri.file(st.abs));
    }
    return { stale, present: new Set(onDisk.keys()) };
  }

  forget(path: string): void {
    this.stamps.delete(path);
  }

  saveCache(): boolean {
    if (!this.save || this.cacheDir === undefined) return false;
    this.save(); // a no-op when nothing changed
    return true;
  }

  storedChecks(key: CheckKey): Map<string, Diagnostic[]> | undefined {
    if (this.cacheDir === undefined) return undefined;
    try {
      // A walk and a stat of every file (~0.1 s at 10,000 notes), once a snapshot is found: it holds only if none changed.
      // The first read that follows at once takes the same scan rather than walking and stat'ing again.
      return loadSnapshot(realpathSync(this.folder.uri.fsPath), this.cacheDir, key, () => (this.scanned = scanFolder(this.folder.uri.fsPath, [])));
    } catch {
      return undefined; // the folder is gone or unreadable: the first read says so
    }
  }

  saveChecks(key: CheckKey, diagnostics: Iterable<[string, Diagnostic[]]>, nextDay = false): boolean {
    if (this.cacheDir === undefined || !this.save) return false; // not loaded yet: no stamps to go with them
    try {
      return saveSnapshot(realpathSync(this.folder.uri.fsPath), this.cacheDir, { key, stamps: this.stamps, diagnostics }, nextDay ? 'next day' : 'today');
    } catch {
      return false;
    }
  }
}
