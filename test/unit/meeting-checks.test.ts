import { strict as assert } from 'node:assert';
import { applyEdits } from '../../src/core/text.js';
import { CAST, check, md, only } from './helpers.js';

const meeting = (lines: string[], body = '') => ({ ...CAST, 'meetings/m.md': md(['type: meeting', ...lines], body) });

describe('thank-you-pending', () => {
  const met = (date: string, extra: string[] = []) => meeting(['with: "[[sally-smith]]"', `date: ${date}`, 'referrals: []', ...extra]);

  it('is information on the due day (the day after the meeting), naming the person', () => {
    const [d] = only(check(met('2026-11-20')), 'thank-you-pending');
    assert.equal(d.severity, 'information');
    assert.match(d.message, /Sally Smith/);
    assert.match(d.message, /today/);
    assert.ok(!d.overdue);
  });

  it('turns into an overdue warning the day after it was due, saying how late', () => {
    const [d] = only(check(met('2026-11-19')), 'thank-you-pending');
    assert.equal(d.severity, 'warning');
    assert.equal(d.overdue, true);
    assert.match(d.message, /1 day overdue/);
    const [d5] = only(check(met('2026-11-15')), 'thank-you-pending');
    assert.match(d5.message, /5 days overdue/);
  });

  it('is silent once a thank-you is recorded as a date, true or skip, and not for false', () => {
    for (const v of ['2026-11-20', 'true', 'skip']) {
      assert.deepEqual(only(check(met('2026-11-15', [`thank_you: ${v}`])), 'thank-you-pending'), [], v);
    }
    assert.equal(only(check(met('2026-11-15', ['thank_you: false'])), 'thank-you-pending').length, 1);
  });

  it('waits for the meeting: planned, future, cancelled and no-show meetings owe nothing', () => {
    assert.deepEqual(only(check(met('2026-11-25')), 'thank-you-pending'), []);
    assert.deepEqual(only(check(met('2026-11-21')), 'thank-you-pending'), [], 'a meeting today without a time is still ahead');
    for (const s of ['planned', 'cancelled', 'no-show']) {
      assert.deepEqual(only(check(met('2026-11-10', [`status: ${s}`])), 'thank-you-pending'), [], s);
    }
  });

  it('counts a meeting earlier today (with a time) as done, due tomorrow', () => {
    const [d] = only(check(met('2026-11-21 09:00'), '2026-11-21T12:00'), 'thank-you-pending');
    assert.equal(d.severity, 'information');
    assert.match(d.message, /by tomorrow/);
  });

  it('honours the thank-you delay setting', () => {
    assert.equal(only(check(met('2026-11-19'), '2026-11-21', { thankYouDays: 3 }), 'thank-you-pending')[0].severity, 'information');
  });

  it('points at the date line and offers a fix that records today and touches nothing else', () => {
    const files = met('2026-11-18');
    const [d] = only(check(files), 'thank-you-pending');
    assert.equal(d.range.start.line, 3); // ---, type, with, date
    const after = applyEdits(files['meetings/m.md'], d.fixes!.find((f) => f.action === 'thank-you-sent-today')!.edits!);
    assert.equal(after, files['meetings/m.md'].replace('referrals: []\n', 'referrals: []\nthank_you: 2026-11-21\n'));
  });
});

describe('referrer-update-pending', () => {
  it('asks to tell the referrer how the introduction went', () => {
    const ds = only(check(meeting(['with: "[[bob-jones]]"', 'date: 2026-11-10', 'thank_you: true', 'referrals: []'])), 'referrer-update-pending');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].message, 'Let Sally Smith know how the introduction to Bob Jones went.');
    assert.equal(ds[0].severity, 'information');
  });

  it('is silent when the referrer was updated, when nobody referred, and before the meeting', () => {
    assert.deepEqual(only(check(meeting(['with: "[[bob-jones]]"', 'date: 2026-11-10', 'referrer_updated: 2026-11-12'])), 'referrer-update-pending'), []);
    assert.deepEqual(only(check(meeting(['with: "[[sally-smith]]"', 'date: 2026-11-10'])), 'referrer-update-pending'), []);
    assert.deepEqual(only(check(meeting(['with: "[[bob-jones]]"', 'date: 2026-11-30'])), 'referrer-update-pending'), []);
  });
});

