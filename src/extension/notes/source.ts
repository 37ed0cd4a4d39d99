// Where a workspace folder's notes come from. Two sources: the local disk,
// read through src/node (fast, with the cache of parsed notes), and
// `vscode.workspace.fs` for everything else (a remote, a virtual file system,
// the web, where it is all there is). The rest of notes/ never asks which.

import type * as vscode from 'vscode';
import type { CheckKey } from '../../core/check-key.js';
import type { LiveChecks } from '../../core/live-checks.js';
import type { Diagnostic } from '../../core/model.js';
import type { NoteIndex } from '../../core/note-index.js';
import type { Settings } from '../../core/settings.js';

/** A file as read: its text, why it is not a note (binary, too large…), or undefined when it is gone. */
export type ReadNote = { text: string } | { reason: string } | undefined;

/** What a source found the events of a burst may have missed. */
export interface Missed {
  /** Files new or changed since they were last read. */
  stale: vscode.Uri[];
  /** Every note's path (relative to the folder) there now: the index drops the rest. */
  present: Set<string>;
}

/** How a folder's first read went: notes read from their files, and notes taken from the cache of parsed notes. */
export interface FirstRead {
  read: number;
  cached: number;
}

export interface NotesSource {
  /**
   * The first read: every note of the folder into `index`, in slices that yield to the
   * event loop (the extension host is shared by every extension: it must never be held).
   * Says how many notes it read and how many it took from the cache of parsed notes.
   */
  load(index: NoteIndex, log: vscode.LogOutputChannel): Promise<FirstRead>;
  /** One file, now. `path` is the file's path in the folder. */
  read(uri: vscode.Uri, path: string): Promise<ReadNote>;
  /** Every note under a path that was created or changed, or undefined when it is not a folder (or gone). */
  notesUnder(uri: vscode.Uri): Promise<vscode.Uri[] | undefined>;
  /**
   * After file events: what they may have missed (a watcher can drop or merge events in a
   * burst of hundreds). `full` after a burst; otherwise only if the folders say files came
   * or went. Undefined when nothing was missed, or the source cannot tell.
   */
  missed(full: boolean, index: NoteIndex): Promise<Missed | undefined>;
  /** A note was dropped from the index: read it again when it comes back. */
  forget(path: string): void;
  /**
   * Persist what was read for the next session (the cache of parsed notes), if this source
   * keeps one: false when it keeps none. The caller chooses a quiet moment.
   */
  saveCache(): boolean;
  /**
   * The diagnostics stored at the end of the last session (with their fixes), if this source
   * keeps them and they give the answers for `key` on the files as they are now (check-snapshot.ts).
   */
  storedChecks?(key: CheckKey): Map<string, Diagnostic[]> | undefined;
  /**
   * Store the diagnostics, checked under `key` (with its window) on the files as this source last
   * read them: as the day's snapshot, or (`nextDay`) as the one for the next day's first start.
   */
  saveChecks?(key: CheckKey, diagnostics: Iterable<[string, Diagnostic[]]>, nextDay?: boolean): boolean;
}

/** What differs from one host to another: where each folder's notes come from. */
export interface Platform {
  sourceFor(folder: vscode.WorkspaceFolder): NotesSource;
}

/** Paths no note lives under. */
export const EXCLUDE = '{**/node_modules/**,**/.git/**}';

export function isNote(uri: vscode.Uri): boolean {
  return uri.path.toLowerCase().endsWith('.md');
}

/** One workspace folder's notes, as features see them. */
export interface FolderNotes {
  folder: vscode.WorkspaceFolder;
  index: NoteIndex;
  settings: Settings;
  /** Diagnostics kept current one change at a time (after the first full check). */
  live: LiveChecks;
  /** False while the folder is first read: changes then only fill the index. */
  loaded: boolean;
}
