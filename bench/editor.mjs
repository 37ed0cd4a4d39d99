// The editor's first second, for the bench's table: `npm run test:perf` opens the
// 10,000-note corpus in a real VS Code (code-server) three times: without, then with the
// cache of parsed notes and the snapshot the first session stored, then the next day (when
// only the snapshot it stored for that day holds), and prints activation → Follow-ups
// filled for each (test/perf/ten-thousand.test.ts); then once more with the web build in
// the web worker host, every note through workspace.fs (test/perf/web-ten-thousand.test.ts).
// This runs both and reads those lines. The desktop sessions run as many times as the
// bench's --runs and the figures are the medians: one VS Code start varies by ±0.6 s on
// this machine (the workbench's renderer shares the two cores), more than the targets'
// margins. The web build, seconds over anything it is held to, runs once.
// Needs the bundles (`npm run bundle`) and code-server provisioned (`npm run provision`):
// without them the figure is left out with the reason, never fetched from here.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FILLED = /Follow-ups filled (\d+) ms after activation, (with|without) the stored cache: (\d+) notes read, (\d+) from the cache/g;
const NEXT_DAY_FILLED = /Follow-ups filled (\d+) ms after activation the next day/;
const WEB_FILLED = /web build: Follow-ups filled (\d+) ms after activation: (\d+) notes read through workspace\.fs/;

/** Whether the perf suite can run here, or why not. */
export function editorReady(repo) {
  if (!existsSync(join(repo, 'dist', 'perf', 'suite.cjs')) || !existsSync(join(repo, 'dist', 'web-perf', 'index.cjs'))) return 'the perf suites are not bundled (npm run bundle)';
  const provisioned = existsSync(join(repo, '.vscode-test')) && readdirSync(join(repo, '.vscode-test')).some((d) => d.startsWith('code-server-'));
  return provisioned ? true : 'code-server is not provisioned (npm run provision)';
}

/**
 * Runs the desktop perf suite `runs` times and the web one once: the medians { withoutMs, withMs, nextDayMs },
 * each run's figures { without, with, nextDay }, and webMs (and a suite's output when one fails).
 */
export async function benchEditor(repo, { log = () => {}, runs = 1 } = {}) {
  const without = [];
  const withCache = [];
  const nextDay = [];
  for (let i = 0; i < runs; i++) {
    const desktop = await perfRun(repo, []);
    const run = {};
    for (const m of desktop.matchAll(FILLED)) run[m[2] === 'with' ? 'withMs' : 'withoutMs'] = Number(m[1]);
    run.nextDayMs = Number(desktop.match(NEXT_DAY_FILLED)?.[1]);
    if (run.withMs === undefined || run.withoutMs === undefined || Number.isNaN(run.nextDayMs)) throw new Error(`npm run test:perf printed no figure:\n${desktop.split('\n').slice(-30).join('\n')}`);
    without.push(run.withoutMs);
    withCache.push(run.withMs);
    nextDay.push(run.nextDayMs);
    log(`  10000 notes, editor, run ${i + 1} of ${runs}: Follow-ups filled ${run.withoutMs} ms after activation without the stored cache, ${run.withMs} ms with it, ${run.nextDayMs} ms the next day`);
  }
  const web = (await perfRun(repo, ['--web'])).match(WEB_FILLED);
  if (!web) throw new Error('npm run test:perf --web printed no figure');
  const figures = { withoutMs: median(without), withMs: median(withCache), nextDayMs: median(nextDay), without, with: withCache, nextDay, webMs: Number(web[1]) };
  log(`  10000 notes, editor: Follow-ups filled ${figures.withoutMs} ms (median) without the stored cache, ${figures.withMs} ms with it, ${figures.nextDayMs} ms the next day; the web build ${figures.webMs} ms`);
  return figures;
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2);
}

/** One run of test/vscode/run-tests.mjs --perf: its output. */
function perfRun(repo, extra) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repo, 'test', 'vscode', 'run-tests.mjs'), '--perf', ...extra], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => { out += b; });
    child.stderr.on('data', (b) => { out += b; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`run-tests.mjs --perf ${extra.join(' ')} failed (exit ${code}):\n${out.split('\n').slice(-30).join('\n')}`));
    });
  });
}
