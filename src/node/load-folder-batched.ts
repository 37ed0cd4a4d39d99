// Reading a local folder of notes into an index without holding the thread:
// the same work as loadFolder (a walk, then each note from the cache or read
// and parsed), but cut into slices of a few milliseconds with a yield to the
// event loop between them. The editor's host runs every extension on one
// thread: a synchronous read of 10,000 notes (~1 s) froze them all.

import { realpathSync, statSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { walkFolder, type Skipped } from './disk.js';
import { readParsed } from './load-folder.js';
import { NoteCache, type FileStamp } from './note-cache.js';
import type { NoteIndex } from '../core/note-index.js';

/** Work done between two yields: short enough that a keystroke's diagnostics never wait on it for long. */
const SLICE_MS = 8;

export interface BatchedLoad {
  skipped: Skipped[];
  /** How many notes were read and parsed, and how many came from the cache. */
  read: number;
  cached: number;
  /** Write the cache back (a no-op when nothing changed). */
  save(): void;
  /** Each file's size and mtime as found, to compare the disk with later. */
  stamps: Map<string, FileStamp & { abs: string }>;
  /** Each folder read, with its stamp just before. */
  folders: Map<string, number>;
}

/**
 * Read every note under `root` into `index`, yielding to the event loop every
 * few milliseconds. With `cacheDir`, notes unchanged since they were cached there
 * come from the cache; the cache is written only when the caller calls save().
 */
export async function loadFolderInSlices(root: string, options: { index: NoteIndex; cacheDir?: string }): Promise<BatchedLoad> {
  const skipped: Skipped[] = [];
  // The walk lists folders only (~40 ms at 10,000 notes); the stat of each file comes with its read, in the slices.
  const { files, abs, folders } = walkFolder(root, skipped);
  await nextTurn();
  // Opening the cache parses its JSON at once (~0.4 s at 10,000 notes): the one step that cannot be sliced.
  const cache = options.cacheDir === undefined ? undefined : NoteCache.open(realpathSync(root), options.cacheDir);
  const stamps = new Map<string, FileStamp & { abs: string }>();
  let read = 0;
  let cached = 0;
  let slice = performance.now();
  for (let i = 0; i < files.length; i++) {
    if (performance.now() - slice > SLICE_MS) {
      await nextTurn();
      slice = performance.now();
    }
    const file = files[i];
    let stamp: FileStamp;
    try {
      const st = statSync(abs[i]);
      stamp = { mtimeMs: st.mtimeMs, size: st.size };
    } catch (e) {
      skipped.push({ file, reason: `not readable (${(e as { code?: string }).code ?? String(e)})` });
      continue;
    }
    stamps.set(file, { ...stamp, abs: abs[i] });
    const hit = cache?.get(file, stamp);
    const parsed = hit ? hit.file : readParsed(file, abs[i], skipped, cache);
    if (!parsed) continue;
    options.index.put(parsed);
    if (hit) cached++;
    else read++;
  }
  if (cache) for (const [p] of [...cache.all()]) if (!stamps.has(p)) cache.delete(p);
  return { skipped, read, cached, save: () => cache?.save(), stamps, folders };
}
