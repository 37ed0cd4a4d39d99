// Floor 1: walk the folder and read every .md file, keeping nothing. No note
// tool can load a workspace faster than this; run.mjs times it as a whole
// process (node start-up included), like every other measurement.
//
//   node bench/floor-read.mjs DIR

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = new Set(['.git', 'node_modules']);

export function* markdownFiles(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP.has(e.name)) yield* markdownFiles(abs);
    } else if (e.isFile() && e.name.toLowerCase().endsWith('.md')) yield abs;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node bench/floor-read.mjs DIR\n');
    process.exit(2);
  }
  let files = 0;
  let chars = 0;
  for (const f of markdownFiles(dir)) {
    chars += readFileSync(f, 'utf8').length;
    files++;
  }
  process.stdout.write(`${files} files, ${chars} characters\n`);
}
