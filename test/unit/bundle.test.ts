// What is in the bundles Rapport ships (dist/cli.cjs, dist/extension.cjs,
// dist/web/extension.cjs): no code that evaluates text (eval, the Function
// constructor) or runs programs (child_process, vm); and in the web one, nothing
// of Node and nothing that reaches the network. The shipped bundles are built here in memory, with the
// same options as scripts/build.mjs writes them, so this holds whether or not
// `npm run bundle` has run yet.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = join(ROOT, 'bin/rapport.js');

interface Hit {
  name: string;
  line: number;
  context: string;
}
type Checker = { forbiddenIn(text: string): Hit[] };
type Builds = { CLI: BuildOptions; EXTENSION: BuildOptions; BROWSER: BuildOptions; LAZY_BUNDLES: BuildOptions[] };

const load = async <T>(p: string): Promise<T> => (await import(pathToFileURL(join(ROOT, p)).href)) as T;

/** The JavaScript of a bundle built in memory (not its source map, which quotes Rapport's own comments). */
async function bundled(options: BuildOptions): Promise<string> {
  const r = await build({ ...options, write: false, logLevel: 'silent' });
  const js = r.outputFiles.find((f) => f.path.endsWith('.cjs'));
  assert.ok(js, 'no .cjs output');
  return js.text;
}

/**
 * What must not be in the web bundle: a require of anything but vscode (a Node
 * built-in, or a name computed at run time), a dynamic import, or a way to reach
 * the network (a web extension that did would break offline, and tell someone
 * what the user keeps in their notes).
 */
