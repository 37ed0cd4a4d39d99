// `rapport watch`: check once, then again on every change, one file re-read at a time.
//
// A change re-checks only what can depend on it (LiveChecks, as the editor does): at
// 10,000 notes, checking everything again after each save took ~0.1–0.2 s. Everything is
// checked again when what every check depends on changes: the settings, or the day.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { plural, systemClock, type Clock } from '../core/dates.js';
import { LiveChecks } from '../core/live-checks.js';
import { parseFile, type ParsedFile } from '../core/notes.js';
import { compareDiagnostics, type Diagnostic } from '../core/model.js';
import { countsOf, humanLine, summaryOf, type Counts } from './format.js';
import type { Io } from './io.js';
import { FolderWatcher } from '../node/folder-watcher.js';
import { scanFolder } from '../node/load-folder.js';
import type { FileStamp } from '../node/note-cache.js';
import { loadWorkspace, readNote, readSettings, rel, reportSkips, type Skipped } from './workspace.js';

/**
 * What changed since the lines last shown: "- " before each line gone, "+ " before each new
 * one (a diagnostic whose message changed is both), in the report's order. At 100,000 notes the
 * whole report is 7 MB: printed again after every save, it put the save's result 3 s later.
 */
function changes(gone: Diagnostic[], added: Diagnostic[]): string {
  if (!gone.length && !added.length) return '(no change)\n';
  const lines = (ds: Diagnostic[], mark: string) => ds.sort(compareDiagnostics).map((d) => `${mark} ${humanLine(d)}\n`).join('');
  return `${lines(gone, '-')}${lines(added, '+')}`;
}

/** How long after a burst's print the disk is compared with what was read (events still arriving push it back). */
const RECONCILE_AFTER_MS = 300;

