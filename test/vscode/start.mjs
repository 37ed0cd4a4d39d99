// `npm start`: try Rapport by hand on the demo repo, in a real VS Code.
//   - Builds rapport.vsix (`npm run package`), as a user would get it.
//   - Copies examples/demo to a temp folder, so trying things never edits the demo.
//   - With a desktop `code` on PATH: opens the copy there with the repo as a
//     development extension.
//   - Otherwise (as on our offline machines): installs the vsix into code-server
//     and serves it on 127.0.0.1, printing the URL, until Ctrl-C.
// In both, RAPPORT_TODAY=2026-11-21 makes the demo's dates read as intended.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { provision, repoRoot } from './provision.mjs';
import { freePortFrom, installVsix, makeProfile, startCodeServer } from './code-server.mjs';

const DEFAULT_PORT = 8413;
const TODAY = '2026-11-21';
const log = (line) => console.log(`[start] ${line}`);
const fail = (message) => { console.error(`[start] ${message}`); process.exit(1); };

/** The absolute path of `name` on PATH, if any. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try { accessSync(join(dir, name), constants.X_OK); return join(dir, name); } catch { /* not here */ }
  }
  return null;
}

const t0 = Date.now();
const built = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: 'inherit' });
if (built.status !== 0) fail(`\`npm run package\` failed (exit ${built.status}).`);
const vsix = join(repoRoot, 'rapport.vsix');
log(`built ${vsix} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const demo = mkdtempSync(join(tmpdir(), 'rapport-demo-'));
cpSync(join(repoRoot, 'examples', 'demo'), demo, { recursive: true });
log(`demo copied to ${demo} (examples/demo itself is left alone)`);

const code = onPath('code');
if (code) {
  log(`opening it in ${code}`);
  const r = spawnSync(code, [`--extensionDevelopmentPath=${repoRoot}`, demo], {
    stdio: 'inherit', env: { ...process.env, RAPPORT_TODAY: TODAY },
  });
  process.exit(r.status ?? 1);
}

log('no desktop `code` on PATH: serving VS Code in the browser (code-server) instead');
let paths, profile, server;
try {
  paths = await provision({ browser: false });
  profile = makeProfile(paths.cacheDir, 'start');
  installVsix(paths, profile, vsix);
  log(`installed ${vsix} into ${profile.extensions}`);
  const port = await freePortFrom(DEFAULT_PORT);
  server = await startCodeServer(paths, profile, { port, folder: demo, env: { RAPPORT_TODAY: TODAY }, extensionTests: false });
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
  log(`stopped; the demo copy stays in ${demo}`);
  process.exit(0);
};
// SIGHUP too (the terminal closed): code-server runs in its own process group,
// so nothing else would stop it.
process.on('SIGINT', () => stop('Ctrl-C'));
for (const sig of ['SIGTERM', 'SIGHUP']) process.on(sig, () => stop(sig));
server.exit.then(({ code: c, signal }) => {
  if (!stopping) fail(`code-server stopped by itself (${signal ?? `exit ${c}`}); log: ${server.logFile}`);
});

console.log(`\n  Rapport in VS Code: ${server.url}/?folder=${encodeURIComponent(demo)}\n  (Ctrl-C to stop)\n`);
