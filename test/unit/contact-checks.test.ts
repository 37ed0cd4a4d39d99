import { strict as assert } from 'node:assert';
import type { Diagnostic } from '../../src/core/model.js';
import { CAST, check, md, only } from './helpers.js';

/** 1-based line of a diagnostic, as the CLI and the editor show it. */
const lineOf = (d: Diagnostic) => d.range.start.line + 1;

/** Dana Reyes, a contact of her own (not in CAST), with extra frontmatter lines and some meetings. */
const DANA = 'contacts/dana-reyes.md';
function dana(lines: string[], meetings: Record<string, string[]> = {}): Record<string, string> {
  const files: Record<string, string> = { ...CAST, [DANA]: md(['type: contact', 'name: Dana Reyes', 'company: "[[initech]]"', ...lines]) };
  for (const [name, fm] of Object.entries(meetings)) {
    files[`meetings/${name}.md`] = md(['type: meeting', 'with: "[[dana-reyes]]"', 'kind: informational', 'referrals: []', 'thank_you: true', ...fm]);
  }
  return files;
}
const followUps = (files: Record<string, string>, today?: string) => only(check(files, today), 'follow-up-due');
const followUpsFor = (files: Record<string, string>) => followUps(files).filter((d) => d.file === DANA);

describe('follow-up-due', () => {
  describe('next_follow_up', () => {
    it('is information when the date has just passed, naming the contact and how late, at the next_follow_up line', () => {
      const ds = followUpsFor(dana(['next_follow_up: 2026-11-20']));
      assert.equal(ds.length, 1);
      const [d] = ds;
      assert.equal(d.severity, 'information');
      assert.ok(!d.overdue);
      assert.match(d.message, /Dana Reyes/);
      assert.match(d.message, /1 day late/);
      // ---, type, name, company, next_follow_up → line 5
      assert.equal(lineOf(d), 5);
    });

    it('says "today" when the follow-up date is today', () => {
      const [d, ...rest] = followUpsFor(dana(['next_follow_up: 2026-11-21']));
      assert.equal(rest.length, 0);
      assert.equal(d.severity, 'information');
      assert.ok(!d.overdue);
      assert.match(d.message, /Dana Reyes today/);
      assert.doesNotMatch(d.message, /late/);
    });

    it('turns into an overdue warning when more than 7 days late', () => {
      const [d, ...rest] = followUpsFor(dana(['next_follow_up: 2026-11-13']));
      assert.equal(rest.length, 0);
      assert.equal(d.severity, 'warning');
      assert.equal(d.overdue, true);
      assert.match(d.message, /8 days late/);
      assert.match(d.message, /Dana Reyes/);
    });

    it('is still information at exactly 7 days late', () => {
      const [d, ...rest] = followUpsFor(dana(['next_follow_up: 2026-11-14']));
      assert.equal(rest.length, 0);
      assert.equal(d.severity, 'information');
      assert.ok(!d.overdue);
      assert.match(d.message, /7 days late/);
    });

    it('says nothing while the date is ahead', () => {
      assert.deepEqual(followUpsFor(dana(['next_follow_up: 2026-11-22'])), []);
      assert.deepEqual(followUpsFor(dana(['next_follow_up: 2027-01-15'])), []);
      // The same note fires once the day comes.
      assert.equal(followUps(dana(['next_follow_up: 2026-11-22']), '2026-11-22').filter((d) => d.file === DANA).length, 1);
    });

    it('is satisfied by a done meeting on the follow-up date or after it', () => {
      for (const date of ['2026-11-15', '2026-11-18']) {
        const files = dana(['next_follow_up: 2026-11-15'], { m: [`date: ${date}`, 'status: done'] });
        assert.deepEqual(followUpsFor(files), [], `meeting on ${date}`);
      }
      // A meeting whose status is absent but whose date is past counts as done too.
      assert.deepEqual(followUpsFor(dana(['next_follow_up: 2026-11-15'], { m: ['date: 2026-11-16'] })), []);
    });

    it('is not satisfied by a meeting before the date, nor by a cancelled or no-show one after it', () => {
      const before = dana(['next_follow_up: 2026-11-15'], { m: ['date: 2026-11-14', 'status: done'] });
      assert.equal(followUpsFor(before).length, 1);
      for (const status of ['cancelled', 'no-show']) {
        const files = dana(['next_follow_up: 2026-11-15'], { m: ['date: 2026-11-18', `status: ${status}`] });
        assert.equal(followUpsFor(files).length, 1, status);
      }
    });

    it('is not satisfied by a meeting with somebody else', () => {
      const files = {
        ...dana(['next_follow_up: 2026-11-15']),
        'meetings/sally.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-18', 'status: done', 'referrals: []', 'thank_you: true']),
      };
      assert.equal(followUpsFor(files).length, 1);
    });

    it('is in hand once a meeting with them is booked ahead, and not for a stale planned one', () => {
      assert.deepEqual(followUpsFor(dana(['next_follow_up: 2026-11-15'], { m: ['date: 2026-11-25'] })), []);
      assert.equal(followUpsFor(dana(['next_follow_up: 2026-11-15'], { m: ['date: 2026-11-20', 'status: planned'] })).length, 1);
    });
  });

  describe('keep_in_touch_days', () => {
    it('fires once the interval has passed since the last done meeting, at the keep_in_touch_days line', () => {
      // Last met 2026-10-15, every 30 days → due 2026-11-14, 7 days late.
      const ds = followUpsFor(dana(['keep_in_touch_days: 30'], { m: ['date: 2026-10-15', 'status: done'] }));
      assert.equal(ds.length, 1);
      const [d] = ds;
      assert.equal(d.severity, 'information');
      assert.match(d.message, /Dana Reyes/);
      assert.match(d.message, /2026-10-15/);
      assert.equal(lineOf(d), 5);
    });

    it('fires on the very day the interval ends, and warns when long past', () => {
      const [today] = followUpsFor(dana(['keep_in_touch_days: 30'], { m: ['date: 2026-10-22', 'status: done'] }));
      assert.ok(today);
      assert.match(today.message, /today/);
      const [late] = followUpsFor(dana(['keep_in_touch_days: 30'], { m: ['date: 2026-09-01', 'status: done'] }));
      assert.equal(late.severity, 'warning');
      assert.equal(late.overdue, true);
    });

    it('is silent while the interval has not passed', () => {
      assert.deepEqual(followUpsFor(dana(['keep_in_touch_days: 30'], { m: ['date: 2026-11-01', 'status: done'] })), []);
    });

    it('counts from the most recent done meeting, not the first', () => {
      const files = dana(['keep_in_touch_days: 30'], {
        old: ['date: 2026-08-01', 'status: done'],
        recent: ['date: 2026-11-10', 'status: done'],
      });
      assert.deepEqual(followUpsFor(files), []);
    });

    it('is silent for someone never met, even with a planned or cancelled meeting on file', () => {
      assert.deepEqual(followUpsFor(dana(['keep_in_touch_days: 30'])), []);
      // Nothing else goes wrong on her note either (no check trips over the missing meeting).
      assert.deepEqual(check(dana(['keep_in_touch_days: 30'])).filter((d) => d.file === DANA), []);
      const files = dana(['keep_in_touch_days: 30'], {
        planned: ['date: 2026-12-01', 'status: planned'],
        cancelled: ['date: 2026-08-01', 'status: cancelled'],
      });
      assert.deepEqual(followUpsFor(files), []);
    });

    it('gives way to an explicit next_follow_up that is still ahead', () => {
      const met = { m: ['date: 2026-08-01', 'status: done'] };
      assert.equal(followUpsFor(dana(['keep_in_touch_days: 30'], met)).length, 1, 'the interval alone has passed');
      assert.deepEqual(followUpsFor(dana(['keep_in_touch_days: 30', 'next_follow_up: 2026-12-15'], met)), []);
    });
  });

  it('says nothing for contacts with neither key (the cast)', () => {
    assert.deepEqual(followUps(CAST), []);
  });
});

