// The live index of every workspace folder's notes: what every feature reads
// (the index, each file's and each folder's diagnostics) and listens to
// (`onDidChange`, which says which files' diagnostics changed). A small façade
// over three jobs, each in a module of its own:
//   - a source per folder (source.ts): the local disk, or workspace.fs;
//   - the open documents (open-documents.ts): typing, debounce, unsaved text over disk;
//   - the files (file-reads.ts) and the reconcile after bursts of events (reconcile.ts).
// The folders are first read in the background, a slice at a time.

import * as vscode from 'vscode';
import { checkKey, keyWithWindow, sameKey } from '../../core/check-key.js';
import type { Clock } from '../../core/dates.js';
import { LiveChecks } from '../../core/live-checks.js';
import type { Diagnostic } from '../../core/model.js';
import { NoteIndex } from '../../core/note-index.js';
import { FileReads, type Located } from './file-reads.js';
import { OpenDocuments } from './open-documents.js';
import { Reconcile } from './reconcile.js';
import { currentClock, readSettings } from './settings.js';
import { noteScope } from '../../core/scope.js';
import { Slices } from '../../core/slices.js';
import type { FolderNotes, NotesSource } from './source.js';

export type { FolderNotes } from './source.js';

export { TYPING_DEBOUNCE_MS } from './open-documents.js';

type Timer = ReturnType<typeof setTimeout>;

/**
 * When the cache of parsed notes is written: not before SAVE_CACHE_AFTER_MS after the
 * first read, and only once the notes have been quiet (no edit, no file event) for
 * SAVE_CACHE_WHEN_QUIET_MS: the write blocks the extension host for ~0.2 s at 10,000
 * notes (17 MB of JSON), and made a typed edit's diagnostics wait.
 */
export const SAVE_CACHE_AFTER_MS = 5000;
export const SAVE_CACHE_WHEN_QUIET_MS = 2000;
/** After loading, the idle moment at which the index prepares for the first edit. */
const PREPARE_AFTER_MS = 1000;
/**
 * After the first check, how long the thread is left free before the checks on drafts'
 * wording run (their first run compiles a grammar, ~0.3 s): long enough for the Follow-ups
 * view and the Problems panel, which ask for their items over IPC, to be answered first.
 */
const PROSE_AFTER_MS = 100;
/** As the window closes, the next day's snapshot is checked in one go only if that takes no longer. */
const NEXT_DAY_IN_ONE_GO_MS = 1000;


export interface ChangedFile {
  notes: FolderNotes;
  path: string;
}

/** What changed: the files whose diagnostics changed, or (files absent) possibly all of them. */
export interface NotesChange {
  files?: ChangedFile[];
}

/** File events, as a FileSystemWatcher gives them. */
export type FileWatcher = Pick<vscode.FileSystemWatcher, 'onDidCreate' | 'onDidChange' | 'onDidDelete'> & vscode.Disposable;

export interface NotesOptions {
  log: vscode.LogOutputChannel;
  /** Where each folder's notes come from. */
  sourceFor(folder: vscode.WorkspaceFolder): NotesSource;
  /**
   * The file events to follow; by default a watcher on every path of the workspace (not just
   * `**∕*.md`: VS Code reports a folder created, moved or deleted as one event, without its files).
   */
  watcher?: FileWatcher;
}

/** A folder as kept here: its notes, where they come from, and what its snapshot of diagnostics needs. */
interface Folder {
  notes: FolderNotes;
  source: NotesSource;
  /** The clock of the last check of every note: every note was checked then or since (a change re-checks its own). */
  checkedAt?: Clock;
  /** A change since the snapshot was last stored. */
  snapshotDue?: boolean;
  /** A change since the next day's snapshot was last stored. */
  nextDayDue?: boolean;
  /** How long the last check for the next day's snapshot took, its pauses left out. */
  nextDayMs?: number;
}

