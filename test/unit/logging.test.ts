import { strict as assert } from 'node:assert';
import { clockFrom, parseDate } from '../../src/core/dates.js';
import { defaultWhen, isAhead, markSentEdits, readWhen, whenProblem } from '../../src/core/logging.js';
import { meetingPath } from '../../src/core/new-notes.js';
import { outreachSent, type Contact, type Outreach } from '../../src/core/notes.js';
import { companyTemplate, contactTemplate, meetingTemplate } from '../../src/core/templates.js';
import { applyEdits } from '../../src/core/text.js';
import { CAST, check, clock, indexOf, md, only } from './helpers.js';

const at = (text: string) => clockFrom(text)!;

describe('Log meeting with…: when it is, and whether it happened', () => {
  it('takes a day, or a day and a time, and says how to write anything else', () => {
    assert.equal(whenProblem('2026-11-19'), undefined);
    assert.equal(whenProblem('2026-11-19 14:30'), undefined);
    assert.equal(whenProblem(' 2026-11-19 '), undefined);
    assert.equal(readWhen('2026-11-19 14:30')?.minutes, 14 * 60 + 30);
    for (const bad of ['', 'yesterday', '19/11/2026', '2026-11-19T14:30', '2026-11-19 2pm', '2026-11-19 14:30:00', '2026-1-9']) {
      assert.match(whenProblem(bad) ?? '', /^Write the day as YYYY-MM-DD, or the day and time as YYYY-MM-DD HH:MM/, bad);
      assert.equal(readWhen(bad), undefined);
    }
    assert.equal(whenProblem('2026-02-30'), '2026-02-30 is not a real day.');
    assert.equal(whenProblem('2026-11-19 25:00'), '2026-11-19 25:00 is not a real day and time.');
    assert.equal(defaultWhen(clock()), '2026-11-21');
  });

  it('a later day, or a time today not yet reached, is planned without asking; today without a time is asked', () => {
    const now = at('2026-11-21 12:00');
    const ahead = (t: string, c = now) => isAhead(parseDate(t)!, c);
    assert.equal(ahead('2026-11-22'), true);
    assert.equal(ahead('2026-11-21 12:01'), true);
    assert.equal(ahead('2026-11-21 12:00'), false, 'the moment itself has come');
    assert.equal(ahead('2026-11-21 09:00'), false);
    assert.equal(ahead('2026-11-21'), false);
    assert.equal(ahead('2026-11-20 23:59'), false);
    // A clock with no time of day (`--today 2026-11-21`) counts any time today as ahead, as the checks do.
    assert.equal(ahead('2026-11-21 09:00', clock()), true);
    assert.equal(ahead('2026-11-21', clock()), false);
  });

  it('a meeting logged as happened is done, and its thank-you is due at once; a planned one is not', () => {
    const done = meetingTemplate('sally-smith', '2026-11-19 14:00', '\n', 'done');
    assert.equal(
      done,
      '---\ntype: meeting\nwith: "[[sally-smith]]"\ndate: 2026-11-19 14:00\nstatus: done\nkind: informational\nduration: 30\n---\n\n## Questions\n\n' +
        '- What does a typical day or week look like for you?\n- How did you get into this role, and what experience helped you most?\n' +
        '- What education or training makes the biggest difference in this field?\n- What are the most rewarding parts of the job, and the most challenging?\n' +
        '- What do you wish you had known when you started?\n- Which companies would you add to my target list?\n- Who else would you suggest I talk to?\n\n## Notes\n\n',
    );
    const path = meetingPath('2026-11-19', { id: 'sally-smith' }, indexOf(CAST));
    assert.equal(path, 'meetings/2026-11-19-sally-smith.md', 'named for the meeting’s day, not today');
    const thanks = only(check({ ...CAST, [path]: done }), 'thank-you-pending');
    assert.deepEqual(thanks.map((d) => d.file), [path]);
    assert.equal(thanks[0].severity, 'warning', 'due the day after, so overdue by now');

    const planned = meetingTemplate('sally-smith', '2026-11-25', '\n', 'planned');
    assert.match(planned, /\ndate: 2026-11-25\nstatus: planned\nkind: informational\n/);
    const ds = check({ ...CAST, 'meetings/2026-11-25-sally-smith.md': planned });
    assert.deepEqual(ds.filter((d) => d.file === 'meetings/2026-11-25-sally-smith.md').map((d) => d.code), []);
    // Without a status (as before) the template is unchanged.
    assert.match(meetingTemplate('sally-smith', '2026-11-21'), /\ndate: 2026-11-21\nkind: informational\n/);
  });

  it('logged as happened today, the thank-you is due tomorrow: information today, nothing overdue', () => {
    const done = meetingTemplate('sally-smith', '2026-11-21', '\n', 'done');
    const thanks = only(check({ ...CAST, 'meetings/2026-11-21-sally-smith.md': done }), 'thank-you-pending');
    assert.equal(thanks.length, 1);
    assert.notEqual(thanks[0].severity, 'warning');
  });
});

