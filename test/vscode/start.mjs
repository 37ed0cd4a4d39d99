// `npm start`: try Rapport by hand, in a real VS Code.
//   npm start              a copy of the demo notes (examples/demo), read as of the
//                          day they were written for (2026-11-21), so that they
//                          show things due whatever the calendar says;
//   npm start -- FOLDER    your own folder (an empty one for a first run), as it
//                          is, read as of today.
//   - Builds rapport.vsix (`npm run package`), as a user would get it.
//   - With a desktop `code` on PATH: opens the folder there with the repo as a
//     development extension.
//   - Otherwise (as on our offline machines): installs the vsix into code-server
//     (provisioned from npm the first time: minutes, said as it goes) and serves
//     it on 127.0.0.1, printing the URL, until Ctrl-C.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { CODE_SERVER_VERSION, cacheDir, provision, repoRoot } from './provision.mjs';
import { freePortFrom, installVsix, makeProfile, startCodeServer } from './code-server.mjs';

const DEFAULT_PORT = 8413;
const DEMO_TODAY = '2026-11-21'; // the day the demo's notes are written for
const log = (line) => console.log(`[start] ${line}`);
const fail = (message) => { console.error(`[start] ${message}`); process.exit(1); };
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** The absolute path of `name` on PATH, if any. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try { accessSync(join(dir, name), constants.X_OK); return join(dir, name); } catch { /* not here */ }
  }
  return null;
}

const args = process.argv.slice(2);
if (args.length > 1 || args.some((a) => a.startsWith('-'))) fail('usage: npm start [-- FOLDER]   (no FOLDER: a copy of the demo notes)');
const own = args[0] ? resolve(process.env.INIT_CWD ?? process.cwd(), args[0]) : null;
if (own && (!existsSync(own) || !statSync(own).isDirectory())) fail(`${own} is not a folder`);

// The demo's date is pinned for the demo only: any other folder is read as of today,
// whatever RAPPORT_TODAY this shell may carry (undefined drops it from the environment).
const env = own ? { RAPPORT_TODAY: undefined } : { RAPPORT_TODAY: DEMO_TODAY };
const firstTime = !existsSync(join(cacheDir, `code-server-${CODE_SERVER_VERSION}`, '.provisioned'));
const serving = !onPath('code');
const steps = serving ? 4 : 2;
let n = 0;
const stepLog = (line) => log(`${line} (step ${++n}/${steps})`);

const t0 = Date.now();
stepLog('building rapport.vsix (npm run package)');
const built = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: 'inherit' });
if (built.status !== 0) fail(`\`npm run package\` failed (exit ${built.status}).`);
const vsix = join(repoRoot, 'rapport.vsix');
log(`built ${vsix} in ${seconds(t0)}`);

let folder = own;
if (!own) {
  folder = mkdtempSync(join(tmpdir(), 'rapport-demo-'));
  cpSync(join(repoRoot, 'examples', 'demo'), folder, { recursive: true });
  log(`demo copied to ${folder} (examples/demo itself is left alone); read as of ${DEMO_TODAY}, the day its notes are written for`);
  log('your own notes, read as of today: npm start -- FOLDER');
} else {
  log(`opening ${folder} as it is, read as of today`);
}

const code = onPath('code');
if (code) {
  stepLog(`opening it in ${code}`);
  const r = spawnSync(code, [`--extensionDevelopmentPath=${repoRoot}`, folder], {
    stdio: 'inherit', env: { ...process.env, ...env },
  });
  process.exit(r.status ?? 1);
}

log('no desktop `code` on PATH: serving VS Code in the browser (code-server) instead');
let paths, profile, server;
try {
  const t1 = Date.now();
  stepLog(firstTime
    ? 'getting VS Code for the browser: the first time only, Node 24 and code-server are installed from npm into .vscode-test/ (several minutes; it says how it is going every 15 s)'
    : 'VS Code for the browser: checking .vscode-test/');
  paths = await provision({ browser: false, heartbeatMs: 15_000 });
  if (firstTime) log(`VS Code for the browser installed in ${seconds(t1)}; next time this step is instant`);
  profile = makeProfile(paths.cacheDir, 'start');
  stepLog('installing rapport.vsix into a fresh profile');
  installVsix(paths, profile, vsix);
  log(`installed ${vsix} into ${profile.extensions}`);
  const port = await freePortFrom(DEFAULT_PORT);
  stepLog(`starting code-server on 127.0.0.1:${port}`);
  server = await startCodeServer(paths, profile, { port, folder, env, extensionTests: false });
} catch (err) {
  fail(err.message);
}
let stopping = false;
const stop = async (why) => {
  if (stopping) return;
  stopping = true;
  log(`${why}: stopping code-server`);
  await server.stop();
  rmSync(profile.root, { recursive: true, force: true });
  log(own ? 'stopped' : `stopped; the demo copy stays in ${folder}`);
  process.exit(0);
};
// SIGHUP too (the terminal closed): code-server runs in its own process group,
// so nothing else would stop it.
process.on('SIGINT', () => stop('Ctrl-C'));
for (const sig of ['SIGTERM', 'SIGHUP']) process.on(sig, () => stop(sig));
server.exit.then(({ code: c, signal }) => {
  if (!stopping) fail(`code-server stopped by itself (${signal ?? `exit ${c}`}); log: ${server.logFile}`);
});

console.log(`\n  Rapport in VS Code: ${server.url}/?folder=${encodeURIComponent(folder)}\n  (Ctrl-C to stop)\n`);
