import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run, watching as watchingOn, WATCH_WAIT_MS } from './cli-helpers.js';
import { md, rng } from './helpers.js';

/** `rapport watch DIR` on the tests' day; `waitFor(re, from)` waits for `re` in what it printed after `from`. */
function watching(dir: string, ...extra: string[]) {
  const w = watchingOn(dir, '2026-11-21', ...extra);
  return { ...w, waitFor: (re: RegExp, from = 0) => w.waitFor(re, { from }) };
}


/**
 * The report as a person reading watch's output has it now: its first report, brought up to
 * date by each print's "- " and "+ " lines (a whole report starts again), with the last summary.
 */
function shownBy(out: string): string {
  const blocks = out.split('\n── ').slice(1).map((b) => b.split('\n').slice(1, -1));
  if (!out.endsWith('\n') || !blocks.length) return '';
  let lines: string[] = [];
  for (const block of blocks) {
    const body = block.slice(0, -1);
    if (body.some((l) => !/^[+-] /.test(l) && l !== '(no change)')) lines = body;
    else {
      const gone = new Set(body.filter((l) => l.startsWith('- ')).map((l) => l.slice(2)));
      lines = [...lines.filter((l) => !gone.has(l)), ...body.filter((l) => l.startsWith('+ ')).map((l) => l.slice(2))];
    }
  }
  return [...lines.sort(), blocks[blocks.length - 1].at(-1)].join('\n');
}

/** A fresh check's report in the same form: its lines, in any order, then its summary. */
function sortedReport(text: string): string {
  const lines = text.trimEnd().split('\n');
  return [...lines.slice(0, -1).sort(), lines.at(-1)].join('\n');
}

