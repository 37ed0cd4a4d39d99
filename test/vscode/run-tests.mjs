// `npm run test:vscode`: runs the integration suite (dist/test/index.cjs) inside
// a real VS Code: code-server on 127.0.0.1, its workbench opened in Debian's
// Chromium. Works offline, unlike @vscode/test-electron (see run-electron.mjs).
//
// The extension is loaded from the repo as a development extension, and the
// suite as extension tests, through the workbench's `payload` URL parameter
// (code-server refuses --extensionDevelopmentPath on its command line). The
// workbench hands the suite's result to `codeAutomationExit`, which becomes our
// exit code. Mocha's output arrives through `codeAutomationLog` and is printed
// here. Fails too when any request leaves 127.0.0.1.
//
// Two clocks, so that a failure says which one ran out: provisioning (Node 24 and
// code-server, minutes of compiling the first time; `npm test` runs it as a step
// of its own before any suite) has its own limit in provision.mjs, and the suite's
// SUITE_TIMEOUT_MS starts only once everything is in place.

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { copyFixture, provision, repoRoot } from './provision.mjs';
import { freePort, launchBrowser, makeProfile, startCodeServer, tail } from './code-server.mjs';

/**
 * A workspace file (in a temp folder) opening the generated corpus itself: it is
 * not copied, as the perf suite only edits unsaved documents and autosave is off.
 */
async function corpusWorkspace(n) {
  const { ensureCorpus } = await import('../../bench/generate.mjs');
  const { dir: folder } = ensureCorpus(n, { log });
  const root = mkdtempSync(join(tmpdir(), 'rapport-perf-'));
  const file = join(root, 'rapport.code-workspace');
  writeFileSync(file, `${JSON.stringify({ folders: [{ path: folder }] }, null, 2)}\n`);
  return { root, folder, file };
}

/** From starting code-server to the suite's result. A hang guard: the suite takes 1-3 min, more on a busy machine. */
const SUITE_TIMEOUT_MS = 10 * 60_000;
const TODAY = '2026-11-21'; // the extension reads RAPPORT_TODAY as "today" in tests
// `--perf`: the performance suite (dist/perf), on the generated 10,000-note repo (bench/corpus/10000).
const perf = process.argv.includes('--perf');
const suiteDir = perf ? 'perf' : 'test';
const suiteEntry = join(repoRoot, 'dist', suiteDir, 'index.cjs');

const t0 = Date.now();
const seconds = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const log = (line) => console.log(line);

const bundled = ['dist/extension.cjs', `dist/${suiteDir}/index.cjs`, `dist/${suiteDir}/suite.cjs`];
const missing = bundled.filter((f) => !existsSync(join(repoRoot, f)));
if (missing.length) {
  console.error(`[test:vscode] ${missing.join(', ')} missing: run \`npm run bundle\` first.`);
  process.exit(1);
}

// Everything to undo, whatever way the run ends.
let server, browser, workspace, profile;
async function cleanup(keepProfile) {
  await browser?.close();
  await server?.stop();
  if (workspace) rmSync(workspace.root, { recursive: true, force: true });
  if (profile && !keepProfile) rmSync(profile.root, { recursive: true, force: true });
}
let finishing = false;
// `infra`: the run broke rather than a test failing, so show code-server's log
// and keep the profile folder (logs, settings) to look at.
async function finish(code, message, { infra = code !== 0 } = {}) {
  // The first reason to stop wins; later ones (e.g. code-server exiting because
  // cleanup stopped it) must not cut the cleanup short.
  if (finishing) return new Promise(() => {});
  finishing = true;
  if (message) console.error(`[test:vscode] ${message}`);
  if (infra && server) console.error(`[test:vscode] code-server's log (kept in ${profile.root}) ends with:\n${tail(server.logFile)}`);
  await cleanup(infra);
  log(`[test:vscode] ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds()}`);
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish(130, `stopped by ${sig}`, { infra: false }));

// With extension tests running, the workbench sends the extension host's console
// output (mocha's spec reporter) to `codeAutomationLog(type, args)`, unformatted:
// e.g. ('info', ['  %d passing (%s)', 1, '30ms']). Node's util.format gives the
// line mocha meant. The same channel carries the workbench's own log; its
// startup chatter is dropped so that mocha's lines stand out (anything else
// still shows, so nothing is hidden by accident).
const WORKBENCH_CHATTER = [
  /^Resolv(ing|ed) connection token/, /^Creating a socket/, /^\[reconnection-grace-time\]/,
  /^Ignoring fetching additional builtin extensions/, /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/, /^\[AgentHost/, /^\[AccountPolicyGate\]/,
  /^No search provider registered for scheme/, /^Canceled: Canceled/, // shutdown of an auth query
];

try {
  let paths;
  try {
    paths = await provision({ log });
  } catch (err) {
    await finish(1, `${err.message}\n(the suite did not start: provisioning failed${err.code === 'PROVISION_TIMEOUT' ? ', on its own time limit' : ''})`);
  }
  workspace = perf ? await corpusWorkspace(10_000) : copyFixture();
  // The suite's clock starts here: what came before (provisioning, the corpus) is not the suite's time.
  const before = seconds();
  setTimeout(() => finish(1, `the suite timed out: no result ${SUITE_TIMEOUT_MS / 60_000} min after it started `
    + `(code-server, the workbench and the tests; the ${before} of provisioning and preparing before it are not counted)`), SUITE_TIMEOUT_MS).unref();
  log(`[test:vscode] everything in place after ${seconds()}: the suite has ${SUITE_TIMEOUT_MS / 60_000} min from now`);
  profile = makeProfile(paths.cacheDir, 'test');
  server = await startCodeServer(paths, profile, { port: await freePort(), env: { RAPPORT_TODAY: TODAY }, log });
  server.exit.then(({ code, signal }) => finish(1, `code-server stopped during the run (${signal ?? `exit ${code}`})`));

  browser = await launchBrowser(paths, profile, { log });
  const { page } = browser;
  let result, exited = false;
  const done = new Promise((resolve) => { result = resolve; });
  await page.exposeFunction('codeAutomationExit', (code) => { exited = true; result(Number(code)); });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // After the result, only the workbench's shutdown noise ("Canceled") follows.
    if (exited || !Array.isArray(args)) return;
    const line = format(...args);
    if (WORKBENCH_CHATTER.some((re) => re.test(line))) return;
    if (type === 'error' || type === 'warn') console.error(line);
    else console.log(line);
  });
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  page.on('crash', () => finish(1, 'the browser page crashed'));

  // `remote` is code-server's authority for files on the server's disk.
  const remote = (p) => `vscode-remote://remote${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(suiteEntry)],
    ['skipWelcome', 'true'],
  ];
  const url = `${server.url}/?workspace=${encodeURIComponent(workspace.file)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`[test:vscode] workspace: ${workspace.file}; opening the workbench (${seconds()} so far)`);
  await page.goto(url, { timeout: 120_000 });

  const code = await done;
  if (browser.offHostRequests.length) {
    await finish(1, `${browser.offHostRequests.length} request(s) left 127.0.0.1:\n  ${browser.offHostRequests.join('\n  ')}`);
  }
  await finish(code, code === 0 ? undefined : `the suite reported failure (codeAutomationExit(${code}))`, { infra: false });
} catch (err) {
  await finish(1, err.stack ?? String(err));
}
