#!/usr/bin/env node
// The `rapport` command: the CLI bundled by `npm run build` into one file, which
// loads in ~30 ms where the compiled modules take ~190 ms.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('rapport: not built yet; run `npm run build` first\n');
  process.exit(2);
}
const { main } = createRequire(import.meta.url)(bundle);
process.exitCode = await main(process.argv.slice(2));
