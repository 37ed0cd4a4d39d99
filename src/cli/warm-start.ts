// The CLI's warm start (Node only): the day, the settings and every file's size and
// mtime the last run's diagnostics were computed for, and beside it, in files of
// their own, those diagnostics and what the CLI printed (a check's report, the
// report, the calendar). A run in which nothing changed prints what it printed before
// without building the index (and without parsing the diagnostics); a run in which a
// few files changed re-checks only what those changes reach. Its version is a hash,
// made at build time, of the sources the CLI reaches (scripts/source-version.mjs): a
// change to a parser, a check or any output's format makes every stored state
// unread. Anything wrong with it (missing, corrupt, another version, another day)
// means more work, never a wrong answer.

import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic, Severity } from '../core/model.js';
import { cacheDir, cacheId, jsonText, readJson, writeJson, writeParts } from '../node/cache-files.js';
import type { Skipped } from '../node/disk.js';
import type { Listing } from '../node/load-folder.js';
import { split, StampTable } from '../node/stamp-table.js';
import type { CheckKey } from '../core/check-key.js';
import { CHECKS_VERSION } from './version.generated.js';

export interface ChecksState {
  key: CheckKey;
  stamps: StampTable;
  skipped: { file: string; reason: string }[];
  /** Read from the file only when asked for: a run with nothing changed prints the stored output instead. */
  diagnostics: Map<string, Diagnostic[]>;
  /** What the CLI printed from these notes, each under its key (a check in one format, the report, the calendar). */
  outputs: StoredOutput[];
  /** The walk it was computed on, so that the next run need not walk when no folder changed. */
  listing?: Listing;
}

/** An output kept from an earlier run: its text is in `file`, read only when it is printed. */
export interface StoredOutput {
  key: string;
  code: number;
  file: string;
}

/** An output to keep: made by this run (its text part by part), or kept from the last (`file`). */
export type OutputToStore = { key: string; code: number } & ({ parts(): Iterable<string> } | { file: string });

/** The most outputs kept for one folder: every check format and a report or two, not every --html page ever written. */
const MAX_OUTPUTS = 8;

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
  /** Each output's key and exit code, and the name of the file beside this one that holds its text. */
  outputs?: StoredOutput[];
  /** The name of the file beside this one that holds the diagnostics. */
  diagnostics: string;
  /** The walk: folders (NUL-joined) with their stamps, and its files when they are not the stamps' paths (some could not be stat'ed). */
  listing?: { folders: string; stamps: (number | null)[]; files?: string; skipped: Skipped[] };
}

/**
 * The outputs and the diagnostics sit in files of their own, which the checks file
 * names: at 10,000 notes they are megabytes that a warm start would otherwise decode and
 * scan as JSON strings (~10 ms of a ~150 ms start) only to print one of them as it is. A
 * run writes its files, then the checks file that names them; an output kept from an
 * earlier run keeps its file. A missing file only means more work.
 */
export function loadChecks(root: string): ChecksState | undefined {
  const path = checksPath(root);
  const raw = readJson(path) as StoredChecks | undefined;
  if (raw?.version !== CHECKS_VERSION || raw.root !== root || typeof raw.diagnostics !== 'string' || typeof raw.stamps?.paths !== 'string') return undefined;
  const dir = dirname(path);
  // Without its diagnostics the state cannot seed an incremental check: a full one it is.
  if (!existsSync(join(dir, raw.diagnostics))) return undefined;
  let diagnostics: Map<string, Diagnostic[]> | undefined;
  const state: ChecksState = {
    key: raw.key,
    stamps: new StampTable(raw.stamps.paths, raw.stamps.mtimes, raw.stamps.sizes),
    skipped: raw.skipped,
    outputs: Array.isArray(raw.outputs) ? raw.outputs : [],
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

/** The text of the output stored under `key`, or undefined (none, or its file is gone: it is made again). */
export function storedOutput(root: string, state: ChecksState, key: string): { text: string; code: number } | undefined {
  const o = state.outputs.find((x) => x.key === key);
  if (!o) return undefined;
  try {
    return { text: readFileSync(join(dirname(checksPath(root)), o.file), 'utf8'), code: o.code };
  } catch {
    return undefined;
  }
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

/** Saves made by this process: part of each save's file names. */
let saves = 0;

export function saveChecks(root: string, state: Omit<ChecksState, 'outputs'> & { outputs: OutputToStore[] }): void {
  const path = checksPath(root);
  const dir = dirname(path);
  const id = cacheId(root);
  // Unique to this save: two saves in one millisecond of one process (main() run in-process
  // twice) gave the same name, and the second's new output overwrote a kept one's file.
  const run = `${id}.${Date.now().toString(36)}${(saves++).toString(36).padStart(4, '0')}-${process.pid}`;
  const diagnosticsFile = `${run}.diagnostics.json`;
  // Written file by file (writeParts), not as one array and one string beside the notes.
  const diagnostics = state.diagnostics;
  function* stored(): Generator<string> {
    yield '[';
    let first = true;
    for (const [file, ds] of diagnostics) {
      const row = [file, ds.map((d): StoredDiagnostic => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity, d.code, d.message, d.overdue ? 1 : 0])];
      yield `${first ? '' : ','}${jsonText(row)}`;
      first = false;
    }
    yield ']';
  }
  if (!writeParts(join(dir, diagnosticsFile), stored())) return;
  const outputs: StoredOutput[] = [];
  for (const [i, o] of state.outputs.slice(0, MAX_OUTPUTS).entries()) {
    if ('file' in o) outputs.push({ key: o.key, code: o.code, file: o.file });
    else if (writeParts(join(dir, `${run}.${i}.out`), o.parts())) outputs.push({ key: o.key, code: o.code, file: `${run}.${i}.out` });
  }
  const checks: StoredChecks = {
    version: CHECKS_VERSION,
    root,
    key: state.key,
    stamps: { paths: state.stamps.joined, mtimes: state.stamps.mtimes, sizes: state.stamps.sizes },
    skipped: state.skipped,
    outputs,
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
  // Earlier runs' files for this workspace that the checks file no longer names.
  const named = new Set([diagnosticsFile, ...outputs.map((o) => o.file)]);
  try {
    for (const f of readdirSync(dir)) {
      if (f.startsWith(`${id}.`) && (f.endsWith('.diagnostics.json') || f.endsWith('.out') || f.endsWith('.report')) && !named.has(f)) rmSync(join(dir, f), { force: true });
    }
  } catch {
    // left for the next run to remove
  }
}
