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
// `--web` runs the same suite with Rapport in the web worker extension host, the
// host vscode.dev and github.dev give a web extension (its `browser` bundle, no
// Node); code-server runs that host in a same-origin iframe of its workbench,
// offline. What puts Rapport and its tests there (shared notes, "Web extensions"):
// `remote.extensionKind` in the profile's settings (a development extension with
// both `main` and `browser` otherwise runs in the Node host), and payload URIs with
// the page's own authority (127.0.0.1:PORT), not code-server's `remote`: the
// workbench gives the tests to the host of the extension whose folder holds them,
// so the test bundle sits in the repo (dist/web-test/index.cjs) as one
// self-contained file (mocha's browser build included) in which only `vscode` is
// required. test/integration/host.test.ts fails if it finds Node there. (VS Code's
// Markdown extension stays in the Node host: code-server ships no browser build of
// it, so test/integration/preview.test.ts renders with markdown-it itself then.)
//
// Two clocks, so that a failure says which one ran out: provisioning (Node 24 and
// code-server, minutes of compiling the first time; `npm test` runs it as a step
// of its own before any suite) has its own limit in provision.mjs, and the suite's
// SUITE_TIMEOUT_MS starts only once everything is in place.

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFixture, provision, repoRoot } from './provision.mjs';
import { freePort, launchBrowser, makeProfile, runExtensionTests, startCodeServer, tail } from './code-server.mjs';

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
const TODAY = '2026-11-21';
const NEXT_DAY = '2026-11-22';
// `--perf`: the performance suite (dist/perf), on the generated 10,000-note repo (bench/corpus/10000).
// `--web`: the integration suite in the web worker host (dist/web-test, with the browser bundle).
const perf = process.argv.includes('--perf');
const web = process.argv.includes('--web');
const label = web ? 'test:web' : 'test:vscode';
// `--perf --web`: the web build's first second on the same corpus (dist/web-perf).
const suiteDir = perf ? (web ? 'web-perf' : 'perf') : web ? 'web-test' : 'test';
const suiteEntry = join(repoRoot, 'dist', suiteDir, 'index.cjs');
// "Today" for the extension: RAPPORT_TODAY in the Node host; a worker has no environment,
// so there it is the (undeclared) setting rapport.today.
const SETTINGS = web ? { 'remote.extensionKind': { 'rapport.rapport': ['web'] }, 'rapport.today': TODAY } : undefined;

const t0 = Date.now();
const seconds = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const log = (line) => console.log(line);

const bundled = web ? ['dist/web/extension.cjs', `dist/${suiteDir}/index.cjs`] : ['dist/extension.cjs', `dist/${suiteDir}/index.cjs`, `dist/${suiteDir}/suite.cjs`];
const missing = bundled.filter((f) => !existsSync(join(repoRoot, f)));
if (missing.length) {
  console.error(`[${label}] ${missing.join(', ')} missing: run \`npm run bundle\` first.`);
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
  if (message) console.error(`[${label}] ${message}`);
  if (infra && server) console.error(`[${label}] code-server's log (kept in ${profile.root}) ends with:\n${tail(server.logFile)}`);
  await cleanup(infra);
  log(`[${label}] ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds()}`);
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish(130, `stopped by ${sig}`, { infra: false }));

/** One workbench session: code-server and a browser on the profile, the suite run in it; its exit code. */
async function session(paths, env) {
  const port = await freePort();
  const current = await startCodeServer(paths, profile, { port, env: { RAPPORT_TODAY: TODAY, ...env }, log });
  server = current;
  current.exit.then(({ code, signal }) => {
    if (server === current) finish(1, `code-server stopped during the run (${signal ?? `exit ${code}`})`);
  });

  browser = await launchBrowser(paths, profile, { log });
  // RAPPORT_TEST_DEBUG=1: every console line of the page and its frames, for a run that hangs.
  if (process.env.RAPPORT_TEST_DEBUG) browser.page.on('console', (m) => console.log(`[console ${m.type()}] ${m.text()}`));

  // The Node host's files are code-server's (`remote` authority); the worker host's are
  // reached through the page's own authority.
  const uri = web ? (p) => `vscode-remote://127.0.0.1:${port}${p}` : (p) => `vscode-remote://remote${p}`;
  log(`[${label}] workspace: ${workspace.file}; opening the workbench (${seconds()} so far)`);
  const code = await runExtensionTests(browser.page, current.url, {
    workspaceFile: workspace.file,
    extensionDevelopmentPath: uri(repoRoot),
    extensionTestsPath: uri(suiteEntry),
    onPageFailure: (why) => finish(1, why),
  });
  if (browser.offHostRequests.length) {
    await finish(1, `${browser.offHostRequests.length} request(s) left 127.0.0.1:\n  ${browser.offHostRequests.join('\n  ')}`);
  }
  return code;
}

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
  log(`[${label}] everything in place after ${seconds()}: the suite has ${SUITE_TIMEOUT_MS / 60_000} min from now`);
  profile = makeProfile(paths.cacheDir, web ? 'web' : 'test', SETTINGS);
  let code = await session(paths, {});
  // The perf suite's second session, on the same profile: the extension starts from the
  // cache of parsed notes the first one stored (test/perf/ten-thousand.test.ts).
  if (perf && !web && code === 0) {
    const first = server;
    server = undefined; // its stopping is no failure
    await browser.close();
    await first.stop();
    log(`[${label}] the same workspace again, with the cache the first session stored (${seconds()} so far)`);
    code = await session(paths, { RAPPORT_PERF_PASS: 'stored' });
  }
  // The third, the next day: the day's snapshot no longer holds; the one the first session
  // stored for the next day does.
  if (perf && !web && code === 0) {
    const second = server;
    server = undefined;
    await browser.close();
    await second.stop();
    log(`[${label}] the same workspace the next day (${seconds()} so far)`);
    code = await session(paths, { RAPPORT_PERF_PASS: 'next day', RAPPORT_TODAY: NEXT_DAY });
  }
  await finish(code, code === 0 ? undefined : `the suite reported failure (codeAutomationExit(${code}))`, { infra: false });
} catch (err) {
  await finish(1, err.stack ?? String(err));
}
