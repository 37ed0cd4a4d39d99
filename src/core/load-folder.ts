// Reading a local folder of notes into an index (Node only), taking unchanged
// notes from the persisted cache: the CLI's `list` and `watch`, and the
// extension for a local workspace folder.

import { realpathSync, statSync } from 'node:fs';
import { code, readNote, walkMarkdown, type Skipped } from './disk.js';
import { NoteCache, type FileStamp } from './note-cache.js';
import { NoteIndex } from './note-index.js';

export interface LoadedFolder {
  index: NoteIndex;
  skipped: Skipped[];
  /** How many notes were read and parsed, and how many came from the cache. */
  read: number;
  cached: number;
}

/** Every Markdown file under `root` with its size and mtime (and absolute path). */
export function scan(root: string, skipped: Skipped[]): Map<string, FileStamp & { abs: string }> {
  const stamps = new Map<string, FileStamp & { abs: string }>();
  for (const { file, abs } of walkMarkdown(root, skipped)) {
    try {
      const st = statSync(abs);
      stamps.set(file, { mtimeMs: st.mtimeMs, size: st.size, abs });
    } catch (e) {
      skipped.push({ file, reason: `not readable (${code(e)})` });
    }
  }
  return stamps;
}

/**
 * Read every note under `root` into `index`. With the cache (the default), a
 * note whose size and mtime are unchanged since it was cached is taken as it was
 * parsed then, without reading the file; the cache is then brought up to date.
 */
export function loadFolder(root: string, options: { cache?: boolean; cacheDir?: string; index?: NoteIndex } = {}): LoadedFolder {
  const skipped: Skipped[] = [];
  const index = options.index ?? new NoteIndex();
  const stamps = scan(root, skipped);
  const cache = options.cache === false ? undefined : NoteCache.open(realpathSync(root), options.cacheDir);
  let read = 0;
  let cached = 0;
  for (const [file, stamp] of stamps) {
    const hit = cache?.get(file, stamp);
    if (hit) {
      index.put(hit.file);
      cached++;
      continue;
    }
    const r = readNote(stamp.abs);
    if ('reason' in r) {
      skipped.push({ file, reason: r.reason });
      cache?.delete(file);
      continue;
    }
    // Not `cache?.set(…, index.set(…))`: optional chaining would skip the index too when there is no cache.
    const parsed = index.set(file, r.text);
    read++;
    cache?.set(file, { mtimeMs: r.mtimeMs, size: r.size, file: parsed });
  }
  if (cache) {
    for (const [p] of [...cache.all()]) if (!stamps.has(p)) cache.delete(p);
    cache.save();
  }
  return { index, skipped, read, cached };
}
