// The editor's first second, for the bench's table: `npm run test:perf` opens the
// 10,000-note corpus in a real VS Code (code-server) twice, without and then with the
// cache of parsed notes the first session stored, and prints activation → Follow-ups
// filled for each (test/perf/ten-thousand.test.ts); then once more with the web build in
// the web worker host, every note through workspace.fs (test/perf/web-ten-thousand.test.ts).
// This runs both and reads those lines.
// Needs the bundles (`npm run bundle`) and code-server provisioned (`npm run provision`):
// without them the figure is left out with the reason, never fetched from here.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FILLED = /Follow-ups filled (\d+) ms after activation, (with|without) the stored cache: (\d+) notes read, (\d+) from the cache/g;
const WEB_FILLED = /web build: Follow-ups filled (\d+) ms after activation: (\d+) notes read through workspace\.fs/;

/** Whether the perf suite can run here, or why not. */
export function editorReady(repo) {
  if (!existsSync(join(repo, 'dist', 'perf', 'suite.cjs')) || !existsSync(join(repo, 'dist', 'web-perf', 'index.cjs'))) return 'the perf suites are not bundled (npm run bundle)';
  const provisioned = existsSync(join(repo, '.vscode-test')) && readdirSync(join(repo, '.vscode-test')).some((d) => d.startsWith('code-server-'));
  return provisioned ? true : 'code-server is not provisioned (npm run provision)';
}

/** Runs the perf suites once: { withoutMs, withMs, webMs } (and a suite's output when it fails). */
export async function benchEditor(repo, { log = () => {} } = {}) {
  const desktop = await perfRun(repo, []);
  const figures = {};
  for (const m of desktop.matchAll(FILLED)) figures[m[2] === 'with' ? 'withMs' : 'withoutMs'] = Number(m[1]);
  const web = (await perfRun(repo, ['--web'])).match(WEB_FILLED);
  if (figures.withMs === undefined || figures.withoutMs === undefined || !web) throw new Error(`npm run test:perf printed no figure:\n${desktop.split('\n').slice(-30).join('\n')}`);
  figures.webMs = Number(web[1]);
  log(`  10000 notes, editor: Follow-ups filled ${figures.withoutMs} ms after activation without the stored cache, ${figures.withMs} ms with it; the web build ${figures.webMs} ms`);
  return figures;
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