describe('duplicate-contact', () => {
  it('flags both files when two contacts share an email written in different case', () => {
    const files = {
      ...CAST,
      'contacts/s-smith.md': md(['type: contact', 'name: S. Smith', 'company: "[[initech]]"', 'email: Sally@Globex.EXAMPLE']),
    };
    const ds = only(check(files), 'duplicate-contact');
    assert.deepEqual(ds.map((d) => d.file).sort(), ['contacts/s-smith.md', 'contacts/sally-smith.md']);
    for (const d of ds) assert.equal(d.severity, 'warning');
    const byFile = new Map(ds.map((d) => [d.file, d]));
    // Each points at its own email line and names the other file.
    assert.equal(lineOf(byFile.get('contacts/sally-smith.md')!), 5);
    assert.equal(lineOf(byFile.get('contacts/s-smith.md')!), 5);
    assert.match(byFile.get('contacts/sally-smith.md')!.message, /contacts\/s-smith\.md/);
    assert.match(byFile.get('contacts/s-smith.md')!.message, /contacts\/sally-smith\.md/);
    assert.match(byFile.get('contacts/s-smith.md')!.message, /email/i);
  });

  it('flags the same name at the same company, written once as text and once as a [[link]]', () => {
    const files = {
      ...CAST, // contacts/sally-smith.md has `company: Globex`
      'contacts/sally-smith-2.md': md(['type: contact', 'name: Sally Smith', 'company: "[[globex]]"']),
    };
    const ds = only(check(files), 'duplicate-contact');
    assert.deepEqual(ds.map((d) => d.file).sort(), ['contacts/sally-smith-2.md', 'contacts/sally-smith.md']);
    const mine = ds.find((d) => d.file === 'contacts/sally-smith-2.md')!;
    assert.equal(mine.severity, 'warning');
    assert.match(mine.message, /contacts\/sally-smith\.md/);
    assert.equal(lineOf(mine), 3); // the name line
  });

  it('matches the company by its note, when its file name is not the slug of its name', () => {
    const files = {
      ...CAST,
      'companies/acme.md': md(['type: company', 'name: Acme Rockets']),
      'contacts/ann-wu.md': md(['type: contact', 'name: Ann Wu', 'company: Acme Rockets']),
      'contacts/ann-wu-2.md': md(['type: contact', 'name: Ann Wu', 'company: "[[acme]]"']),
    };
    assert.deepEqual(only(check(files), 'duplicate-contact').map((d) => d.file).sort(), ['contacts/ann-wu-2.md', 'contacts/ann-wu.md']);
  });

  it('is silent for the same name at different companies', () => {
    const files = {
      ...CAST,
      'contacts/sally-smith-initech.md': md(['type: contact', 'name: Sally Smith', 'company: "[[initech]]"', 'email: sally@initech.example']),
    };
    assert.deepEqual(only(check(files), 'duplicate-contact'), []);
  });

  it('is silent for different people at the same company', () => {
    const files = {
      ...CAST,
      'contacts/tom-lee.md': md(['type: contact', 'name: Tom Lee', 'company: Globex', 'email: tom@globex.example']),
    };
    assert.deepEqual(only(check(files), 'duplicate-contact'), []);
  });
});