export function watch(root: string, fixedClock: Clock, io: Io, clockFixed: boolean, options: { full?: boolean } = {}): Promise<number> {
  // The cache is written after the first report, not before it (at 100,000 notes, seconds).
  const ws = loadWorkspace(root, { save: false });
  /** Each file in the index with the size and mtime it was read at: what a reconcile compares the disk with. */
  const known = new Map<string, FileStamp>(ws.stamps);
  let clock = clockFixed ? fixedClock : systemClock();
  const live = new LiveChecks(ws.index, () => ({ clock, settings: ws.settings, fixes: false })); // it prints no fixes
  /** Notes touched since the last print, read when it runs: 100 ms after the last event, when a write has finished. */
  const touched = new Set<string>();
  /** A note as it is on disk now, or undefined when it is gone or cannot be read (said on stderr). */
  const read = (file: string): ParsedFile | undefined => {
    const abs = join(root, file);
    known.delete(file);
    if (!existsSync(abs)) return undefined;
    const r = readNote(abs);
    let reason = 'reason' in r ? r.reason : undefined;
    if (!('reason' in r)) {
      if (r.mtimeMs !== undefined && r.size !== undefined) known.set(file, { mtimeMs: r.mtimeMs, size: r.size });
      try {
        return parseFile(file, r.text);
      } catch (e) {
        reason = `could not be parsed (${(e as Error)?.message ?? String(e)})`;
      }
    }
    io.err(`rapport: skipped ${file}: ${reason}\n`);
    return undefined;
  };
  let checkedDay: number | undefined; // the day of the last full check; undefined: check everything
  /**
   * Each file's diagnostics as last shown, and their counts: what the next print compares with.
   * After a change only the files it re-checked are compared (at 100,000 notes, making and
   * comparing every line after each save cost most of a second).
   */
  let shown: Map<string, Diagnostic[]> | undefined;
  let counts: Counts = countsOf([]);
  /** Events since the last print came from more than one file or a folder: the watcher may have missed some. */
  let burst = false;
  let reconcileTimer: NodeJS.Timeout | undefined;
  const print = () => {
    const started = performance.now();
    clock = clockFixed ? fixedClock : systemClock();
    const changed = new Map<string, ParsedFile | undefined>();
    for (const file of touched) changed.set(file, read(file));
    if (touched.size > 1) burst = true;
    touched.clear();
    let what: string;
    /** The files whose diagnostics may differ from those shown. */
    let rechecked: Iterable<string>;
    // Many files at once (a checkout, a pull) are checked whole: re-checked one at a time they
    // cost ~3 ms each at 10,000 notes, where checking all of them again costs ~0.1 s.
    if (checkedDay !== clock.today || changed.size > Math.max(20, ws.index.size / 300)) {
      for (const [path, file] of changed) {
        if (file) ws.index.put(file);
        else ws.index.delete(path);
      }
      live.checkAll();
      checkedDay = clock.today;
      what = `${plural(ws.index.size, 'file')} checked`;
      rechecked = new Set([...(shown?.keys() ?? []), ...[...live.entries()].map(([p]) => p)]);
    } else {
      const paths = new Set<string>();
      for (const [path, file] of changed) for (const p of live.change(path, file)) paths.add(p);
      what = `${plural(paths.size, 'file')} re-checked`;
      rechecked = paths;
    }
    let body: string;
    if (!shown || options.full) {
      const ds = live.all();
      shown = new Map(live.entries());
      counts = countsOf(ds);
      body = ds.map((d) => `${humanLine(d)}\n`).join('');
    } else {
      const gone: Diagnostic[] = [];
      const added: Diagnostic[] = [];
      for (const p of rechecked) {
        const before = shown.get(p) ?? [];
        const after = live.diagnosticsOf(p);
        const was = before.map(humanLine);
        const is = after.map(humanLine);
        const stays = new Set(is);
        const stayed = new Set(was);
        for (let i = 0; i < before.length; i++) if (!stays.has(was[i])) gone.push(before[i]);
        for (let i = 0; i < after.length; i++) if (!stayed.has(is[i])) added.push(after[i]);
        countsOf(before, counts, -1);
        countsOf(after, counts);
        if (after.length) shown.set(p, after);
        else shown.delete(p);
      }
      body = changes(gone, added);
    }
    const ms = (performance.now() - started).toFixed(1);
    io.out(`\n── ${new Date().toLocaleTimeString()} · ${what} in ${ms} ms ──\n${body}${summaryOf(counts)}\n`);
    if (burst) {
      burst = false;
      clearTimeout(reconcileTimer);
      reconcileTimer = setTimeout(reconcile, RECONCILE_AFTER_MS);
    }
  };
  /**
   * After a burst (a checkout, a folder moved, a sync), file watchers drop events: the disk is
   * compared with what was read — every file's size and mtime, and files come and gone — and
   * whatever differs is read again, as the editor does after a burst.
   */
  const reconcile = () => {
    if (touched.size) {
      burst = true; // more is on its way: the next print reconciles after it, whatever it holds
      return;
    }
    const skipped: Skipped[] = [];
    const scan = scanFolder(root, skipped, { stat: true });
    const onDisk = new Set<string>();
    for (let i = 0; i < scan.files.length; i++) {
      const file = scan.files[i];
      if (Number.isNaN(scan.mtimes[i])) continue;
      onDisk.add(file);
      const was = known.get(file);
      if (!was || was.mtimeMs !== scan.mtimes[i] || was.size !== scan.sizes[i]) touched.add(file);
    }
    // Every file in the index was read and is known (a file that could not be read is neither).
    for (const file of known.keys()) if (!onDisk.has(file)) touched.add(file);
    if (touched.size) soon();
  };
  reportSkips(ws, io);
  print();
  // Once the first report is out (not behind them): the file watcher's scan, the cache for next
  // time, and who links where (built on the first change otherwise, ~20 ms at 10,000 notes).
  const afterFirst = io.flushed?.() ?? Promise.resolve();
  void afterFirst.then(() => {
    ws.saveCache();
    ws.index.prepareForChanges();
  });

  // What is due changes with the calendar too: when the day turns, everything is checked and printed again.
  const dayTimer = clockFixed ? undefined : setInterval(() => systemClock().today !== checkedDay && print(), 60_000);

  let timer: NodeJS.Timeout | undefined;
  function soon(): void {
    clearTimeout(timer);
    timer = setTimeout(print, 100);
  }
  const update = (abs: string) => {
    const file = rel(root, abs);
    if (file === '.vscode/settings.json') {
      const { settings, problems } = readSettings(root); // the defaults, once the file is gone
      ws.settings = settings;
      for (const p of problems) io.err(`rapport: ${p}\n`);
      checkedDay = undefined; // every check may read a setting
      return soon();
    }
    if (!file.toLowerCase().endsWith('.md')) return;
    touched.add(file);
    soon();
  };
  const remove = (abs: string) => {
    const file = rel(root, abs);
    if (file === '.vscode/settings.json') return update(abs);
    if (!ws.index.get(file) && !touched.has(file)) return; // not a note we hold
    touched.add(file);
    soon();
  };
  const removeDir = (abs: string) => {
    const prefix = `${rel(root, abs)}/`;
    for (const f of ws.index.allFiles()) if (f.path.startsWith(prefix)) touched.add(f.path);
    burst = true;
    soon();
  };
  const addDir = (abs: string) => {
    burst = true; // a folder moved in: its files' events may not all come
    // The settings' folder made with its file: the file's own event came before its folder was watched.
    if (rel(root, abs) === '.vscode') return update(join(abs, 'settings.json'));
    soon();
  };

  const watcher = afterFirst.then(() => {
    const w = new FolderWatcher(join(root), {
      file: (abs, exists) => (exists ? update(abs) : remove(abs)),
      folderCame: addDir,
      folderGone: removeDir,
      cannotWatch: (dir, why) => io.err(`rapport: cannot watch ${dir} (${why}): its changes are seen only after a change elsewhere\n`),
    });
    // Said once every folder is watched: from then on, a change is seen (tests wait for this line).
    io.err(`rapport: watching ${join(root)} — Ctrl-C to stop\n`);
    return w;
  });

  return new Promise((done) => {
    const stop = () => {
      clearTimeout(timer);
      clearTimeout(reconcileTimer);
      clearInterval(dayTimer);
      void watcher.then((w) => w.close()).then(() => done(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
