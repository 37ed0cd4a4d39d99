// The size of each extension bundle the .vsix ships, as `npm run package` prints it:
// the desktop one (Node extension host) and the web one (vscode.dev, github.dev),
// as written and gzipped (about what a browser downloads).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLES = [
  ['desktop', 'dist/extension.cjs'],
  ['web', 'dist/web/extension.cjs'],
];

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [name, file] of BUNDLES) {
  const bytes = readFileSync(ROOT + file);
  console.log(`${`${name} bundle`.padEnd(15)} ${file.padEnd(24)} ${kb(bytes.length).padStart(9)} (${kb(gzipSync(bytes).length)} gzipped)`);
}
