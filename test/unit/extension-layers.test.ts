// The extension's layers: only the desktop's platform and its disk source may
// reach Node (node:* or src/node); everything the web entry (src/extension/web.ts)
// imports, followed file by file, reaches neither, so it can run in a web worker.

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const EXTENSION = join(ROOT, 'src/extension');
/** The desktop-only modules: the platform that chooses the disk source, and the disk source. */
const DESKTOP_ONLY = ['desktop-platform.ts', 'extension.ts', 'notes/disk-source.ts'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** What a file imports (static imports and re-exports, types included). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2]);
}

const reachesNode = (spec: string, from: string) =>
  spec.startsWith('node:') || (spec.startsWith('.') && resolve(dirname(from), spec).startsWith(join(ROOT, 'src/node')));

describe('the extension’s layers', () => {
  it('no module under src/extension but the desktop platform and disk source imports Node or src/node', () => {
    const offenders = tsFiles(EXTENSION)
      .filter((f) => !DESKTOP_ONLY.includes(relative(EXTENSION, f)))
      .flatMap((f) => importsOf(f).filter((s) => reachesNode(s, f)).map((s) => `${relative(ROOT, f)} imports ${s}`));
    assert.deepEqual(offenders, []);
    // The rule can fail: the disk source does import Node.
    assert.ok(importsOf(join(EXTENSION, 'notes/disk-source.ts')).some((s) => reachesNode(s, join(EXTENSION, 'notes/disk-source.ts'))));
  });

  it('the web entry reaches no Node, no src/node and no desktop module, file by file', () => {
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (reachesNode(spec, file)) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
        if (DESKTOP_ONLY.includes(relative(EXTENSION, target))) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
        visit(target);
      }
    };
    visit(join(EXTENSION, 'web.ts'));
    assert.deepEqual(offenders, []);
    assert.ok(seen.has(join(EXTENSION, 'notes/fs-source.ts')) && seen.has(join(EXTENSION, 'quick-fixes/index.ts')), 'the walk follows the imports');
  });
});
