// Keeping up with the files: a note created, changed or deleted outside the
// editor (a `git pull`, another program), a folder moved in or out, each read
// through the folder's source. In a burst of events the same file can be read
// twice at once: only the last read counts, and a delete beats any read under way.

import type * as vscode from 'vscode';
import { isNote, type FolderNotes, type NotesSource } from './source.js';

/** Reads in flight at once. */
const READ_BATCH = 64;

export interface Located {
  notes: FolderNotes;
  path: string;
}

/** What the reads need of the façade. */
export interface NotesStore {
  readonly log: vscode.LogOutputChannel;
  locate(uri: vscode.Uri): Located | undefined;
  sourceOf(notes: FolderNotes): NotesSource;
  uriOf(notes: FolderNotes, path: string): vscode.Uri;
  /** Put one file's text in its folder's index (undefined: it is gone); false when nothing changed. */
  update(at: Located, text: string | undefined): boolean;
  /** Tell listeners (coalesced). */
  fire(): void;
  /** The URIs of open documents with unsaved changes. */
  unsaved(): Set<string>;
  /** A file was read from disk: the index no longer holds its open document's version. */
  superseded(uri: vscode.Uri): void;
}

export class FileReads {
  /** Files (or folders) being read right now. */
  private reading = 0;
  /** Reads started so far, and the latest one per URI still under way. */
  private reads = 0;
  private readonly latestRead = new Map<string, number>();

  constructor(private readonly store: NotesStore) {}

  /** True while any read is under way. */
  get busy(): boolean {
    return this.reading > 0;
  }

  /** A created or changed path: a note is read again, a folder has its notes read. */
  changed(uri: vscode.Uri): Promise<void> {
    return isNote(uri) ? this.read(uri) : this.folderChanged(uri);
  }

  /** An open document was put in the index: it is newer than any read of its file under way. */
  documentWins(uri: vscode.Uri): void {
    this.latestRead.delete(uri.toString());
  }

  /** Read a file from its source, unless an open document with unsaved changes holds the truth. */
  async read(uri: vscode.Uri, notify = true): Promise<void> {
    if (!isNote(uri)) return;
    const at = this.store.locate(uri);
    if (!at) return;
    if (this.store.unsaved().has(uri.toString())) return;
    const key = uri.toString();
    const read = ++this.reads;
    this.latestRead.set(key, read);
    this.reading++;
    let note;
    try {
      note = await this.store.sourceOf(at.notes).read(uri, at.path);
    } finally {
      this.reading--;
    }
    if (this.latestRead.get(key) !== read) return; // a later read, or a delete, has the last word
    this.latestRead.delete(key);
    if (note) this.store.superseded(uri);
    if (note && 'reason' in note) this.store.log.warn(`skipped ${at.path}: ${note.reason}`);
    if (this.store.update(at, note && 'text' in note ? note.text : undefined) && notify) this.store.fire();
  }

  /** Read these files, a batch at a time. */
  async readAll(uris: vscode.Uri[], notify = true): Promise<void> {
    for (let i = 0; i < uris.length; i += READ_BATCH) await Promise.all(uris.slice(i, i + READ_BATCH).map((u) => this.read(u, notify)));
  }

  /**
   * A path that is not a note was created or changed: when it is a folder (one
   * moved in, or made by a checkout), its notes may have come with it unreported.
   * Reads every note under it, and drops what the index has there but the source has not.
   */
  private async folderChanged(uri: vscode.Uri): Promise<void> {
    const at = this.store.locate(uri);
    if (!at) return;
    this.reading++;
    try {
      const found = await this.store.sourceOf(at.notes).notesUnder(uri);
      if (!found) return;
      const keep = new Set(found.map((u) => u.toString()));
      const prefix = `${at.path}/`;
      this.dropWhere(at.notes, (path, u) => path.startsWith(prefix) && !keep.has(u));
      await this.readAll(found);
    } finally {
      this.reading--;
    }
  }

  /** A file or a folder (one event for all of it) was deleted: every note under it goes. */
  deleted(uri: vscode.Uri): void {
    const at = this.store.locate(uri);
    if (!at) return;
    // Reads still under way of this file, or of files in this folder, come too late.
    const key = uri.toString();
    for (const k of [...this.latestRead.keys()]) if (k === key || k.startsWith(`${key}/`)) this.latestRead.delete(k);
    const prefix = `${at.path}/`;
    this.dropWhere(at.notes, (path) => path === at.path || path.startsWith(prefix));
  }

  /**
   * Bring one folder in line with what its source says is there after a burst of
   * events: read what they missed, drop what is gone. False when the source saw nothing missed.
   */
  async catchUp(notes: FolderNotes, full: boolean): Promise<void> {
    this.reading++; // for idle(): until every note it reads again is in
    try {
      const missed = await this.store.sourceOf(notes).missed(full, notes.index);
      if (!missed) return;
      const dropped = this.dropWhere(notes, (path) => !missed.present.has(path));
      if (missed.stale.length || dropped) this.store.log.info(`${notes.folder.name}: after a burst of file events, ${missed.stale.length} notes read again and ${dropped} dropped`);
      await this.readAll(missed.stale);
    } finally {
      this.reading--;
    }
  }

  /**
   * Drop the notes whose files are gone, except those open with unsaved changes:
   * they keep their notes (as at start-up), and saving them brings the files back.
   * Returns how many were dropped.
   */
  private dropWhere(notes: FolderNotes, gone: (path: string, uri: string) => boolean): number {
    const unsaved = this.store.unsaved();
    let dropped = 0;
    for (const f of [...notes.index.allFiles()]) {
      const uri = this.store.uriOf(notes, f.path).toString();
      if (gone(f.path, uri) && !unsaved.has(uri) && this.store.update({ notes, path: f.path }, undefined)) dropped++;
    }
    if (dropped) this.store.fire();
    return dropped;
  }
}
