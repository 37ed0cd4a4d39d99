// `rapport watch`: check once, then again on every change, one file re-read at a time.
//
// A change re-checks only what can depend on it (LiveChecks, as the editor does): at
// 10,000 notes, checking everything again after each save took ~0.1–0.2 s. Everything is
// checked again when what every check depends on changes: the settings, or the day.

import chokidar from 'chokidar';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { plural, systemClock, type Clock } from '../core/dates.js';
import { LiveChecks } from '../core/live-checks.js';
import { parseFile, type ParsedFile } from '../core/notes.js';
import { humanLine, summary } from './format.js';
import type { Io } from './io.js';
import { loadWorkspace, readNote, readSettings, rel, reportSkips } from './workspace.js';

const IGNORED = /(^|[/\\])(\.git|node_modules)([/\\]|$)/;

export function watch(root: string, fixedClock: Clock, io: Io, clockFixed: boolean): Promise<number> {
  const ws = loadWorkspace(root);
  let clock = clockFixed ? fixedClock : systemClock();
  const live = new LiveChecks(ws.index, () => ({ clock, settings: ws.settings }));
  /** Notes touched since the last print, read when it runs: 100 ms after the last event, when a write has finished. */
  const touched = new Set<string>();
  /** A note as it is on disk now, or undefined when it is gone or cannot be read (said on stderr). */
  const read = (file: string): ParsedFile | undefined => {
    const abs = join(root, file);
    if (!existsSync(abs)) return undefined;
    const r = readNote(abs);
    let reason = 'reason' in r ? r.reason : undefined;
    if (!('reason' in r)) {
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
  const print = () => {
    const started = performance.now();
    clock = clockFixed ? fixedClock : systemClock();
    const changed = new Map<string, ParsedFile | undefined>();
    for (const file of touched) changed.set(file, read(file));
    touched.clear();
    let what: string;
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
    } else {
      const rechecked = new Set<string>();
      for (const [path, file] of changed) for (const p of live.change(path, file)) rechecked.add(p);
      what = `${plural(rechecked.size, 'file')} re-checked`;
    }
    const ds = live.all();
    const ms = (performance.now() - started).toFixed(1);
    io.out(`\n── ${new Date().toLocaleTimeString()} · ${what} in ${ms} ms ──\n${ds.map((d) => `${humanLine(d)}\n`).join('')}${summary(ds)}\n`);
  };
  reportSkips(ws, io);
  print();
  // Who links where is built on the first change otherwise (~20 ms at 10,000 notes): do it now, while nothing is asked.
  setImmediate(() => ws.index.prepareForChanges());

  // What is due changes with the calendar too: when the day turns, everything is checked and printed again.
  const dayTimer = clockFixed ? undefined : setInterval(() => systemClock().today !== checkedDay && print(), 60_000);

  let timer: NodeJS.Timeout | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(print, 100);
  };
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
    soon();
  };

  const watcher = chokidar.watch(root, { ignored: (p: string) => IGNORED.test(p), ignoreInitial: true, followSymlinks: false });
  watcher.on('add', update).on('change', update).on('unlink', remove).on('unlinkDir', removeDir);
  watcher.on('error', (e) => io.err(`rapport: watch error: ${String(e)}\n`));
  // Said once the watcher has listed the folder: from then on, a change is seen (tests wait for this line).
  watcher.on('ready', () => io.err(`rapport: watching ${join(root)} — Ctrl-C to stop\n`));

  return new Promise((done) => {
    const stop = () => {
      clearTimeout(timer);
      clearInterval(dayTimer);
      void watcher.close().then(() => done(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
