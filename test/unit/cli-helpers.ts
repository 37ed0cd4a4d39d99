// Shared by the CLI's tests: a folder of notes on disk, `main` run in-process,
// and the built `rapport` command run as a child process.

import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const BIN = join(dirname(fileURLToPath(import.meta.url)), '../../../bin/rapport.js');

// Keep the tests' caches out of the user's cache folder (children inherit it).
process.env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), 'rapport-test-cache-'));

/** A folder of notes on disk. */
export function repo(files: Record<string, string | Buffer>, prefix = 'rapport-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  return dir;
}

/** `rapport ARGV` in this process. */
export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** `rapport ARGV` as the built command, in a child process. */
export function rapport(argv: string[], options: SpawnSyncOptions = {}, bin = BIN): { code: number | null; out: string; err: string; ms: number; signal: NodeJS.Signals | null } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', timeout: 30_000, maxBuffer: 256 * 1024 * 1024, ...options });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error; // a timeout shows as the signal
  return { code: r.status, out: String(r.stdout), err: String(r.stderr), ms: Date.now() - started, signal: r.signal };
}

/**
 * The built command copied where any user can run it: a checkout may sit in a
 * folder only its owner can enter (mktemp -d makes those), and the tests that
 * run rapport as another user must not depend on where the checkout is. The
 * bundle needs nothing but Node's own modules.
 */
export function binForAnyUser(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bin-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist'));
  copyFileSync(BIN, join(dir, 'bin', 'rapport.mjs')); // .mjs: no package.json here says "type": "module"
  copyFileSync(join(dirname(BIN), '..', 'dist', 'cli.cjs'), join(dir, 'dist', 'cli.cjs'));
  for (const d of [dir, join(dir, 'bin'), join(dir, 'dist')]) chmodSync(d, 0o755);
  return join(dir, 'bin', 'rapport.mjs');
}
