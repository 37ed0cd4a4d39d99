import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watching as watchingOn, WATCH_WAIT_MS } from './cli-helpers.js';
import { md } from './helpers.js';

/** `rapport watch DIR` on the tests' day; `waitFor(re, from)` waits for `re` in what it printed after `from`. */
function watching(dir: string) {
  const w = watchingOn(dir, '2026-11-21');
  return { ...w, waitFor: (re: RegExp, from = 0) => w.waitFor(re, { from }) };
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
      await waitFor(/contacts\/b\.md:4:1 warning follow-up-due/, mark);
      mark = io.out.length;
      writeFileSync(join(dir, 'contacts/b.md'), md(['type: contact', 'name: B', 'status: nonsense']));
      await waitFor(/contacts\/b\.md:4:9 error invalid-frontmatter/, mark);
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
});
