// The entry the web worker extension host calls (`extensionTestsPath`), bundled
// into one self-contained file, dist/web-test/index.cjs (scripts/build.mjs): the
// integration tests both hosts run, under mocha's browser build. Mocha's output
// reaches test/vscode/run-tests.mjs --web through the workbench's codeAutomationLog.

import { mocha } from './mocha.js';
import '../integration/portable.js';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const s = runner.stats;
      // The closing line CI reads, as test/reporter.cjs prints it for the Node host.
      if (s) console.log(`${s.passes} passed, ${s.failures} failed${s.pending ? `, ${s.pending} skipped` : ''}`);
      if (failures) reject(new Error(`${failures} integration tests failed in the web worker extension host`));
      else resolve();
    });
  });
}
