// The entry the web worker extension host calls (`extensionTestsPath`), bundled
// into one self-contained file, dist/web-test/index.cjs (scripts/build.mjs): the
// integration tests both hosts run, under mocha's browser build. Mocha's output
// reaches test/vscode/run-tests.mjs --web through the workbench's codeAutomationLog.

import { runTests } from './mocha.js';
import '../integration/portable.js';

export function run(): Promise<void> {
  return runTests('integration tests');
}
