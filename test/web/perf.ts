// The web worker host's entry for the perf run (`run-tests.mjs --perf --web`), bundled into
// dist/web-perf/index.cjs as index.ts is into dist/web-test: the web build's first second.

import { runTests } from './mocha.js';
import '../perf/web-ten-thousand.test.js';

export function run(): Promise<void> {
  return runTests('perf tests');
}
