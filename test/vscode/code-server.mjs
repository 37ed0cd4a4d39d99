// A small library to run a real VS Code here: code-server (VS Code for the
// browser) on 127.0.0.1, and Debian's Chromium driven by playwright-core.
// Used by run-tests.mjs (the integration suite, in the Node or, with --web, the web
// worker extension host), look.mjs and start.mjs (`npm start`).
// Paths come from provision.mjs.

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

// The browser build autosaves by default and would write into the fixtures; the
// rest keeps VS Code from asking the network, or a person, for anything.
const USER_SETTINGS = {
  'files.autoSave': 'off',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
};

// Without the background-networking flags Chromium keeps trying Google's hosts,
// which this machine's closed network refuses.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A port on 127.0.0.1 that nothing listens on now (`0` asks the kernel for one). */
export function freePort(port = 0) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: got } = server.address();
      server.close(() => resolve(got));
    });
  });
}

/** The first free port from `start` on (so `npm start` keeps a stable URL when it can). */
export async function freePortFrom(start, tries = 20) {
  for (let port = start; port < start + tries; port++) {
    try { return await freePort(port); } catch { /* taken: try the next one */ }
  }
  return freePort();
}

/**
 * A fresh folder under the cache for one code-server: user data (with our
 * settings, and `settings` on top), extensions, and the HOME/XDG/TMPDIR it sees,
 * so nothing of the user's own VS Code or home folder leaks in or gets written to.
 */
export function makeProfile(cacheDir, name, settings = {}) {
  mkdirSync(join(cacheDir, 'profiles'), { recursive: true });
  const root = mkdtempSync(join(cacheDir, 'profiles', `${name}-`));
  const dirs = Object.fromEntries(['userData', 'extensions', 'home', 'config', 'data', 'cache', 'tmp']
    .map((d) => [d, join(root, d)]));
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  return { root, ...dirs };
}

