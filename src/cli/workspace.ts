// Reads a folder of notes from disk into an index: the CLI's (and the
// benchmark's) way in. Every file is read on its own terms: one that cannot be
// read is skipped with a reason, and the rest of the folder still loads.

import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../core/dates.js';
import { readNote, type Skipped } from '../node/disk.js';
import { LiveChecks } from '../core/live-checks.js';
import { indexFiles, loadFolder, readParsed, scanFolder } from '../node/load-folder.js';
import { compareDiagnostics, type Diagnostic } from '../core/model.js';
import { failed, reportText, type ReportFormat } from './format.js';
import type { Io } from './io.js';
import { NoteCache, type FileStamp } from '../node/note-cache.js';
import { NoteIndex } from '../core/note-index.js';
import { DEFAULT_SETTINGS, settingsFromJsonc, type Settings } from '../core/settings.js';
import { loadChecks, saveChecks, sameKey, StampTable, type CheckKey } from './warm-start.js';

export { findMarkdown, readNote, rel, type Skipped } from '../node/disk.js';

export interface Workspace {
  root: string;
  index: NoteIndex;
  skipped: Skipped[];
  settings: Settings;
  settingsProblems: string[];
}

export function readSettings(root: string): { settings: Settings; problems: string[] } {
  const file = join(root, '.vscode', 'settings.json');
  if (!existsSync(file)) return { settings: { ...DEFAULT_SETTINGS, checks: {} }, problems: [] };
  // Read as a note is (never blocking on a FIFO, never a huge file), then parsed as JSONC.
  const r = readNote(file);
  if ('reason' in r) return { settings: { ...DEFAULT_SETTINGS, checks: {} }, problems: [`.vscode/settings.json ${r.reason}`] };
  return settingsFromJsonc(r.text);
}

/**
 * Read every note under `root` into an index, taking unchanged notes from the
 * persisted cache unless `cache` is false.
 */
export function loadWorkspace(root: string, options: { cache?: boolean } = {}): Workspace {
  const { index, skipped } = loadFolder(root, options);
  const { settings, problems } = readSettings(root);
  return { root, index, skipped, settings, settingsProblems: problems };
}

export interface CheckedWorkspace {
  diagnostics: Diagnostic[];
  skipped: Skipped[];
  settingsProblems: string[];
  /** How the result was reached: all from the cache, by re-checking what changed, or by checking everything. */
  how: 'unchanged' | 'incremental' | 'full';
  /** Milliseconds spent finding the files, reading them into the index, checking, and saving the cache. */
  timings: { scan: number; index: number; check: number; save: number };
  /** With `format`: the report to print and the exit code. */
  report?: { text: string; code: number };
}

/** The report a format prints, and the exit code that goes with it. `folder`: see githubLine. */
export function renderReport(diagnostics: Diagnostic[], format: ReportFormat, folder = ''): { text: string; code: number } {
  return { text: reportText(diagnostics, format, folder), code: failed(diagnostics) ? 1 : 0 };
}

export type { ReportFormat };

/**
 * Every diagnostic under `root`, doing as little as the cache allows: nothing
 * but a stat of each file when nothing changed since the last run (same day, same
 * settings), a re-check of what the changes reach when a few files changed, and
 * a full check (of notes parsed or taken from the cache) otherwise.
 */
