// The house rules the code must keep (docs: shared/design/architecture.md):
//   - src/core is pure TypeScript: it imports neither `vscode` nor a Node built-in (not
//     even for a type), and uses no Node global, so the same core runs in the CLI, in
//     the desktop extension and in VS Code for the Web's worker; nor does it import
//     from src/node, src/cli or src/extension (data flows out of the core, not in);
//   - it bundles for the browser, libraries included, with no Node built-in in it;
//   - no source file of src/ imports itself round a circle.
// Each rule is read from the sources as they are, and each detector is first shown
// catching a made-up offender, so a rule cannot pass by detecting nothing.

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transformSync, type Message } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const SRC = join(ROOT, 'src');
const CORE = join(SRC, 'core');

/** Every .ts file below `dir`, absolute, sorted. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

const show = (file: string) => relative(ROOT, file);

/** The source without its comments (so a comment that mentions `from 'node:fs'` is not an import). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const IMPORT_RES = [
  /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, // import … from 'x', import type …, export … from 'x'
  /\bimport\s*['"]([^'"]+)['"]/g, // import 'x' (for its effects)
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('x'), in code or in a type
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // require('x')
];

/** Every module specifier a source names: static and dynamic imports, type-only ones, re-exports, requires. */
function importsOf(source: string): string[] {
  const code = withoutComments(source);
  return IMPORT_RES.flatMap((re) => [...code.matchAll(re)].map((m) => m[1]));
}

const BUILTINS = new Set(builtinModules);

/** Is this specifier VS Code's API or one of Node's built-in modules (`node:fs`, `fs`, `fs/promises`…)? */
function forbiddenInCore(specifier: string): boolean {
  if (specifier === 'vscode' || specifier.startsWith('node:')) return true;
  return BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]);
}

/** The globals Node has and a web worker does not. */
const NODE_GLOBALS = ['process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'];
const MARK = '__node_global__';

/**
 * The Node globals a source uses. esbuild's `define` replaces an identifier only where it
 * is free (a global), never a local or parameter of that name or a property, so this
 * reads scope as the compiler does. Types are erased by then: a `NodeJS.` type is looked
 * for in the text.
 */
function nodeGlobalsIn(source: string): string[] {
  const define = Object.fromEntries(NODE_GLOBALS.map((g) => [g, `${MARK}${g}`]));
  const { code } = transformSync(source, { loader: 'ts', define, logLevel: 'silent' });
  const used = new Set([...code.matchAll(new RegExp(`${MARK}(\\w+)`, 'g'))].map((m) => m[1]));
  if (/\bNodeJS\s*\./.test(withoutComments(source))) used.add('NodeJS (a type)');
  return [...used].sort();
}

/** The relative imports of each file of `files` that resolve to another of them (`x.js` is `x.ts`). */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const deps = importsOf(readFileSync(file, 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'))
      .filter((p) => known.has(p));
    graph.set(file, [...new Set(deps)]);
  }
  return graph;
}

/** Every cycle a depth-first search meets (each as the path round it, the first file repeated at the end). */
function cyclesIn(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

/** Bundle these entry points for a web worker (no externals); the errors, and the Node built-ins reached. */
async function browserBundle(entryPoints: string[]): Promise<{ errors: string[]; builtins: string[]; inputs: string[] }> {
  try {
    const r = await build({
      absWorkingDir: ROOT,
      entryPoints,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      outdir: 'out/architecture-check', // nothing is written
      logLevel: 'silent',
    });
    const inputs = Object.keys(r.metafile.inputs);
    const builtins = Object.values(r.metafile.inputs).flatMap((i) => i.imports.filter((m) => m.external || forbiddenInCore(m.path)).map((m) => m.path));
    return { errors: [], builtins, inputs };
  } catch (e) {
    const errors = ((e as { errors?: Message[] }).errors ?? []).map((m) => `${m.location?.file ?? ''}: ${m.text}`);
    return { errors: errors.length ? errors : [String(e)], builtins: [], inputs: [] };
  }
}

describe('the architecture', function () {
  this.timeout(60_000);

  describe('its detectors catch a made-up offender', () => {
    it('an import of Node or vscode, type-only, dynamic or re-exported, and not one in a comment', () => {
      const found = importsOf([
        "import type { Stats } from 'node:fs';",
        "import { join } from 'path';",
        "export { x } from './x.js';",
        "import * as vscode from 'vscode';",
        "type P = typeof import('fs/promises');",
        "const c = require('crypto');",
        "import 'os';",
        "// import { no } from 'node:http';",
        "/* export * from 'child_process'; */",
      ].join('\n'));
      assert.deepEqual(found.filter(forbiddenInCore).sort(), ['crypto', 'fs/promises', 'node:fs', 'os', 'path', 'vscode']);
      assert.ok(found.includes('./x.js'));
    });

    it('a Node global used, and not a local or a property of that name', () => {
      assert.deepEqual(nodeGlobalsIn('export const cwd = () => process.cwd();\nsetImmediate(() => {});\nlet t: NodeJS.Timeout;'), ['NodeJS (a type)', 'process', 'setImmediate']);
      assert.deepEqual(nodeGlobalsIn('const o = { process: 1, Buffer: 2 };\nexport function f(require: number) { return o.process + require; }'), []);
    });

    it('a cycle, however long, and none where there is none', () => {
      const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
      assert.deepEqual(cyclesIn(graph), [['a', 'b', 'c', 'a']]);
      assert.deepEqual(cyclesIn(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]])), []);
    });

    it('a Node built-in in a browser bundle', async () => {
      const r = await browserBundle(['src/node/disk.ts']);
      assert.ok(r.errors.some((e) => /node:fs|node:path/.test(e)), r.errors.join('\n'));
    });
  });

  it('src/core imports neither vscode nor a Node built-in, nor any of Rapport’s files outside it', () => {
    const files = sources(CORE);
    assert.ok(files.length > 20, `only ${files.length} files found in ${CORE}`);
    const outside = (f: string, s: string) => s.startsWith('.') && relative(CORE, resolve(dirname(f), s)).startsWith('..');
    const bad = files.flatMap((f) => importsOf(readFileSync(f, 'utf8')).filter((s) => forbiddenInCore(s) || outside(f, s)).map((s) => `${show(f)} imports ${s}`));
    assert.deepEqual(bad, []);
  });

  it('src/core uses no Node global (process, Buffer, require, setImmediate…)', () => {
    const bad = sources(CORE).flatMap((f) => nodeGlobalsIn(readFileSync(f, 'utf8')).map((g) => `${show(f)} uses ${g}`));
    assert.deepEqual(bad, []);
  });

  it('no file of src/ imports itself round a circle', () => {
    const files = sources(SRC);
    const graph = importGraph(files);
    assert.ok([...graph.values()].flat().length > 50, 'the graph of src/ has hardly any edges: are imports still read?');
    assert.deepEqual(cyclesIn(graph).map((c) => c.map(show).join(' → ')), []);
  });

  it('the whole core bundles for a web worker, its libraries too, with no Node built-in in it', async () => {
    const entries = sources(CORE).map(show);
    const r = await browserBundle(entries);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.builtins, []);
    // Its libraries were bundled, not left out: the reader of YAML and the reader of Markdown are in it.
    assert.ok(r.inputs.some((i) => i.includes('node_modules/yaml/')) && r.inputs.some((i) => i.includes('node_modules/remark-parse/')), 'the libraries are in the bundle');
  });
});