describe('target-without-contact', () => {
  const targets = (files: Record<string, string>) => only(check(files), 'target-without-contact');
  const ACME = md(['type: company', 'name: Acme Rockets', 'target: true']);

  it('fires for a target company where nobody is known, naming it, at the target line', () => {
    const ds = targets({ ...CAST, 'companies/acme.md': ACME }).filter((d) => d.file === 'companies/acme.md');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'information');
    assert.match(ds[0].message, /Acme Rockets/);
    assert.equal(lineOf(ds[0]), 4);
  });

  it('is silenced by a contact whose company is plain text matching the company note\'s name', () => {
    // CAST: Sally has `company: Globex` (plain text); Globex is a target.
    assert.deepEqual(targets(CAST).filter((d) => d.file === 'companies/globex.md'), []);
    // And when the company note's file name is not the slug of its name.
    const files = {
      ...CAST,
      'companies/acme.md': ACME,
      'contacts/ann.md': md(['type: contact', 'name: Ann Wu', 'company: Acme Rockets']),
    };
    assert.deepEqual(targets(files).filter((d) => d.file === 'companies/acme.md'), []);
  });

  it('is silenced as surely by a [[link]] to the company', () => {
    const files = {
      ...CAST,
      'companies/acme.md': ACME,
      'contacts/ann.md': md(['type: contact', 'name: Ann Wu', 'company: "[[acme]]"']),
    };
    assert.deepEqual(targets(files).filter((d) => d.file === 'companies/acme.md'), []);
    // Globex with its only contact linking instead of naming it.
    const linked = { ...CAST, 'contacts/sally-smith.md': md(['type: contact', 'name: Sally Smith', 'company: "[[globex]]"']) };
    assert.deepEqual(targets(linked), []);
  });

  it('fires again when the only contact there is removed or works elsewhere', () => {
    const elsewhere = { ...CAST, 'contacts/sally-smith.md': md(['type: contact', 'name: Sally Smith', 'company: Initech']) };
    assert.deepEqual(targets(elsewhere).map((d) => d.file), ['companies/globex.md']);
  });

  it('is silent for a company that is not a target', () => {
    const files = { ...CAST, 'companies/acme.md': md(['type: company', 'name: Acme Rockets', 'target: false']) };
    assert.deepEqual(targets(files), []);
    // Initech (no target key) has a contact anyway; Hooli with no target key and nobody: silent.
    const hooli = { ...CAST, 'companies/hooli.md': md(['type: company', 'name: Hooli']) };
    assert.deepEqual(targets(hooli), []);
  });
});
