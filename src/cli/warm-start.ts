// The CLI's warm start (Node only): the day, the settings and every file's size and
// mtime the last run's diagnostics were computed for, and beside it, in files of
// their own, those diagnostics and the report printed. A run in which nothing
// changed prints that report without building the index (and without parsing the
// diagnostics); a run in which a few files changed re-checks only what those
// changes reach. Its version is a hash, made at build time, of the sources the
// CLI's check reaches (scripts/source-version.mjs): a change to a parser, a check
// or the report's format makes every stored state unread. Anything wrong with it
// (missing, corrupt, another version, another day) means more work, never a wrong
// answer.

import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic, Severity } from '../core/model.js';
import { cacheDir, cacheId, readJson, writeJson, writeText } from '../node/cache-files.js';
import type { Skipped } from '../node/disk.js';
import type { Listing, ScannedFolder } from '../node/load-folder.js';
import type { FileStamp } from '../node/note-cache.js';
import { CHECKS_VERSION } from './version.generated.js';

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
  /** The walk it was computed on, so that the next run need not walk when no folder changed. */
  listing?: Listing;
}

export interface StoredReport {
  format: string;
  text: string;
  code: number;
}

/**
 * Each file's size and mtime when the diagnostics were computed: the paths as one
 * string (NUL-separated: no file name holds a NUL) and two arrays. The warm start
 * reads this and compares it with the disk; 10,000 path strings, or small arrays,
 * or a Map made of them, each cost a good part of that start. The paths are split,
 * and the Map built, only when a path is looked up (an incremental check).
 */
export class StampTable {
  private byPath: Map<string, FileStamp> | undefined;
  private list: string[] | undefined;

  constructor(
    /** The paths, joined with NUL. */
    readonly joined: string,
    readonly mtimes: number[],
    readonly sizes: number[],
  ) {}

  static of(stamps: Map<string, FileStamp>): StampTable {
    const paths: string[] = [];
    const mtimes: number[] = [];
    const sizes: number[] = [];
    for (const [p, s] of stamps) {
      paths.push(p);
      mtimes.push(s.mtimeMs);
      sizes.push(s.size);
    }
    const t = new StampTable(paths.join('\0'), mtimes, sizes);
    t.list = paths;
    return t;
  }

  /** The paths, in order. */
  keys(): string[] {
    this.list ??= split(this.joined);
    return this.list;
  }

  get(path: string): FileStamp | undefined {
    if (!this.byPath) {
      const paths = this.keys();
      this.byPath = new Map();
      for (let i = 0; i < paths.length; i++) this.byPath.set(paths[i], { mtimeMs: this.mtimes[i], size: this.sizes[i] });
    }
    return this.byPath.get(path);
  }

  /** Exactly the files of this scan (those it could stat), in its order, each with this size and mtime? */
  matchesScan(scan: ScannedFolder): boolean {
    const files: string[] = [];
    let j = 0;
    for (let i = 0; i < scan.files.length; i++) {
      const mtime = scan.mtimes[i];
      if (Number.isNaN(mtime)) continue;
      if (j >= this.mtimes.length || this.mtimes[j] !== mtime || this.sizes[j] !== scan.sizes[i]) return false;
      files.push(scan.files[i]);
      j++;
    }
    return j === this.mtimes.length && files.join('\0') === this.joined;
  }
}

export function checksPath(root: string): string {
  return join(cacheDir(), `${cacheId(root)}.checks.json`);
}

type StoredDiagnostic = [number, number, number, number, Severity, string, string, 0 | 1];

interface StoredChecks {
  version: string;
  root: string;
  key: CheckKey;
  stamps: { paths: string; mtimes: number[]; sizes: number[] };
  skipped: ChecksState['skipped'];
  /** The report's format and exit code, and the name of the file beside this one that holds its text. */
  report?: { format: string; code: number; file: string };
  /** The name of the file beside this one that holds the diagnostics. */
  diagnostics: string;
  /** The walk: folders (NUL-joined) with their stamps, and its files when they are not the stamps' paths (some could not be stat'ed). */
  listing?: { folders: string; stamps: (number | null)[]; files?: string; skipped: Skipped[] };
}

