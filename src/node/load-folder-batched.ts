// Reading a local folder of notes into an index without holding the thread:
// the same work as loadFolder (a walk, then each note from the cache or read
// and parsed), but cut into slices of a few milliseconds with a yield to the
// event loop between them. The editor's host runs every extension on one
// thread: a synchronous read of 10,000 notes (~1 s) froze them all.

import { realpathSync, statSync } from 'node:fs';
import { code, walkFolder, type Skipped } from './disk.js';
import { indexFile, pruneCache, readParsed, type LoadedFolder, type ScannedFolder } from './load-folder.js';
import { NoteCache, type FileStamp } from './note-cache.js';
import type { NoteIndex } from '../core/note-index.js';
import { Slices } from '../core/slices.js';

/** What loadFolder gives, but the index: the caller passes its own, filled in slices. */
export type BatchedLoad = Omit<LoadedFolder, 'index'>;

/**
 * Read every note under `root` into `index`, yielding to the event loop every
 * few milliseconds. With `cacheDir`, notes unchanged since they were cached there
 * come from the cache; the cache is written only when the caller calls save(). With
 * `scanned` (scanFolder's, made just before), its files and stamps stand for the walk
 * and each file's stat.
 */
export async function loadFolderInSlices(root: string, options: { index: NoteIndex; cacheDir?: string; scanned?: ScannedFolder }): Promise<BatchedLoad> {
  const skipped: Skipped[] = [];
  // The walk lists folders only (~40 ms at 10,000 notes); the stat of each file comes with its read, in the slices.
  // A scan just made (to compare the disk with the last session's snapshot) is not made again.
  const scanned = options.scanned;
  const { files, abs, folders } = scanned ?? walkFolder(root, skipped);
  if (scanned) skipped.push(...scanned.walkSkipped);
  const slices = new Slices();
  await slices.pause(true);
  // The cache's file is read on libuv's threads and parsed a line at a time in the slices;
  // each note is revived when it is taken.
  const cache = options.cacheDir === undefined ? undefined : await NoteCache.openAside(realpathSync(root), options.cacheDir, () => slices.pause());
  const stamps = new Map<string, FileStamp & { abs: string }>();
  const counts = { read: 0, cached: 0 };
  // Nothing cached to compare with (a first session): each file's size and mtime come with its read, not a stat of their own.
  const fresh = !cache || cache.empty;
  for (let i = 0; i < files.length; i++) {
    const paused = slices.pause();
    if (paused) await paused;
    const file = files[i];
    if (fresh) {
      const stamp = readFirst(file, abs[i], options.index, skipped, cache, counts);
      if (stamp) stamps.set(file, { ...stamp, abs: abs[i] });
      continue;
    }
    let stamp: FileStamp;
    try {
      // NaN: the scan could not stat it; stat'ed again here for the reason.
      const st = scanned && !Number.isNaN(scanned.mtimes[i]) ? { mtimeMs: scanned.mtimes[i], size: scanned.sizes[i] } : statSync(abs[i]);
      stamp = { mtimeMs: st.mtimeMs, size: st.size };
    } catch (e) {
      skipped.push({ file, reason: `not readable (${code(e)})` });
      continue;
    }
    stamps.set(file, { ...stamp, abs: abs[i] });
    const how = indexFile(file, abs[i], stamp, options.index, skipped, cache);
    if (how) counts[how]++;
  }
  if (cache) pruneCache(cache, stamps);
  return { skipped, ...counts, save: () => cache?.save(), stamps, folders };
}

/**
 * Read, parse and index a file with nothing cached to compare it with: its size and mtime
 * come with the read (a file that is no note is stat'ed, so that it is not taken for new
 * after every burst of events). Undefined when it could not be read or stat'ed.
 */
function readFirst(file: string, abs: string, index: NoteIndex, skipped: Skipped[], cache: NoteCache | undefined, counts: { read: number }): FileStamp | undefined {
  let stamp: FileStamp | undefined;
  const parsed = readParsed(file, abs, skipped, cache, (s) => (stamp = s));
  if (parsed) {
    index.put(parsed);
    counts.read++;
    return stamp;
  }
  try {
    const st = statSync(abs);
    return { mtimeMs: st.mtimeMs, size: st.size };
  } catch {
    return undefined; // gone already, or not readable: said in `skipped`
  }
}
