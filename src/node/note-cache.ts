// The cache of parsed notes (Node only): each note as parsed, keyed by path, size
// and mtime, so that a run reads and parses only what changed. Used by the CLI and,
// in its own storage folder, by the extension for a local workspace. How a note is
// written and read back is the parser's business (core/parse/stored-note.ts), and
// so is the version: PARSER_VERSION is a hash of the parser's sources made at build
// time, so a change to how notes are read can never revive notes read the old way.
// Anything wrong with the file (missing, corrupt, another version) means more work,
// never a wrong answer.

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParsedFile } from '../core/notes.js';
import { reviveNote, storeNote, type StoredNote } from '../core/parse/stored-note.js';
import { PARSER_VERSION } from '../core/parse/version.generated.js';
import { cacheDir, cacheId, jsonText, textOf, writeParts } from './cache-files.js';

export { cacheDir } from './cache-files.js';

export interface FileStamp {
  mtimeMs: number;
  size: number;
}

export interface CacheEntry extends FileStamp {
  file: ParsedFile;
}

/**
 * The file as written: a head line, then the notes in lines of up to ENTRIES_PER_LINE
 * entries each, every line one JSON text (JSON writes no line break inside one). The
 * editor's host parses it a line at a time between other work: as one JSON text of 17 MB
 * at 10,000 notes, its parse held the host ~0.3 s in one go.
 */
interface StoredHead {
  version: string;
  root: string;
}
type StoredEntry = [string, FileStamp & { file: StoredNote }];

const ENTRIES_PER_LINE = 250;

/**
 * An entry as held: revived when first asked for, or as stored until then (reviving every
 * note as the file is opened was ~0.1 s more of that one go). A note never asked for (its
 * file changed, or gone) is never revived, and is written back as it was read.
 */
type Held = FileStamp & ({ file: ParsedFile; stored?: undefined } | { file?: undefined; stored: StoredNote });

export class NoteCache {
  private readonly entries = new Map<string, Held>();
  private dirty = false;

  readonly path: string;

  private constructor(
    readonly root: string,
    dir: string,
  ) {
    this.path = join(dir, `${cacheId(root)}.notes.json`);
  }

  static open(root: string, dir = cacheDir()): NoteCache {
    const cache = new NoteCache(root, dir);
    const lines = cache.lines(() => readFileSync(cache.path));
    while (!lines.next().done);
    return cache;
  }

  /**
   * As open(), for the editor's host: the file read on libuv's threads, and `pause()` awaited
   * after each line parsed (the caller yields there when its slice of time is spent).
   */
  static async openAside(root: string, dir: string, pause: () => Promise<void> | undefined): Promise<NoteCache> {
    const cache = new NoteCache(root, dir);
    let bytes: Buffer | undefined;
    try {
      bytes = await readFile(cache.path);
    } catch {
      return cache; // none yet
    }
    const lines = cache.lines(() => bytes);
    for (let more = lines.next(); !more.done; more = lines.next()) {
      const paused = pause();
      if (paused) await paused;
    }
    return cache;
  }

  /**
   * Fill the cache from the file's bytes a line at a time (a step of the generator each).
   * Anything wrong (no file, another version, a line that is no JSON) leaves it empty.
   */
  private *lines(read: () => Buffer): Generator<void> {
    try {
      const bytes = read();
      let start = 0;
      let head = true;
      while (start < bytes.length) {
        const newline = bytes.indexOf(10, start);
        const end = newline < 0 ? bytes.length : newline;
        const json = JSON.parse(textOf(bytes.subarray(start, end)));
        start = end + 1;
        if (head) {
          const { version, root } = (json ?? {}) as StoredHead;
          if (version !== PARSER_VERSION || root !== this.root) return;
          head = false;
        } else {
          if (!Array.isArray(json)) throw new Error('not a line of entries');
          for (const entry of json as StoredEntry[]) this.add(entry);
        }
        yield;
      }
    } catch {
      this.entries.clear(); // missing, cut short or not JSON: every note is read
    }
  }

  private add(entry: StoredEntry): void {
    if (!Array.isArray(entry)) return;
    const [path, held] = entry;
    if (typeof path !== 'string' || typeof held?.mtimeMs !== 'number' || typeof held.size !== 'number' || typeof held.file !== 'object' || !held.file) return;
    this.entries.set(path, { mtimeMs: held.mtimeMs, size: held.size, stored: held.file });
  }

  /**
   * The entry for a file if it is unchanged (same size and mtime). One that cannot be revived
   * (not what this version writes, whatever the file says) is dropped: the note is read again.
   */
  get(path: string, stamp: FileStamp): CacheEntry | undefined {
    const e = this.entries.get(path);
    if (!e || e.mtimeMs !== stamp.mtimeMs || e.size !== stamp.size) return undefined;
    if (e.stored) {
      try {
        this.entries.set(path, { mtimeMs: e.mtimeMs, size: e.size, file: reviveNote(e.stored) });
      } catch {
        this.delete(path);
        return undefined;
      }
    }
    return this.entries.get(path) as CacheEntry;
  }

  /** Nothing cached (a first run, or a cache another version wrote). */
  get empty(): boolean {
    return this.entries.size === 0;
  }

  /** The size and mtime a file had when it was cached, changed since or not. */
  stampOf(path: string): FileStamp | undefined {
    return this.entries.get(path);
  }

  /** The path of every cached note. */
  paths(): IterableIterator<string> {
    return this.entries.keys();
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
    // Written entry by entry: never the whole of it in memory at once (~150 MB of JSON at 100,000 notes).
    const entries = this.entries;
    const head: StoredHead = { version: PARSER_VERSION, root: this.root };
    function* parts(): Generator<string> {
      yield jsonText(head);
      let inLine = 0;
      for (const [path, { mtimeMs, size, file, stored: asRead }] of entries) {
        const stored = asRead ?? storeNote(file!);
        if (!stored) continue; // read again next time
        if (inLine === ENTRIES_PER_LINE) {
          yield ']';
          inLine = 0;
        }
        yield `${inLine++ === 0 ? '\n[' : ','}${jsonText([path, { mtimeMs, size, file: stored }])}`;
      }
      yield inLine ? ']\n' : '\n';
    }
    writeParts(this.path, parts());
    this.dirty = false;
  }
}
