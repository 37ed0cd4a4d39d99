// `npm run test:web`: the integration suite a second time, with Rapport in the
// web worker extension host, the host vscode.dev and github.dev give a web
// extension (its `browser` bundle, no Node). code-server runs that host in a
// same-origin iframe of its workbench, offline, in Debian's Chromium.
//
// What puts Rapport and its tests there (see ../shared notes "Web extensions"):
//   - `remote.extensionKind` in the profile's settings: a development extension
//     with both `main` and `browser` otherwise runs in the Node host. (VS Code's
//     Markdown extension stays in the Node host: code-server ships no browser
//     build of it, so test/integration/preview.test.ts renders with markdown-it
//     itself in this run);
//   - the payload's URIs carry the page's own authority (127.0.0.1:PORT), not
//     code-server's `remote`: the workbench gives the tests to the host of the
//     extension whose folder holds them, so the test bundle sits in the repo
//     (dist/web-test/index.cjs) and is one self-contained file (mocha's browser
//     build included) in which only `vscode` is required.
// The suite reports through codeAutomationLog/codeAutomationExit, as in the Node
// run; test/integration/host.test.ts fails if it finds Node there.
//
// Two limits, each named when it runs out: provisioning (the first time it
// compiles code-server's native modules: minutes on a busy machine) and the suite.

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, provision, repoRoot } from './provision.mjs';
import { freePort, launchBrowser, makeProfile, runExtensionTests, startCodeServer, tail } from './code-server.mjs';

const PROVISION_TIMEOUT_MS = 30 * 60_000;
const SUITE_TIMEOUT_MS = 10 * 60_000;
const WEB = ['web'];
const SETTINGS = {
  'remote.extensionKind': { 'rapport.rapport': WEB },
  // The extension's "today" in tests (RAPPORT_TODAY in the Node run: a worker has no environment).
  'rapport.today': '2026-11-21',
};

const t0 = Date.now();
const seconds = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const log = (line) => console.log(line);

const bundled = ['dist/web/extension.cjs', 'dist/web-test/index.cjs'];
const missing = bundled.filter((f) => !existsSync(join(repoRoot, f)));
if (missing.length) {
  console.error(`[test:web] ${missing.join(', ')} missing: run \`npm run bundle\` first.`);
  process.exit(1);
}

let server, browser, workspace, profile;
async function cleanup(keepProfile) {
  await browser?.close();
  await server?.stop();
  if (workspace) rmSync(workspace.root, { recursive: true, force: true });
  if (profile && !keepProfile) rmSync(profile.root, { recursive: true, force: true });
}
let finishing = false;
// `infra`: the run broke rather than a test failing: show code-server's log and keep the profile.
async function finish(code, message, { infra = code !== 0 } = {}) {
  if (finishing) return new Promise(() => {}); // the first reason to stop wins
  finishing = true;
  if (message) console.error(`[test:web] ${message}`);
  if (infra && server) console.error(`[test:web] code-server's log (kept in ${profile.root}) ends with:\n${tail(server.logFile)}`);
  await cleanup(infra);
  log(`[test:web] ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds()}`);
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish(130, `stopped by ${sig}`, { infra: false }));

try {
  const provisioning = setTimeout(() => finish(1, `provisioning Node 24 and code-server did not finish within ${PROVISION_TIMEOUT_MS / 60_000} min (see .vscode-test/*/install.log)`), PROVISION_TIMEOUT_MS);
  const paths = await provision({ log });
  clearTimeout(provisioning);
  setTimeout(() => finish(1, `the suite did not report a result within ${SUITE_TIMEOUT_MS / 60_000} min of starting code-server (provisioning was done)`), SUITE_TIMEOUT_MS).unref();

  workspace = copyFixture();
  profile = makeProfile(paths.cacheDir, 'web', SETTINGS);
  const port = await freePort();
  server = await startCodeServer(paths, profile, { port, log });
  server.exit.then(({ code, signal }) => finish(1, `code-server stopped during the run (${signal ?? `exit ${code}`})`));
  browser = await launchBrowser(paths, profile, { log });
  // RAPPORT_WEB_DEBUG=1: every console line of the page and its frames, for a run that hangs.
  if (process.env.RAPPORT_WEB_DEBUG) browser.page.on('console', (m) => console.log(`[console ${m.type()}] ${m.text()}`));

  // The page's own authority: the worker host's files are the server's, reached through it.
  const here = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  log(`[test:web] workspace: ${workspace.file}; opening the workbench (${seconds()} so far)`);
  const code = await runExtensionTests(browser.page, server.url, {
    workspaceFile: workspace.file,
    extensionDevelopmentPath: here(repoRoot),
    extensionTestsPath: here(join(repoRoot, 'dist', 'web-test', 'index.cjs')),
    onPageFailure: (why) => finish(1, why),
  });
  if (browser.offHostRequests.length) {
    await finish(1, `${browser.offHostRequests.length} request(s) left 127.0.0.1:\n  ${browser.offHostRequests.join('\n  ')}`);
  }
  await finish(code, code === 0 ? undefined : `the suite reported failure (codeAutomationExit(${code}))`, { infra: false });
} catch (err) {
  await finish(1, err.stack ?? String(err));
}
