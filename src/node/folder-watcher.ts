// `rapport watch`'s view of the disk (Node only): one fs.watch per folder of the tree,
// not one per file. chokidar, used before, watched every file on its own and listed a
// whole folder again after each event in it: at 100,000 notes that was 100,000 inotify
// watches (more than many systems allow: 8,192 is a common limit), ~1 GB of heap, a
// listing of 35,000 names after every save, and a save shown 0.2-1 s after it. A folder's
// watcher names the file each event is about, which is all watch needs: it reads that
// file again (or finds it gone). A folder that comes or goes is said as such; watch then
// compares the disk with what it read (its reconcile), as it does after any burst.

import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';

/** What happens under the root, by absolute path. */
export interface FolderEvents {
  /** A file was created, written or removed (or renamed to or from this name). */
  file(abs: string, exists: boolean): void;
  /** A folder appeared (created, or moved in): its files' own events may never come. */
  folderCame(abs: string): void;
  /** A watched folder went away (removed, or moved out): every note under it with it. */
  folderGone(abs: string): void;
  /** A folder that could not be watched, and why (the folder's changes are then only seen by a reconcile). */
  cannotWatch(abs: string, why: string): void;
}

/** Folders never watched or walked: where no note of the user's lives. */
const SKIPPED = new Set(['.git', 'node_modules']);

export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private closed = false;

  constructor(
    root: string,
    private readonly events: FolderEvents,
  ) {
    this.add(root);
  }

  /** Every folder watched (absolute paths). */
  get folders(): string[] {
    return [...this.watchers.keys()];
  }

  close(): void {
    this.closed = true;
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  /** Watch `dir` and every folder under it (symlinked folders are not followed). */
  private add(dir: string): void {
    if (this.closed || this.watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { persistent: true }, (event, name) => this.onEvent(dir, event, name));
    } catch (e) {
      this.events.cannotWatch(dir, String((e as NodeJS.ErrnoException)?.code ?? e));
      return;
    }
    // Its folder removed (on some systems an error, on others an event in the parent): the parent's event says so.
    watcher.on('error', () => this.drop(dir));
    this.watchers.set(dir, watcher);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // gone already: its parent's event comes
    }
    for (const e of entries) if (e.isDirectory() && !SKIPPED.has(e.name)) this.add(join(dir, e.name));
  }

  /** Stop watching `dir` and every folder under it. */
  private drop(dir: string): void {
    const prefix = dir + sep;
    for (const [d, w] of this.watchers) {
      if (d === dir || d.startsWith(prefix)) {
        w.close();
        this.watchers.delete(d);
      }
    }
  }

  private onEvent(dir: string, event: string, name: string | Buffer | null): void {
    if (this.closed) return;
    if (name === null) {
      // The system did not say which entry: whatever is there now is compared with what was read.
      this.events.folderCame(dir);
      return;
    }
    const base = String(name);
    if (SKIPPED.has(base)) return;
    const abs = join(dir, base);
    if (event === 'change' && !this.watchers.has(abs)) return this.events.file(abs, true);
    let isDir = false;
    let exists = false;
    try {
      const st = statSync(abs);
      exists = true;
      isDir = st.isDirectory();
    } catch {
      // gone (or not readable: treated as gone, as a read of it would be)
    }
    if (isDir) {
      if (!this.watchers.has(abs)) {
        this.add(abs);
        this.events.folderCame(abs);
      }
    } else if (this.watchers.has(abs)) {
      this.drop(abs);
      this.events.folderGone(abs);
    } else {
      this.events.file(abs, exists);
    }
  }
}
