// Shared by the CLI's tests: a folder of notes on disk, `main` run in-process,
// and the built `rapport` command run as a child process.

import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { childrenCpuMs } from './bounded.js';

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

/**
 * `rapport ARGV` as the built command, in a child process. `ms` is how long it
 * took: the lesser of wall time and the child's CPU time, so that a busy machine
 * does not make it look slow (see bounded.ts). A hang is cut after a minute and
 * shows as the signal.
 */
export function rapport(argv: string[], options: SpawnSyncOptions = {}, bin = BIN): { code: number | null; out: string; err: string; ms: number; signal: NodeJS.Signals | null } {
  const started = Date.now();
  const cpu = childrenCpuMs();
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024, ...options });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error; // a timeout shows as the signal
  const wall = Date.now() - started;
  const used = cpu === undefined ? undefined : childrenCpuMs()! - cpu;
  return { code: r.status, out: String(r.stdout), err: String(r.stderr), ms: Math.min(wall, used ?? wall), signal: r.signal };
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

/** How long a watch test waits for one expected output before calling it a hang: generous, since a busy CI machine is slow. */
export const WATCH_WAIT_MS = 60_000;

/**
 * `rapport watch DIR --today TODAY` as the built command, with what it printed
 * so far; `waitFor` resolves as soon as the output after `from` matches (on the
 * output's own events, no polling), and fails when the command exits first or
 * after WATCH_WAIT_MS. `ready()` waits for the line saying the watcher is
 * watching, after which every change is seen.
 */
export function watching(dir: string, today: string, ...extra: string[]) {
  const child = spawn(process.execPath, [BIN, 'watch', dir, '--today', today, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  const io = { out: '', err: '' };
  child.stdout.on('data', (b) => (io.out += b));
  child.stderr.on('data', (b) => (io.err += b));
  const waitFor = (re: RegExp, { from = 0, stream = 'out' }: { from?: number; stream?: 'out' | 'err' | 'both' } = {}) =>
    new Promise<string>((resolve, reject) => {
      const text = () => (stream === 'both' ? io.out + io.err : io[stream]).slice(from);
      const done = (err?: Error) => {
        clearTimeout(timer);
        child.stdout.off('data', seen);
        child.stderr.off('data', seen);
        child.off('exit', exited);
        if (err) reject(err);
        else resolve(text());
      };
      const failure = (why: string) => new Error(`${why} waiting for ${re} in ${stream === 'both' ? 'stdout and stderr' : `std${stream}`}\nstdout: ${io.out}\nstderr: ${io.err}`);
      const seen = () => re.test(text()) && done();
      const exited = (code: number | null) => done(failure(`rapport watch exited (${code})`));
      const timer = setTimeout(() => done(failure(`no match after ${WATCH_WAIT_MS / 1000} s`)), WATCH_WAIT_MS);
      child.stdout.on('data', seen);
      child.stderr.on('data', seen);
      child.on('exit', exited);
      seen();
    });
  const ready = () => waitFor(/^rapport: watching .* Ctrl-C to stop$/m, { stream: 'err' });
  /** Ctrl-C, and the exit code. */
  const stop = () => {
    const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGINT');
    return exit;
  };
  return { child, io, waitFor, ready, stop };
}