/** The environment code-server runs in (its extension host inherits it). */
function serverEnv(paths, profile, extra) {
  // Drop what a surrounding VS Code terminal sets, so code-server doesn't try to
  // talk to that VS Code instead of running on its own.
  const env = Object.fromEntries(Object.entries(process.env)
    .filter(([k]) => !k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE'));
  return {
    ...env,
    PATH: `${paths.nodeBin}${delimiter}${process.env.PATH}`,
    EXTENSIONS_GALLERY: '{}', // else it asks the marketplace over the network
    HOME: profile.home,
    XDG_CONFIG_HOME: profile.config,
    XDG_DATA_HOME: profile.data,
    XDG_CACHE_HOME: profile.cache,
    TMPDIR: profile.tmp,
    ...extra,
  };
}

/** Installs a .vsix into the profile's extensions dir, as a user would. */
export function installVsix(paths, profile, vsix) {
  const r = spawnSync(paths.node, [paths.codeServerEntry,
    '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions,
    '--install-extension', vsix], { env: serverEnv(paths, profile, {}), encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`.trim();
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${out}`);
  }
  return out;
}

/**
 * Starts code-server on 127.0.0.1:`port` and resolves once /healthz answers.
 * It runs detached, as the leader of its own process group (setsid), because
 * it spawns a file watcher, an extension host and language servers that a plain
 * kill of the main process would leave behind; stop() kills the whole group.
 * Output goes to `<profile>/code-server.log`. `folder` is opened when the URL
 * names none; `extensionTests: false` for a plain session (npm start).
 */
export async function startCodeServer(paths, profile, { port, env = {}, folder, extensionTests = true, log = console.log, readyTimeoutMs = 60_000 }) {
  const logFile = join(profile.root, 'code-server.log');
  const args = [paths.codeServerEntry,
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    // Makes the workbench honour the `payload` URL (extension tests) and call codeAutomationExit.
    ...(extensionTests ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(folder ? [folder] : [])];
  const fd = openSync(logFile, 'a');
  const child = spawn(paths.node, args, { env: serverEnv(paths, profile, env), stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));

  let stopped = false;
  const killGroup = (signal) => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } };
  // If this process dies without calling stop(), don't leave a server behind.
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 5_000);
    await exit;
    clearTimeout(timer);
    killGroup('SIGKILL'); // children that ignored SIGTERM
  };

  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (exited) throw new Error(`code-server exited before it was ready (${exited.signal ?? `exit ${exited.code}`}):\n${tail(logFile)}`);
    if (Date.now() - t0 > readyTimeoutMs) {
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz within ${readyTimeoutMs / 1000} s:\n${tail(logFile)}`);
    }
    try {
      if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok) break;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`[code-server] listening on ${url} (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s; log: ${logFile})`);
  return { url, pid: child.pid, logFile, exit, stop, get exited() { return exited; } };
}

/** The last lines of a log, for error messages. */
export function tail(file, lines = 30) {
  try { return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return '(no log)'; }
}

/**
 * Launches Debian's Chromium (headless, fresh profile) through playwright-core.
 * Every request to anything but 127.0.0.1 is logged and collected in
 * `offHostRequests`, so callers can assert that VS Code and the extension talk
 * to nothing outside this machine.
 */
export async function launchBrowser(paths, profile, { log = console.log, viewport = { width: 1280, height: 800 } } = {}) {
  const userDataDir = join(profile.root, 'chromium');
  rmSync(userDataDir, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: paths.chromium, headless: true, args: CHROMIUM_ARGS,
    // Playwright's own handlers would exit the process at once on Ctrl-C, before
    // the caller has stopped code-server and removed its temp folders.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    viewport,
  });
  // code-server registers a service worker of its own over its whole origin (scope "/",
  // only to be installable as an app), and a webview's host page, served from that same
  // origin, then loads under it. VS Code's host page (webview/browser/pre/index.html)
  // then registers its own worker and, finding a controller already, awaits
  // registration.update() before listening for `controllerchange`: when its worker claims
  // the page during that await, the event is missed and the webview stays blank for good
  // (seen in CI, and in one of four look runs here with two cores kept busy: the webview worker
  // controlling the page, no "workerReady" mark). Desktop VS Code, vscode.dev and
  // github.dev serve webviews from another origin, where no such worker is: the browsers
  // here skip code-server's registration (and only that one), so a webview opens as there.
  await context.addInitScript(() => {
    const workers = globalThis.navigator?.serviceWorker;
    if (!workers) return;
    const register = workers.register.bind(workers);
    workers.register = (url, options) => (String(url).endsWith('/_static/out/browser/serviceWorker.js')
      ? Promise.reject(new Error('code-server\'s own service worker is left out in these tests (see test/vscode/code-server.mjs)'))
      : register(url, options));
  });
  const offHostRequests = [];
  const check = (kind, url) => {
    let host;
    try { host = new URL(url).hostname; } catch { return; }
    const scheme = url.slice(0, url.indexOf(':'));
    if (['data', 'blob', 'about', 'chrome', 'devtools'].includes(scheme) || host === '127.0.0.1') return;
    offHostRequests.push(`${kind} ${url}`);
    log(`[browser] request not to 127.0.0.1: ${kind} ${url}`);
  };
  context.on('request', (req) => check(req.method(), req.url()));
  context.on('page', (page) => page.on('websocket', (ws) => check('WEBSOCKET', ws.url())));
  for (const page of context.pages()) page.on('websocket', (ws) => check('WEBSOCKET', ws.url()));
  const page = context.pages()[0] ?? await context.newPage();
  return { context, page, offHostRequests, close: () => context.close().catch(() => {}) };
}

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
  /^The web worker extension host is started in a same-origin iframe/,
];

/**
 * Opens the workbench on `workspaceFile` with an extension under development and
 * its tests (`payload`: the workbench's `extensionDevelopmentPath`/`extensionTestsPath`
 * URIs), prints the suite's output, and resolves with the exit code the suite gives
 * `codeAutomationExit` (0: every test passed). Needs `--vscode-option
 * enable-smoke-test-driver` on code-server (startCodeServer's default).
 */
export async function runExtensionTests(page, serverUrl, { workspaceFile, extensionDevelopmentPath, extensionTestsPath, onPageFailure }) {
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
  page.on('pageerror', (err) => console.error(`[page error] ${err.stack || err.message}`));
  page.on('crash', () => onPageFailure?.('the browser page crashed'));
  const payload = [
    ['extensionDevelopmentPath', extensionDevelopmentPath],
    ['extensionTestsPath', extensionTestsPath],
    ['skipWelcome', 'true'],
  ];
  const url = `${serverUrl}/?workspace=${encodeURIComponent(workspaceFile)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url, { timeout: 120_000 });
  return done;
}
