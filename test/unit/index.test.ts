import { strict as assert } from 'node:assert';
import { clock, indexOf, md } from './helpers.js';

const files = {
  'contacts/sally-smith.md': md(['type: contact', 'name: Sally Smith', 'company: Globex', 'status: met', 'tags: [design, fintech]']),
  'contacts/bob-jones.md': md(['type: contact', 'name: Bob Jones', 'company: "[[globex]]"', 'referred_by: "[[sally-smith]]"', 'status: contacted', 'tags: [fintech]']),
  'contacts/carol-white.md': md(['type: contact', 'name: Carol White', 'company: Initech', 'referred_by: Bob Jones']),
  'companies/globex.md': md(['type: company', 'name: Globex', 'target: true']),
  'companies/initech.md': md(['type: company', 'name: Initech']),
  'meetings/2026-11-01-sally.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-01', 'referrals: ["[[bob-jones]]"]']),
  'meetings/2026-11-10-sally.md': md(['type: meeting', 'with: Sally Smith', 'date: 2026-11-10']),
  'meetings/2026-11-25-bob.md': md(['type: meeting', 'with: "[[bob-jones]]"', 'date: 2026-11-25 10:30', 'referrals: ["[[carol-white]]"]']),
  'outreach/carol.md': md(['type: outreach', 'to: "[[carol-white]]"']),
  'journal.md': 'A plain note.',
};

describe('the index', () => {
  it('answers the queries the views need', () => {
    const index = indexOf(files);
    const sally = index.resolve({ id: 'sally-smith', text: '', start: 0, end: 0 }, 'contact')!;
    const globex = index.resolve({ text: 'globex', start: 0, end: 0 }, 'company')!;
    assert.deepEqual(index.contactsAt(globex).map((c) => c.id), ['bob-jones', 'sally-smith'], 'by link and by plain name');
    assert.deepEqual(index.meetingsWith(sally).map((m) => m.id), ['2026-11-10-sally', '2026-11-01-sally'], 'newest first, by link or by name');
    assert.deepEqual(index.contactsWithStatus('met').map((c) => c.id), ['sally-smith']);
    assert.deepEqual(index.contactsWithTag('Fintech').map((c) => c.id).sort(), ['bob-jones', 'sally-smith']);
    assert.deepEqual(index.upcomingMeetings(clock()).map((m) => m.id), ['2026-11-25-bob']);
    assert.deepEqual(index.pastMeetings(clock()).map((m) => m.id), ['2026-11-10-sally', '2026-11-01-sally']);
    const bob = index.resolve({ id: 'bob-jones', text: '', start: 0, end: 0 }, 'contact')!;
    assert.deepEqual(index.referredBy(sally).map((c) => c.id), ['bob-jones']);
    assert.deepEqual(index.referredBy(bob).map((c) => c.id), ['carol-white'], 'referred_by as a plain name');
    const carol = index.resolve({ id: 'carol-white', text: '', start: 0, end: 0 }, 'contact')!;
    assert.deepEqual(index.outreachTo(carol).map((o) => o.id), ['carol']);
    assert.deepEqual(index.referralMentions(carol).map((m) => m.id), ['2026-11-25-bob']);
    const edges = index.referralEdges().map((e) => `${e.from.id}>${e.to.id}`).sort();
    assert.deepEqual(edges, ['bob-jones>carol-white', 'sally-smith>bob-jones']);
    assert.ok(index.hasId('journal') && index.hasId('JOURNAL') && !index.hasId('nobody'));
  });

  it('knows who links to a note whether it files links up front (the editor, once idle) or on the first change', () => {
    const withBody = { ...files, 'outreach/sally.md': `${md(['type: outreach', 'to: "[[sally-smith]]"'])}As [[bob-jones]] suggested.\n` };
    const lazy = indexOf(withBody);
    const eager = indexOf(withBody);
    eager.prepareForChanges();
    for (const index of [lazy, eager]) {
      // filed after the links were (or were not) built
      index.set('meetings/new.md', `${md(['type: meeting', 'with: "[[carol-white]]"', 'date: 2026-11-20'])}Met [[bob-jones]] again.\n`);
      index.delete('meetings/2026-11-25-bob.md');
    }
    for (const path of Object.keys(withBody)) assert.deepEqual([...lazy.dependents(path)].sort(), [...eager.dependents(path)].sort(), path);
    assert.ok(lazy.dependents('contacts/bob-jones.md').has('meetings/new.md'));
    assert.ok(!lazy.dependents('contacts/bob-jones.md').has('meetings/2026-11-25-bob.md'));
  });

  it('adds, changes and removes one file at a time', () => {
    const index = indexOf(files);
    const globex = () => index.resolve({ text: 'Globex', start: 0, end: 0 }, 'company')!;
    index.set('contacts/sally-smith.md', md(['type: contact', 'name: Sally Smith', 'company: Initech']));
    assert.deepEqual(index.contactsAt(globex()).map((c) => c.id), ['bob-jones']);
    index.delete('contacts/bob-jones.md');
    assert.deepEqual(index.contactsAt(globex()), []);
    assert.equal(index.resolve({ id: 'bob-jones', text: '', start: 0, end: 0 }, 'contact'), undefined);
    index.set('contacts/dana.md', md(['type: contact', 'name: Dana', 'company: globex']));
    assert.deepEqual(index.contactsAt(globex()).map((c) => c.id), ['dana']);
    index.set('contacts/dana.md', 'no longer a note');
    assert.deepEqual(index.contactsAt(globex()), []);
    assert.ok(index.hasId('dana'), 'still a file with that id');
    assert.equal(index.contacts().length, 2);
  });

  it('a company note created later is matched by contacts that named it in plain text', () => {
    const index = indexOf({ 'contacts/a.md': md(['type: contact', 'name: A', 'company: Hooli Inc']) });
    index.set('companies/hooli.md', md(['type: company', 'name: Hooli Inc', 'target: true']));
    const hooli = index.companies()[0];
    assert.deepEqual(index.contactsAt(hooli).map((c) => c.id), ['a']);
  });

  it('does not loop on a referral cycle', () => {
    const index = indexOf({
      'contacts/a.md': md(['type: contact', 'name: A', 'referred_by: "[[b]]"']),
      'contacts/b.md': md(['type: contact', 'name: B', 'referred_by: "[[a]]"']),
      'contacts/c.md': md(['type: contact', 'name: C', 'referred_by: "[[c]]"']),
    });
    assert.deepEqual(index.referralEdges().map((e) => `${e.from.id}>${e.to.id}`).sort(), ['a>b', 'b>a']);
  });
});