function nodeOrNetworkIn(js: string): string[] {
  const hits: string[] = [];
  for (const m of js.matchAll(/(?<![\w$])require\s*\(\s*([^)]*)\)/g)) if (!/^(["'`])vscode\1$/.test(m[1].trim())) hits.push(m[0]);
  for (const m of js.matchAll(/(?<![\w$])import\s*\(|(?<![\w$])(?:fetch|XMLHttpRequest|importScripts|WebSocket|EventSource|sendBeacon)(?![\w$])/g)) hits.push(m[0]);
  return hits;
}

/** Uses of the page's globals, which a web worker lacks (decode-named-character-reference's `browser` build has one). */
function domIn(js: string): string[] {
  return [...js.matchAll(/(?<![\w$.'"`])(?:document|window|localStorage|sessionStorage)\s*\./g)].map((m) => m[0]);
}

const show = (hits: Hit[]) => hits.map((h) => `${h.name} at line ${h.line}: …${h.context}…`).join('\n');

describe('the bundles', function () {
  this.timeout(300_000);
  let check: Checker;
  let builds: Builds;
  before(async () => {
    check = await load<Checker>('scripts/check-bundle.mjs');
    builds = await load<Builds>('scripts/build.mjs');
  });

  it('the CLI bundle and the libraries it loads lazily have no eval, Function constructor, child_process or vm', async () => {
    for (const options of [builds.CLI, ...builds.LAZY_BUNDLES]) {
      const hits = check.forbiddenIn(await bundled(options));
      assert.deepEqual(hits, [], `${options.outfile}\n${show(hits)}`);
      // and the one on disk, which bin/rapport.js runs, is that one
      const onDisk = join(ROOT, options.outfile!);
      if (existsSync(onDisk)) assert.deepEqual(check.forbiddenIn(readFileSync(onDisk, 'utf8')), [], onDisk);
    }
  });

  it('the CLI loads yaml, remark and jsonc-parser only for a note or a settings file that needs them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-lazy-'));
    try {
      // A copy of the CLI without its lazy libraries: a plain folder checks all the same.
      mkdirSync(join(dir, 'app/bin'), { recursive: true });
      mkdirSync(join(dir, 'app/dist'), { recursive: true });
      copyFileSync(BIN, join(dir, 'app/bin/rapport.js'));
      copyFileSync(join(ROOT, 'dist/cli.cjs'), join(dir, 'app/dist/cli.cjs'));
      mkdirSync(join(dir, 'notes/contacts'), { recursive: true });
      writeFileSync(join(dir, 'notes/contacts/ann.md'), '---\ntype: contact\nname: Ann Lee\n---\nMet at [[nowhere]].\n');
      const run = () => spawnSync(process.execPath, [join(dir, 'app/bin/rapport.js'), 'check', join(dir, 'notes'), '--json', '--no-cache'], { encoding: 'utf8' });
      const plain = run();
      assert.equal(plain.status, 0, plain.stderr);
      assert.deepEqual(JSON.parse(plain.stdout).map((d: { code: string }) => d.code), ['unknown-reference']);
      // Each of these needs one of them: an anchor (yaml), code hiding a link (remark), a settings file (jsonc).
      writeFileSync(join(dir, 'notes/contacts/bob.md'), '---\ntype: contact\nname: &n Bob Lee\nrole: *n\n---\n<div>\n\n    [[hidden]]\n</div>\n');
      mkdirSync(join(dir, 'notes/.vscode'));
      writeFileSync(join(dir, 'notes/.vscode/settings.json'), '{ // mine\n "rapport.checks": { "unknown-reference": "error" }, }\n');
      const missing = run();
      assert.match(missing.stderr, /lazy\/(yaml|remark-parse|unified|jsonc-parser)\.cjs/, 'they were needed, and are not in the copy');
      cpSync(join(ROOT, 'dist/lazy'), join(dir, 'app/dist/lazy'), { recursive: true });
      const full = run();
      assert.equal(full.status, 1, full.stderr);
      assert.deepEqual(JSON.parse(full.stdout).map((d: { code: string; severity: string }) => `${d.code} ${d.severity}`), ['unknown-reference error']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the extension bundle has none either', async () => {
    const hits = check.forbiddenIn(await bundled(builds.EXTENSION));
    assert.deepEqual(hits, [], show(hits));
  });

  it('the web extension bundle has none either', async () => {
    const hits = check.forbiddenIn(await bundled(builds.BROWSER));
    assert.deepEqual(hits, [], show(hits));
  });

  it('the web extension bundle requires nothing but vscode, and holds no Node built-in, no DOM and no network call', async () => {
    const r = await build({ ...builds.BROWSER, write: false, metafile: true, logLevel: 'silent' });
    const externals = new Set(Object.values(r.metafile!.inputs).flatMap((i) => i.imports.filter((x) => x.external).map((x) => x.path)));
    assert.deepEqual([...externals], ['vscode'], 'left outside the bundle');
    const inputs = Object.keys(r.metafile!.inputs);
    assert.deepEqual(inputs.filter((p) => /^src\/(node|cli)\//.test(p)), [], 'src/node and src/cli are for Node only');
    assert.ok(inputs.includes('src/extension/notes/fs-source.ts'), 'it reads notes through workspace.fs');
    const js = r.outputFiles.find((f) => f.path.endsWith('.cjs'))!.text;
    assert.deepEqual(nodeOrNetworkIn(js), []);
    assert.deepEqual(domIn(js), [], 'a web worker has no DOM');
  });

  it('the check for Node and the network finds what it looks for, and not look-alikes', () => {
    const bad = ['require("fs")', "require('node:path')", 'require(`child_process`)', 'require(name)', 'import("./x.js")', 'fetch(url)', 'new XMLHttpRequest()', 'importScripts(u)', 'new WebSocket(u)', 'navigator.sendBeacon(u,d)', 'new EventSource(u)', 'x.fetch(u)'];
    for (const text of bad) assert.notDeepEqual(nodeOrNetworkIn(`var a=1;${text};var b=2`), [], text);
    const fine = ['require("vscode")', 'prefetch(x)', 'fetchNotes(x)', 'this.fetched', 'importance', '"see https://example.com in the docs"', 'typeof process>"u"'];
    for (const text of fine) assert.deepEqual(nodeOrNetworkIn(text), [], text);
    assert.deepEqual(domIn('var e=document.createElement("i");window.x;localStorage.getItem(k)'), ['document.', 'window.', 'localStorage.']);
    assert.deepEqual(domIn('x.document.y;"document":1;my_document.z'), []);
    assert.deepEqual(domIn('return document.body'), ['document.']);
  });

  it('no bundle holds gray-matter or js-yaml, the libraries whose engines evaluate text', async () => {
    for (const options of [builds.CLI, builds.EXTENSION, builds.BROWSER]) {
      const r = await build({ ...options, write: false, metafile: true, logLevel: 'silent' });
      const inputs = Object.keys(r.metafile!.inputs).filter((p) => /node_modules[\\/](gray-matter|js-yaml)[\\/]/.test(p));
      assert.deepEqual(inputs, [], `${options.outfile}`);
    }
  });

  it('gray-matter bundled as it comes has an eval and a new Function, and the check says so', async () => {
    const text = await bundled({ ...builds.CLI, entryPoints: undefined, stdin: { contents: "module.exports = require('gray-matter');", resolveDir: ROOT, loader: 'js' } });
    const names = new Set(check.forbiddenIn(text).map((h) => h.name));
    assert.ok(names.has('eval'), [...names].join(', '));
    assert.ok(names.has('new Function'), [...names].join(', '));
  });

  it('the check finds every spelling it knows, and not words that merely contain them', () => {
    const bad: [string, string][] = [
      ['eval', 'return eval(str)||{}'],
      ['eval', 'x = eval (s)'],
      ['eval', 'eval`1+1`'],
      ['eval', '(0,eval)(s)'],
      ['eval', 'globalThis.eval(s)'],
      ['eval', 'globalThis["eval"](s)'],
      ['new Function', 'f=new Function(a,"return "+b)'],
      ['new Function', 'new\n  Function ("x")'],
      ['Function(', 'Function("return this")()'],
      ['Function(', 'globalThis.Function(s)'],
      ['Function(', 'Function.call(null, s)'],
      ['Function(', 'Function.apply(null,[s])'],
      ['constructor(string)', '(()=>{}).constructor("return process")()'],
      ['child_process', 'require("child_process")'],
      ['child_process', 'require("node:child_process").execSync(c)'],
      ['vm module', 'require("vm").runInNewContext(s)'],
      ['vm module', "import('node:vm')"],
    ];
    for (const [name, text] of bad) {
      assert.ok(check.forbiddenIn(`var a=1;${text};var b=2`).some((h) => h.name === name), `${name} not found in ${text}`);
    }
    const fine = [
      'evaluate(x)',
      'the note is never evaluated',
      'medieval(x)',
      '$eval(x)',
      'evalMode',
      'visitFunction(a,b)',
      'isFunction(f)',
      'typeof f=="function"',
      'x instanceof Function',
      'Function.prototype.toString.call(f)',
      'new FunctionCall()',
      'this.constructor(a)',
      'var vm=1; vm.x; "vmax"',
      'childProcess',
    ];
    for (const text of fine) assert.deepEqual(check.forbiddenIn(text), [], text);
  });

  it('the bundled CLI reports a ---js note and runs none of it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-bundle-'));
    const marker = join(dir, 'ran');
    try {
      writeFileSync(join(dir, 'evil.md'), `---js\n{ type: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') || 'contact', name: 'E' }\n---\n`);
      const r = spawnSync(process.execPath, [BIN, 'check', dir, '--json', '--no-cache'], { encoding: 'utf8' });
      assert.equal(r.status, 1, r.stderr);
      assert.equal(JSON.parse(r.stdout)[0].code, 'unsafe-frontmatter');
      assert.equal(existsSync(marker), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
