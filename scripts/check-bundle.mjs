// What a bundle must not contain: code that evaluates text, or runs programs.
//   node scripts/check-bundle.mjs FILE...   exits 1 and names each hit
// Used by test/unit/bundle.test.ts on the CLI's and the extension's bundles.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Each pattern matches whole identifiers only: `evaluate`, `visitFunction(` and `isFunction(` are fine. */
export const FORBIDDEN = [
  // eval as a name, however reached: eval(…), eval `…`, (0, eval)(…), globalThis.eval, ["eval"]
  { name: 'eval', pattern: /(?<![\w$])eval(?![\w$])/g },
  { name: 'new Function', pattern: /\bnew\s+Function(?![\w$])/g },
  // Function(…) called without new, or through call/apply, from any receiver (globalThis.Function(…))
  { name: 'Function(', pattern: /(?<![\w$])Function\s*(?:\.\s*(?:call|apply)\s*)?\(/g },
  // (function(){}).constructor('code') and friends: a constructor called on a string
  { name: 'constructor(string)', pattern: /(?<![\w$])constructor\s*\(\s*["'`]/g },
  { name: 'child_process', pattern: /child_process/g },
  { name: 'vm module', pattern: /(["'`])(?:node:)?vm\1/g },
];

/** Every forbidden use in a bundle's text, with a little context. */
export function forbiddenIn(text) {
  const hits = [];
  for (const { name, pattern } of FORBIDDEN) {
    for (const m of text.matchAll(pattern)) {
      const line = text.slice(0, m.index).split('\n').length;
      hits.push({ name, line, context: text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, ' ') });
    }
  }
  return hits;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let bad = 0;
  for (const file of process.argv.slice(2)) {
    for (const h of forbiddenIn(readFileSync(file, 'utf8'))) {
      bad++;
      process.stderr.write(`${file}:${h.line}: ${h.name}: …${h.context}…\n`);
    }
  }
  process.exit(bad ? 1 : 0);
}
