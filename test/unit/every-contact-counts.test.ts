// "Every contact counts": a contact's last contact from every source, cadence by tag,
// and the three checks that close the loops a meeting or a message opens
// (promise-open, outreach-no-reply, status-behind), each at its boundaries and
// each fix by the bytes it leaves.

import { strict as assert } from 'node:assert';
import { followUps } from '../../src/core/follow-ups.js';
import type { Diagnostic, Fix } from '../../src/core/model.js';
import { settingsFrom, type Settings } from '../../src/core/settings.js';
import { applyEdits } from '../../src/core/text.js';
import { CAST, check, clock, indexOf, md, only } from './helpers.js';
import { writeDraft } from '../../src/core/drafts.js';

const DANA = 'contacts/dana-reyes.md';
const dana = (lines: string[]) => md(['type: contact', 'name: Dana Reyes', 'company: "[[initech]]"', ...lines]);
const meeting = (date: string, lines: string[] = [], body = '') =>
  md(['type: meeting', 'with: "[[dana-reyes]]"', `date: ${date}`, 'kind: informational', 'referrals: []', 'thank_you: true', ...lines], body);
const outreach = (lines: string[], body = '\nHi Dana,\n\nThank you.\n') =>
  md(['type: outreach', 'to: "[[dana-reyes]]"', 'subject: Hello', 'channel: email', ...lines], body);

function run(files: Record<string, string>, code: string, settings: Partial<Settings> = {}, today?: string): Diagnostic[] {
  return only(check({ ...CAST, ...files }, today, settings), code);
}

/** The note the follow-up draft fix creates when chosen, in these files. */
function written(d: Diagnostic, files: Record<string, string>) {
  const fix = d.fixes?.find((f) => /follow-up/.test(f.title));
  return fix && writeDraft(fix, indexOf(files), clock().today)?.create;
}

/** The text a fix's edits leave in `text`. */
function applied(text: string, fix: Fix | undefined): string {
  assert.ok(fix, 'a fix is offered');
  return applyEdits(text, fix.edits ?? []);
}

