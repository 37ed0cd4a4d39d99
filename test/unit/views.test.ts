import { strict as assert } from 'node:assert';
import type { Meeting } from '../../src/core/notes.js';
import { meetingTemplate, outreachTemplate } from '../../src/core/templates.js';
import { groupContacts, lastMet, meetingLabel, meetingTimeline, referralTree, targetCompanies, type ReferralNode } from '../../src/core/views.js';
import { check, clock, indexOf, md } from './helpers.js';

const NETWORK = {
  'contacts/sally-smith.md': md(['type: contact', 'name: Sally Smith', 'company: Globex', 'status: met', 'tags: [design, fintech]']),
  'contacts/bob-jones.md': md(['type: contact', 'name: Bob Jones', 'company: "[[globex]]"', 'referred_by: "[[sally-smith]]"', 'status: lead', 'tags: [fintech]']),
  'contacts/carol-white.md': md(['type: contact', 'name: Carol White', 'company: Initech', 'referred_by: "[[bob-jones]]"']),
  'contacts/dan-ortiz.md': md(['type: contact', 'name: Dan Ortiz', 'status: dormant']),
  'companies/globex.md': md(['type: company', 'name: Globex', 'target: true', 'priority: 2']),
  'companies/initech.md': md(['type: company', 'name: Initech', 'target: true', 'priority: 1']),
  'companies/hooli.md': md(['type: company', 'name: Hooli', 'target: true', 'priority: 3']),
  'companies/acme.md': md(['type: company', 'name: Acme']),
  'meetings/2026-10-02-sally.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-10-02']),
  'meetings/2026-11-10-sally.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-10', 'referrals: ["[[bob-jones]]"]']),
  'meetings/2026-11-12-dan.md': md(['type: meeting', 'with: "[[dan-ortiz]]"', 'date: 2026-11-12', 'status: cancelled']),
  'meetings/2026-11-19-bob.md': md(['type: meeting', 'with: "[[bob-jones]]"', 'date: 2026-11-19', 'status: planned']),
  'meetings/2026-11-25-bob.md': md(['type: meeting', 'with: "[[bob-jones]]"', 'date: 2026-11-25 15:00']),
  'meetings/2026-11-23-carol.md': md(['type: meeting', 'with: "[[carol-white]]"', 'date: 2026-11-23']),
};

const names = (cs: { name: string }[]) => cs.map((c) => c.name);

describe('the Contacts view’s groups', () => {
  const index = indexOf(NETWORK);
  it('groups by company, plain name or link alike, with the catch-all last', () => {
    assert.deepEqual(groupContacts(index, 'company').map((g) => [g.label, names(g.contacts)]), [
      ['Globex', ['Bob Jones', 'Sally Smith']],
      ['Initech', ['Carol White']],
      ['No company', ['Dan Ortiz']],
    ]);
  });
  it('groups by status in the order of the practice', () => {
    assert.deepEqual(groupContacts(index, 'status').map((g) => g.label), ['lead', 'met', 'dormant', 'No status']);
  });
  it('groups by tag, a contact under each of its tags', () => {
    assert.deepEqual(groupContacts(index, 'tag').map((g) => [g.label, names(g.contacts)]), [
      ['design', ['Sally Smith']],
      ['fintech', ['Bob Jones', 'Sally Smith']],
      ['Untagged', ['Carol White', 'Dan Ortiz']],
    ]);
  });
  it('knows when each contact was last met (done meetings only)', () => {
    const c = (id: string) => index.contacts().find((x) => x.id === id)!;
    assert.equal(lastMet(index, c('sally-smith'), clock())?.text, '2026-11-10');
    assert.equal(lastMet(index, c('dan-ortiz'), clock()), undefined, 'cancelled');
    assert.equal(lastMet(index, c('bob-jones'), clock()), undefined, 'planned, even if stale');
  });
});

describe('the Meetings view', () => {
  it('shows upcoming meetings first (soonest first), then the past by month, newest first', () => {
    const groups = meetingTimeline(indexOf(NETWORK), clock());
    assert.deepEqual(groups.map((g) => [g.label, g.meetings.map((m) => m.id)]), [
      ['Upcoming', ['2026-11-23-carol', '2026-11-25-bob']],
      ['November 2026', ['2026-11-19-bob', '2026-11-12-dan', '2026-11-10-sally']],
      ['October 2026', ['2026-10-02-sally']],
    ]);
  });

  it('writes times one way, `2026-12-01 14:00`, whether the note wrote a T, a space or seconds', () => {
    const meeting = (date: string) => md(['type: meeting', 'with: "[[bob-jones]]"', `date: ${date}`]);
    const index = indexOf({
      ...NETWORK,
      'meetings/a.md': meeting('2026-12-01T14:00'),
      'meetings/b.md': meeting('2026-12-01 09:30'),
      'meetings/c.md': meeting('2026-12-02T08:05:59'),
      'meetings/d.md': meeting('2026-12-03'),
    });
    const labels = meetingTimeline(index, clock())[0].meetings.filter((m) => /^meetings\/[a-d]\.md$/.test(m.path)).map((m) => meetingLabel(index, m, true));
    assert.deepEqual(labels, ['2026-12-01 09:30 · Bob Jones', '2026-12-01 14:00 · Bob Jones', '2026-12-02 08:05 · Bob Jones', '2026-12-03 · Bob Jones']);
    assert.equal(meetingLabel(index, index.get('meetings/a.md') as Meeting, false), '2026-12-01 14:00');
  });
});

