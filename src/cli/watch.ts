// `rapport watch`: check once, then again on every change, one file re-read at a time.

import chokidar from 'chokidar';
import { join } from 'node:path';
import { checkAll } from '../core/checks/index.js';
import { systemClock, type Clock } from '../core/dates.js';
import { humanLine, summary } from './format.js';
import type { Io } from './main.js';
import { loadWorkspace, readNote, readSettings, rel } from './workspace.js';

const IGNORED = /(^|[/\\])(\.git|node_modules)([/\\]|$)/;

export function watch(root: string, fixedClock: Clock, io: Io, clockFixed: boolean): Promise<number> {
  const ws = loadWorkspace(root);
  const print = () => {
    const clock = clockFixed ? fixedClock : systemClock();
    const ds = checkAll(ws.index.allFiles(), { index: ws.index, clock, settings: ws.settings });
    io.out(`\n── ${new Date().toLocaleTimeString()} ──\n${ds.map((d) => `${humanLine(d)}\n`).join('')}${summary(ds)}\n`);
  };
  for (const s of ws.skipped) io.err(`rapport: skipped ${s.file}: ${s.reason}\n`);
  print();

  let timer: NodeJS.Timeout | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(print, 100);
  };
  const update = (abs: string) => {
    const file = rel(root, abs);
    if (file === '.vscode/settings.json') {
      ws.settings = readSettings(root).settings;
      return soon();
    }
    if (!file.toLowerCase().endsWith('.md')) return;
    const r = readNote(abs);
    let reason = 'reason' in r ? r.reason : undefined;
    if (!('reason' in r)) {
      try {
        ws.index.set(file, r.text);
      } catch (e) {
        reason = `could not be parsed (${(e as Error)?.message ?? String(e)})`;
      }
    }
    if (reason !== undefined) {
      ws.index.delete(file);
      io.err(`rapport: skipped ${file}: ${reason}\n`);
    }
    soon();
  };
  const remove = (abs: string) => {
    if (ws.index.delete(rel(root, abs))) soon();
  };
  const removeDir = (abs: string) => {
    const prefix = `${rel(root, abs)}/`;
    for (const f of [...ws.index.allFiles()]) if (f.path.startsWith(prefix)) ws.index.delete(f.path);
    soon();
  };

  const watcher = chokidar.watch(root, { ignored: (p: string) => IGNORED.test(p), ignoreInitial: true, followSymlinks: false });
  watcher.on('add', update).on('change', update).on('unlink', remove).on('unlinkDir', removeDir);
  watcher.on('error', (e) => io.err(`rapport: watch error: ${String(e)}\n`));
  io.err(`rapport: watching ${join(root)} — Ctrl-C to stop\n`);

  return new Promise((done) => {
    const stop = () => {
      clearTimeout(timer);
      void watcher.close().then(() => done(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
