// `rapport report`: the figures as JSON (the spec's contract, key for key) or Markdown,
// and clear refusals of bad usage.

import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { repo, run } from './cli-helpers.js';
import { md } from './helpers.js';

const NETWORK = {
  'contacts/sally-smith.md': md(['type: contact', 'name: Sally Smith', 'company: Globex']),
  'contacts/bob-jones.md': md(['type: contact', 'name: Bob Jones', 'company: Initech', 'referred_by: "[[sally-smith]]"']),
  'companies/initech.md': md(['type: company', 'name: Initech', 'target: true', 'priority: 1']),
  'meetings/2026-11-16-sally.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-16', 'thank_you: 2026-11-17', 'referrals: ["[[bob-jones]]"]']),
  'meetings/2026-11-24-bob.md': md(['type: meeting', 'with: "[[bob-jones]]"', 'date: 2026-11-24 15:00']),
  'outreach/bob.md': md(['type: outreach', 'to: "[[bob-jones]]"', 'status: sent', 'sent: 2026-11-18', 'subject: Sally Smith suggested I contact you'], 'Hi Bob,\n'),
};

describe('rapport report', () => {
  let dir: string;
  before(() => (dir = repo(NETWORK)));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--json writes the contract: today, weeks, totals, targets, agenda', async () => {
    const { code, out, err } = await run('report', dir, '--json', '--today', '2026-11-21', '--weeks', '2');
    assert.equal(code, 0);
    assert.equal(err, '');
    const r = JSON.parse(out);
    assert.deepEqual(Object.keys(r), ['today', 'weeks', 'totals', 'targets', 'agenda']);
    assert.deepEqual(r.weeks, [
      { start: '2026-11-09', meetings: 0, outreach_sent: 0, referrals_gained: 0 },
      { start: '2026-11-16', meetings: 1, outreach_sent: 1, referrals_gained: 1 },
    ]);
    assert.deepEqual(r.totals, { contacts: 2, meetings_done: 1, meetings_planned: 1, outreach_sent: 1, replies: 0, referrals_gained: 1,
      thank_you: { on_time: 1, late: 0, undated: 0, pending: 0, skipped: 0 } });
    assert.deepEqual(r.targets, [{ id: 'initech', name: 'Initech', priority: 1, known: ['bob-jones'], path: ['sally-smith', 'bob-jones'] }]);
    assert.deepEqual(r.agenda.map((a: { date: string; code: string }) => [a.date, a.code]), [
      ['2026-11-24', 'referrer-update-pending'],
      ['2026-11-24', 'meeting'],
      // The message to Bob gets no "no reply" on the 25th: the meeting on the 24th is his answer.
      ['2026-11-25', 'thank-you-pending'],
    ]);
  });

  it('Markdown by default, names for ids, the chain to each target', async () => {
    const { code, out } = await run('report', dir, '--today', '2026-11-21');
    assert.equal(code, 0);
    assert.match(out, /^# Networking report, 2026-11-21\n/);
    assert.match(out, /\| Initech \| 1 \| Bob Jones \| Sally Smith → Bob Jones \|/);
    assert.match(out, /\*\*2026-11-24\*\*\n\n- Update Sally Smith \(meetings\/2026-11-24-bob\.md\)\n- Meeting with Bob Jones at 15:00/);
    assert.equal((await run('report', dir, '--today', '2026-11-21', '--md')).out, out);
  });

  it('refuses bad usage with a clear message and exit 2', async () => {
    for (const [args, why] of [
      [['--weeks', '0'], /--weeks 0 should be a number of weeks from 1 to 520/],
      [['--weeks', 'many'], /--weeks many/],
      [['--json', '--md'], /--md \(the default\), --json or --html FILE: one of them/],
      [['--format', 'github'], /--md \(the default\), --json or --html FILE/],
    ] as const) {
      const { code, out, err } = await run('report', dir, ...args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(out, '');
      assert.match(err, why);
    }
    // export ics takes none of report's options (it once ignored --html without a word).
    for (const opt of [['--html', 'x.html'], ['--json'], ['--weeks', '2']]) {
      const r = await run('export', 'ics', dir, ...opt);
      assert.equal(r.code, 2, opt.join(' '));
      assert.match(r.err, /export ics takes only --today and --no-cache/);
    }
    const { code, err } = await run('check', dir, '--weeks', '3');
    assert.equal(code, 2);
    assert.match(err, /--weeks is for rapport report/);
  });
});
