// Reading a local folder of notes into an index (Node only), taking unchanged
// notes from the persisted cache: the CLI's `list` and `watch`, and the
// extension for a local workspace folder.

import { realpathSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { code, foldersUnchanged, readNote, walkFolder, type Skipped } from './disk.js';
import { NoteCache, type FileStamp } from './note-cache.js';
import { NoteIndex } from '../core/note-index.js';
import { parseFile, type ParsedFile } from '../core/notes.js';

export interface LoadedFolder {
  index: NoteIndex;
  skipped: Skipped[];
  /** How many notes were read and parsed, and how many came from the cache. */
  read: number;
  cached: number;
  /** Write the cache back (done already unless `save: false` was asked for). */
  save(): void;
  /** Each file's size and mtime as found: what the extension compares the disk with after a burst of file events. */
  stamps: Map<string, FileStamp & { abs: string }>;
  /** Each folder read, with its stamp just before (NaN: unknown or too recent to trust). */
  folders: Map<string, number>;
}

/**
 * A walk as the CLI keeps it for its next run: each folder with its stamp, the files
 * found, and what the walk skipped. When no folder's stamp has moved since, listing them
 * again would find the same files: the next run stats them without walking (~15 ms of a
 * ~140 ms warm start at 10,000 notes).
 */
export interface Listing {
  folders: Map<string, number>;
  files: string[];
  skipped: Skipped[];
}

/**
 * Every Markdown file under `root` with its size and mtime (and absolute path), as
 * parallel arrays in the walk's (sorted, stable) order: the CLI's warm start compares
 * them with the last run's position by position, and builds the Map (10,000 objects
 * and entries) only when something changed. The CLI's check without a cache asks for
 * no stat (`stat: false`; stamps then read zero): nothing is compared, and at 10,000
 * notes a stat per file costs ~35 ms.
 */
export class ScannedFolder {
  constructor(
    /** Paths relative to the root, and absolute. */
    readonly files: string[],
    readonly abs: string[],
    /** NaN where the file could not be stat'ed (it is then in `skipped`). */
    readonly mtimes: number[],
    readonly sizes: number[],
    /** Each folder read, with its stamp taken just before (see walkFolder). */
    readonly folders: Map<string, number> = new Map(),
    /** What the walk itself skipped (not the files that could not be stat'ed). */
    readonly walkSkipped: Skipped[] = [],
  ) {}

  toMap(): Map<string, FileStamp & { abs: string }> {
    const stamps = new Map<string, FileStamp & { abs: string }>();
    for (let i = 0; i < this.files.length; i++) {
      if (Number.isNaN(this.mtimes[i])) continue;
      stamps.set(this.files[i], { mtimeMs: this.mtimes[i], size: this.sizes[i], abs: this.abs[i] });
    }
    return stamps;
  }

  /**
   * A scan made without a stat (`stat: false`) given each file's size and mtime as it was read
   * into `cache` (readNote's fstat, taken before the read); a file not in it (skipped when read)
   * is stat'ed on its own, and NaN if that fails too.
   */
  stampFromReads(cache: NoteCache): void {
    for (let i = 0; i < this.files.length; i++) {
      const read = cache.stampOf(this.files[i]);
      if (read) {
        this.mtimes[i] = read.mtimeMs;
        this.sizes[i] = read.size;
        continue;
      }
      try {
        const st = statSync(this.abs[i]);
        this.mtimes[i] = st.mtimeMs;
        this.sizes[i] = st.size;
      } catch {
        this.mtimes[i] = NaN;
      }
    }
  }

  /** This scan's walk, for the next run. */
  listing(): Listing {
    return { folders: this.folders, files: this.files, skipped: this.walkSkipped };
  }
}

/**
 * Every Markdown file under `root`, stat'ed unless `stat` is false. Given the last run's
 * `listing`, and no folder of it changed since, its files are taken without a walk (and
 * if one of them is no longer a regular file, the walk is made after all).
 */
export function scanFolder(root: string, skipped: Skipped[], options: { stat?: boolean; chdir?: boolean; listing?: Listing } = {}): ScannedFolder {
  const known = options.listing && options.stat !== false ? unchangedListing(root, options.listing) : undefined;
  if (known) {
    const statSkipped: Skipped[] = [];
    const stamps = statFiles(known.files, known.abs, statSkipped, options.chdir === true, true);
    if (stamps) {
      skipped.push(...known.skipped, ...statSkipped);
      return new ScannedFolder(known.files, known.abs, stamps.mtimes, stamps.sizes, known.folders, known.skipped);
    }
  }
  const walkSkipped: Skipped[] = [];
  const { files, abs, folders } = walkFolder(root, walkSkipped);
  skipped.push(...walkSkipped);
  if (options.stat === false) {
    const zeros = new Array<number>(files.length).fill(0);
    return new ScannedFolder(files, abs, zeros, zeros.slice(), folders, walkSkipped);
  }
  const { mtimes, sizes } = statFiles(files, abs, skipped, options.chdir === true, false)!;
  return new ScannedFolder(files, abs, mtimes, sizes, folders, walkSkipped);
}

/** The last run's listing, with absolute paths, if no folder in it has changed since. */
function unchangedListing(root: string, listing: Listing): (Listing & { abs: string[] }) | undefined {
  if (listing.folders.size === 0 || !foldersUnchanged(listing.folders)) return undefined;
  const base = resolve(root) + sep;
  const abs = listing.files.map((f) => base + (sep === '/' ? f : f.split('/').join(sep)));
  return { ...listing, abs };
}

/**
 * Each file's mtime and size; NaN (and the reason in `skipped`) where it cannot be stat'ed.
 * With `onlyFiles`, undefined as soon as one is not a regular file. With `chdir` (the CLI
 * only: a process-wide change no editor host may make), each file is stat'ed by its name
 * from inside its folder: the kernel then looks up one path component rather than every
 * one from the root, ~10% of a warm start's stats at 10,000 notes.
 */
function statFiles(files: string[], abs: string[], skipped: Skipped[], chdir: boolean, onlyFiles: boolean): { mtimes: number[]; sizes: number[] } | undefined {
  const mtimes = new Array<number>(files.length).fill(0);
  const sizes = new Array<number>(files.length).fill(0);
  let cwd: string | undefined;
  try {
    cwd = chdir ? process.cwd() : undefined;
  } catch {
    // the working folder is gone: stat by absolute path
  }
  let dir: string | undefined; // the folder (relative, with a trailing slash) we are in
  let moved = false;
  try {
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      let target = abs[i];
      if (cwd !== undefined) {
        const slash = file.lastIndexOf('/') + 1;
        const here = file.slice(0, slash);
        if (here !== dir) {
          try {
            process.chdir(abs[i].slice(0, abs[i].length - (file.length - slash) - 1)); // the file's folder, absolute
            moved = true;
            dir = here;
          } catch {
            dir = undefined;
          }
        }
        if (dir === here) target = file.slice(slash);
      }
      try {
        const st = statSync(target);
        if (onlyFiles && !st.isFile()) return undefined;
        mtimes[i] = st.mtimeMs;
        sizes[i] = st.size;
      } catch (e) {
        mtimes[i] = NaN;
        skipped.push({ file, reason: `not readable (${code(e)})` });
      }
    }
  } finally {
    if (cwd !== undefined && moved) {
      try {
        process.chdir(cwd);
      } catch {
        // cannot happen short of the old folder vanishing; relative paths are not used after this
      }
    }
  }
  return { mtimes, sizes };
}