describe('last contact and follow-up-due', () => {
  const due = (files: Record<string, string>, settings: Partial<Settings> = {}) => run(files, 'follow-up-due', settings).filter((d) => d.file === DANA);

  it('counts from a done meeting: due on the day, silent the day before', () => {
    assert.equal(due({ [DANA]: dana(['keep_in_touch_days: 30']), 'meetings/m.md': meeting('2026-10-22') }).length, 1);
    assert.equal(due({ [DANA]: dana(['keep_in_touch_days: 30']), 'meetings/m.md': meeting('2026-10-23') }).length, 0);
  });

  it('counts from a sent outreach (its sent date) and says so', () => {
    const [d, ...rest] = due({ [DANA]: dana(['keep_in_touch_days: 30']), 'outreach/o.md': outreach(['status: sent', 'sent: 2026-10-22']) });
    assert.equal(rest.length, 0);
    assert.match(d.message, /last wrote 2026-10-22/);
    assert.equal(due({ [DANA]: dana(['keep_in_touch_days: 30']), 'outreach/o.md': outreach(['status: sent', 'sent: 2026-10-23']) }).length, 0);
  });

  it('counts from a replied outreach by its replied date when given', () => {
    const files = (replied: string) => ({ [DANA]: dana(['keep_in_touch_days: 30']), 'outreach/o.md': outreach(['status: replied', 'sent: 2026-10-01', `replied: ${replied}`]) });
    assert.equal(due(files('2026-10-22')).length, 1);
    assert.equal(due(files('2026-10-23')).length, 0);
  });

  it('counts from the contact’s own last_contact', () => {
    const [d] = due({ [DANA]: dana(['keep_in_touch_days: 30', 'last_contact: 2026-10-22']) });
    assert.match(d.message, /last in touch 2026-10-22/);
    assert.equal(due({ [DANA]: dana(['keep_in_touch_days: 30', 'last_contact: 2026-10-23']) }).length, 0);
  });

  it('takes the latest of all sources: a later message resets a meeting’s clock', () => {
    const files = { [DANA]: dana(['keep_in_touch_days: 30']), 'meetings/m.md': meeting('2026-09-01'), 'outreach/o.md': outreach(['status: sent', 'sent: 2026-11-01']) };
    assert.equal(due(files).length, 0);
  });

  it('does not count an unsent draft', () => {
    assert.equal(due({ [DANA]: dana(['keep_in_touch_days: 30']), 'outreach/o.md': outreach(['status: draft', 'sent: 2026-11-01']), 'meetings/m.md': meeting('2026-09-01') }).length, 1);
  });

  it('never falls due by cadence for a contact never contacted', () => {
    assert.equal(due({ [DANA]: dana(['keep_in_touch_days: 1', 'tags: [mentor]']) }, { keepInTouchByTag: { mentor: 1 } }).length, 0);
  });

  it('a contact since next_follow_up meets it', () => {
    assert.equal(due({ [DANA]: dana(['next_follow_up: 2026-11-10', 'last_contact: 2026-11-12']) }).length, 0);
    assert.equal(due({ [DANA]: dana(['next_follow_up: 2026-11-10', 'last_contact: 2026-11-09']) }).length, 1);
  });

  it('an invalid last_contact is invalid-frontmatter', () => {
    const ds = run({ [DANA]: dana(['last_contact: 2026-11-31']) }, 'invalid-frontmatter');
    assert.equal(ds.length, 1);
    assert.match(ds[0].message, /last_contact: 2026-11-31/);
  });

  describe('cadence by tag', () => {
    const byTag = { keepInTouchByTag: { mentor: 30, friend: 60 } };
    it('applies the tag’s days to a contact with no keep_in_touch_days, the smallest of its tags', () => {
      const files = (met: string) => ({ [DANA]: dana(['tags: [friend, mentor]']), 'meetings/m.md': meeting(met) });
      const [d] = due(files('2026-10-22'), byTag);
      assert.match(d.message, /every 30 days \(tag mentor\)/);
      assert.equal(due(files('2026-10-23'), byTag).length, 0);
    });
    it('matches tags whatever their case', () => {
      assert.equal(due({ [DANA]: dana(['tags: [Mentor]']), 'meetings/m.md': meeting('2026-10-22') }, byTag).length, 1);
    });
    it('gives way to the contact’s own keep_in_touch_days', () => {
      assert.equal(due({ [DANA]: dana(['tags: [mentor]', 'keep_in_touch_days: 60']), 'meetings/m.md': meeting('2026-10-22') }, byTag).length, 0);
    });
    it('leaves a contact without a matching tag alone', () => {
      assert.equal(due({ [DANA]: dana(['tags: [colleague]']), 'meetings/m.md': meeting('2026-01-01') }, byTag).length, 0);
    });
  });

  describe('fixes', () => {
    const text = dana(['keep_in_touch_days: 30', 'next_follow_up: 2026-11-10']);
    const [d] = due({ [DANA]: text, 'meetings/m.md': meeting('2026-09-01') });
    it('"followed up today" adds last_contact: today, which silences it', () => {
      const after = applied(text, d.fixes?.find((f) => /Followed up/.test(f.title)));
      assert.equal(after, dana(['keep_in_touch_days: 30', 'next_follow_up: 2026-11-10', 'last_contact: 2026-11-21']));
      assert.equal(due({ [DANA]: after, 'meetings/m.md': meeting('2026-09-01') }).length, 0);
    });
    it('"snooze 7 days" sets next_follow_up a week ahead, which silences it until then', () => {
      const after = applied(text, d.fixes?.find((f) => /Snooze/.test(f.title)));
      assert.equal(after, dana(['keep_in_touch_days: 30', 'next_follow_up: 2026-11-28']));
      assert.equal(due({ [DANA]: after, 'meetings/m.md': meeting('2026-09-01') }).length, 0);
      assert.equal(run({ [DANA]: after, 'meetings/m.md': meeting('2026-09-01') }, 'follow-up-due', {}, '2026-11-28').filter((x) => x.file === DANA).length, 1);
    });
  });
});