describe('no-referrals-recorded', () => {
  it('hints after an informational or networking meeting with no referrals key', () => {
    for (const kind of ['informational', 'networking']) {
      const [d] = only(check(meeting(['with: "[[sally-smith]]"', 'date: 2026-11-10', `kind: ${kind}`])), 'no-referrals-recorded');
      assert.equal(d.severity, 'hint', kind);
    }
  });

  it('takes an empty list as "asked, none", and stays out of interviews and courtesy calls', () => {
    assert.deepEqual(only(check(meeting(['with: "[[sally-smith]]"', 'date: 2026-11-10', 'referrals: []'])), 'no-referrals-recorded'), []);
    assert.deepEqual(only(check(meeting(['with: "[[sally-smith]]"', 'date: 2026-11-10', 'referrals:'])), 'no-referrals-recorded'), []);
    for (const kind of ['interview', 'courtesy']) {
      assert.deepEqual(only(check(meeting(['with: "[[sally-smith]]"', 'date: 2026-11-10', `kind: ${kind}`])), 'no-referrals-recorded'), []);
    }
  });
});

describe('referral-not-contacted', () => {
  const referred = (date: string) => ({
    ...meeting(['with: "[[sally-smith]]"', `date: ${date}`, 'thank_you: true', 'referrals:', '  - "[[carol-white]]"']),
    'contacts/carol-white.md': md(['type: contact', 'name: Carol White']),
  });

  it('reminds, at the referral, a week after the meeting', () => {
    const [d] = only(check(referred('2026-11-14')), 'referral-not-contacted');
    assert.equal(d.severity, 'information');
    assert.match(d.message, /Carol White was suggested 7 days ago/);
    assert.equal(d.range.start.line, 6);
  });

  it('waits until the seventh day', () => {
    assert.deepEqual(only(check(referred('2026-11-15')), 'referral-not-contacted'), []);
  });

  it('is satisfied by sent outreach, a meeting, or the contact marked contacted — not by an unsent draft', () => {
    const base = referred('2026-11-01');
    const sent = { ...base, 'outreach/carol.md': md(['type: outreach', 'to: "[[carol-white]]"', 'status: sent', 'sent: 2026-11-03']) };
    assert.deepEqual(only(check(sent), 'referral-not-contacted'), []);
    const draft = { ...base, 'outreach/carol.md': md(['type: outreach', 'to: "[[carol-white]]"', 'status: draft']) };
    assert.match(only(check(draft), 'referral-not-contacted')[0].message, /draft \(carol\) is not sent/);
    const contradictory = { ...base, 'outreach/carol.md': md(['type: outreach', 'to: "[[carol-white]]"', 'status: draft', 'sent: 2026-11-03']) };
    assert.equal(only(check(contradictory), 'referral-not-contacted').length, 1, 'status: draft wins over a sent date');
    const marked = { ...base, 'contacts/carol-white.md': md(['type: contact', 'name: Carol White', 'status: contacted']) };
    assert.deepEqual(only(check(marked), 'referral-not-contacted'), []);
    const metCarol = { ...base, 'meetings/carol.md': md(['type: meeting', 'with: "[[carol-white]]"', 'date: 2026-11-30']) };
    assert.deepEqual(only(check(metCarol), 'referral-not-contacted'), []);
  });
});

