// Rapport's bundles, built with esbuild's JS API:
//   node scripts/build.mjs cli      dist/cli.cjs and dist/lazy/*.cjs (after tsc, in `npm run build`)
//   node scripts/build.mjs browser  dist/web/extension.cjs, the extension for VS Code for the Web
//   node scripts/build.mjs bundle   dist/extension.cjs, dist/web/extension.cjs and the bundles of the in-editor tests
// The option sets are exported for test/unit/bundle.test.ts, which builds the
// shipped bundles in memory and checks what is in them.

import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { writeVersions } from './source-version.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const NODE = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
};

/**
 * Libraries the CLI needs only for some notes or commands, each bundled into a file of
 * its own (dist/lazy/NAME.cjs) that the CLI loads on first use: yaml for frontmatter the
 * simple reader declines, remark for bodies with code or HTML,
 * jsonc-parser for a settings file, csv-parse and ical.js for `import`. Compiling and starting them was ~30% of loading the
 * CLI (~10 ms of a cold check, ~5 ms of a warm one), for runs that mostly never call
 * them. Each name lists the exports Rapport imports.
 */
export const LAZY = {
  yaml: ['isMap', 'isScalar', 'isSeq', 'parseDocument', 'visit'],
  unified: ['unified'],
  'remark-parse': ['default'],
  'jsonc-parser': ['parse'],
  // `rapport import` only: LinkedIn's Connections.csv, and vCards.
  'csv-parse/browser/esm/sync': ['parse'],
  'ical.js': ['default'],
};

/** dist/lazy/NAME.cjs, one folder deep whatever the library's name (`csv-parse/browser/esm/sync` → `csv-parse-browser-esm-sync.cjs`). */
const lazyName = (name) => name.replace(/\//g, '-');
const lazyFile = (name) => `./lazy/${lazyName(name)}.cjs`;

/** Stand-ins for the LAZY libraries: each export loads the real module on first use. */
function lazyLibraries() {
  const names = new RegExp(`^(${Object.keys(LAZY).map((n) => n.replace(/[-/.]/g, '\\$&')).join('|')})$`);
  return {
    name: 'rapport-lazy-libraries',
    setup(build) {
      // Only Rapport's own imports: inside a lazy bundle the library is itself.
      build.onResolve({ filter: names }, (args) => (args.importer.includes('node_modules') ? undefined : { path: args.path, namespace: 'rapport-lazy' }));
      build.onResolve({ filter: /^\.\/lazy\// }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'rapport-lazy' }, (args) => {
        const lines = [`let m;`, `const load = () => (m ??= require(${JSON.stringify(lazyFile(args.path))}));`];
        for (const name of LAZY[args.path]) {
          if (name === 'default' && args.path === 'ical.js') lines.push(`export default { parse: (...a) => load().default.parse(...a) };`);
          else if (name === 'default') lines.push(`export default function (...a) { return Reflect.apply(load().default, this, a); }`);
          else lines.push(`export function ${name}(...a) { return Reflect.apply(load().${name}, this, a); }`);
        }
        return { contents: lines.join('\n'), loader: 'js', resolveDir: ROOT };
      });
    },
  };
}

export const CLI = {
  ...NODE,
  entryPoints: ['src/cli/main.ts'],
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  outfile: 'dist/cli.cjs',
  plugins: [lazyLibraries()],
};

/** The lazy libraries' own bundles, beside the CLI's. */
export const LAZY_BUNDLES = Object.entries(LAZY).map(([name, exports]) => ({
  ...NODE,
  stdin: {
    contents: exports.includes('default') ? `export { default } from '${name}';` : `export { ${exports.join(', ')} } from '${name}';`,
    resolveDir: ROOT,
    loader: 'js',
  },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  outfile: `dist/lazy/${lazyName(name)}.cjs`,
}));

export const EXTENSION = {
  ...NODE,
  entryPoints: ['src/extension/extension.ts'],
  external: ['vscode'],
  minify: true,
  sourcemap: true,
  logLevel: 'info',
  outfile: 'dist/extension.cjs',
};

/**
 * The extension for VS Code for the Web (vscode.dev, github.dev): the `browser` entry,
 * run in a web worker. Nothing but `vscode` may stay outside it (a worker has no
 * `require`), and it must hold no Node built-in: test/unit/bundle.test.ts checks both.
 */
export const BROWSER = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'browser',
  // A web worker has no DOM: packages that offer a build for workers (e.g. the HTML
  // entity decoder remark uses, whose `browser` build asks `document`) give that one.
  conditions: ['worker'],
  format: 'cjs',
  target: 'es2022',
  entryPoints: ['src/extension/web.ts'],
  external: ['vscode'],
  minify: true,
  sourcemap: true,
  logLevel: 'info',
  outfile: 'dist/web/extension.cjs',
};

