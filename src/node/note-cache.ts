// The cache of parsed notes (Node only): each note as parsed, keyed by path, size
// and mtime, so that a run reads and parses only what changed. Used by the CLI and,
// in its own storage folder, by the extension for a local workspace. How a note is
// written and read back is the parser's business (core/parse/stored-note.ts), and
// so is the version: PARSER_VERSION is a hash of the parser's sources made at build
// time, so a change to how notes are read can never revive notes read the old way.
// Anything wrong with the file (missing, corrupt, another version) means more work,
// never a wrong answer.

import { join } from 'node:path';
import type { ParsedFile } from '../core/notes.js';
import { reviveNote, storeNote, type StoredNote } from '../core/parse/stored-note.js';
import { PARSER_VERSION } from '../core/parse/version.generated.js';
import { cacheDir, cacheId, jsonText, readJson, writeParts } from './cache-files.js';

export { cacheDir } from './cache-files.js';

export interface FileStamp {
  mtimeMs: number;
  size: number;
}

export interface CacheEntry extends FileStamp {
  file: ParsedFile;
}

/** The file as written: the parser's version, the workspace, and each note as stored. */
interface StoredCache {
  version: string;
  root: string;
  entries: [string, FileStamp & { file: StoredNote }][];
}

export class NoteCache {
  private readonly entries = new Map<string, CacheEntry>();
  private dirty = false;

  private constructor(
    readonly root: string,
    readonly path: string,
  ) {}

  static open(root: string, dir = cacheDir()): NoteCache {
    const cache = new NoteCache(root, join(dir, `${cacheId(root)}.notes.json`));
    const raw = readJson(cache.path) as StoredCache | undefined;
    if (raw?.version === PARSER_VERSION && raw.root === root && Array.isArray(raw.entries)) {
      try {
        for (const [path, { mtimeMs, size, file }] of raw.entries) cache.entries.set(path, { mtimeMs, size, file: reviveNote(file) });
      } catch {
        cache.entries.clear(); // not what this version writes, whatever it says: read every note
      }
    }
    return cache;
  }

  /** The entry for a file if it is unchanged (same size and mtime). */
  get(path: string, stamp: FileStamp): CacheEntry | undefined {
    const e = this.entries.get(path);
    return e && e.mtimeMs === stamp.mtimeMs && e.size === stamp.size ? e : undefined;
  }

  /** Nothing cached (a first run, or a cache another version wrote). */
  get empty(): boolean {
    return this.entries.size === 0;
  }

  /** The size and mtime a file had when it was cached, changed since or not. */
  stampOf(path: string): FileStamp | undefined {
    return this.entries.get(path);
  }

  /** Every cached entry, as it was when cached. */
  all(): IterableIterator<[string, CacheEntry]> {
    return this.entries.entries();
  }

  set(path: string, entry: CacheEntry): void {
    this.entries.set(path, entry);
    this.dirty = true;
  }

  delete(path: string): void {
    if (this.entries.delete(path)) this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    // The StoredCache's JSON, written entry by entry: never the whole of it in memory at once.
    const entries = this.entries;
    const head = jsonText({ version: PARSER_VERSION, root: this.root, entries: [] } satisfies StoredCache);
    function* parts(): Generator<string> {
      yield head.slice(0, -2); // up to the entries' opening bracket
      let first = true;
      for (const [path, { mtimeMs, size, file }] of entries) {
        const stored = storeNote(file);
        if (!stored) continue; // read again next time
        yield `${first ? '' : ','}${jsonText([path, { mtimeMs, size, file: stored }])}`;
        first = false;
      }
      yield ']}';
    }
    writeParts(this.path, parts());
    this.dirty = false;
  }
}