export function checkWorkspace(
  root: string,
  clock: Clock,
  options: { cache?: boolean; format?: ReportFormat; folder?: string; beforeReading?: () => void } = {},
): CheckedWorkspace {
  // The stored report is reused only for the same format; GitHub's names files from the repository's root.
  const reportKey = options.format === 'github' ? `github ${options.folder ?? ''}` : options.format;
  const render = (ds: Diagnostic[]) => options.format && renderReport(ds, options.format, options.folder);
  const timings = { scan: 0, index: 0, check: 0, save: 0 };
  let t = performance.now();
  const lap = (phase: keyof typeof timings) => {
    const now = performance.now();
    timings[phase] += now - t;
    t = now;
  };
  const real = realpathSync(root);
  const state = options.cache === false ? undefined : loadChecks(real);
  const walkSkips: Skipped[] = [];
  // With the last run's walk, no folder is listed again unless one changed.
  const scanned = scanFolder(root, walkSkips, { stat: options.cache !== false, chdir: true, listing: state?.listing });
  const { settings, problems } = readSettings(root);
  const key: CheckKey = { today: clock.today, minutes: clock.minutes, settings: JSON.stringify(settings) };
  const context = () => ({ clock, settings });
  const sameDay = state !== undefined && sameKey(state.key, key);
  lap('scan');

  if (sameDay && state.stamps.matchesScan(scanned)) {
    // Nothing changed: the report printed last time, when it was in this format.
    const stored = state.report?.format === reportKey ? state.report : undefined;
    const all = () => [...state.diagnostics.values()].flat().sort(compareDiagnostics);
    return {
      get diagnostics() {
        return all();
      },
      report: stored ? { text: stored.text, code: stored.code } : render(all()),
      skipped: [...walkSkips, ...state.skipped],
      settingsProblems: problems,
      how: 'unchanged',
      timings,
    };
  }

  options.beforeReading?.(); // something changed: notes are read, parsed and checked from here on
  const notes = options.cache === false ? undefined : NoteCache.open(real);
  const stamps = notes ? scanned.toMap() : undefined; // without a cache nothing is compared
  const index = new NoteIndex();
  const live = new LiveChecks(index, context);
  const fileSkips: Skipped[] = [];

  // Incremental only from a consistent snapshot: the cached notes are exactly those the cached diagnostics were computed on.
  const skippedBefore = new Set(state?.skipped.map((s) => s.file));
  const snapshot = sameDay && notes && state.stamps.keys().every((p) => skippedBefore.has(p) || notes.get(p, state.stamps.get(p)!));
  let how: CheckedWorkspace['how'] = 'full';
  if (snapshot && notes && state && stamps) {
    how = 'incremental';
    for (const p of state.stamps.keys()) if (!skippedBefore.has(p)) index.put(notes.get(p, state.stamps.get(p)!)!.file);
    live.seed(state.diagnostics);
    lap('index');
    for (const s of state.skipped) if (sameStamp(state.stamps.get(s.file), stamps.get(s.file))) fileSkips.push(s);
    for (const [file, stamp] of stamps) {
      if (sameStamp(state.stamps.get(file), stamp)) continue;
      live.change(file, readParsed(file, stamp.abs, fileSkips, notes));
    }
    for (const file of state.stamps.keys()) if (!stamps.has(file) && index.get(file)) live.change(file, undefined);
    for (const file of state.stamps.keys()) if (!stamps.has(file)) notes.delete(file);
    lap('check');
  } else {
    indexFiles(scanned, index, fileSkips, notes);
    lap('index');
    live.checkAll();
    lap('check');
  }

  const diagnostics = live.all();
  const report = render(diagnostics);
  if (notes && stamps) {
    notes.save();
    saveChecks(real, {
      key,
      stamps: StampTable.of(stamps),
      skipped: fileSkips,
      diagnostics: new Map(live.entries()),
      report: report && { format: reportKey!, ...report },
      listing: scanned.listing(),
    });
    lap('save');
  }
  return { diagnostics, report, skipped: [...walkSkips, ...fileSkips], settingsProblems: problems, how, timings };
}

function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return a !== undefined && b !== undefined && a.mtimeMs === b.mtimeMs && a.size === b.size;
}

/** What could not be read, and what is wrong with the settings, go to stderr: stdout stays the report (and valid JSON). */
export function reportSkips(ws: Pick<Workspace, 'skipped' | 'settingsProblems'>, io: Io): void {
  for (const s of ws.skipped) io.err(`rapport: skipped ${s.file}: ${s.reason}\n`);
  for (const p of ws.settingsProblems) io.err(`rapport: ${p}\n`);
}