export class WorkspaceNotes implements vscode.Disposable {
  private readonly folders = new Map<string, Folder>();
  private readonly changed = new vscode.EventEmitter<NotesChange>();
  private readonly cacheSaved = new vscode.EventEmitter<{ folder: vscode.WorkspaceFolder }>();
  private readonly documents: OpenDocuments;
  private readonly files: FileReads;
  private readonly reconcile: Reconcile;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.cacheSaved];
  /** Files whose diagnostics changed since the last event, or 'all'. */
  private pending: Map<string, ChangedFile> | 'all' = new Map();
  private fireTimer: Timer | undefined;
  /** performance.now() of the last file or note document event. */
  private lastEvent = 0;
  /** Work deferred past start-up (preparing the index, writing the cache), cleared on dispose. */
  private readonly later = new Set<Timer>();
  private all: { diagnostics: Diagnostic[]; folder: Map<Diagnostic, FolderNotes> } | undefined;
  private readonly log: vscode.LogOutputChannel;

  /** Fires (coalesced) whenever any note, setting or folder changed; says which files' diagnostics changed when it can. */
  readonly onDidChange = this.changed.event;
  /** Fires when a folder's cache of parsed notes has been written (at a quiet moment after the first read). */
  readonly onDidSaveCache = this.cacheSaved.event;
  /** Resolves once every folder has been read and checked for what is due: the Follow-ups can be shown. */
  readonly due: Promise<void>;
  /** Resolves once every folder has been read and checked, drafts' wording too. */
  readonly ready: Promise<void>;
  /**
   * Every folder's first read, summed: notes read from their files, and taken from the cache,
   * and the milliseconds spent reading them, checking them for all but drafts' wording, and
   * then checking that wording (the perf suite prints them); and the diagnostics shown from the
   * last session's snapshot before any note was read (none when it did not hold).
   */
  readonly firstRead = { read: 0, cached: 0, readMs: 0, checkMs: 0, proseMs: 0, seeded: 0 };
  /** How many times a folder's cache of parsed notes was written. */
  cacheSaves = 0;
  /** How many times a folder's snapshot for the next day was written. */
  nextDaySaves = 0;

  constructor(private readonly options: NotesOptions) {
    this.log = options.log;
    this.documents = new OpenDocuments({
      accepts: (uri) => this.locate(uri) !== undefined,
      text: (uri, text, notify, delay) => {
        const at = this.locate(uri)!;
        this.files.documentWins(uri);
        this.update(at, text);
        if (notify) this.fire(delay);
      },
      closed: (uri) => void this.files.read(uri),
      touched: () => this.touched(),
    });
    this.files = new FileReads({
      log: this.log,
      locate: (uri) => this.locate(uri),
      sourceOf: (notes) => this.folders.get(notes.folder.uri.toString())!.source,
      uriOf: (notes, path) => this.uriOf(notes, path),
      update: (at, text) => this.update(at, text),
      fire: () => this.fire(),
      unsaved: () => this.documents.unsaved(),
      superseded: (uri) => this.documents.superseded(uri),
    });
    this.reconcile = new Reconcile(
      async (full) => {
        for (const { notes } of [...this.folders.values()]) if (notes.loaded) await this.files.catchUp(notes, full);
      },
      (quietMs) => this.files.busy || performance.now() - this.lastEvent < quietMs,
    );
    const watcher = options.watcher ?? vscode.workspace.createFileSystemWatcher('**/*');
    // Every file event counts towards a burst (see reconcile.ts) before it is handled.
    const onFileEvent = (handle: (u: vscode.Uri) => void) => (u: vscode.Uri) => {
      this.touched();
      this.reconcile.event();
      handle(u);
    };
    this.disposables.push(
      this.documents,
      this.reconcile,
      watcher,
      watcher.onDidCreate(onFileEvent((u) => void this.files.changed(u))),
      watcher.onDidChange(onFileEvent((u) => void this.files.changed(u))),
      watcher.onDidDelete(onFileEvent((u) => this.files.deleted(u))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('rapport')) return;
        for (const f of this.folders.values()) {
          const { notes } = f;
          const settings = readSettings(notes.folder);
          const rescoped = JSON.stringify([settings.include, settings.exclude]) !== JSON.stringify([notes.settings.include, notes.settings.exclude]);
          notes.settings = settings;
          // Other notes are Rapport's now: the folder is read again (its index files them as it reads).
          if (rescoped) void this.load(notes.folder).then(() => this.fire(0, true));
          else if (notes.loaded) this.checkAll(f);
        }
        this.fire(30, true);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) this.folders.delete(f.uri.toString());
        void Promise.all(e.added.map((f) => this.load(f))).then(() => this.fire(0, true));
        this.fire(30, true);
      }),
    );
    let dueShown!: () => void;
    this.due = new Promise((resolve) => (dueShown = resolve));
    this.ready = Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Rapport: reading notes' },
      async () => {
        const started = Date.now();
        const folders = vscode.workspace.workspaceFolders ?? [];
        let firstChecks = 0;
        const firstChecked = () => {
          if (++firstChecks < folders.length) return;
          this.fire(0, true);
          dueShown();
        };
        await Promise.all(folders.map((f) => this.load(f, firstChecked)));
        if (!folders.length) dueShown();
        this.log.info(`indexed ${this.noteCount()} notes in ${Date.now() - started} ms`);
        this.fire(0, true);
      },
    ));
  }

  dispose(): void {
    // The window is closing: what the next session shows in its first second.
    for (const f of this.folders.values()) {
      if (f.snapshotDue) this.saveSnapshot(f);
      if (f.nextDayDue) void this.saveNextDaySnapshot(f, true);
    }
    for (const t of this.later) clearTimeout(t);
    clearTimeout(this.fireTimer);
    for (const d of this.disposables) d.dispose();
  }

  /** How many Rapport notes (of any type) the workspace has. */
  noteCount(): number {
    let n = 0;
    for (const { notes: f } of this.folders.values()) {
      n += f.index.contacts().length + f.index.meetings().length + f.index.companies().length + f.index.outreach().length;
    }
    return n;
  }

  allFolders(): FolderNotes[] {
    return [...this.folders.values()].map((f) => f.notes);
  }

  /** Every diagnostic in every folder, as of now (cached until the next change). */
  diagnostics(): { diagnostics: Diagnostic[]; folder: Map<Diagnostic, FolderNotes> } {
    if (!this.all) {
      const diagnostics: Diagnostic[] = [];
      const folder = new Map<Diagnostic, FolderNotes>();
      for (const { notes } of this.folders.values()) {
        for (const d of notes.live.all()) {
          diagnostics.push(d);
          folder.set(d, notes);
        }
      }
      this.all = { diagnostics, folder };
    }
    return this.all;
  }

  /** One folder's diagnostics, as of now. */
  folderDiagnostics(folder: FolderNotes): Diagnostic[] {
    return folder.live.all();
  }

  /** The core's diagnostics (with their fixes) for one file of a folder. */
  diagnosticsOf(folder: FolderNotes, path: string): Diagnostic[] {
    return folder.live.diagnosticsOf(path);
  }

  /** The core's diagnostics (with their fixes) for one file. */
  diagnosticsFor(uri: vscode.Uri): Diagnostic[] {
    const at = this.locate(uri);
    return at ? this.diagnosticsOf(at.notes, at.path) : [];
  }

  uriOf(folder: FolderNotes, path: string): vscode.Uri {
    return vscode.Uri.joinPath(folder.folder.uri, ...path.split('/'));
  }

  /** Which folder a file belongs to, and its path there (forward slashes). */
  locate(uri: vscode.Uri): Located | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const notes = folder && this.folders.get(folder.uri.toString())?.notes;
    if (!notes) return undefined;
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    if (!uri.path.startsWith(base)) return undefined;
    const path = uri.path.slice(base.length);
    if (/(^|\/)(node_modules|\.git)\//.test(path)) return undefined;
    return { notes, path };
  }

  /**
   * Bring a document's current text into the index now, skipping the typing
   * debounce: an edit must be computed on exactly the text the user sees.
   * Returns where the note lives, or undefined when it is not in a workspace folder.
   */
  sync(doc: vscode.TextDocument): Located | undefined {
    return this.documents.sync(doc) ? this.locate(doc.uri) : undefined;
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
      this.files.busy ||
      this.documents.typingPending ||
      this.fireTimer !== undefined ||
      this.reconcile.pending ||
      this.allFolders().some((f) => !f.loaded) ||
      performance.now() - this.lastEvent < quietMs
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Recompute everything, as if a note had changed (e.g. the day turned). */
  refresh(): void {
    for (const f of this.folders.values()) if (f.notes.loaded) this.checkAll(f);
    this.fire(0, true);
  }

  /** Notes the time of a file or note document event: the cache and the reconcile wait for quiet. */
  private touched(): void {
    this.lastEvent = performance.now();
  }

  /**
   * Read a folder's notes and check them. At start-up (`firstChecked` given), what is due comes
   * first: `firstChecked` is called once it is shown (from the last session's snapshot, or checked
   * with all but the drafts' wording), and the rest is checked after. A folder added or read again
   * later is checked in one go.
   */
  private async load(folder: vscode.WorkspaceFolder, firstChecked?: () => void): Promise<void> {
    const settings = readSettings(folder);
    const index = new NoteIndex(noteScope(settings));
    const notes: FolderNotes = {
      folder,
      index,
      settings,
      live: new LiveChecks(index, () => ({ clock: currentClock(), settings: notes.settings })),
      loaded: false,
    };
    const source = this.options.sourceFor(folder);
    const key = folder.uri.toString();
    const entry: Folder = { notes, source };
    this.folders.set(key, entry);
    const started = performance.now();
    // The last session's diagnostics, when nothing they depend on has changed since: what is
    // due is shown before the notes are read. Once read, they are checked again, which replaces these.
    const seeded = firstChecked && this.documents.unsaved().size === 0 ? source.storedChecks?.(checkKey(currentClock(), settings)) : undefined;
    if (seeded) {
      notes.live.seed(seeded);
      for (const ds of seeded.values()) this.firstRead.seeded += ds.length;
      firstChecked?.();
      firstChecked = undefined;
    }
    try {
      const { read, cached } = await source.load(index, this.log);
      this.firstRead.read += read;
      this.firstRead.cached += cached;
      this.firstRead.readMs += performance.now() - started;
    } catch (e) {
      this.log.error(`${folder.name}: could not read the notes: ${e instanceof Error ? e.message : String(e)}`);
    }
    const current = () => this.folders.get(key)?.notes === notes; // not removed (or added again) meanwhile
    if (!current()) return firstChecked?.();
    // Open documents hold their notes, over whatever the first read found.
    this.documents.putAll();
    const checking = performance.now();
    // At start-up, in two steps: what is due first (shown at once, if the snapshot did not show it
    // already), the drafts' wording after, so that the host is never held for the whole check
    // (~0.7 s at 10,000 notes). Meanwhile the snapshot's findings on wording stay as they were.
    // A folder added or read again later is checked in one go.
    const atStart = firstChecked !== undefined || seeded !== undefined;
    this.checkAll(entry, firstChecked ? 'all but prose' : seeded ? 'all but prose, keeping the seeded prose' : 'all');
    this.firstRead.checkMs += performance.now() - checking;
    notes.loaded = true;
    firstChecked?.();
    if (atStart) {
      // The drafts' wording after a pause (a change meanwhile re-checked its own notes fully).
      await new Promise((resolve) => setTimeout(resolve, PROSE_AFTER_MS));
      if (!current()) return;
      const prose = performance.now();
      notes.live.checkProse();
      this.firstRead.proseMs += performance.now() - prose;
    }
    // A file changed while the first read went on may have been read before its event's read
    // (or taken from the cache by its old stamp): compare the folder with its files once.
    if (this.lastEvent > started) void this.files.catchUp(notes, true);
    // Who links where is built on the first change otherwise (~0.2 s at 100,000 notes): do it while idle.
    this.after(PREPARE_AFTER_MS, () => notes.index.prepareForChanges());
    // Writing the cache (megabytes of JSON at 10k notes) is for next time: not before Follow-ups are
    // shown, and not while the user types.
    const whenQuiet = (then: () => void) => {
      const attempt = () => {
        if (this.folders.get(key)?.notes !== notes) return;
        if (performance.now() - this.lastEvent < SAVE_CACHE_WHEN_QUIET_MS) this.after(SAVE_CACHE_WHEN_QUIET_MS, attempt);
        else then();
      };
      return attempt;
    };
    // The next day's snapshot (a full check, ~0.5 s at 10,000 notes) at a quiet moment of its own,
    // tried again later while a document is unsaved or files are being read.
    const nextDayWhenQuiet = whenQuiet(() => {
      void this.saveNextDaySnapshot(entry).then((done) => done === 'not now' && this.after(SAVE_CACHE_WHEN_QUIET_MS, nextDayWhenQuiet));
    });
    this.after(SAVE_CACHE_AFTER_MS, whenQuiet(() => {
      this.saveSnapshot(entry);
      if (source.saveCache()) {
        this.cacheSaves++;
        this.cacheSaved.fire({ folder });
      }
      this.after(SAVE_CACHE_WHEN_QUIET_MS, nextDayWhenQuiet);
    }));
  }

  /** Check every note of a folder (but for drafts' wording, which checkProse does after), and note the clock it was checked at. */
  private checkAll(f: Folder, which: 'all' | 'all but prose' | 'all but prose, keeping the seeded prose' = 'all'): void {
    f.checkedAt = currentClock();
    if (which === 'all') f.notes.live.checkAll();
    else f.notes.live.checkAllButProse({ keepProse: which !== 'all but prose' });
    f.snapshotDue = true;
    f.nextDayDue = true;
  }

  /**
   * Store a folder's diagnostics for the next session's first second (check-snapshot.ts),
   * when they are of the files as read and of one moment: no unsaved document holds a note
   * of its own, and no meeting has begun (nor the day turned) since every note was checked.
   */
  private saveSnapshot(f: Folder): void {
    if (!f.source.saveChecks || !f.notes.loaded || !f.checkedAt || this.files.busy || this.documents.unsaved().size) return;
    const now = keyWithWindow(checkKey(currentClock(), f.notes.settings), f.notes.index);
    if (!sameKey(now, checkKey(f.checkedAt, f.notes.settings))) return;
    if (f.source.saveChecks(now, f.notes.live.entries())) f.snapshotDue = false;
  }

  /**
   * Store a folder's diagnostics as checked at the start of the next day, for a start after a
   * night with the window closed, when the day's snapshot no longer holds: every note checked
   * again with that clock (a check of its own, the live one untouched) on the files as read, a
   * few notes at a time between other work. 'not now' while a document is unsaved or files are
   * read, or when a note changed meanwhile. `inOneGo` (the window closing) checks without
   * yielding, and only a folder whose last such check took at most NEXT_DAY_IN_ONE_GO_MS.
   */
  private async saveNextDaySnapshot(f: Folder, inOneGo = false): Promise<'saved' | 'not now' | 'cannot'> {
    if (!f.source.saveChecks || !f.notes.loaded) return 'cannot';
    if (inOneGo && !(f.nextDayMs !== undefined && f.nextDayMs <= NEXT_DAY_IN_ONE_GO_MS)) return 'cannot';
    const since = this.lastEvent;
    const quiet = () => !this.files.busy && !this.documents.unsaved().size && this.lastEvent === since && this.folders.get(f.notes.folder.uri.toString()) === f;
    if (!quiet()) return 'not now';
    const today = currentClock();
    const clock: Clock = { today: today.today + 1, minutes: today.minutes === undefined ? undefined : 0 };
    const { index, settings } = f.notes;
    const checks = new LiveChecks(index, () => ({ clock, settings }));
    const slices = new Slices();
    for (const _step of checks.checkAllInSteps()) {
      const paused = inOneGo ? undefined : slices.pause();
      if (!paused) continue;
      await paused;
      if (!quiet()) return 'not now';
    }
    f.nextDayMs = slices.workMs;
    if (!quiet()) return 'not now';
    if (!f.source.saveChecks(keyWithWindow(checkKey(clock, settings), index), checks.entries(), true)) return 'cannot';
    f.nextDayDue = false;
    this.nextDaySaves++;
    return 'saved';
  }

  private after(ms: number, f: () => void): void {
    const t = setTimeout(() => {
      this.later.delete(t);
      f();
    }, ms);
    this.later.add(t);
  }

  /** Put one file's text in its folder's index (undefined: it is gone), re-checking what depends on it. */
  private update(at: Located, text: string | undefined): boolean {
    const { index, live, loaded } = at.notes;
    if (text === undefined) this.folders.get(at.notes.folder.uri.toString())?.source.forget(at.path); // read again if it comes back
    if (text === undefined && !index.get(at.path)) return false;
    const f = this.folders.get(at.notes.folder.uri.toString());
    if (f) f.snapshotDue = f.nextDayDue = true;
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

  /** Tell listeners, after `delay` ms (coalescing bursts such as a checkout); `all` when any file's diagnostics may have changed. */
  private fire(delay = 30, all = false): void {
    this.all = undefined;
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

