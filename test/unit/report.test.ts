// The report's figures, each at its boundaries, as the spec's JSON contract defines them.

import { strict as assert } from 'node:assert';
import { agendaByDay, buildReport, mondayOf } from '../../src/core/report.js';
import { parseDate } from '../../src/core/dates.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { clock, indexOf, md } from './helpers.js';

const contact = (id: string, lines: string[] = []) => [`contacts/${id}.md`, md(['type: contact', `name: ${id[0].toUpperCase()}${id.slice(1)}`, ...lines])];
const meeting = (file: string, who: string, date: string, lines: string[] = []) => [`meetings/${file}.md`, md(['type: meeting', `with: "[[${who}]]"`, `date: ${date}`, ...lines])];
const report = (entries: string[][], today = '2026-11-21', weeks?: number) =>
  buildReport(indexOf(Object.fromEntries(entries)), clock(today), { ...DEFAULT_SETTINGS, checks: {} }, weeks);

describe('the report', () => {
  it('counts weeks from Monday: a meeting on a Sunday is in the week before the Monday after it', () => {
    assert.equal(mondayOf(parseDate('2026-11-22')!.day), parseDate('2026-11-16')!.day);
    assert.equal(mondayOf(parseDate('2026-11-23')!.day), parseDate('2026-11-23')!.day);
    const r = report([contact('ann'), meeting('sun', 'ann', '2026-11-22', ['status: done', 'referrals: ["[[ben]]", "[[cy]]"]']), meeting('mon', 'ann', '2026-11-23', ['status: done'])], '2026-11-23', 3);
    assert.deepEqual(r.weeks, [
      { start: '2026-11-09', meetings: 0, outreach_sent: 0, referrals_gained: 0 },
      { start: '2026-11-16', meetings: 1, outreach_sent: 0, referrals_gained: 2 },
      { start: '2026-11-23', meetings: 1, outreach_sent: 0, referrals_gained: 0 },
    ]);
    assert.equal(r.today, '2026-11-23');
    assert.equal(r.weeks.length, 3);
    assert.equal(report([], '2026-11-23').weeks.length, 12);
  });

  it('counts only done meetings as held, a planned one (or a past date without status) as such', () => {
    const r = report([contact('ann'),
      meeting('a', 'ann', '2026-11-10'), // absent status, past: done
      meeting('b', 'ann', '2026-11-25'), // absent status, ahead: planned
      meeting('c', 'ann', '2026-11-12', ['status: cancelled', 'referrals: ["[[ben]]"]']),
      meeting('d', 'ann', '2026-11-13', ['status: planned'])]);
    assert.equal(r.totals.meetings_done, 1);
    assert.equal(r.totals.meetings_planned, 2);
    assert.equal(r.totals.referrals_gained, 0);
  });

  it('counts outreach with a sent date by that date, and replies by status', () => {
    const out = (id: string, lines: string[]) => [`outreach/${id}.md`, md(['type: outreach', 'to: "[[ann]]"', ...lines])];
    const r = report([contact('ann'), out('a', ['status: sent', 'sent: 2026-11-16']), out('b', ['status: replied', 'sent: 2026-11-15', 'replied: 2026-11-17']),
      out('c', ['status: draft']), out('d', ['status: sent', 'sent: 2026-01-05'])]);
    assert.equal(r.totals.outreach_sent, 3);
    assert.equal(r.totals.replies, 1);
    assert.deepEqual(r.weeks.slice(-2).map((w) => w.outreach_sent), [1, 1]);
  });

  it('keeps the thank-you record: on the due day is on time, the day after late; true undated; skip; pending', () => {
    const done = (file: string, thankYou?: string) => meeting(file, 'ann', '2026-11-10', ['status: done', ...(thankYou ? [`thank_you: ${thankYou}`] : [])]);
    const r = report([contact('ann'), done('a', '2026-11-11'), done('b', '2026-11-10'), done('c', '2026-11-12'), done('d', 'true'), done('e', 'skip'), done('f'), done('g', 'false'),
      meeting('h', 'ann', '2026-11-30', ['thank_you: true'])]);
    assert.deepEqual(r.totals.thank_you, { on_time: 2, late: 1, undated: 1, pending: 2, skipped: 1 });
    assert.deepEqual(report([contact('ann'), done('a', '2026-11-13')], '2026-11-21').totals.thank_you.on_time, 0);
    assert.deepEqual(buildReport(indexOf(Object.fromEntries([contact('ann'), done('a', '2026-11-13')])), clock(), { ...DEFAULT_SETTINGS, checks: {}, thankYouDays: 3 }).totals.thank_you.on_time, 1);
  });

  it('lists targets by priority then name, who is known there, and the shortest way in', () => {
    const company = (id: string, lines: string[]) => [`companies/${id}.md`, md(['type: company', `name: ${id[0].toUpperCase()}${id.slice(1)}`, ...lines])];
    const r = report([
      company('zeta', ['target: true', 'priority: 1']),
      company('alpha', ['target: true']),
      company('beta', ['target: true']),
      company('gamma', ['target: true', 'priority: 2']),
      company('other', ['target: false']),
      // Met Ann, who referred Cy, who referred Ben at Zeta: two hops. Met Dee at Gamma. Nobody leads to Eve.
      contact('ann', ['company: Initech']),
      contact('cy', ['referred_by: "[[ann]]"']),
      contact('ben', ['company: "[[zeta]]"', 'referred_by: "[[cy]]"']),
      contact('dee', ['company: "[[gamma]]"']),
      contact('eve', ['company: "[[alpha]]"']),
      meeting('m1', 'ann', '2026-11-10'),
      meeting('m2', 'dee', '2026-11-11'),
    ]);
    assert.deepEqual(r.targets.map((t) => [t.id, t.priority, t.known, t.path]), [
      ['zeta', 1, ['ben'], ['ann', 'cy', 'ben']],
      ['gamma', 2, ['dee'], []],
      ['alpha', null, ['eve'], null],
      ['beta', null, [], null],
    ]);
  });

  it('a meeting’s referrals are edges too: met Ann, who named Ben at the target', () => {
    const r = report([
      [`companies/zeta.md`, md(['type: company', 'name: Zeta', 'target: true'])],
      contact('ann'),
      contact('ben', ['company: Zeta']),
      meeting('m1', 'ann', '2026-11-10', ['referrals: ["[[ben]]"]']),
    ]);
    assert.deepEqual(r.targets[0].path, ['ann', 'ben']);
  });

  it('the agenda: planned meetings and what falls due from today to the sixth day after, by date then file', () => {
    const r = report([
      contact('ann', ['next_follow_up: 2026-11-27']), // the seventh day: in
      contact('ben', ['next_follow_up: 2026-11-28']), // the eighth: out
      contact('cy', ['next_follow_up: 2026-11-21']), // today: in
      contact('dee', ['next_follow_up: 2026-11-20']), // overdue: in Follow-ups, not ahead
      meeting('today', 'ann', '2026-11-21 16:30', ['status: planned']),
      meeting('later', 'ben', '2026-11-27'),
      meeting('too-late', 'ben', '2026-11-28'),
      meeting('held', 'cy', '2026-11-20', ['referrals: []']), // its thank-you falls due tomorrow
    ]);
    assert.deepEqual(r.agenda.map((a) => [a.date, a.code, a.file, a.title]), [
      ['2026-11-21', 'follow-up-due', 'contacts/cy.md', 'Follow up with Cy'],
      ['2026-11-21', 'thank-you-pending', 'meetings/held.md', 'Thank Cy'],
      ['2026-11-21', 'meeting', 'meetings/today.md', 'Meeting with Ann at 16:30'],
      ['2026-11-27', 'follow-up-due', 'contacts/ann.md', 'Follow up with Ann'],
      ['2026-11-27', 'meeting', 'meetings/later.md', 'Meeting with Ben'],
    ]);
  });

  it('the agenda by day, for the This week view: today, tomorrow, then weekdays; only days with something', () => {
    const index = indexOf(Object.fromEntries([
      contact('ann', ['next_follow_up: 2026-11-21']),
      contact('ben', ['next_follow_up: 2026-11-22']),
      contact('cy', ['next_follow_up: 2026-11-25']),
    ]));
    const days = agendaByDay(index, clock(), { ...DEFAULT_SETTINGS, checks: {} });
    assert.deepEqual(days.map((d) => [d.label, d.date, d.items.map((i) => i.title)]), [
      ['Today', '2026-11-21', ['Follow up with Ann']],
      ['Tomorrow', '2026-11-22', ['Follow up with Ben']],
      ['Wednesday', '2026-11-25', ['Follow up with Cy']],
    ]);
  });
});
