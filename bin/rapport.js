#!/usr/bin/env node
// The `rapport` command: the CLI bundled by `npm run build` into one file, which
// loads in ~25 ms where the compiled modules take ~190 ms.
//
// V8's compiled code for the bundle is kept beside the notes cache
// ($XDG_CACHE_HOME/rapport), as Node 22's compile cache would: compiling the
// bundle is ~15 ms of a ~170 ms warm check. It is written once, after the first
// check or list, keyed by the bundle's size and mtime and Node's version (V8
// refuses a cache from any other build of itself), and never with --no-cache.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';

// A check that reads notes is one short run that spends most of its time before V8 has
// optimised the code it runs (at 10,000 notes, parsing takes 3x as long as the same parse
// run a second time). TurboFan then compiles on a background thread that, on a machine
// with two busy cores, competes with the check itself; without inlining it compiles
// several times faster, which more than makes up for the slower code: cold checks 7-13%
// faster at 1,000, 10,000 and 100,000 notes (README, Performance). A run that only prints
// what the cache holds is a few ms slower with it, so it is set only once a check knows
// it will read notes. Only this process's V8 is concerned: the editor never sets a flag.
const beforeReading = () => setFlagsFromString('--no-turbo-inlining');

// V8's full garbage collection, made callable at run time (as `--expose-gc` would at start):
// a first run of a large folder asks for it once its output is out, before it writes the
// note cache, so that what it let go of is room for the garbage writing makes rather than
// memory added to the peak (src/cli/workspace.ts).
const collect = () => {
  try {
    setFlagsFromString('--expose-gc');
    vm.runInNewContext('gc')();
  } catch {
    // a Node that will not: the run only peaks higher
  }
};

const bundle = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('rapport: not built yet; run `npm run build` first\n');
  process.exit(2);
}
const args = process.argv.slice(2);
const useCache = !args.includes('--no-cache');
const codeFile = useCache ? codeCachePath(bundle) : undefined;

let cachedData;
try {
  if (codeFile) cachedData = readFileSync(codeFile);
} catch {
  // none yet
}
let script;
let main;
try {
  script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  main = module.exports.main;
} catch {
  script = undefined;
  main = createRequire(import.meta.url)(bundle).main; // the plain way, if anything above is not as expected
}
process.exitCode = await main(args, undefined, { beforeReading, collect });

if (script && codeFile && (!cachedData || script.cachedDataRejected) && (args[0] === 'check' || args[0] === 'list')) {
  try {
    mkdirSync(dirname(codeFile), { recursive: true });
    writeFileSync(codeFile, script.createCachedData());
    // Only the current build's code is worth keeping.
    for (const f of readdirSync(dirname(codeFile))) if (/^cli-.*\.v8$/.test(f) && f !== basename(codeFile)) rmSync(join(dirname(codeFile), f), { force: true });
  } catch {
    // a read-only cache folder costs only the compile time
  }
}

function codeCachePath(file) {
  try {
    const st = statSync(file);
    const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'rapport');
    return join(dir, `cli-${st.size}-${Math.floor(st.mtimeMs)}-${process.version}.v8`);
  } catch {
    return undefined;
  }
}
