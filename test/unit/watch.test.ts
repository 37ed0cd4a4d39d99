import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { md } from './helpers.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '../../../bin/rapport.js');

describe('rapport watch', function () {
  this.timeout(20_000);

  it('re-checks when a note is added, changed and removed, and exits 0 on Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-watch-'));
    mkdirSync(join(dir, 'contacts'));
    writeFileSync(join(dir, 'contacts/a.md'), md(['type: contact', 'name: A']));
    const child = spawn(process.execPath, [BIN, 'watch', dir, '--today', '2026-11-21'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    const waitFor = async (re: RegExp, from = 0) => {
      for (let i = 0; i < 100 && !re.test(out.slice(from)); i++) await new Promise((r) => setTimeout(r, 100));
      assert.match(out.slice(from), re, `stdout: ${out}\nstderr: ${err}`);
    };
    try {
      await waitFor(/No problems/);
      await new Promise((r) => setTimeout(r, 300)); // let the watcher settle
      let mark = out.length;
      writeFileSync(join(dir, 'contacts/b.md'), md(['type: contact', 'name: B', 'next_follow_up: 2026-11-01']));
      await waitFor(/contacts\/b\.md:4:1 warning follow-up-due/, mark);
      mark = out.length;
      writeFileSync(join(dir, 'contacts/b.md'), md(['type: contact', 'name: B', 'status: nonsense']));
      await waitFor(/contacts\/b\.md:4:9 error invalid-frontmatter/, mark);
      mark = out.length;
      unlinkSync(join(dir, 'contacts/b.md'));
      await waitFor(/No problems/, mark);
      const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGINT');
      assert.equal(await exit, 0);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