describe('rapport watch', function () {
  this.timeout(10 * WATCH_WAIT_MS); // a hang fails one wait long before this

  it('re-checks when a note is added, changed and removed, and exits 0 on Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-watch-'));
    mkdirSync(join(dir, 'contacts'));
    writeFileSync(join(dir, 'contacts/a.md'), md(['type: contact', 'name: A']));
    const { child, io, waitFor, ready, stop } = watching(dir);
    try {
      await waitFor(/No problems/);
      await ready();
      let mark = io.out.length;
      writeFileSync(join(dir, 'contacts/b.md'), md(['type: contact', 'name: B', 'next_follow_up: 2026-11-01']));
      await waitFor(/\n\+ contacts\/b\.md:4:1 warning follow-up-due .*\n1 diagnostic/, mark);
      mark = io.out.length;
      // After the first report, only what changed: the line gone, the line come.
      writeFileSync(join(dir, 'contacts/b.md'), md(['type: contact', 'name: B', 'status: nonsense']));
      const changed = await waitFor(/\+ contacts\/b\.md:4:9 error invalid-frontmatter/, mark);
      assert.match(changed, /── .* ──\n- contacts\/b\.md:4:1 warning follow-up-due .*\n\+ contacts\/b\.md:4:9 error invalid-frontmatter .*\n1 diagnostic/);
      mark = io.out.length;
      unlinkSync(join(dir, 'contacts/b.md'));
      await waitFor(/No problems/, mark);
      assert.equal(await stop(), 0);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('re-checks only the notes a change can reach, and everything when the settings change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-watch-'));
    for (const d of ['contacts', 'meetings', '.vscode']) mkdirSync(join(dir, d));
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `contacts/p${i}.md`), md(['type: contact', `name: Person ${i}`]));
    writeFileSync(join(dir, 'contacts/sally.md'), md(['type: contact', 'name: Sally']));
    writeFileSync(join(dir, 'meetings/lunch.md'), md(['type: meeting', 'with: ["[[sally]]", "[[carol]]"]', 'date: 2026-11-20', 'thank_you: skip', 'referrals: []']));
    const { child, io, waitFor, ready, stop } = watching(dir);
    try {
      const first = await waitFor(/diagnostic/);
      assert.match(first, /── .* · 32 files checked in [\d.]+ ms ──/);
      assert.match(first, /meetings\/lunch\.md:\d+:\d+ warning unknown-reference No note is called “carol”/);
      await ready();
      // Carol's note answers the meeting's link: the meeting is re-checked with her, and nothing else.
      let mark = io.out.length;
      writeFileSync(join(dir, 'contacts/carol.md'), md(['type: contact', 'name: Carol']));
      const after = await waitFor(/No problems/, mark);
      const rechecked = /· (\d+) files? re-checked in/.exec(after);
      assert.ok(rechecked, after);
      assert.ok(Number(rechecked[1]) >= 2 && Number(rechecked[1]) <= 3, after); // carol, the meeting (and sally, whom it is with)
      // Many files at once (a checkout): all are checked again, the new ones with them.
      mark = io.out.length;
      for (let i = 0; i < 25; i++) writeFileSync(join(dir, `contacts/q${i}.md`), md(['type: contact', `name: Q ${i}`]));
      await waitFor(/· 58 files checked in/, mark);
      for (let i = 0; i < 25; i++) unlinkSync(join(dir, `contacts/q${i}.md`));
      await waitFor(/· 33 files checked in/, mark);
      // A setting can change any note's result: all of them are checked again.
      mark = io.out.length;
      writeFileSync(join(dir, '.vscode/settings.json'), '{ "rapport.checks.unknown-reference": "error" }');
      await waitFor(/· 33 files checked in/, mark);
      unlinkSync(join(dir, 'contacts/carol.md'));
      await waitFor(/meetings\/lunch\.md:\d+:\d+ error unknown-reference/, mark);
      // Without the settings file, the defaults again.
      mark = io.out.length;
      unlinkSync(join(dir, '.vscode/settings.json'));
      await waitFor(/meetings\/lunch\.md:\d+:\d+ warning unknown-reference/, mark);
      assert.equal(await stop(), 0);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows what a fresh check prints after every burst of creations, deletions, renames and folder moves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-watch-'));
    const outside = mkdtempSync(join(tmpdir(), 'rapport-watch-outside-'));
    const random = rng(20261121);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
    const contact = (name: string) => md(['type: contact', `name: ${name}`, `next_follow_up: 2026-11-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`]);
    const meeting = (who: string) => md(['type: meeting', `with: "[[${who}]]"`, 'date: 2026-11-19', 'referrals: []'], '## Questions\n\n- What surprised you?\n');
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    const notes = () => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    let n = 0;
    for (let i = 0; i < 12; i++) put(`contacts/c${n++}.md`, contact(`Person ${n}`));
    for (const team of ['alpha', 'beta']) for (let i = 0; i < 5; i++) put(`teams/${team}/c${n++}.md`, contact(`Member ${n}`));
    for (let i = 0; i < 6; i++) put(`meetings/m${i}.md`, meeting(`c${i}`));
    const { child, io, waitFor, ready, stop } = watching(dir);
    try {
      await waitFor(/diagnostic|No problems/);
      await ready();
      const waits: number[] = [];
      for (let round = 0; round < 6; round++) {
        // A burst: notes created, deleted, renamed and rewritten, and whole folders moved in, out and about.
        for (let op = 0; op < 60; op++) {
          const existing = notes();
          const r = random();
          if (r < 0.3) put(`${pick(['contacts', 'teams/alpha', 'meetings'])}/c${n++}.md`, contact(`New ${n}`));
          else if (r < 0.45 && existing.length > 10) unlinkSync(join(dir, pick(existing)));
          else if (r < 0.6 && existing.length) {
            const from = pick(existing);
            put(`contacts/r${n++}.md`, '');
            renameSync(join(dir, from), join(dir, `contacts/r${n - 1}.md`));
          } else if (r < 0.75) put(`meetings/m${n++}.md`, meeting(`c${Math.floor(random() * n)}`));
          else if (r < 0.85 && existing.length) writeFileSync(join(dir, pick(existing)), contact(`Changed ${n++}`));
          else {
            const teams = readdirSync(join(dir, 'teams'));
            const move = random();
            if (move < 0.4 && teams.length) renameSync(join(dir, 'teams', pick(teams)), join(dir, 'teams', `moved${n++}`));
            else if (move < 0.7 && teams.length) renameSync(join(dir, 'teams', pick(teams)), join(outside, `out${n++}`));
            else {
              const gone = readdirSync(outside);
              if (gone.length) renameSync(join(outside, pick(gone)), join(dir, 'teams', `back${n++}`));
            }
          }
        }
        // Then, within a bounded time, the last report watch printed is a fresh check's.
        const fresh = sortedReport((await run('check', dir, '--today', '2026-11-21', '--no-cache')).out);
        const started = Date.now();
        const last = () => shownBy(io.out);
        await new Promise<void>((resolve, reject) => {
          const poll = () => {
            if (last() === fresh) return resolve();
            if (Date.now() - started > WATCH_WAIT_MS / 3) return reject(new Error(`round ${round}: watch still says\n${last()}\nwhere a fresh check says\n${fresh}`));
            setTimeout(poll, 100);
          };
          poll();
        });
        waits.push(Date.now() - started);
      }
      assert.equal(await stop(), 0);
      console.log(`      (6 bursts of 60 operations; watch agreed with a fresh check after ${waits.join(', ')} ms)`);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('prints the whole report after every change with --full', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-watch-'));
    mkdirSync(join(dir, 'contacts'));
    writeFileSync(join(dir, 'contacts/a.md'), md(['type: contact', 'name: A', 'next_follow_up: 2026-11-01']));
    const { child, io, waitFor, ready, stop } = watching(dir, '--full');
    try {
      await waitFor(/1 diagnostic/);
      await ready();
      const mark = io.out.length;
      writeFileSync(join(dir, 'contacts/b.md'), md(['type: contact', 'name: B', 'next_follow_up: 2026-11-02']));
      const after = await waitFor(/2 diagnostics/, mark);
      assert.match(after, /── .* ──\ncontacts\/a\.md:4:1 warning follow-up-due .*\ncontacts\/b\.md:4:1 warning follow-up-due .*\n2 diagnostics/);
      assert.equal(await stop(), 0);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