describe('promise-open', () => {
  const M = 'meetings/m.md';
  const body = (tasks: string) => `\n## Notes\n\nGood talk.\n\n${tasks}\n`;
  const promises = (date: string, tasks = '- [ ] Send Dana the deck', settings: Partial<Settings> = {}, lines: string[] = []) =>
    run({ [DANA]: dana([]), [M]: meeting(date, lines, body(tasks)) }, 'promise-open', settings);

  it('fires promiseDays (3) days after the meeting, as information naming the task; silent the day before', () => {
    const [d, ...rest] = promises('2026-11-18');
    assert.equal(rest.length, 0);
    assert.equal(d.severity, 'information');
    assert.match(d.message, /Dana Reyes/);
    assert.match(d.message, /Send Dana the deck/);
    assert.equal(d.followUp?.due !== undefined, true);
    assert.equal(promises('2026-11-19').length, 0);
  });

  it('is a warning more than a week late, information at exactly a week', () => {
    const [late] = promises('2026-11-10');
    assert.equal(late.severity, 'warning');
    assert.equal(late.overdue, true);
    const [week] = promises('2026-11-11');
    assert.equal(week.severity, 'information');
  });

  it('is silent for a ticked task, a planned meeting, and a task inside a code block', () => {
    assert.equal(promises('2026-11-01', '- [x] Send Dana the deck').length, 0);
    assert.equal(promises('2026-11-01', '- [X] Send Dana the deck').length, 0);
    assert.equal(promises('2026-11-01', '- [ ] Send Dana the deck', {}, ['status: planned']).length, 0);
    assert.equal(promises('2026-11-01', '```\n- [ ] Send Dana the deck\n```').length, 0);
  });

  it('follows rapport.promiseDays', () => {
    assert.equal(promises('2026-11-20', undefined, { promiseDays: 1 }).length, 1);
    assert.equal(promises('2026-11-20', undefined, { promiseDays: 2 }).length, 0);
  });

  it('one finding per open task; its fix ticks that line only', () => {
    const text = meeting('2026-11-01', [], body('- [ ] Send Dana the deck\r\n* [ ] Introduce her to Sally\n- [x] Thank her'));
    const ds = run({ [DANA]: dana([]), [M]: text }, 'promise-open');
    assert.equal(ds.length, 2);
    assert.equal(applied(text, ds[1].fixes?.[0]), text.replace('* [ ] Introduce', '* [x] Introduce'));
    assert.equal(applied(text, ds[0].fixes?.[0]), text.replace('- [ ] Send', '- [x] Send'));
  });
});

