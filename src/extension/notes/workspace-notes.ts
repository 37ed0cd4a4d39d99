// The live index of every workspace folder's notes. Files come in from disk in
// the background (unchanged ones from the cache in the extension's storage),
// open documents override disk (so diagnostics follow unsaved edits,
// debounced), and a FileSystemWatcher keeps up with changes made outside the
// editor. Everything else in the extension reads from here and listens to
// `onDidChange`, which says which files' diagnostics changed.

import { readFile, stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { foldersUnchanged, noteText, walkFolder } from '../../node/disk.js';
import { LiveChecks } from '../../core/live-checks.js';
import { loadFolder, scanFolder } from '../../node/load-folder.js';
import type { FileStamp } from '../../node/note-cache.js';
import type { Diagnostic } from '../../core/model.js';
import { NoteIndex } from '../../core/note-index.js';
import type { Settings } from '../../core/settings.js';
import { currentClock, readSettings } from './settings.js';

/** Quiet time after the last keystroke before a document is re-read. */
export const TYPING_DEBOUNCE_MS = 150;
const EXCLUDE = '{**/node_modules/**,**/.git/**}';
const READ_BATCH = 64;
/**
 * How long after the first read the cache of parsed notes is written, once notes have been
 * quiet (no edit, no file event) for SAVE_CACHE_WHEN_QUIET_MS: the write blocks the extension
 * host for ~0.2 s at 10,000 notes (17 MB of JSON), and made a typed edit's diagnostics wait.
 */
const SAVE_CACHE_AFTER_MS = 5000;
const SAVE_CACHE_WHEN_QUIET_MS = 2000;
/** After loading, the idle moment at which the index prepares for the first edit. */
const PREPARE_AFTER_MS = 1000;
/**
 * File events in a row that make a burst (a checkout, a pull): once one is quiet for
 * RECONCILE_AFTER_MS, local folders are compared with the disk, as file watchers may
 * drop or merge events in a burst of hundreds.
 */
const BURST_EVENTS = 20;
const RECONCILE_AFTER_MS = 400;

export interface FolderNotes {
  folder: vscode.WorkspaceFolder;
  index: NoteIndex;
  settings: Settings;
  /** Diagnostics kept current one change at a time (after the first full check). */
  live: LiveChecks;
  /** False while the folder is first read: changes then only fill the index. */
  loaded: boolean;
  /** A local folder's files as last read from disk (size and mtime), for reconcile(). */
  stamps?: Map<string, FileStamp>;
  /** Its folders and their stamps (folderStamp) as last listed, for the quick check after a few file events. */
  folders?: Map<string, number>;
}

export class WorkspaceNotes implements vscode.Disposable {
  private readonly folders = new Map<string, FolderNotes>();
  private readonly changed = new vscode.EventEmitter<NotesChange>();
  /** Files whose diagnostics changed since the last event, or 'all'. */
  private pending: Map<string, ChangedFile> | 'all' = new Map();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly typing = new Map<string, NodeJS.Timeout>();
  /** The document version last put in the index, per URI, so sync() is free when nothing changed. */
  private readonly versions = new Map<string, number>();
  private fireTimer: NodeJS.Timeout | undefined;
  /** Files being read from disk right now. */
  private reading = 0;
  /** Reads started so far, and the latest one per URI still under way. */
  private reads = 0;
  private readonly latestRead = new Map<string, number>();
  /** performance.now() of the last file or document event. */
  private lastEvent = 0;
  /** When the cache of parsed notes was last written (performance.now()), for the tests. */
  cacheSavedAt: number | undefined;
  /**
   * For tests: ignore the watcher's file events, as a watcher overwhelmed by a burst may:
   * 'counted' still counts them towards a burst; 'all' is a watcher that says nothing.
   */
  dropFileEvents: false | 'counted' | 'all' = false;
  /** File events since the last reconcile, and the timer that will run it. */
  private eventsSinceReconcile = 0;
  private reconcileTimer: NodeJS.Timeout | undefined;
  /** Work deferred past start-up (writing the cache). */
  private readonly later: NodeJS.Timeout[] = [];
  private cache: { diagnostics: Diagnostic[]; folder: Map<Diagnostic, FolderNotes> } | undefined;

  /** Fires (coalesced) whenever any note, setting or folder changed; says which files' diagnostics changed when it can. */
  readonly onDidChange = this.changed.event;
  /** Resolves once every folder has been read. */
  readonly ready: Promise<void>;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    /** Where parsed notes are cached between sessions (the extension's global storage). */
    private readonly cacheDir?: string,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        this.touched(e.document.uri);
        this.typed(e.document);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        this.touched(d.uri);
        this.fromDocument(d);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.touched(d.uri);
        void this.fromDisk(d.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('rapport')) return;
        for (const f of this.folders.values()) {
          f.settings = readSettings(f.folder);
          if (f.loaded) f.live.checkAll();
        }
        this.fire(30, true);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) this.folders.delete(f.uri.toString());
        void Promise.all(e.added.map((f) => this.load(f))).then(() => this.fire(0, true));
        this.fire(30, true);
      }),
    );
    // Every path, not just '**/*.md': VS Code reports a folder created, moved or deleted
    // (a checkout, `mv contacts people`) as one event for the folder, without its files.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    // Every file event counts towards a burst (see burst()) before it is handled.
    const onFileEvent = (handle: (u: vscode.Uri) => void) => (u: vscode.Uri) => {
      if (this.dropFileEvents === 'all') return;
      this.touched();
      this.burst();
      if (this.dropFileEvents) return;
      handle(u);
    };
    const changed = onFileEvent((u) => void (this.isNote(u) ? this.fromDisk(u) : this.folderChanged(u)));
    this.disposables.push(
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      watcher.onDidDelete(onFileEvent((u) => this.deleted(u))),
    );
    this.ready = Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Rapport: reading notes' },
      async () => {
        const started = Date.now();
        await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.load(f)));
        this.log.info(`indexed ${this.noteCount()} notes in ${Date.now() - started} ms`);
        this.fire(0, true);
      },
    ));
  }

  dispose(): void {
    for (const t of this.typing.values()) clearTimeout(t);
    for (const t of this.later) clearTimeout(t);
    clearTimeout(this.fireTimer);
    clearTimeout(this.reconcileTimer);
    for (const d of this.disposables) d.dispose();
  }

  /** How many Rapport notes (of any type) the workspace has. */
  noteCount(): number {
    let n = 0;
    for (const f of this.folders.values()) {
      n += f.index.contacts().length + f.index.meetings().length + f.index.companies().length + f.index.outreach().length;
    }
    return n;
  }

  allFolders(): FolderNotes[] {
    return [...this.folders.values()];
  }

  /** Every diagnostic in every folder, as of now (cached until the next change). */
  diagnostics(): { diagnostics: Diagnostic[]; folder: Map<Diagnostic, FolderNotes> } {
    if (!this.cache) {
      const diagnostics: Diagnostic[] = [];
      const folder = new Map<Diagnostic, FolderNotes>();
      for (const f of this.folders.values()) {
        for (const d of f.live.all()) {
          diagnostics.push(d);
          folder.set(d, f);
        }
      }
      this.cache = { diagnostics, folder };
    }
    return this.cache;
  }

  uriOf(folder: FolderNotes, path: string): vscode.Uri {
    return vscode.Uri.joinPath(folder.folder.uri, ...path.split('/'));
  }

  /**
   * Resolves once Rapport is quiet: every folder read, no file being read, no
   * typing debounce or change event waiting, and no file or document event for
   * `quietMs`. For tests and tools that must look at a settled state (after a
   * `git checkout`, say); the editor itself never waits for it.
   */
  async idle(quietMs = 200): Promise<void> {
    await this.ready;
    while (
      this.reading > 0 ||
      this.typing.size > 0 ||
      this.fireTimer !== undefined ||
      this.reconcileTimer !== undefined ||
      [...this.folders.values()].some((f) => !f.loaded) ||
      performance.now() - this.lastEvent < quietMs
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Notes the time of a file or note document event, for idle(). */
  private touched(uri?: vscode.Uri): void {
    if (!uri || this.isNote(uri)) this.lastEvent = performance.now();
  }

  /** Recompute everything, as if a note had changed (e.g. the day turned). */
  refresh(): void {
    for (const f of this.folders.values()) if (f.loaded) f.live.checkAll();
    this.fire(0, true);
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<void> {
    const index = new NoteIndex();
    const notes: FolderNotes = {
      folder,
      index,
      settings: readSettings(folder),
      live: new LiveChecks(index, () => ({ clock: currentClock(), settings: notes.settings })),
      loaded: false,
    };
    this.folders.set(folder.uri.toString(), notes);
    if (folder.uri.scheme === 'file') this.loadFromDisk(notes);
    else {
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.md'), EXCLUDE);
      await this.readAll(uris, false);
    }
    for (const doc of vscode.workspace.textDocuments) this.fromDocument(doc, false);
    notes.live.checkAll();
    notes.loaded = true;
    // Who links where is built on the first change otherwise (~0.2 s at 100,000 notes): do it while idle.
    this.later.push(setTimeout(() => notes.index.prepareForChanges(), PREPARE_AFTER_MS));
  }

  /**
   * A local folder, read straight from disk: a walk and a read per note take
   * ~0.3 s at 10,000 notes, where findFiles and workspace.fs take seconds. Notes
   * unchanged since the last time (same size and mtime) come from the cache in
   * the extension's storage, without being read or parsed.
   */
  private loadFromDisk(notes: FolderNotes): void {
    const started = performance.now();
    const loaded = loadFolder(notes.folder.uri.fsPath, {
      cache: this.cacheDir !== undefined,
      cacheDir: this.cacheDir,
      index: notes.index,
      save: false,
    });
    notes.stamps = new Map([...loaded.stamps].map(([p, st]) => [p, { mtimeMs: st.mtimeMs, size: st.size }]));
    notes.folders = loaded.folders;
    for (const s of loaded.skipped) this.log.warn(`skipped ${s.file}: ${s.reason}`);
    this.log.info(`${notes.folder.name}: ${loaded.read} notes read, ${loaded.cached} from the cache, in ${Math.round(performance.now() - started)} ms`);
    // Writing the cache (megabytes of JSON at 10k notes) is for next time: not before Follow-ups are shown,
    // and not while the user types.
    const slot = this.later.length; // one timer, re-armed in its place (cleared on dispose)
    const saveWhenQuiet = () => {
      if (performance.now() - this.lastEvent < SAVE_CACHE_WHEN_QUIET_MS) this.later[slot] = setTimeout(saveWhenQuiet, SAVE_CACHE_WHEN_QUIET_MS);
      else {
        loaded.save(); // a no-op when nothing changed
        this.cacheSavedAt = performance.now();
      }
    };
    this.later.push(setTimeout(saveWhenQuiet, SAVE_CACHE_AFTER_MS));
  }

  /** Put one file's text in its folder's index (undefined: it is gone), re-checking what depends on it. */
  private update(at: { notes: FolderNotes; path: string }, text: string | undefined): boolean {
    const { index, live, loaded } = at.notes;
    if (text === undefined) at.notes.stamps?.delete(at.path); // read again if it comes back
    if (text === undefined && !index.get(at.path)) return false;
    if (loaded) {
      if (this.pending !== 'all') {
        for (const path of live.change(at.path, text)) this.pending.set(`${at.notes.folder.uri}|${path}`, { notes: at.notes, path });
      } else live.change(at.path, text);
    }
    // During the first read: only fill the index; load() checks everything once at the end.
    else if (text === undefined) index.delete(at.path);
    else index.set(at.path, text);
    return true;
  }

  /** Which folder a file belongs to, and its path there (forward slashes). */
  locate(uri: vscode.Uri): { notes: FolderNotes; path: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const notes = folder && this.folders.get(folder.uri.toString());
    if (!notes) return undefined;
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    if (!uri.path.startsWith(base)) return undefined;
    const path = uri.path.slice(base.length);
    if (/(^|\/)(node_modules|\.git)\//.test(path)) return undefined;
    return { notes, path };
  }

  private isNote(uri: vscode.Uri): boolean {
    return uri.path.toLowerCase().endsWith('.md');
  }

  private typed(doc: vscode.TextDocument): void {
    if (!this.isNote(doc.uri) || !this.locate(doc.uri)) return;
    const key = doc.uri.toString();
    clearTimeout(this.typing.get(key));
    this.typing.set(
      key,
      setTimeout(() => {
        this.typing.delete(key);
        this.fromDocument(doc, true, 0);
      }, TYPING_DEBOUNCE_MS),
    );
  }

  private fromDocument(doc: vscode.TextDocument, notify = true, delay = 30): void {
    if (!this.isNote(doc.uri) || doc.isClosed) return;
    const at = this.locate(doc.uri);
    if (!at) return;
    this.latestRead.delete(doc.uri.toString()); // the document is newer than any read under way
    this.update(at, doc.getText());
    this.versions.set(doc.uri.toString(), doc.version);
    if (notify) this.fire(delay);
  }

  /**
   * Bring a document's current text into the index now, skipping the typing
   * debounce: an edit must be computed on exactly the text the user sees.
   * Returns where the note lives, or undefined when it is not in a workspace folder.
   */
  sync(doc: vscode.TextDocument): { notes: FolderNotes; path: string } | undefined {
    const at = this.locate(doc.uri);
    if (!at || !this.isNote(doc.uri)) return undefined;
    if (this.versions.get(doc.uri.toString()) !== doc.version) {
      clearTimeout(this.typing.get(doc.uri.toString()));
      this.typing.delete(doc.uri.toString());
      this.fromDocument(doc);
    }
    return at;
  }

  /** The core's diagnostics (with their fixes) for one file. */
  diagnosticsFor(uri: vscode.Uri): Diagnostic[] {
    const at = this.locate(uri);
    if (!at) return [];
    const { diagnostics, folder } = this.diagnostics();
    return diagnostics.filter((d) => d.file === at.path && folder.get(d) === at.notes);
  }

  /** Read a file from disk, unless an open document with unsaved changes holds the truth. */
  private async fromDisk(uri: vscode.Uri, notify = true): Promise<void> {
    if (!this.isNote(uri)) return;
    const at = this.locate(uri);
    if (!at) return;
    if (this.unsaved().has(uri.toString())) return;
    let bytes: Uint8Array | undefined;
    let stamp: FileStamp | undefined;
    // In a burst of events the same file can be read twice at once; only the last read counts.
    const key = uri.toString();
    const read = ++this.reads;
    this.latestRead.set(key, read);
    this.reading++;
    try {
      // Local files straight from disk: one workspace.fs call per note is an RPC, ~3x slower at 10k notes.
      // The stat comes first: a file changed after it reads as changed again at the next reconcile.
      if (uri.scheme === 'file') {
        const st = await stat(uri.fsPath);
        stamp = { mtimeMs: st.mtimeMs, size: st.size };
        bytes = await readFile(uri.fsPath);
      } else bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      // gone (or unreadable): dropped below
    } finally {
      this.reading--;
    }
    if (this.latestRead.get(key) !== read) return; // a later read, or a delete, has the last word
    this.latestRead.delete(key);
    if (!bytes) {
      if (this.update(at, undefined) && notify) this.fire();
      return;
    }
    if (stamp) at.notes.stamps?.set(at.path, stamp);
    this.versions.delete(uri.toString());
    const note = noteText(bytes);
    if ('reason' in note) this.log.warn(`skipped ${at.path}: ${note.reason}`);
    this.update(at, 'text' in note ? note.text : undefined);
    if (notify) this.fire();
  }

  /**
   * A path that is not a note was created or changed: when it is a folder (one
   * moved in, or made by a checkout), its notes may have come with it unreported.
   * Reads every note under it, and drops what the index has there but disk has not.
   */
  private async folderChanged(uri: vscode.Uri): Promise<void> {
    const at = this.locate(uri);
    if (!at) return;
    this.reading++;
    try {
      let found: vscode.Uri[];
      try {
        if (uri.scheme === 'file') {
          if (!(await stat(uri.fsPath)).isDirectory()) return;
          found = walkFolder(uri.fsPath).abs.map((abs) => vscode.Uri.file(abs));
        } else {
          if ((await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory) return;
          found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.md'), EXCLUDE);
        }
      } catch {
        return; // gone already: its delete event follows
      }
      const keep = new Set(found.map((u) => u.toString()));
      const prefix = `${at.path}/`;
      this.dropWhere(at.notes, (path, uri) => path.startsWith(prefix) && !keep.has(uri));
      await this.readAll(found);
    } finally {
      this.reading--;
    }
  }

  /**
   * Count a file event; once things are quiet, reconcile: in full after a burst of them,
   * and after fewer only if a folder's stamp says files were added, removed or renamed.
   * A watcher overwhelmed by a checkout can drop every event of it (a CI run saw the
   * index left on the old branch): the next event, even one, then still catches up.
   */
  private burst(): void {
    this.eventsSinceReconcile++;
    clearTimeout(this.reconcileTimer);
    this.reconcileTimer = setTimeout(() => void this.reconcile(), RECONCILE_AFTER_MS);
  }

  /**
   * Compare each local folder with the disk (a walk and a stat per file) and read
   * what the events missed: files new or changed since they were read, and files
   * gone. Open documents with unsaved changes keep their notes.
   */
  private async reconcile(): Promise<void> {
    // Reads still under way finish first; events arriving meanwhile re-arm the timer.
    if (this.reading > 0 || performance.now() - this.lastEvent < RECONCILE_AFTER_MS) {
      this.reconcileTimer = setTimeout(() => void this.reconcile(), RECONCILE_AFTER_MS);
      return;
    }
    this.reconcileTimer = undefined;
    const full = this.eventsSinceReconcile >= BURST_EVENTS;
    this.eventsSinceReconcile = 0;
    this.reading++; // for idle(): until every note it reads again is in
    try {
      await this.reconcileFolders(full);
    } finally {
      this.reading--;
    }
  }

  private async reconcileFolders(full: boolean): Promise<void> {
    for (const notes of this.folders.values()) {
      if (!notes.loaded || !notes.stamps || notes.folder.uri.scheme !== 'file') continue;
      // A few events: a stat per folder (not per file) tells whether any went missing.
      if (!full && notes.folders && foldersUnchanged(notes.folders)) continue;
      const scanned = scanFolder(notes.folder.uri.fsPath, []);
      notes.folders = scanned.folders;
      const onDisk = scanned.toMap();
      const stale: vscode.Uri[] = [];
      for (const [path, st] of onDisk) {
        const known = notes.stamps.get(path);
        if (!known || known.mtimeMs !== st.mtimeMs || known.size !== st.size || !notes.index.get(path)) stale.push(vscode.Uri.file(st.abs));
      }
      const dropped = this.dropWhere(notes, (path) => !onDisk.has(path));
      if (stale.length || dropped) this.log.info(`${notes.folder.name}: after a burst of file events, ${stale.length} notes read again and ${dropped} dropped`);
      await this.readAll(stale);
    }
  }

  private deleted(uri: vscode.Uri): void {
    const at = this.locate(uri);
    if (!at) return;
    // Reads still under way of this file, or of files in this folder, come too late.
    const key = uri.toString();
    for (const k of [...this.latestRead.keys()]) if (k === key || k.startsWith(`${key}/`)) this.latestRead.delete(k);
    // The file, or a deleted folder (one event): every note under it.
    const prefix = `${at.path}/`;
    this.dropWhere(at.notes, (path) => path === at.path || path.startsWith(prefix));
  }

  /**
   * Drop the notes whose files are gone, except those open with unsaved changes:
   * they keep their notes (as at start-up), and saving them brings the files back.
   * Returns how many were dropped.
   */
  private dropWhere(notes: FolderNotes, gone: (path: string, uri: string) => boolean): number {
    const unsaved = this.unsaved();
    let dropped = 0;
    for (const f of [...notes.index.allFiles()]) {
      const uri = this.uriOf(notes, f.path).toString();
      if (gone(f.path, uri) && !unsaved.has(uri) && this.update({ notes, path: f.path }, undefined)) dropped++;
    }
    if (dropped) this.fire();
    return dropped;
  }

  /** Read these files, a batch at a time. */
  private async readAll(uris: vscode.Uri[], notify = true): Promise<void> {
    for (let i = 0; i < uris.length; i += READ_BATCH) await Promise.all(uris.slice(i, i + READ_BATCH).map((u) => this.fromDisk(u, notify)));
  }

  /** The URIs of open documents with unsaved changes: they, not the disk, hold their notes. */
  private unsaved(): Set<string> {
    return new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isClosed).map((d) => d.uri.toString()));
  }

  /** Tell listeners, after `delay` ms (coalescing bursts such as a checkout); `all` when any file's diagnostics may have changed. */
  private fire(delay = 30, all = false): void {
    this.cache = undefined;
    if (all) this.pending = 'all';
    clearTimeout(this.fireTimer);
    this.fireTimer = setTimeout(() => {
      this.fireTimer = undefined;
      const pending = this.pending;
      this.pending = new Map();
      this.changed.fire(pending === 'all' ? {} : { files: [...pending.values()] });
    }, delay);
  }
}

export interface ChangedFile {
  notes: FolderNotes;
  path: string;
}

/** What changed: the files whose diagnostics changed, or (files absent) possibly all of them. */
export interface NotesChange {
  files?: ChangedFile[];
}
