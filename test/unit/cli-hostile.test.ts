// `rapport` on hostile input: odd paths, huge notes, files that cannot be read,
// a folder that vanishes mid-run, bad arguments. Each run must end quickly with
// the documented exit code (0 clean, 1 findings, 2 usage or fatal), say what
// went wrong in one line on stderr (never a stack trace), and keep stdout a
// valid report: JSON with --json, nothing at all when it exits 2.

import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { indexFiles, scanFolder } from '../../src/node/load-folder.js';
import { NoteIndex } from '../../src/core/note-index.js';
import { BIN, binForAnyUser, rapport, repo, run, watching, WATCH_WAIT_MS } from './cli-helpers.js';
import { md } from './helpers.js';

const TODAY = '2026-11-21';
const MB = 1024 * 1024;
const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');

/** What every run must satisfy, whatever happened: the exit code says how stdout and stderr look. */
function wellFormed(r: { code: number | null; out: string; err: string }, json: boolean, what: string): void {
  assert.ok(r.code === 0 || r.code === 1 || r.code === 2, `${what}: exit ${r.code}\n${r.err}`);
  assert.doesNotMatch(r.err, /^\s+at |Error:|node:internal/m, `${what}: a stack trace on stderr\n${r.err}`);
  for (const line of r.err.split('\n').filter(Boolean)) assert.match(line, /^rapport: /, `${what}: stderr line ${JSON.stringify(line)}`);
  if (r.code === 2) assert.equal(r.out, '', `${what}: stdout on exit 2`);
  else if (json) assert.doesNotThrow(() => JSON.parse(r.out), `${what}: stdout is not JSON: ${r.out.slice(0, 200)}`);
}

function mkfifo(path: string): void {
  assert.equal(spawnSync('mkfifo', [path]).status, 0, `mkfifo ${path}`);
}