describe('the Target companies view', () => {
  it('puts targets first by priority, with who you know there and who is one referral away', () => {
    const entries = targetCompanies(indexOf(NETWORK), clock());
    assert.deepEqual(
      entries.map((e) => [e.company.name, names(e.known), e.oneAway.map((o) => `${o.contact.name} via ${o.via?.name ?? '-'}`)]),
      [
        ['Initech', ['Carol White'], []],
        ['Globex', ['Bob Jones', 'Sally Smith'], []],
        ['Hooli', [], []],
        ['Acme', [], []],
      ],
    );
  });
  it('counts someone not yet reached as one referral away, through who referred them', () => {
    const files = { ...NETWORK };
    delete (files as Record<string, string>)['meetings/2026-11-23-carol.md'];
    const initech = targetCompanies(indexOf(files), clock()).find((e) => e.company.name === 'Initech')!;
    assert.deepEqual(names(initech.known), []);
    assert.deepEqual(initech.oneAway.map((o) => [o.contact.name, o.via?.name]), [['Carol White', 'Bob Jones']]);
  });
});

describe('the Referral tree', () => {
  const show = (nodes: ReferralNode[], depth = 0): string[] =>
    nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.contact.name}${n.repeat ? ` (${n.repeat})` : ''}`, ...show(n.children, depth + 1)]);

  it('roots at people nobody referred, children the people they led to', () => {
    assert.deepEqual(show(referralTree(indexOf(NETWORK))), ['Sally Smith', '  Bob Jones', '    Carol White']);
  });

  it('shows a cycle once and marks it, never looping', () => {
    const tree = referralTree(indexOf({
      'contacts/a.md': md(['type: contact', 'name: Ann', 'referred_by: "[[c]]"']),
      'contacts/b.md': md(['type: contact', 'name: Ben', 'referred_by: "[[a]]"']),
      'contacts/c.md': md(['type: contact', 'name: Cy', 'referred_by: "[[b]]"']),
      'contacts/d.md': md(['type: contact', 'name: Di', 'referred_by: "[[d]]"']),
    }));
    assert.deepEqual(show(tree), ['Ann', '  Ben', '    Cy', '      Ann (cycle)']);
  });

  it('expands a person led to by two people under the one their note names', () => {
    const tree = referralTree(indexOf({
      'contacts/a.md': md(['type: contact', 'name: Ann']),
      'contacts/b.md': md(['type: contact', 'name: Ben']),
      'contacts/z.md': md(['type: contact', 'name: Zed', 'referred_by: "[[b]]"']),
      'meetings/m.md': md(['type: meeting', 'with: "[[a]]"', 'date: 2026-11-01', 'referrals: ["[[z]]"]']),
    }));
    assert.deepEqual(show(tree), ['Ann', '  Zed (elsewhere)', 'Ben', '  Zed']);
  });

  it('expands a person reached twice only once', () => {
    const tree = referralTree(indexOf({
      'contacts/a.md': md(['type: contact', 'name: Ann']),
      'contacts/b.md': md(['type: contact', 'name: Ben']),
      'contacts/c.md': md(['type: contact', 'name: Cy', 'referred_by: "[[a]]"']),
      'contacts/e.md': md(['type: contact', 'name: Eve', 'referred_by: "[[c]]"']),
      'meetings/m.md': md(['type: meeting', 'with: "[[b]]"', 'date: 2026-11-01', 'referrals: ["[[c]]"]']),
    }));
    assert.deepEqual(show(tree), ['Ann', '  Cy', '    Eve', 'Ben', '  Cy (elsewhere)']);
  });
});

describe('new notes from commands', () => {
  it('a logged meeting carries the question bank and reads clean', () => {
    const text = meetingTemplate('sally-smith', '2026-11-25');
    const ds = check({ ...NETWORK, 'meetings/2026-11-25-sally-smith.md': text });
    assert.deepEqual(ds.filter((d) => d.file.startsWith('meetings/2026-11-25-sally')).map((d) => d.code), []);
    assert.match(text, /^---\ntype: meeting\nwith: "\[\[sally-smith\]\]"\ndate: 2026-11-25\n/);
    assert.match(text, /## Questions\n\n- What does a typical day/);
  });

  it('a drafted outreach passes every outreach check as created, with and without a referrer', () => {
    for (const facts of [
      { id: 'bob-jones', name: 'Bob Jones', company: 'Globex', referrer: 'Sally Smith' },
      { id: 'dan-ortiz', name: 'Dan Ortiz' },
    ]) {
      const text = outreachTemplate(facts);
      const ds = check({ ...NETWORK, 'outreach/draft.md': text }).filter((d) => d.file === 'outreach/draft.md');
      assert.deepEqual(ds.map((d) => d.code), [], facts.name);
      assert.match(text, new RegExp(`^Hi ${facts.name.split(' ')[0]},`, 'm'));
    }
    assert.match(outreachTemplate({ id: 'bob-jones', name: 'Bob Jones', referrer: 'Sally Smith' }), /subject: Sally Smith suggested I contact you\n/);
  });
});
