import { strict as assert } from 'node:assert';
import { followUps } from '../../src/core/follow-ups.js';
import { CAST, check, md } from './helpers.js';

describe('what is due (the Follow-ups order)', () => {
  it('puts overdue thank-yous first, then thank-yous, follow-ups, referrer updates, referrals and stale meetings', () => {
    const ds = check({
      ...CAST,
      'contacts/carol-white.md': md(['type: contact', 'name: Carol White', 'next_follow_up: 2026-11-18']),
      'contacts/dan-ortiz.md': md(['type: contact', 'name: Dan Ortiz', 'next_follow_up: 2026-11-01']),
      'meetings/a.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-20', 'referrals: []']),
      'meetings/b.md': md(['type: meeting', 'with: "[[bob-jones]]"', 'date: 2026-11-10', 'referrals: ["[[erin]]"]']),
      'contacts/erin.md': md(['type: contact', 'name: Erin Moss']),
      'meetings/c.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-14', 'status: planned']),
      'meetings/d.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-05', 'referrals: []']),
    });
    assert.deepEqual(
      followUps(ds).map((f) => `${f.label} (${f.detail})`),
      [
        'Thank Sally Smith (15 days overdue)',
        'Thank Bob Jones (10 days overdue)',
        'Thank Sally Smith (due today)',
        'Follow up with Dan Ortiz (20 days late)',
        'Follow up with Carol White (3 days late)',
        'Update Sally Smith (how it went with Bob Jones)',
        'Contact Erin Moss (suggested by Bob Jones 11 days ago)',
        'Close the meeting with Sally Smith (planned 2026-11-14)',
      ],
    );
  });

  it('leaves out everything that is not a reminder', () => {
    const ds = check({ 'contacts/x.md': md(['type: contact', 'name: X', 'company: "[[nowhere]]"', 'status: huh']) });
    assert.equal(ds.length, 2);
    assert.deepEqual(followUps(ds), []);
  });
});