/**
 * The report and the diagnostics sit in files of their own, named per run, which the
 * checks file names: at 10,000 notes they are 1.5 MB that a warm start would otherwise
 * decode and scan as JSON strings (~10 ms of a ~150 ms start) only to print one of them
 * as it is. A run writes its two files, then the checks file that names them, so a
 * checks file never names files of another run; a missing one only means more work.
 */
export function loadChecks(root: string): ChecksState | undefined {
  const path = checksPath(root);
  const raw = readJson(path) as StoredChecks | undefined;
  if (raw?.version !== CHECKS_VERSION || raw.root !== root || typeof raw.diagnostics !== 'string' || typeof raw.stamps?.paths !== 'string') return undefined;
  const dir = dirname(path);
  // Without its diagnostics the state cannot seed an incremental check: a full one it is.
  if (!existsSync(join(dir, raw.diagnostics))) return undefined;
  let report: StoredReport | undefined;
  if (raw.report) {
    try {
      report = { format: raw.report.format, code: raw.report.code, text: readFileSync(join(dir, raw.report.file), 'utf8') };
    } catch {
      // gone: the report is rendered again from the diagnostics
    }
  }
  let diagnostics: Map<string, Diagnostic[]> | undefined;
  const state: ChecksState = {
    key: raw.key,
    stamps: new StampTable(raw.stamps.paths, raw.stamps.mtimes, raw.stamps.sizes),
    skipped: raw.skipped,
    report,
    listing: raw.listing && {
      folders: new Map(split(raw.listing.folders).map((dir, i) => [dir, raw.listing!.stamps[i] ?? NaN])),
      files: split(raw.listing.files ?? raw.stamps.paths),
      skipped: raw.listing.skipped,
    },
    get diagnostics() {
      diagnostics ??= reviveDiagnostics((readJson(join(dir, raw.diagnostics)) ?? []) as [string, StoredDiagnostic[]][]);
      return diagnostics;
    },
  };
  return state;
}

/** NUL-joined paths, split (no path is empty, so '' is none). */
function split(joined: string): string[] {
  return joined ? joined.split('\0') : [];
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
  const path = checksPath(root);
  const dir = dirname(path);
  const id = cacheId(root);
  const run = `${id}.${Date.now().toString(36)}-${process.pid}`;
  const diagnosticsFile = `${run}.diagnostics.json`;
  const reportFile = `${run}.report`;
  const stored = [...state.diagnostics].map(([file, ds]) => [
    file,
    ds.map((d): StoredDiagnostic => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity, d.code, d.message, d.overdue ? 1 : 0]),
  ]);
  if (!writeJson(join(dir, diagnosticsFile), stored)) return;
  if (state.report && !writeText(join(dir, reportFile), state.report.text)) return;
  const checks: StoredChecks = {
    version: CHECKS_VERSION,
    root,
    key: state.key,
    stamps: { paths: state.stamps.joined, mtimes: state.stamps.mtimes, sizes: state.stamps.sizes },
    skipped: state.skipped,
    report: state.report && { format: state.report.format, code: state.report.code, file: reportFile },
    diagnostics: diagnosticsFile,
  };
  if (state.listing) {
    const files = state.listing.files.join('\0');
    checks.listing = {
      folders: [...state.listing.folders.keys()].join('\0'),
      stamps: [...state.listing.folders.values()].map((t) => (Number.isNaN(t) ? null : t)),
      files: files === state.stamps.joined ? undefined : files,
      skipped: state.listing.skipped,
    };
  }
  if (!writeJson(path, checks)) return;
  // Earlier runs' files for this workspace are no longer named by anything.
  try {
    for (const f of readdirSync(dir)) {
      if (f.startsWith(`${id}.`) && (f.endsWith('.diagnostics.json') || f.endsWith('.report')) && !f.startsWith(`${run}.`)) rmSync(join(dir, f), { force: true });
    }
  } catch {
    // left for the next run to remove
  }
}

export function sameKey(a: CheckKey, b: CheckKey): boolean {
  return a.today === b.today && a.minutes === b.minutes && a.settings === b.settings;
}

