// Rapport's bundles, built with esbuild's JS API:
//   node scripts/build.mjs cli      dist/cli.cjs (after tsc, in `npm run build`)
//   node scripts/build.mjs bundle   dist/extension.cjs and the bundles of the in-editor tests
// The option sets are exported for test/unit/bundle.test.ts, which builds the
// shipped bundles in memory and checks what is in them.

import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const NODE = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
};

export const CLI = {
  ...NODE,
  entryPoints: ['src/cli/main.ts'],
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  outfile: 'dist/cli.cjs',
};

export const EXTENSION = {
  ...NODE,
  entryPoints: ['src/extension/extension.ts'],
  external: ['vscode'],
  minify: true,
  sourcemap: true,
  logLevel: 'info',
  outfile: 'dist/extension.cjs',
};

const TESTS = [
  { entryPoints: ['test/integration/index.ts'], external: ['mocha'], outfile: 'dist/test/index.cjs' },
  { entryPoints: ['test/integration/suite.ts'], external: ['vscode', 'mocha'], outfile: 'dist/test/suite.cjs' },
  { entryPoints: ['test/integration/index.ts'], external: ['mocha'], outfile: 'dist/perf/index.cjs' },
  { entryPoints: ['test/perf/suite.ts'], external: ['vscode', 'mocha'], outfile: 'dist/perf/suite.cjs' },
].map((o) => ({ ...NODE, logLevel: 'info', ...o }));

export const TARGETS = { cli: [CLI], bundle: [EXTENSION, ...TESTS] };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const which = process.argv[2];
  if (!Object.hasOwn(TARGETS, which ?? "")) {
    process.stderr.write(`usage: node scripts/build.mjs ${Object.keys(TARGETS).join('|')}\n`);
    process.exit(2);
  }
  try {
    for (const options of TARGETS[which]) await build(options);
  } catch {
    process.exit(1); // esbuild has printed the errors
  }
}
