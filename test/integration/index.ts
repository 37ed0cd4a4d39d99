// The entry VS Code's extension host calls (`extensionTestsPath`): runs the
// suite with mocha and rejects on failure. Both launchers use it: code-server
// here (test/vscode/run-tests.mjs) and @vscode/test-electron where VS Code can be
// downloaded (test/vscode/run-electron.mjs).

import Mocha from 'mocha';
import { join } from 'node:path';

export function run(): Promise<void> {
  // Bundled to dist/test/index.cjs; the suite sits beside it, the reporter in test/.
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: join(__dirname, '../../test/reporter.cjs') });
  mocha.addFile(join(__dirname, 'suite.cjs'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}
