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
import { failed, reportParts, reportText, type ReportFormat } from './format.js';
import type { Io } from './io.js';
import { NoteCache, type FileStamp } from '../node/note-cache.js';
import { NoteIndex } from '../core/note-index.js';
import { noteScope } from '../core/scope.js';
import { DEFAULT_SETTINGS, settingsFromJsonc, type Settings } from '../core/settings.js';
import { loadChecks, saveChecks, storedOutput } from './warm-start.js';
import { StampTable } from '../node/stamp-table.js';
import { checkKey, keyWithWindow, sameKey } from '../core/check-key.js';

export { findMarkdown, readNote, rel, type Skipped } from '../node/disk.js';

export interface Workspace {
  root: string;
  index: NoteIndex;
  /** Each file read, with its size and mtime then (watch compares the disk with them after a burst). */
  stamps: Map<string, FileStamp>;
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
export function loadWorkspace(root: string, options: { cache?: boolean; save?: boolean } = {}): Workspace & { saveCache(): void } {
  const { settings, problems } = readSettings(root);
  const { index, skipped, stamps, save } = loadFolder(root, { ...options, index: new NoteIndex(noteScope(settings)) });
  return { root, index, stamps, skipped, settings, settingsProblems: problems, saveCache: save };
}

/**
 * An output as made: its text part by part (a check's report at 100,000 notes is 17 MB,
 * printed and stored without being made whole), the whole text when asked for, and the
 * exit code that goes with it.
 */
export interface Rendered {
  code: number;
  parts(): Iterable<string>;
  readonly text: string;
}

/** An output whose text is made whole anyway (the report, the calendar, one read back from the cache). */
export function rendered(text: string, code: number): Rendered {
  return { code, parts: () => [text], text };
}

/** What a run prints from the notes: a check's report in one format, the report, the calendar. */
export interface Output {
  /**
   * Names it among the outputs stored for the folder: the command and every option it
   * depends on besides the notes, the day and the settings (which the stored state keys).
   */
  key: string;
  /** Whether it reads the check's diagnostics. Without a cache, a run that needs none does not check. */
  checks: boolean;
  make(notes: { index: NoteIndex; settings: Settings; diagnostics: Diagnostic[] }): Rendered;
}

/** `rapport check`'s output in `format`. `folder`: see githubLine. */
export function checkOutput(format: ReportFormat, folder = ''): Output {
  // GitHub's names files from the repository's root: the same check elsewhere prints other lines.
  return { key: `check ${format === 'github' ? `github ${folder}` : format}`, checks: true, make: ({ diagnostics }) => renderReport(diagnostics, format, folder) };
}

export interface CheckedWorkspace {
  diagnostics: Diagnostic[];
  skipped: Skipped[];
  settingsProblems: string[];
  /** How the result was reached: all from the cache, by re-checking what changed, or by checking everything. */
  how: 'unchanged' | 'incremental' | 'full';
  /** Milliseconds spent finding the files, reading them into the index, checking, making the output, and saving the cache. */
  timings: { scan: number; index: number; check: number; output: number; save: number };
  /** With an output: what to print, and the exit code. */
  report?: Rendered;
  /** With `saveLater`: writes the caches for the next run (call it once the output is printed). */
  save?: () => void;
}

/** The report a format prints, and the exit code that goes with it. `folder`: see githubLine. */
export function renderReport(diagnostics: Diagnostic[], format: ReportFormat, folder = ''): Rendered {
  return {
    code: failed(diagnostics) ? 1 : 0,
    parts: () => reportParts(diagnostics, format, folder),
    get text() {
      return reportText(diagnostics, format, folder);
    },
  };
}

export type { ReportFormat };

/**
 * Every diagnostic under `root`, and the output asked for, doing as little as the cache
 * allows: nothing but a stat of each file when nothing changed since the last run (same
 * day, same settings, no meeting begun since) and this output was stored then; a re-check
 * of what the changes reach when a few files changed (or none, for an output not stored);
 * and a full check (of notes parsed or taken from the cache) otherwise.
 */
export function checkWorkspace(
  root: string,
  clock: Clock,
  options: { cache?: boolean; output?: Output; beforeReading?: () => void; saveLater?: boolean; collect?: () => void } = {},
): CheckedWorkspace {
  const { output } = options;
  const timings = { scan: 0, index: 0, check: 0, output: 0, save: 0 };
  let t = performance.now();
  const lap = (phase: keyof typeof timings) => {
    const now = performance.now();
    timings[phase] += now - t;
    t = now;
  };
  const real = realpathSync(root);
  const cache = options.cache !== false;
  const state = cache ? loadChecks(real) : undefined;
  // Nothing stored at all (a first run): each file's size and mtime come from reading it,
  // without a stat pass of their own (~80 ms at 10,000 notes). Otherwise they are compared
  // with what is stored before anything is read.
  const firstNotes = cache && !state ? NoteCache.open(real) : undefined;
  const statPass = cache && !firstNotes?.empty;
  const walkSkips: Skipped[] = [];
  // With the last run's walk, no folder is listed again unless one changed.
  const scanned = scanFolder(root, walkSkips, { stat: statPass, chdir: true, listing: state?.listing });
  const { settings, problems } = readSettings(root);
  const key = checkKey(clock, settings);
  const context = () => ({ clock, settings, fixes: false }); // the CLI prints no fixes
  const sameDay = state !== undefined && sameKey(state.key, key);
  const unchanged = sameDay && state.stamps.matchesScan(scanned);
  lap('scan');

  if (unchanged) {
    // Nothing changed: what was printed last time, when this output was stored.
    const stored = output && storedOutput(real, state, output.key);
    if (stored || !output) {
      return {
        get diagnostics() {
          return [...state.diagnostics.values()].flat().sort(compareDiagnostics);
        },
        report: stored && rendered(stored.text, stored.code),
        skipped: [...walkSkips, ...state.skipped],
        settingsProblems: problems,
        how: 'unchanged',
        timings,
      };
    }
  }

  options.beforeReading?.(); // notes are read (or taken from the cache), parsed and checked from here on
  const notes = firstNotes ?? (cache ? NoteCache.open(real) : undefined);
  let stamps = notes && statPass ? scanned.toMap() : undefined; // without a cache nothing is compared
  const index = new NoteIndex(noteScope(settings));
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
    if (notes && !statPass) {
      scanned.stampFromReads(notes);
      stamps = scanned.toMap();
    }
    lap('index');
    // Without a cache nothing is stored: an output that reads no diagnostics needs no check.
    if (notes || !output || output.checks) live.checkAll();
    lap('check');
  }

