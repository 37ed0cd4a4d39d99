// The persisted cache (Node only), in the user's cache folder or the editor's
// storage, never in their repository, in two files per workspace:
//   - notes: each note as parsed, keyed by path, size and mtime, so a run reads
//     and parses only what changed;
//   - checks: the last run's diagnostics with the day, the settings and every
//     file's size and mtime they were computed for, so a run in which nothing
//     changed prints them without building the index, and a run in which a few
//     files changed re-checks only what those changes reach.
// Anything wrong with either (missing, corrupt, another version, another day)
// means more work, never a wrong answer.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { KeyTable, type KeyTableJson } from './key-table.js';
import type { Diagnostic, Severity } from './model.js';
import type { ParsedFile } from './notes.js';
import { LineMap } from './text.js';

/** Bump when what the parser or the checks produce changes: old caches are then ignored. */
export const CACHE_VERSION = 5;

export interface FileStamp {
  mtimeMs: number;
  size: number;
}

export interface CacheEntry extends FileStamp {
  file: ParsedFile;
}

/** What a check run depends on besides the notes. */
export interface CheckKey {
  today: number;
  minutes?: number;
  settings: string;
}

export interface ChecksState {
  key: CheckKey;
  stamps: StampTable;
  skipped: { file: string; reason: string }[];
  /** Read from the file only when asked for: a run with nothing changed prints the stored report instead. */
  diagnostics: Map<string, Diagnostic[]>;
  /** The report as the CLI printed it (in one format), and its exit code. */
  report?: StoredReport;
}

export interface StoredReport {
  format: string;
  text: string;
  code: number;
}

/**
 * Each file's size and mtime when the diagnostics were computed, as three arrays:
 * the warm start reads this and compares it with the disk, and 10,000 small
 * arrays and a Map made of them cost a tenth of that start. The Map is built
 * only when a path is looked up (an incremental check).
 */
export class StampTable {
  private byPath: Map<string, FileStamp> | undefined;

  constructor(
    readonly paths: string[],
    readonly mtimes: number[],
    readonly sizes: number[],
  ) {}

  static of(stamps: Map<string, FileStamp>): StampTable {
    const t = new StampTable([], [], []);
    for (const [p, s] of stamps) {
      t.paths.push(p);
      t.mtimes.push(s.mtimeMs);
      t.sizes.push(s.size);
    }
    return t;
  }

  get size(): number {
    return this.paths.length;
  }

  get(path: string): FileStamp | undefined {
    if (!this.byPath) {
      this.byPath = new Map();
      for (let i = 0; i < this.paths.length; i++) this.byPath.set(this.paths[i], { mtimeMs: this.mtimes[i], size: this.sizes[i] });
    }
    return this.byPath.get(path);
  }

  keys(): string[] {
    return this.paths;
  }

  /** Exactly these files, each with this size and mtime? */
  matches(now: Map<string, FileStamp>): boolean {
    if (now.size !== this.paths.length) return false;
    for (let i = 0; i < this.paths.length; i++) {
      const s = now.get(this.paths[i]);
      if (!s || s.mtimeMs !== this.mtimes[i] || s.size !== this.sizes[i]) return false;
    }
    return true;
  }
}

/** The CLI's cache folder; the extension keeps its own, in VS Code's storage. */
export function cacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'rapport');
}

function cacheId(root: string): string {
  return createHash('sha1').update(root).digest('hex').slice(0, 16);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Write atomically; a failure to write (read-only home, full disk) only makes the next run cold. */
function writeJson(path: string, value: unknown, replacer?: (this: unknown, key: string, value: unknown) => unknown): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value, replacer as never));
    renameSync(tmp, path);
  } catch {
    // see above
  }
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
    const raw = readJson(cache.path) as { version: number; root: string; entries: [string, CacheEntry][] } | undefined;
    if (raw?.version === CACHE_VERSION && raw.root === root && Array.isArray(raw.entries)) {
      for (const [path, entry] of raw.entries) cache.entries.set(path, revive(entry));
    }
    return cache;
  }

  /** The entry for a file if it is unchanged (same size and mtime). */
  get(path: string, stamp: FileStamp): CacheEntry | undefined {
    const e = this.entries.get(path);
    return e && e.mtimeMs === stamp.mtimeMs && e.size === stamp.size ? e : undefined;
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
    writeJson(this.path, { version: CACHE_VERSION, root: this.root, entries: [...this.entries] }, replacer);
    this.dirty = false;
  }
}