describe('New contact and New company', () => {
  it('writes an existing company and referrer as links, a new company as its name', () => {
    const text = contactTemplate('Erin Moss', '\n', { company: { id: 'globex' }, referredBy: { id: 'sally-smith' } });
    assert.equal(text, '---\ntype: contact\nname: Erin Moss\ncompany: "[[globex]]"\nreferred_by: "[[sally-smith]]"\nstatus: lead\n---\n\n');
    const index = indexOf({ ...CAST, 'contacts/erin-moss.md': text });
    const erin = index.get('contacts/erin-moss.md') as Contact;
    assert.equal(index.resolve(erin.company, 'company')?.id, 'globex');
    assert.equal(index.resolve(erin.referredBy, 'contact')?.id, 'sally-smith');
    assert.deepEqual(check({ ...CAST, 'contacts/erin-moss.md': text }).filter((d) => d.file === 'contacts/erin-moss.md').map((d) => d.code), []);

    assert.equal(contactTemplate('Erin Moss', '\n', { company: { text: 'Acme: Labs' } }), '---\ntype: contact\nname: Erin Moss\ncompany: "Acme: Labs"\nstatus: lead\n---\n\n');
    assert.equal(contactTemplate('Erin Moss'), '---\ntype: contact\nname: Erin Moss\nstatus: lead\n---\n\n', 'only the name when nothing else was said');
  });

  it('a company is a target or not, as answered', () => {
    assert.equal(companyTemplate('Acme'), '---\ntype: company\nname: Acme\ntarget: true\n---\n\n');
    assert.equal(companyTemplate('Acme', '\r\n', false), '---\r\ntype: company\r\nname: Acme\r\ntarget: false\r\n---\r\n\r\n');
  });
});

describe('Mark outreach sent', () => {
  const sent = (text: string) => {
    const index = indexOf({ ...CAST, 'outreach/x.md': text });
    const note = index.get('outreach/x.md') as Outreach;
    const after = applyEdits(text, markSentEdits(note, '2026-11-21'));
    return { after, note: indexOf({ ...CAST, 'outreach/x.md': after }).get('outreach/x.md') as Outreach };
  };

  it('a draft: its status becomes sent and the day is added, one line each', () => {
    const draft = md(['type: outreach', 'to: "[[bob-jones]]"', 'subject: Sally Smith suggested I contact you', 'status: draft'], 'Hi Bob,\n');
    const { after, note } = sent(draft);
    assert.equal(after, draft.replace('status: draft\n', 'status: sent\nsent: 2026-11-21\n'));
    assert.ok(outreachSent(note));
    assert.equal(note.sent?.text, '2026-11-21');
  });

  it('a note with neither key gets both, status first; one with both has both replaced', () => {
    const bare = md(['type: outreach', 'to: "[[bob-jones]]"'], 'Hi Bob,\n');
    assert.equal(sent(bare).after, bare.replace('---\nHi', 'status: sent\nsent: 2026-11-21\n---\nHi'));
    const both = md(['type: outreach', 'to: "[[bob-jones]]"', "status: 'draft'", 'sent: 2026-11-02  # a guess'], '');
    assert.equal(sent(both).after, both.replace("'draft'", "'sent'").replace('2026-11-02', '2026-11-21'));
  });

  it('keeps CRLF line endings', () => {
    const crlf = ['---', 'type: outreach', 'to: "[[bob-jones]]"', '---', 'Hi', ''].join('\r\n');
    assert.equal(sent(crlf).after, ['---', 'type: outreach', 'to: "[[bob-jones]]"', 'status: sent', 'sent: 2026-11-21', '---', 'Hi', ''].join('\r\n'));
  });
});
