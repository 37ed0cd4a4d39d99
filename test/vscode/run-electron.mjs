// `npm run test:electron`: the same integration suite in VS Code desktop, through
// @vscode/test-electron. It downloads VS Code into `.vscode-test/` first, so it
// needs the internet: on a user's machine it works; on our offline machines the
// download fails (ENOTFOUND) and `npm run test:vscode` (code-server) is the way.

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { cacheDir, copyFixture, repoRoot } from './provision.mjs';

const suiteEntry = join(repoRoot, 'dist', 'test', 'index.cjs');
const t0 = Date.now();
const seconds = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

const missing = ['dist/extension.cjs', 'dist/test/index.cjs', 'dist/test/suite.cjs']
  .filter((f) => !existsSync(join(repoRoot, f)));
if (missing.length) {
  console.error(`[test:electron] ${missing.join(', ')} missing: run \`npm run bundle\` first.`);
  process.exit(1);
}

// A throwaway copy of the fixture, opened through a .code-workspace (see copyFixture).
const workspace = copyFixture();

let code;
try {
  await runTests({
    cachePath: cacheDir, // git-ignored; VS Code and its user data land here
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suiteEntry,
    extensionTestsEnv: { RAPPORT_TODAY: '2026-11-21' }, // the extension's "today" in tests
    launchArgs: [workspace.file, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  code = 0;
} catch (err) {
  const text = `${err?.message ?? err} ${err?.code ?? ''} ${err?.cause?.code ?? ''}`;
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|Failed to get|download/i.test(text)) {
    console.error(`[test:electron] could not download VS Code (${err?.message ?? err}).\n` +
      '[test:electron] This launcher needs the internet. Offline, run the same suite in code-server: npm run test:vscode');
  } else {
    // runTests rejects with TestRunFailedError when the suite failed.
    console.error(`[test:electron] ${err?.message ?? err}`);
  }
  code = 1;
} finally {
  rmSync(workspace.root, { recursive: true, force: true });
}
console.log(`[test:electron] ${code === 0 ? 'passed' : 'failed'} in ${seconds()}`);
process.exit(code);