export function checksPath(root: string): string {
  return join(cacheDir(), `${cacheId(root)}.checks.json`);
}

type StoredDiagnostic = [number, number, number, number, Severity, string, string, 0 | 1];

export function loadChecks(root: string): ChecksState | undefined {
  const raw = readJson(checksPath(root)) as
    | { version: number; root: string; key: CheckKey; stamps: { paths: string[]; mtimes: number[]; sizes: number[] }; skipped: ChecksState['skipped']; report?: StoredReport; diagnostics: string }
    | undefined;
  if (raw?.version !== CACHE_VERSION || raw.root !== root || typeof raw.diagnostics !== 'string') return undefined;
  let diagnostics: Map<string, Diagnostic[]> | undefined;
  return {
    key: raw.key,
    stamps: new StampTable(raw.stamps.paths, raw.stamps.mtimes, raw.stamps.sizes),
    skipped: raw.skipped,
    report: raw.report,
    get diagnostics() {
      diagnostics ??= reviveDiagnostics(JSON.parse(raw.diagnostics) as [string, StoredDiagnostic[]][]);
      return diagnostics;
    },
  };
}

function reviveDiagnostics(stored: [string, StoredDiagnostic[]][]): Map<string, Diagnostic[]> {
  return new Map(
    stored.map(([file, ds]) => [
      file,
      ds.map(([l, c, el, ec, severity, code, message, overdue]): Diagnostic => ({
        file,
        range: { start: { line: l, character: c }, end: { line: el, character: ec } },
        severity,
        code,
        message,
        ...(overdue ? { overdue: true } : {}),
      })),
    ]),
  );
}

export function saveChecks(root: string, state: ChecksState): void {
  writeJson(checksPath(root), {
    version: CACHE_VERSION,
    root,
    key: state.key,
    stamps: { paths: state.stamps.paths, mtimes: state.stamps.mtimes, sizes: state.stamps.sizes },
    skipped: state.skipped,
    report: state.report,
    // A string within the file: parsed only by a run that needs the diagnostics themselves.
    diagnostics: JSON.stringify(
      [...state.diagnostics].map(([file, ds]) => [
        file,
        ds.map((d): StoredDiagnostic => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity, d.code, d.message, d.overdue ? 1 : 0]),
      ]),
    ),
  });
}

export function sameKey(a: CheckKey, b: CheckKey): boolean {
  return a.today === b.today && a.minutes === b.minutes && a.settings === b.settings;
}

/** Serialise a parsed file: Maps as entries; no line maps, YAML documents or second copies of the data. */
function replacer(this: unknown, key: string, value: unknown): unknown {
  if (key === 'lines' || key === 'doc') return undefined;
  if (key === 'data' && this && typeof this === 'object' && 'sourceStart' in this) return undefined; // frontmatter.data = note.data
  if (value instanceof Map) return { __map: [...value] };
  return value;
}

function revive(entry: CacheEntry): CacheEntry {
  const f = entry.file as ParsedFile & { frontmatter?: { keys: unknown; data?: unknown }; data?: unknown };
  if (f.text !== undefined) (f as { lines?: LineMap }).lines = new LineMap(f.text);
  if (f.frontmatter) {
    f.frontmatter.keys = KeyTable.fromJSON(f.frontmatter.keys as KeyTableJson);
    f.frontmatter.data = f.data;
  }
  return entry;
}
