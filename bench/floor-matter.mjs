// Floor 2: walk, read and split every .md with gray-matter (js-yaml underneath),
// keeping nothing: the floor peers.md measured Foam against. `matter(text, {})`
// is called with an options object because gray-matter caches results by
// content when called without one, which would let identical notes skip parsing.
//
//   node bench/floor-matter.mjs DIR

import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { markdownFiles } from './floor-read.mjs';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node bench/floor-matter.mjs DIR\n');
  process.exit(2);
}
let files = 0;
let withData = 0;
let failed = 0;
for (const f of markdownFiles(dir)) {
  files++;
  try {
    const parsed = matter(readFileSync(f, 'utf8'), {});
    if (parsed.data && Object.keys(parsed.data).length) withData++;
  } catch {
    failed++; // broken YAML: a real tool reports it and goes on
  }
}
process.stdout.write(`${files} files, ${withData} with frontmatter, ${failed} that did not parse\n`);