describe('outreach-no-reply', () => {
  const O = 'outreach/2026-11-14-dana-reyes-outreach.md';
  const noReply = (files: Record<string, string>, settings: Partial<Settings> = {}) => run({ [DANA]: dana([]), ...files }, 'outreach-no-reply', settings);

  it('fires replyDays (7) days after sending, as information; silent the day before', () => {
    const [d, ...rest] = noReply({ [O]: outreach(['status: sent', 'sent: 2026-11-14']) });
    assert.equal(rest.length, 0);
    assert.equal(d.severity, 'information');
    assert.match(d.message, /Dana Reyes has not replied/);
    assert.equal(noReply({ [O]: outreach(['status: sent', 'sent: 2026-11-15']) }).length, 0);
    assert.equal(noReply({ [O]: outreach(['status: sent', 'sent: 2026-11-17']) }, { replyDays: 4 }).length, 1);
  });

  it('is silent once they replied: status replied, or a replied date', () => {
    assert.equal(noReply({ [O]: outreach(['status: replied', 'sent: 2026-11-01']) }).length, 0);
    assert.equal(noReply({ [O]: outreach(['status: sent', 'sent: 2026-11-01', 'replied: 2026-11-03']) }).length, 0);
  });

  it('is silent after a meeting with them since (held or booked), not for one before', () => {
    assert.equal(noReply({ [O]: outreach(['status: sent', 'sent: 2026-11-01']), 'meetings/m.md': meeting('2026-11-05') }).length, 0);
    assert.equal(noReply({ [O]: outreach(['status: sent', 'sent: 2026-11-01']), 'meetings/m.md': meeting('2026-11-28', ['status: planned']) }).length, 0);
    assert.equal(noReply({ [O]: outreach(['status: sent', 'sent: 2026-11-01']), 'meetings/m.md': meeting('2026-10-20') }).length, 1);
  });

  it('is silent for a draft', () => {
    assert.equal(noReply({ [O]: outreach(['status: draft', 'sent: 2026-11-01']) }).length, 0);
  });

  it('"mark replied" sets status: replied and replied: today, and silences it', () => {
    const text = outreach(['status: sent', 'sent: 2026-11-01']);
    const [d] = noReply({ [O]: text });
    const after = applied(text, d.fixes?.find((f) => /replied/.test(f.title)));
    assert.equal(after, outreach(['status: replied', 'sent: 2026-11-01', 'replied: 2026-11-21']));
    assert.equal(noReply({ [O]: after }).length, 0);
  });

  it('"draft a polite follow-up" creates a new draft to them that passes every outreach check', () => {
    const [d] = noReply({ [O]: outreach(['status: sent', 'sent: 2026-11-01']) });
    const create = written(d, { ...CAST, [DANA]: dana([]), [O]: outreach(['status: sent', 'sent: 2026-11-01']) });
    assert.ok(create);
    assert.equal(create.path, 'outreach/2026-11-21-dana-reyes-follow-up.md');
    assert.match(create.content, /^---\ntype: outreach\nto: "\[\[dana-reyes\]\]"\n/);
    const all = check({ ...CAST, [DANA]: dana([]), [O]: outreach(['status: sent', 'sent: 2026-11-01']), [create.path]: create.content });
    assert.deepEqual(all.filter((x) => x.file === create.path).map((x) => `${x.code}: ${x.message}`), []);
  });

  it('the follow-up to someone referred names the referrer in its subject, and takes a free name', () => {
    const bob = 'outreach/2026-11-01-bob-jones-outreach.md';
    const taken = 'outreach/2026-11-21-bob-jones-follow-up.md';
    const text = md(['type: outreach', 'to: "[[bob-jones]]"', 'subject: Sally Smith suggested I contact you', 'status: sent', 'sent: 2026-11-01'], '\nHi Bob,\n');
    const files = { [bob]: text, [taken]: md(['type: outreach', 'to: "[[bob-jones]]"', 'subject: Sally Smith suggested I contact you', 'status: draft']) };
    const [d] = run(files, 'outreach-no-reply');
    const create = written(d, { ...CAST, ...files });
    assert.ok(create);
    assert.equal(create.path, 'outreach/2026-11-21-bob-jones-follow-up-2.md');
    assert.match(create.content, /\nsubject: "Sally Smith suggested I contact you: following up on my note of 2026-11-01"\n/);
    const all = check({ ...CAST, ...files, [create.path]: create.content });
    assert.deepEqual(all.filter((x) => x.file === create.path).map((x) => x.code), []);
  });
});