describe('meeting-status-stale', () => {
  it('flags a planned meeting whose date has passed, with three fixes', () => {
    const files = meeting(['with: "[[sally-smith]]"', 'date: 2026-11-19', 'status: planned']);
    const [d] = only(check(files), 'meeting-status-stale');
    assert.equal(d.range.start.line, 4);
    assert.deepEqual(d.fixes!.map((f) => f.title), ['Mark the meeting done', 'Mark the meeting no-show', 'Mark the meeting cancelled']);
    assert.equal(applyEdits(files['meetings/m.md'], d.fixes![1].edits!), files['meetings/m.md'].replace('status: planned', 'status: no-show'));
  });

  it('is silent for planned meetings ahead, and for past meetings with no status (they count as done)', () => {
    assert.deepEqual(only(check(meeting(['with: "[[sally-smith]]"', 'date: 2026-11-21', 'status: planned'])), 'meeting-status-stale'), []);
    assert.deepEqual(only(check(meeting(['with: "[[sally-smith]]"', 'date: 2026-11-19'])), 'meeting-status-stale'), []);
  });
});

describe('questions-missing', () => {
  const soon = (date: string, body = '') => meeting(['with: "[[sally-smith]]"', `date: ${date}`], body);

  it('asks for questions for a meeting within three days, with a fix that appends the question bank', () => {
    const files = soon('2026-11-24', '\nShe runs the design team.\n');
    const [d] = only(check(files), 'questions-missing');
    assert.match(d.message, /in 3 days/);
    const after = applyEdits(files['meetings/m.md'], d.fixes![0].edits!);
    assert.ok(after.startsWith(files['meetings/m.md']), 'the note is kept as it was');
    assert.match(after, /\n## Questions\n\n- What does a typical day/);
    assert.deepEqual(only(check({ ...files, 'meetings/m.md': after }), 'questions-missing'), []);
    assert.deepEqual(only(check({ ...files, 'meetings/m.md': after }), 'closed-question'), [], 'the bank has no yes/no question');
  });

  it('is silent further ahead, with a Questions list, and for past meetings', () => {
    assert.deepEqual(only(check(soon('2026-11-25')), 'questions-missing'), []);
    assert.deepEqual(only(check(soon('2026-11-22', '## Questions\n\n- What surprised you?\n')), 'questions-missing'), []);
    assert.deepEqual(only(check(soon('2026-11-18')), 'questions-missing'), []);
  });

  it('does not count an empty Questions heading', () => {
    assert.equal(only(check(soon('2026-11-22', '## Questions\n\nTo do.\n')), 'questions-missing').length, 1);
  });

  it('offers no question bank after an unclosed code fence, where it would be read as code', () => {
    const [d] = only(check(soon('2026-11-23', '~~~\nnotes')), 'questions-missing');
    assert.equal(d.fixes, undefined);
  });

  it('counts the bank its fix adds after an empty Questions heading, so the fix is not offered again', () => {
    const files = soon('2026-11-24', '## Questions');
    const [d] = only(check(files), 'questions-missing');
    const after = applyEdits(files['meetings/m.md'], d.fixes![0].edits!);
    assert.deepEqual(only(check({ ...files, 'meetings/m.md': after }), 'questions-missing'), []);
  });
});

describe('closed-question', () => {
  const body = ['## Questions', '', '- Do you enjoy the work?', '- What does a typical day look like?', "- Isn't remote work hard?", '- Doing what, exactly?', '- [ ] Could I shadow you?', '', '## Notes', '', '- Do not forget the portfolio'].join('\n');
  const files = meeting(['with: "[[sally-smith]]"', 'date: 2026-11-28'], body);

  it('hints at each yes/no question in the Questions list, at the question', () => {
    const ds = only(check(files), 'closed-question');
    assert.deepEqual(ds.map((d) => d.range.start.line + 1), [8, 10, 12]);
    assert.equal(ds[0].severity, 'hint');
    assert.equal(ds[0].range.start.character, 2);
    assert.match(ds[2].message, /Could I shadow you/);
  });

  it('leaves questions of past meetings alone', () => {
    const past = meeting(['with: "[[sally-smith]]"', 'date: 2026-11-01', 'thank_you: true', 'referrals: []'], body);
    assert.deepEqual(only(check(past), 'closed-question'), []);
  });

  /** The closed-question hints for a planned meeting whose Questions list is `qs`. */
  const hints = (...qs: string[]) =>
    only(check(meeting(['with: "[[sally-smith]]"', 'date: 2026-11-28'], ['## Questions', '', ...qs.map((q) => `- ${q}`), ''].join('\n'))), 'closed-question');

  // The spec's yes/no words, each opening a question a person would write.
  const CLOSED = [
    'Do you enjoy the work?', 'Does the team work remotely?', 'Did you study finance?', 'Is the pay good?',
    'Are you hiring juniors?', 'Was it hard to switch fields?', 'Were you nervous at first?', 'Can you introduce me to Dana?',
    'Could I shadow you for a day?', 'Will the team grow next year?', 'Would you do it again?', 'Should I learn SQL first?',
    'Have you worked abroad?', 'Has the role changed much?',
  ];

  it('hints at a question opening with each yes/no word the spec lists', () => {
    for (const q of CLOSED) {
      const ds = hints(q);
      assert.equal(ds.length, 1, `not flagged: “${q}”`);
      assert.match(ds[0].message, new RegExp(`^“${q.slice(0, 10)}`), q);
    }
    assert.equal(hints(...CLOSED).length, CLOSED.length);
  });

  it('hints whatever the case, emphasis, checkbox or negative form', () => {
    for (const q of ['can you say more?', '**Can** you say more?', '[ ] Would you mind?', '_Is_ it worth it?', 'CAN I ask more?',
      "Don't you miss coding?", 'Isn’t it lonely?', "Won't they mind?", 'Can’t you say?', "Shouldn't I ask?", 'Do you think the market will recover?']) {
      assert.equal(hints(q).length, 1, `not flagged: “${q}”`);
    }
  });

  it('is silent for open questions, and for words that only begin like a yes/no word', () => {
    const open = [
      'What does a typical day look like?', 'How did you get started?', 'Why did you choose Globex?', 'Which skills matter most?',
      'Who else should I talk to?', 'Where is the field going?', 'When did you know it was right?', 'What do you think of bootcamps?',
      'Tell me about your first year.', 'Doing what, exactly?', 'Willing to relocate: how much does it matter?', 'Isolation: how do remote teams cope?',
      'Canada or the US: where is it easier?', 'Hasty decisions: what did you learn from one?',
    ];
    for (const q of open) assert.deepEqual(hints(q).map((d) => d.message), [], `flagged: “${q}”`);
  });
});

describe('meeting-too-long', () => {
  it('hints when a planned meeting asks for more than 30 minutes', () => {
    const [d] = only(check(meeting(['with: "[[sally-smith]]"', 'date: 2026-11-28', 'duration: 45'])), 'meeting-too-long');
    assert.equal(d.severity, 'hint');
    assert.equal(d.fixes![0].edits![0].newText, '30');
    assert.deepEqual(only(check(meeting(['with: "[[sally-smith]]"', 'date: 2026-11-28', 'duration: 30'])), 'meeting-too-long'), []);
  });

  it('leaves an interview’s length to the employer, and a stale planned meeting to meeting-status-stale', () => {
    assert.deepEqual(only(check(meeting(['with: "[[sally-smith]]"', 'date: 2026-11-28', 'kind: interview', 'duration: 60'])), 'meeting-too-long'), []);
    const stale = check(meeting(['with: "[[sally-smith]]"', 'date: 2026-11-19', 'status: planned', 'duration: 45'], '## Questions\n\n- Do you like it?\n'));
    assert.deepEqual(stale.map((d) => d.code), ['meeting-status-stale']);
  });
});