/**
 * Read and parse one file, keeping the cache up to date; undefined (with the
 * reason in `skipped`) when it cannot be read as a note. `stamped` is given the
 * file's size and mtime as read, when it was.
 */
export function readParsed(file: string, abs: string, skipped: Skipped[], cache?: NoteCache, stamped?: (stamp: FileStamp) => void): ParsedFile | undefined {
  const r = readNote(abs, cache !== undefined || stamped !== undefined); // the size and mtime are only for the cache, or the caller
  if (!('reason' in r) && r.mtimeMs !== undefined) stamped?.({ mtimeMs: r.mtimeMs, size: r.size! });
  if ('reason' in r) {
    skipped.push({ file, reason: r.reason });
    cache?.delete(file);
    return undefined;
  }
  let parsed: ParsedFile;
  try {
    parsed = parseFile(file, r.text);
  } catch (e) {
    // A note the parser cannot take (a bug, or a file built to break it) is reported like one that cannot be read.
    skipped.push({ file, reason: `could not be parsed (${(e as Error)?.message ?? String(e)})` });
    cache?.delete(file);
    return undefined;
  }
  cache?.set(file, { mtimeMs: r.mtimeMs!, size: r.size!, file: parsed });
  return parsed;
}

/**
 * Put one file in `index`: from the cache when its size and mtime are unchanged, else
 * read and parsed. Says which it was, or undefined (with the reason in `skipped`).
 */
export function indexFile(file: string, abs: string, stamp: FileStamp, index: NoteIndex, skipped: Skipped[], cache?: NoteCache): 'read' | 'cached' | undefined {
  const hit = cache?.get(file, stamp);
  const parsed = hit ? hit.file : readParsed(file, abs, skipped, cache);
  if (!parsed) return undefined;
  index.put(parsed);
  return hit ? 'cached' : 'read';
}

/** Drop from the cache every file not among those present now. */
export function pruneCache(cache: NoteCache, present: { has(path: string): boolean }): void {
  for (const p of [...cache.paths()]) if (!present.has(p)) cache.delete(p);
}

/**
 * Put every scanned file in `index` (see indexFile). Files gone since are dropped from the cache.
 */
export function indexFiles(scanned: ScannedFolder, index: NoteIndex, skipped: Skipped[], cache?: NoteCache): { read: number; cached: number } {
  const counts = { read: 0, cached: 0 };
  const present = new Set<string>();
  for (let i = 0; i < scanned.files.length; i++) {
    const mtimeMs = scanned.mtimes[i];
    if (Number.isNaN(mtimeMs)) continue; // could not be stat'ed: already skipped
    const file = scanned.files[i];
    if (cache) present.add(file);
    const how = indexFile(file, scanned.abs[i], { mtimeMs, size: scanned.sizes[i] }, index, skipped, cache);
    if (how) counts[how]++;
  }
  if (cache) pruneCache(cache, present);
  return counts;
}

/**
 * Read every note under `root` into `index`. With the cache (the default), a
 * note whose size and mtime are unchanged since it was cached is taken as it was
 * parsed then, without reading the file; the cache is then brought up to date
 * and written back, at once or (`save: false`) when the caller chooses.
 */
export function loadFolder(
  root: string,
  options: { cache?: boolean; cacheDir?: string; index?: NoteIndex; save?: boolean } = {},
): LoadedFolder {
  const skipped: Skipped[] = [];
  const index = options.index ?? new NoteIndex();
  const scanned = scanFolder(root, skipped);
  const stamps = scanned.toMap();
  const cache = options.cache === false ? undefined : NoteCache.open(realpathSync(root), options.cacheDir);
  const { read, cached } = indexFiles(scanned, index, skipped, cache);
  const save = () => cache?.save();
  if (options.save !== false) save();
  return { index, skipped, read, cached, save, stamps, folders: scanned.folders };
}