describe('status-behind', () => {
  const behind = (status: string, files: Record<string, string> = {}) =>
    run({ [DANA]: dana([`status: ${status}`]), ...files }, 'status-behind').filter((d) => d.file === DANA);
  const sent = { 'outreach/o.md': outreach(['status: sent', 'sent: 2026-11-20']) };
  const planned = { 'meetings/p.md': meeting('2026-11-28', ['status: planned']) };
  const done = { 'meetings/d.md': meeting('2026-11-10') };

  it('lead with a sent outreach → contacted (a draft is not enough)', () => {
    const [d] = behind('lead', sent);
    assert.equal(d.severity, 'hint');
    assert.match(d.message, /set the status to `contacted`/);
    assert.equal(behind('lead', { 'outreach/o.md': outreach(['status: draft']) }).length, 0);
  });

  it('a planned meeting → scheduled, from lead or contacted', () => {
    assert.match(behind('lead', planned)[0].message, /`scheduled`/);
    assert.match(behind('contacted', { ...sent, ...planned })[0].message, /`scheduled`/);
  });

  it('a done meeting → met, from scheduled (even with another planned)', () => {
    assert.match(behind('scheduled', done)[0].message, /`met`/);
    assert.match(behind('contacted', { ...done, ...planned })[0].message, /`met`/);
  });

  it('is silent when the status is already there or ahead, or dormant, or absent', () => {
    assert.equal(behind('contacted', sent).length, 0);
    assert.equal(behind('met', planned).length, 0);
    assert.equal(behind('met', done).length, 0);
    assert.equal(behind('scheduled', sent).length, 0);
    assert.equal(behind('dormant', done).length, 0);
    assert.equal(run({ [DANA]: dana([]), ...done }, 'status-behind').filter((d) => d.file === DANA).length, 0);
  });

  it('its fix sets the status, which silences it', () => {
    const text = dana(['status: lead # from the meetup', 'tags: [x]']);
    const [d] = run({ [DANA]: text, ...done }, 'status-behind').filter((x) => x.file === DANA);
    const after = applied(text, d.fixes?.[0]);
    assert.equal(after, dana(['status: met # from the meetup', 'tags: [x]']));
    assert.equal(run({ [DANA]: after, ...done }, 'status-behind').filter((x) => x.file === DANA).length, 0);
  });
});

describe('the new settings', () => {
  it('reads promiseDays, replyDays and keepInTouchByTag, flat or nested, and reports bad values', () => {
    const { settings, problems } = settingsFrom({ 'rapport.promiseDays': 5, 'rapport.replyDays': 10, 'rapport.keepInTouchByTag': { Mentor: 30, bad: 'x' } });
    assert.equal(settings.promiseDays, 5);
    assert.equal(settings.replyDays, 10);
    assert.deepEqual(settings.keepInTouchByTag, { mentor: 30 });
    assert.deepEqual(problems, ['rapport.keepInTouchByTag.bad: should be a whole number of days']);
    assert.deepEqual(settingsFrom({ rapport: { keepInTouchByTag: { friend: 60 } } }).settings.keepInTouchByTag, { friend: 60 });
    assert.deepEqual(settingsFrom({}).settings.keepInTouchByTag, {});
  });
});

describe('the Follow-ups view', () => {
  it('lists the new reminders in their place: promises after thank-yous, replies after referrals, statuses last', () => {
    const files = {
      [DANA]: dana(['status: lead']),
      'meetings/m.md': meeting('2026-11-10', [], '\n- [ ] Send Dana the deck\n'),
      'meetings/t.md': md(['type: meeting', 'with: "[[dana-reyes]]"', 'date: 2026-11-19', 'referrals: []']),
      'outreach/o.md': outreach(['status: sent', 'sent: 2026-11-01']),
    };
    const codes = followUps(check({ ...CAST, ...files })).map((f) => f.code);
    assert.deepEqual(codes, ['thank-you-pending', 'promise-open', 'status-behind']);
    const noReplyFirst = followUps(check({ ...CAST, [DANA]: dana(['status: lead']), 'outreach/o.md': outreach(['status: sent', 'sent: 2026-11-01']) })).map((f) => f.code);
    assert.deepEqual(noReplyFirst, ['outreach-no-reply', 'status-behind']);
  });
});
