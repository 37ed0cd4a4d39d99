// The editor's first second, for the bench's table: `npm run test:perf` opens the
// 10,000-note corpus in a real VS Code (code-server) twice, without and then with the
// cache of parsed notes the first session stored, and prints activation → Follow-ups
// filled for each (test/perf/ten-thousand.test.ts). This runs it and reads those lines.
// Needs the bundles (`npm run bundle`) and code-server provisioned (`npm run provision`):
// without them the figure is left out with the reason, never fetched from here.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FILLED = /Follow-ups filled (\d+) ms after activation, (with|without) the stored cache: (\d+) notes read, (\d+) from the cache/g;

/** Whether the perf suite can run here, or why not. */
export function editorReady(repo) {
  if (!existsSync(join(repo, 'dist', 'perf', 'suite.cjs'))) return 'the perf suite is not bundled (npm run bundle)';
  const provisioned = existsSync(join(repo, '.vscode-test')) && readdirSync(join(repo, '.vscode-test')).some((d) => d.startsWith('code-server-'));
  return provisioned ? true : 'code-server is not provisioned (npm run provision)';
}

/** Runs the perf suite once: { withoutMs, withMs } (and the suite's output when it fails). */
export function benchEditor(repo, { log = () => {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repo, 'test', 'vscode', 'run-tests.mjs'), '--perf'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => { out += b; });
    child.stderr.on('data', (b) => { out += b; });
    child.on('error', reject);
    child.on('close', (code) => {
      const figures = {};
      for (const m of out.matchAll(FILLED)) figures[m[2] === 'with' ? 'withMs' : 'withoutMs'] = Number(m[1]);
      if (code !== 0 || figures.withMs === undefined || figures.withoutMs === undefined) {
        reject(new Error(`npm run test:perf ${code === 0 ? 'printed no figure' : `failed (exit ${code})`}:\n${out.split('\n').slice(-30).join('\n')}`));
        return;
      }
      log(`  10000 notes, editor: Follow-ups filled ${figures.withoutMs} ms after activation without the stored cache, ${figures.withMs} ms with it`);
      resolve(figures);
    });
  });
}