describe('rapport on hostile input', function () {
  this.timeout(300_000);
  const made: string[] = [];
  const folder = (files: Record<string, string | Buffer>, prefix?: string) => {
    const d = repo(files, prefix);
    made.push(d);
    return d;
  };
  after(() => {
    for (const d of made) {
      try {
        chmodSync(d, 0o755);
      } catch {
        // already gone
      }
      rmSync(d, { recursive: true, force: true });
    }
  });

  describe('paths', () => {
    it('reads a repository and notes whose names have spaces, unicode and leading dashes', () => {
      const dir = folder(
        {
          'contacts/-rf.md': md(['type: contact', 'name: Dash', 'company: "[[nowhere]]"']),
          'contacts/josé 日本 🎉.md': md(['type: contact', 'name: José Tanaka']),
          '--json/-x.md': md(['type: contact', 'name: Dashed Folder']),
          'meetings/--today 2026.md': md(['type: meeting', 'with: "[[josé 日本 🎉]]"', 'date: 2026-11-01', 'referrals: []']),
        },
        'rapport hostile é 日本 🎉 -',
      );
      const r = rapport(['check', dir, '--json', '--today', TODAY]);
      wellFormed(r, true, 'check');
      assert.equal(r.code, 1, r.err); // the thank-you is overdue
      const ds = JSON.parse(r.out) as { file: string; code: string; message: string }[];
      assert.deepEqual(
        ds.map((d) => `${d.file} ${d.code}`),
        ['contacts/-rf.md unknown-reference', 'meetings/--today 2026.md thank-you-pending'],
      );
      assert.match(ds[1].message, /José Tanaka/);

      const human = rapport(['check', dir, '--today', TODAY]);
      assert.match(human.out, /^meetings\/--today 2026\.md:4:1 warning thank-you-pending /m);

      // A folder named like a flag is given after `--`, or as ./--json.
      for (const argv of [['list', '--json', '--', '--json'], ['list', '--json', `.${sep}--json`]]) {
        const l = rapport(argv, { cwd: dir });
        wellFormed(l, true, argv.join(' '));
        assert.equal(l.code, 0, l.err);
        assert.deepEqual(JSON.parse(l.out).contacts.map((c: { id: string; file: string }) => `${c.id} ${c.file}`), ['-x -x.md']);
      }
      // Without `--`, --json is the flag, and the folder is missing.
      const bare = rapport(['list', '--json'], { cwd: dir });
      assert.equal(bare.code, 2);
      assert.equal(bare.out, '');
      assert.equal(bare.err.split('\n')[0], 'rapport: which folder? give DIR');
    });
  });

  describe('huge notes', () => {
    // `ms`: the lesser of wall and CPU time (cli-helpers.ts), so a busy machine does not fail it.
    const within = (r: { ms: number }, what: string) => assert.ok(r.ms < 10_000, `${what} took ${r.ms} ms`);

    it('a note with a 10 MB body', () => {
      const para = 'We talked about payments, onboarding and how the team works with design. ';
      const dir = folder({
        'contacts/big.md': md(['type: contact', 'name: Big Body', 'company: "[[nowhere]]"'], para.repeat(Math.ceil((10 * MB) / para.length))),
        'contacts/small.md': md(['type: contact', 'name: Small']),
      });
      const r = rapport(['check', dir, '--json', '--today', TODAY, '--no-cache']);
      within(r, 'check');
      wellFormed(r, true, 'check');
      assert.deepEqual(JSON.parse(r.out).map((d: { file: string; code: string }) => `${d.file} ${d.code}`), ['contacts/big.md unknown-reference']);
      const l = rapport(['list', dir, '--json']); // and again from the cache it wrote
      within(l, 'list');
      wellFormed(l, true, 'list');
      assert.deepEqual(JSON.parse(l.out).contacts.map((c: { name: string }) => c.name), ['Big Body', 'Small']);
    });

    it('a note whose frontmatter has a 10 MB line: reported as not read, in bounded time', () => {
      const dir = folder({
        'contacts/long-key.md': md(['type: contact', 'name: Long Line', `notes: ${'x'.repeat(10 * MB)}`]),
        'contacts/long-name.md': md(['type: contact', `name: "${'y'.repeat(10 * MB)}"`]),
        'contacts/no-newline.md': 'z'.repeat(10 * MB),
        'contacts/ok.md': md(['type: contact', 'name: Ok']),
      });
      const r = rapport(['list', dir, '--json', '--no-cache']);
      within(r, 'list');
      wellFormed(r, true, 'list');
      assert.deepEqual((JSON.parse(r.out).contacts as { id: string }[]).map((c) => c.id), ['ok']);
      const c = rapport(['check', dir, '--json', '--today', TODAY, '--no-cache']);
      within(c, 'check');
      wellFormed(c, true, 'check');
      const ds = JSON.parse(c.out) as { file: string; code: string; message: string }[];
      assert.deepEqual(ds.map((d) => `${d.file} ${d.code}`), ['contacts/long-key.md invalid-frontmatter', 'contacts/long-name.md invalid-frontmatter']);
      assert.match(ds[0].message, /over 5000 lines or 64 kB long; it was not read/);
      assert.equal(c.code, 1);
    });

    it('a 31 MB body of links, and a 40 MB note: an answer or a reason, never a crash', () => {
      const dir = folder({
        'contacts/links.md': md(['type: contact', 'name: Links'], '[[nobody]] '.repeat(Math.ceil((31 * MB) / 11))),
        'contacts/ok.md': md(['type: contact', 'name: Ok']),
      });
      const fd = openSync(join(dir, 'contacts/huge.md'), 'w');
      ftruncateSync(fd, 40 * MB); // sparse: costs nothing on disk
      closeSync(fd);
      const r = rapport(['check', dir, '--json', '--today', TODAY, '--no-cache']);
      within(r, 'check');
      wellFormed(r, true, 'check');
      assert.match(r.err, /^rapport: skipped contacts\/huge\.md: larger than 32 MB$/m);
      // The note's first 1,000 problems, and one that says there are more. Every one of its 3 million links
      // was once a diagnostic: 14 s, 2.4 GB, and a report too long for a string ("could not read", exit 2).
      const links = (JSON.parse(r.out) as { file: string; code: string; message: string }[]).filter((d) => d.file === 'contacts/links.md');
      assert.equal(links.length, 1001, r.err);
      assert.ok(links.every((d) => d.code === 'unknown-reference'));
      assert.match(links[1000].message, /^This note has more problems than are shown: Rapport shows a note's first 1,000\.$/);
    });

    it('a 10 MB meeting with code and questions, and a 10 MB outreach draft: checked in bounded time', () => {
      const questions = Array.from({ length: 200_000 }, (_, i) => `- Do you enjoy part ${i} of the job?`).join('\n');
      const pitch = 'I am not asking for a job, only for your advice on the field. '.repeat(Math.ceil((10 * MB) / 62));
      const dir = folder({
        'contacts/a.md': md(['type: contact', 'name: A']),
        'meetings/m.md': md(['type: meeting', 'with: "[[a]]"', `date: ${TODAY}`, 'referrals: []'], `Bring \`the deck\`.\n\n## Questions\n\n${questions}`),
        'outreach/o.md': md(['type: outreach', 'to: "[[a]]"', 'subject: Hello', 'status: draft'], `${pitch}\nAre you hiring?`),
      });
      const r = rapport(['check', dir, '--json', '--today', TODAY, '--no-cache']);
      within(r, 'check');
      wellFormed(r, true, 'check');
      const codes = (JSON.parse(r.out) as { file: string; code: string }[]).map((d) => `${d.file} ${d.code}`);
      // 200,000 yes-or-no questions: the first 1,000, and one that says there are more.
      assert.equal(codes.filter((c) => c === 'meetings/m.md closed-question').length, 1001);
      assert.ok(codes.includes('outreach/o.md outreach-asks-for-job'), codes.filter((c) => c.startsWith('outreach')).join('\n'));
    });
  });

  describe('files that cannot be read', () => {
    it('a FIFO, a device, a folder and a dangling symlink named .md, and a FIFO for settings: skipped with a reason, no hang', () => {
      const dir = folder({
        'contacts/ok.md': md(['type: contact', 'name: Ok']),
        'contacts/x.md/inside.md': md(['type: contact', 'name: Inside']),
      });
      mkfifo(join(dir, 'contacts/y.md'));
      symlinkSync('/dev/zero', join(dir, 'contacts/zero.md'));
      symlinkSync(join(dir, 'nowhere.md'), join(dir, 'contacts/dangling.md'));
      mkdirSync(join(dir, '.vscode'));
      mkfifo(join(dir, '.vscode/settings.json'));
      const r = rapport(['list', dir, '--json'], { timeout: 15_000 });
      assert.equal(r.signal, null, 'rapport hung (killed by the timeout)');
      wellFormed(r, true, 'list');
      assert.equal(r.code, 0);
      assert.deepEqual(JSON.parse(r.out).contacts.map((c: { file: string }) => c.file), ['contacts/ok.md', 'contacts/x.md/inside.md']);
      assert.deepEqual(r.err.split('\n').filter(Boolean).sort(), [
        'rapport: .vscode/settings.json not a regular file (a FIFO, socket or device)',
        'rapport: skipped contacts/dangling.md: broken symlink (ENOENT)',
        'rapport: skipped contacts/y.md: not a regular file (a FIFO, socket or device)',
        'rapport: skipped contacts/zero.md: not a regular file (a FIFO, socket or device)',
      ]);
      const c = rapport(['check', dir, '--json', '--today', TODAY], { timeout: 15_000 });
      assert.equal(c.signal, null, 'rapport hung (killed by the timeout)');
      wellFormed(c, true, 'check');
    });

    it('a note and a folder without read permission, and a repository that cannot be listed', function () {
      // chmod does not stop root: as root, run rapport as nobody.
      const asRoot = process.getuid?.() === 0;
      const user = asRoot ? { uid: 65534, gid: 65534 } : {};
      const cache = mkdtempSync(join(tmpdir(), 'rapport-nobody-cache-'));
      made.push(cache);
      chmodSync(cache, 0o777);
      const bin = asRoot ? binForAnyUser() : BIN;
      made.push(dirname(dirname(bin)));
      const dir = folder({
        'contacts/ok.md': md(['type: contact', 'name: Ok']),
        'contacts/locked.md': md(['type: contact', 'name: Locked']),
        'sealed/c.md': md(['type: contact', 'name: Sealed']),
      });
      chmodSync(dir, 0o755);
      chmodSync(join(dir, 'contacts/locked.md'), 0o000);
      chmodSync(join(dir, 'sealed'), 0o000);
      const env = { ...process.env, XDG_CACHE_HOME: cache };
      let r;
      try {
        r = rapport(['check', dir, '--json', '--today', TODAY], { ...user, env }, bin);
      } catch (e) {
        if (asRoot && (e as NodeJS.ErrnoException).code === 'EPERM') this.skip(); // cannot drop privileges here
        throw e;
      } finally {
        chmodSync(join(dir, 'sealed'), 0o755);
      }
      wellFormed(r, true, 'check');
      assert.equal(r.code, 0);
      assert.deepEqual(JSON.parse(r.out), []);
      assert.deepEqual(r.err.split('\n').filter(Boolean).sort(), [
        'rapport: skipped contacts/locked.md: not readable (EACCES)',
        'rapport: skipped sealed: folder not readable (EACCES)',
      ]);
      // The repository itself: a clear refusal, not "No problems".
      chmodSync(dir, 0o311);
      const whole = rapport(['check', dir, '--json'], { ...user, env }, bin);
      chmodSync(dir, 0o755);
      wellFormed(whole, true, 'check');
      assert.equal(whole.code, 2);
      assert.equal(whole.err, `rapport: ${dir} is not readable (EACCES)\n`);
    });
  });

  describe('a folder that vanishes mid-run', () => {
    /** Run `hook` once, the first time `fs[name]` is called with a path `when` accepts, then leave fs as it was. */
    async function during<T>(name: 'readdirSync' | 'statSync' | 'realpathSync' | 'openSync', when: (p: string) => boolean, hook: () => void, body: () => Promise<T>): Promise<T> {
      const original = fs[name] as (...a: unknown[]) => unknown;
      let done = false;
      (fs as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
        const result = original.apply(this, args);
        if (!done && typeof args[0] === 'string' && when(args[0])) {
          done = true;
          hook();
        }
        return result;
      };
      syncBuiltinESMExports();
      try {
        return await body();
      } finally {
        (fs as unknown as Record<string, unknown>)[name] = original;
        syncBuiltinESMExports();
        assert.ok(done, `the ${name} hook never ran`);
      }
    }

    const NOTES = {
      'contacts/a.md': md(['type: contact', 'name: A']),
      'contacts/b.md': md(['type: contact', 'name: B']),
      'meetings/m.md': md(['type: meeting', 'with: "[[a]]"', 'date: 2026-11-01', 'referrals: []']),
    };

    it('notes deleted between the scan and the read are skipped with a reason (core)', () => {
      const dir = folder(NOTES);
      const skipped: { file: string; reason: string }[] = [];
      const scanned = scanFolder(dir, skipped);
      assert.equal(scanned.toMap().size, 3);
      rmSync(dir, { recursive: true, force: true });
      const index = new NoteIndex();
      assert.deepEqual(indexFiles(scanned, index, skipped), { read: 0, cached: 0 });
      assert.deepEqual(skipped.map((s) => `${s.file}: ${s.reason}`), [
        'contacts/a.md: not readable (ENOENT)',
        'contacts/b.md: not readable (ENOENT)',
        'meetings/m.md: not readable (ENOENT)',
      ]);
    });

    it('a subfolder deleted while the walk is under way: the rest is checked, the folder reported', async () => {
      const dir = folder(NOTES);
      for (const cache of [[], ['--no-cache']]) {
        const r = await during('readdirSync', (p) => p === dir, () => rmSync(join(dir, 'meetings'), { recursive: true }), () =>
          run('check', dir, '--json', '--today', TODAY, ...cache),
        );
        wellFormed(r, true, 'check');
        assert.equal(r.code, 0);
        assert.deepEqual(JSON.parse(r.out), []);
        assert.equal(r.err, 'rapport: skipped meetings: folder not readable (ENOENT)\n');
        mkdirSync(join(dir, 'meetings'));
        writeFileSync(join(dir, 'meetings/m.md'), NOTES['meetings/m.md']);
      }
    });

    it('the whole repository deleted after the walk: exit 2, one line, no report', async () => {
      for (const argv of [['check', '--json', '--today', TODAY], ['check'], ['list', '--json'], ['check', '--no-cache']]) {
        const dir = folder(NOTES);
        // Hooked on the first note opened: every run here reads notes (a new folder, so nothing is cached yet).
        const r = await during('openSync', (p) => p.startsWith(dir) && p.endsWith('.md'), () => rmSync(dir, { recursive: true }), () =>
          run(argv[0], dir, ...argv.slice(1)),
        );
        wellFormed(r, argv.includes('--json'), argv.join(' '));
        assert.equal(r.code, 2, argv.join(' '));
        assert.equal(r.err, `rapport: ${dir} disappeared while it was being read\n`, argv.join(' '));
      }
    });

    it('an unexpected error from the file system: exit 2, one line naming it', async () => {
      const dir = folder(NOTES);
      const eio = () => {
        throw Object.assign(new Error(`EIO: i/o error, realpath '${dir}'`), { code: 'EIO' });
      };
      const r = await during('realpathSync', (p) => p === dir, eio, () => run('check', dir, '--json'));
      wellFormed(r, true, 'check');
      assert.equal(r.code, 2);
      assert.equal(r.err, `rapport: could not read ${dir}: EIO: i/o error, realpath '${dir}'\n`);
    });

    it('the built command, its repository deleted at some point of the run: a well-formed result every time', async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 800; i++) files[`contacts/c${i}.md`] = md(['type: contact', `name: C ${i}`, `company: "[[co${i % 50}]]"`]);
      for (const delay of [0, 30, 100]) {
        const dir = folder(files);
        const child = spawn(process.execPath, [BIN, 'check', dir, '--json', '--no-cache'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (b) => (out += b));
        child.stderr.on('data', (b) => (err += b));
        const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
        setTimeout(() => rmSync(dir, { recursive: true, force: true }), delay);
        const code = await exited;
        wellFormed({ code, out, err }, true, `deleted after ${delay} ms`);
        if (code === 2) assert.match(err, /^rapport: .* (disappeared while it was being read|does not exist)$/m);
      }
    });
  });

  describe('watch', () => {
    it('keeps watching when a FIFO and a note the parser cannot take appear', async function () {
      this.timeout(5 * WATCH_WAIT_MS); // a hang fails one wait long before this
      const dir = folder({ 'contacts/a.md': md(['type: contact', 'name: A']) });
      const { child, io, waitFor, ready } = watching(dir, TODAY);
      try {
        await waitFor(/No problems/);
        await ready();
        mkfifo(join(dir, 'contacts/y.md'));
        // Written beside the folder and moved in, so the watcher never sees it half written.
        writeFileSync(`${dir}.links.tmp`, md(['type: contact', 'name: Links'], '[[nobody]] '.repeat(1_000_000)));
        renameSync(`${dir}.links.tmp`, join(dir, 'contacts/links.md'));
        // Reported as skipped, or (should the parser take it one day) checked.
        await waitFor(/^rapport: skipped contacts\/links\.md: could not be parsed|^(\+ )?contacts\/links\.md:\d+:\d+ warning unknown-reference/m, { stream: 'both' });
        writeFileSync(join(dir, 'contacts/b.md'), md(['type: contact', 'name: B', 'next_follow_up: 2026-11-01']));
        await waitFor(/contacts\/b\.md:4:1 warning follow-up-due/);
        assert.equal(child.exitCode, null, 'watch stopped');
        const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
        child.kill('SIGINT');
        assert.equal(await exit, 0);
        wellFormed({ code: 0, out: '', err: io.err }, false, 'watch');
      } finally {
        child.kill('SIGKILL');
      }
    });
  });

  describe('bad arguments', () => {
    it('a missing folder, a file, a bad flag, no folder, a bad date: exit 2 with one clear line', () => {
      const dir = folder({ 'contacts/a.md': md(['type: contact', 'name: A']) });
      const cases: [string[], RegExp][] = [
        [['check', join(dir, 'missing'), '--json'], /^rapport: .*missing does not exist$/],
        [['list', join(dir, 'contacts/a.md'), '--json'], /^rapport: .*a\.md is a file, not a folder$/],
        [['check', dir, '--json', '--bogus'], /^rapport: Unknown option '--bogus'/],
        [['check', '--json'], /^rapport: which folder\? give DIR$/],
        [['check', dir, '--json', '--today', '2026-13-01'], /^rapport: --today 2026-13-01 is not a date; write it as YYYY-MM-DD$/],
        [['check', dir, 'extra', '--json'], /^rapport: unexpected argument "extra"$/],
        [['frobnicate', dir], /^rapport: unknown command "frobnicate"$/],
      ];
      for (const [argv, first] of cases) {
        const r = rapport(argv);
        assert.equal(r.code, 2, argv.join(' '));
        assert.equal(r.out, '', argv.join(' '));
        assert.match(r.err.split('\n')[0], first, argv.join(' '));
        assert.doesNotMatch(r.err, /^\s+at /m, argv.join(' '));
      }
    });
  });
});
