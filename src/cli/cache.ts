// The persisted cache: each note as parsed, keyed by path and checked against
// the file's size and modification time, so re-running `rapport` does not read
// or parse unchanged notes. It lives in the user's cache folder, never in their
// repository. Anything wrong with it (missing, corrupt, another version) means
// a cold start, never a wrong answer: a file whose size or mtime differs is
// read again, as after a `git checkout` or a `git pull`.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ParsedFile } from '../core/notes.js';
import { LineMap } from '../core/text.js';

/** Bump when what the parser produces changes: old caches are then ignored. */
export const CACHE_VERSION = 1;

export interface CacheEntry {
  mtimeMs: number;
  size: number;
  file: ParsedFile;
}

export class NoteCache {
  private readonly entries = new Map<string, CacheEntry>();
  private dirty = false;

  private constructor(readonly path: string) {}

  /** The cache for a workspace root (empty when there is none or it cannot be read). */
  static open(root: string): NoteCache {
    const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
    const id = createHash('sha1').update(root).digest('hex').slice(0, 16);
    const cache = new NoteCache(join(base, 'rapport', `${id}.json`));
    try {
      const raw = JSON.parse(readFileSync(cache.path, 'utf8')) as { version: number; root: string; entries: [string, CacheEntry][] };
      if (raw.version === CACHE_VERSION && raw.root === root) {
        for (const [path, entry] of raw.entries) cache.entries.set(path, revive(entry));
      }
    } catch {
      // No cache yet, or not readable: start cold.
    }
    return cache;
  }

  /** The entry for a file if it is unchanged (same size and mtime). */
  get(path: string, mtimeMs: number, size: number): CacheEntry | undefined {
    const e = this.entries.get(path);
    return e && e.mtimeMs === mtimeMs && e.size === size ? e : undefined;
  }

  set(path: string, entry: CacheEntry): void {
    this.entries.set(path, entry);
    this.dirty = true;
  }

  /** Forget files that are gone. */
  keepOnly(paths: Set<string>): void {
    for (const p of this.entries.keys()) {
      if (!paths.has(p)) {
        this.entries.delete(p);
        this.dirty = true;
      }
    }
  }

  /** Write it back if anything changed; a failure to write is not the user's problem. */
  save(root: string): void {
    if (!this.dirty) return;
    try {
      mkdirSync(join(this.path, '..'), { recursive: true });
      const tmp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ version: CACHE_VERSION, root, entries: [...this.entries] }, replacer));
      renameSync(tmp, this.path);
      this.dirty = false;
    } catch {
      // A read-only home or a full disk: next run is cold, nothing else.
    }
  }
}

/** Serialise a parsed file: Maps as entries, no derived line maps or YAML documents. */
function replacer(key: string, value: unknown): unknown {
  if (key === 'lines' || key === 'doc') return undefined;
  if (value instanceof Map) return { __map: [...value] };
  return value;
}

function revive(entry: CacheEntry): CacheEntry {
  const f = entry.file as (ParsedFile & { frontmatter?: { keys: unknown } }) | undefined;
  if (f) {
    if (f.text !== undefined) (f as { lines?: LineMap }).lines = new LineMap(f.text);
    const keys = f.frontmatter?.keys as { __map?: [string, unknown][] } | undefined;
    if (f.frontmatter && keys?.__map) (f.frontmatter as { keys: unknown }).keys = new Map(keys.__map);
  }
  return entry;
}