  const diagnostics = live.all();
  const report = output?.make({ index, settings, diagnostics });
  lap('output');
  // What the checks' cache needs beyond the notes, let go of before the notes are written:
  // writing them makes much garbage, and at 100,000 notes the index and the diagnostics
  // (~100 MB) then make room for it rather than add to the peak.
  let held: { index: NoteIndex; live: LiveChecks; report: typeof report } | undefined = { index, live, report };
  const save = () => {
    if (!notes || !stamps || !held) return;
    t = performance.now();
    // The outputs kept: this one, and, when no note changed, the others stored from the same notes.
    const kept = unchanged ? state.outputs.filter((o) => o.key !== output?.key) : [];
    saveChecks(real, {
      key: keyWithWindow(key, held.index),
      stamps: StampTable.of(stamps),
      skipped: fileSkips,
      diagnostics: new Map(held.live.entries()),
      outputs: [...(held.report && output ? [{ key: output.key, code: held.report.code, parts: held.report.parts }] : []), ...kept],
      listing: scanned.listing(),
    });
    held = undefined;
    // What was let go of (the index, the diagnostics, the output: ~100 MB at 100,000 notes) is
    // collected before the note cache is written, so that the garbage writing makes takes its
    // room: at 100,000 notes ~20 MB off the first run's peak, for ~0.35 s once the output is out.
    if (stamps.size >= COLLECT_BEFORE_SAVE_AT) options.collect?.();
    notes.save();
    lap('save');
  };
  const checked: CheckedWorkspace = { diagnostics, report, skipped: [...walkSkips, ...fileSkips], settingsProblems: problems, how, timings };
  // The caller prints first: the output is the check's, whatever writing the caches (~20% of a first run) costs after.
  if (options.saveLater) return { ...checked, save };
  save();
  return checked;
}

/** The fewest notes for which a first run collects garbage before writing the note cache (at 10,000 it would be ~40 ms for nothing: 166 MiB). */
const COLLECT_BEFORE_SAVE_AT = 50_000;

function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return a !== undefined && b !== undefined && a.mtimeMs === b.mtimeMs && a.size === b.size;
}

/** What could not be read, and what is wrong with the settings, go to stderr: stdout stays the report (and valid JSON). */
export function reportSkips(ws: Pick<Workspace, 'skipped' | 'settingsProblems'>, io: Io): void {
  for (const s of ws.skipped) io.err(`rapport: skipped ${s.file}: ${s.reason}\n`);
  for (const p of ws.settingsProblems) io.err(`rapport: ${p}\n`);
}