/**
 * The web worker has no `node:assert`: the tests' `assert` is a small one of ours
 * there (test/web/assert.ts), with the same names and meanings.
 */
function workerAssert() {
  return {
    name: 'rapport-worker-assert',
    setup(build) {
      build.onResolve({ filter: /^(node:)?assert$/ }, () => ({ path: `${ROOT}test/web/assert.ts` }));
    },
  };
}

/**
 * Mocha's browser build is a UMD file in a `"type": "module"` package: bundled, it
 * sees the bundle's own `module` and replaces the bundle's exports with the mocha
 * instance, so VS Code would call mocha.run(testsRoot, …) instead of our run().
 * Run without `module`, `exports` and `define`, it installs itself as globalThis.mocha
 * and leaves the bundle's exports alone.
 */
function workerMocha() {
  return {
    name: 'rapport-worker-mocha',
    setup(build) {
      build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
        contents: `(function (module, exports, define) {\n${await readFile(args.path, 'utf8')}\n}).call(globalThis);\n`,
        loader: 'js',
      }));
    },
  };
}

/**
 * The in-editor suite for the web worker extension host: one self-contained file
 * (mocha's browser build, the assert above, the tests), only `vscode` left outside.
 * It must sit inside the extension's folder: the workbench gives tests to the host
 * of the extension whose folder holds them (see test/vscode/run-tests.mjs --web).
 */
export const WEB_TESTS = {
  ...BROWSER,
  entryPoints: ['test/web/index.ts'],
  minify: false,
  sourcemap: false,
  plugins: [workerAssert(), workerMocha()],
  outfile: 'dist/web-test/index.cjs',
};

/** The web build's first second at 10,000 notes (run-tests.mjs --perf --web), bundled as the suite above. */
export const WEB_PERF = { ...WEB_TESTS, entryPoints: ['test/web/perf.ts'], outfile: 'dist/web-perf/index.cjs' };

const TESTS = [
  { entryPoints: ['test/integration/index.ts'], external: ['mocha'], outfile: 'dist/test/index.cjs' },
  { entryPoints: ['test/integration/suite.ts'], external: ['vscode', 'mocha'], outfile: 'dist/test/suite.cjs' },
  { entryPoints: ['test/integration/index.ts'], external: ['mocha'], outfile: 'dist/perf/index.cjs' },
  { entryPoints: ['test/perf/suite.ts'], external: ['vscode', 'mocha'], outfile: 'dist/perf/suite.cjs' },
].map((o) => ({ ...NODE, logLevel: 'info', ...o }));

export const TARGETS = { cli: [CLI, ...LAZY_BUNDLES], browser: [BROWSER], bundle: [EXTENSION, BROWSER, ...TESTS, WEB_TESTS, WEB_PERF] };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const which = process.argv[2];
  if (!Object.hasOwn(TARGETS, which ?? "")) {
    process.stderr.write(`usage: node scripts/build.mjs ${Object.keys(TARGETS).join('|')}\n`);
    process.exit(2);
  }
  try {
    await writeVersions(); // the caches' versions, which the bundles import (so `npm run bundle` works on a fresh clone too)
    for (const options of TARGETS[which]) await build(options);
  } catch {
    process.exit(1); // esbuild has printed the errors
  }
}
