// "Every reminder closes where it is shown": each kind of Follow-ups item offers its
// actions as fixes, the drafts they create pass every check, a sent draft closes the
// reminder it was written for, and the two actions that ask a question check the answer.

import { strict as assert } from 'node:assert';
import { actionCommand, answerFix, checkAnswer, FOLLOW_UP_ACTIONS } from '../../src/core/follow-up-actions.js';
import { quoteFromMeeting, writeDraft } from '../../src/core/drafts.js';
import { FOLLOW_UP_ORDER } from '../../src/core/follow-ups.js';
import type { Diagnostic, Fix } from '../../src/core/model.js';
import type { Meeting } from '../../src/core/notes.js';
import { applyEdits } from '../../src/core/text.js';
import { CAST, check, clock, indexOf, md, only } from './helpers.js';

const MEETING = 'meetings/2026-11-19-bob-jones.md';
const meetingWithBob = (lines: string[] = [], body = '') =>
  md(['type: meeting', 'with: "[[bob-jones]]"', 'date: 2026-11-19', 'kind: informational', 'referrals: []', ...lines], body);
const NOTES = '\n## Questions\n\n- What does a typical week look like?\n\n## Notes\n\n- [ ] Send him the deck\n- Payments team is moving to Rust next year.\n- Ask about the meetup\n';

/** The fix for `action` on the diagnostic, its draft written as it would be when chosen (in `files`). */
function fixOf(d: Diagnostic | undefined, action: string, files?: Record<string, string>): Fix {
  const fix = d?.fixes?.find((f) => f.action === action);
  assert.ok(fix, `no ${action} on ${d?.code}: ${d?.fixes?.map((f) => f.action).join(', ')}`);
  return files ? writeDraft(fix, indexOf(files), clock().today)! : fix;
}

/** The files after a fix (its draft written first): its edits to `file`, its other notes' edits, and the note it creates. */
function after(files: Record<string, string>, file: string, offered: Fix): Record<string, string> {
  const fix = writeDraft(offered, indexOf(files), clock().today)!;
  const out = { ...files, [file]: applyEdits(files[file], fix.edits ?? []) };
  for (const a of fix.also ?? []) out[a.path] = applyEdits(files[a.path], a.edits);
  if (fix.create) {
    assert.ok(!(fix.create.path in files), `${fix.create.path} would be overwritten`);
    out[fix.create.path] = fix.create.content;
  }
  return out;
}

describe('Follow-ups actions', () => {
  it('every kind of reminder has at least one action, each with its own command', () => {
    for (const code of FOLLOW_UP_ORDER) assert.ok(FOLLOW_UP_ACTIONS.some((a) => a.code === code), `${code} has no action`);
    const commands = FOLLOW_UP_ACTIONS.map((a) => actionCommand(a.id));
    assert.equal(new Set(commands).size, commands.length);
    assert.equal(actionCommand('draft-thank-you'), 'rapport.followUp.draftThankYou');
  });

  it('a draft is written when chosen, not by every check run: the fix carries what to write, not the text', () => {
    const files = { ...CAST, [MEETING]: meetingWithBob([], NOTES) };
    const fix = fixOf(only(check(files), 'thank-you-pending')[0], 'draft-thank-you');
    assert.deepEqual(fix.draft, { kind: 'thank-you', from: MEETING, to: 'contacts/bob-jones.md' });
    assert.equal(fix.create, undefined);
    // Written after a draft appeared (the view a moment behind), it opens that one instead.
    const other = { ...files, 'outreach/mine.md': md(['type: outreach', 'to: "[[bob-jones]]"', 'kind: thank-you', `meeting: "[[2026-11-19-bob-jones]]"`, 'status: draft'], 'Hi') };
    assert.equal(writeDraft(fix, indexOf(other), clock().today)?.open, 'outreach/mine.md');
    // And when the recipient's note is gone, nothing is written.
    const without: Record<string, string> = { ...files };
    delete without['contacts/bob-jones.md'];
    assert.equal(writeDraft(fix, indexOf(without), clock().today), undefined);
  });

  describe('the thank-you', () => {
    const files = { ...CAST, [MEETING]: meetingWithBob([], NOTES) };
    const pending = () => only(check(files), 'thank-you-pending')[0];

    it('drafts a thank-you to the person, about the meeting, quoting a line of the notes, that passes every check', () => {
      const fix = fixOf(pending(), 'draft-thank-you', files);
      assert.equal(fix.create!.path, 'outreach/2026-11-21-bob-jones-thank-you.md');
      const text = fix.create!.content;
      assert.match(text, /^---\ntype: outreach\nto: "\[\[bob-jones\]\]"\nkind: thank-you\nmeeting: "\[\[2026-11-19-bob-jones\]\]"\n/);
      assert.match(text, /status: draft/);
      assert.match(text, /Hi Bob,/);
      assert.match(text, /on 2026-11-19/);
      // The notes' first line that is not a task: what was said, not what is owed.
      assert.match(text, /“Payments team is moving to Rust next year”/);
      const ds = check(after(files, MEETING, fix)).filter((d) => d.file === fix.create!.path);
      assert.deepEqual(ds.map((d) => d.code), []);
    });

    it('a drafted thank-you is opened, not written twice; sending it closes the reminder and marks nothing else', () => {
      const drafted = after(files, MEETING, fixOf(pending(), 'draft-thank-you'));
      const again = only(check(drafted), 'thank-you-pending')[0];
      assert.equal(fixOf(again, 'draft-thank-you').open, 'outreach/2026-11-21-bob-jones-thank-you.md');
      const draft = 'outreach/2026-11-21-bob-jones-thank-you.md';
      const sent = { ...drafted, [draft]: drafted[draft].replace('status: draft', 'status: sent\nsent: 2026-11-21') };
      assert.deepEqual(only(check(sent), 'thank-you-pending'), []);
      // A thank-you asks for nothing: no "no reply" a week later, and no referrer in its subject.
      assert.deepEqual(only(check(sent, '2026-12-15'), 'outreach-no-reply'), []);
      assert.deepEqual(only(check(drafted), 'outreach-missing-referrer').filter((d) => d.file === draft), []);
    });

    it('marked sent today, the meeting says so and the unsent draft is marked sent too', () => {
      const drafted = after(files, MEETING, fixOf(pending(), 'draft-thank-you'));
      const fix = fixOf(only(check(drafted), 'thank-you-pending')[0], 'thank-you-sent-today');
      const out = after(drafted, MEETING, fix);
      assert.match(out[MEETING], /\nthank_you: 2026-11-21\n---/);
      assert.match(out['outreach/2026-11-21-bob-jones-thank-you.md'], /\nstatus: sent\nsent: 2026-11-21\n---/);
      assert.deepEqual(only(check(out), 'thank-you-pending'), []);
    });

    it('marked sent on another date: asks, refuses a day to come or not a date, and writes the day given', () => {
      const fix = fixOf(pending(), 'thank-you-sent-on');
      assert.deepEqual(fix.ask && { kind: fix.ask.kind, value: fix.ask.value }, { kind: 'date', value: '2026-11-20' });
      assert.match(checkAnswer(fix, '2026-11-22', clock())!, /not come yet/);
      assert.match(checkAnswer(fix, 'yesterday', clock())!, /YYYY-MM-DD/);
      assert.match(checkAnswer(fix, '2026-02-30', clock())!, /YYYY-MM-DD/);
      assert.equal(checkAnswer(fix, ' 2026-11-19 ', clock()), undefined);
      const answered = answerFix(fix, '2026-11-19', MEETING, indexOf(files), clock())!;
      assert.match(after(files, MEETING, answered)[MEETING], /\nthank_you: 2026-11-19\n---/);
    });

    it('skipped: thank_you: skip, and nothing is due', () => {
      const out = after(files, MEETING, fixOf(pending(), 'thank-you-skip'));
      assert.match(out[MEETING], /\nthank_you: skip\n---/);
      assert.deepEqual(only(check(out), 'thank-you-pending'), []);
    });
  });

  describe('a quote from the meeting', () => {
    const quote = (body: string) => {
      const index = indexOf({ ...CAST, [MEETING]: meetingWithBob([], body) });
      return quoteFromMeeting(index.get(MEETING) as Meeting, index);
    };

    it('skips tasks, headings, code and the questions, reads links as names, and shortens a long line', () => {
      assert.equal(quote('\n## Questions\n- What helps?\n## Notes\n```\ncode\n```\n- [x] done\n- Met [[sally-smith]] at the **meetup**.\n'), 'Met Sally Smith at the meetup');
      assert.equal(quote('\nFree notes without a heading.\n'), 'Free notes without a heading');
      const long = quote(`\n## Notes\n${'word '.repeat(60)}\n`)!;
      assert.ok(long.length <= 141 && long.endsWith('…'), long);
    });

    it('passes over a line an outreach check would warn about, and is absent when nothing is left', () => {
      assert.equal(quote('\n## Notes\n- They have open positions on the team.\n- Loves the Rust book.\n'), 'Loves the Rust book');
      assert.equal(quote('\n## Notes\n- Said to send my resume attached to an email.\n'), undefined);
      assert.equal(quote(''), undefined);
    });

    it('without a quote, the draft leaves a place to say something specific', () => {
      const files = { ...CAST, [MEETING]: meetingWithBob() };
      const fix = fixOf(only(check(files), 'thank-you-pending')[0], 'draft-thank-you', files);
      assert.match(fix.create!.content, /especially \(something specific from the conversation\)\./);
    });
  });

  describe('the referrer update', () => {
    // Bob was referred by Sally: after meeting Bob, Sally hears how it went.
    const files = { ...CAST, [MEETING]: meetingWithBob(['thank_you: true'], NOTES) };
    const pending = () => only(check(files), 'referrer-update-pending')[0];

    it('drafts an update to the referrer about the meeting, passing every check; sent, it closes the reminder', () => {
      const fix = fixOf(pending(), 'draft-referrer-update', files);
      assert.equal(fix.create!.path, 'outreach/2026-11-21-sally-smith-update.md');
      assert.match(fix.create!.content, /to: "\[\[sally-smith\]\]"\nkind: referrer-update\nmeeting: "\[\[2026-11-19-bob-jones\]\]"/);
      assert.match(fix.create!.content, /introducing me to Bob Jones/);
      const drafted = after(files, MEETING, fix);
      assert.deepEqual(check(drafted).filter((d) => d.file === fix.create!.path).map((d) => d.code), []);
      const sent = { ...drafted, [fix.create!.path]: drafted[fix.create!.path].replace('status: draft', 'status: sent\nsent: 2026-11-21') };
      assert.deepEqual(only(check(sent), 'referrer-update-pending'), []);
    });

    it('marked updated today: the meeting says so, and the draft is marked sent', () => {
      const drafted = after(files, MEETING, fixOf(pending(), 'draft-referrer-update'));
      const out = after(drafted, MEETING, fixOf(only(check(drafted), 'referrer-update-pending')[0], 'referrer-updated-today'));
      assert.match(out[MEETING], /\nreferrer_updated: 2026-11-21\n---/);
      assert.match(out['outreach/2026-11-21-sally-smith-update.md'], /status: sent\nsent: 2026-11-21/);
    });
  });

  describe('a referral not contacted', () => {
    const files = {
      ...CAST,
      'contacts/ravi-rao.md': md(['type: contact', 'name: Ravi Rao', 'status: lead']),
      'meetings/2026-11-10-sally-smith.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-10', 'thank_you: true', 'referrals: ["[[ravi-rao]]"]']),
    };

    it('drafts the first message with the person who suggested them in the subject, passing every check', () => {
      const d = only(check(files), 'referral-not-contacted')[0];
      const fix = fixOf(d, 'draft-referral-outreach', files);
      assert.equal(fix.create!.path, 'outreach/2026-11-21-ravi-rao-outreach.md');
      assert.match(fix.create!.content, /subject: Sally Smith suggested I contact you\n/);
      const drafted = after(files, d.file, fix);
      assert.deepEqual(check(drafted).filter((x) => x.file === fix.create!.path).map((x) => x.code), []);
      // Drafted, the action opens the draft; sent, the reminder is gone.
      assert.equal(fixOf(only(check(drafted), 'referral-not-contacted')[0], 'draft-referral-outreach').open, fix.create!.path);
      const sent = { ...drafted, [fix.create!.path]: drafted[fix.create!.path].replace('status: draft', 'status: sent\nsent: 2026-11-21') };
      assert.deepEqual(only(check(sent), 'referral-not-contacted'), []);
    });
  });

  describe('a follow-up', () => {
    const files = { ...CAST, 'contacts/ann.md': md(['type: contact', 'name: Ann Lee', 'next_follow_up: 2026-11-20']) };

    it('snoozes for the days the user gives (1 to 365), counted from today', () => {
      const d = only(check(files), 'follow-up-due')[0];
      const fix = fixOf(d, 'snooze');
      assert.equal(fix.ask?.value, '7');
      for (const bad of ['0', '-3', '2.5', 'soon', '366']) assert.ok(checkAnswer(fix, bad, clock()), bad);
      const answered = answerFix(fix, '14', d.file, indexOf(files), clock())!;
      const out = after(files, d.file, answered);
      assert.match(out[d.file], /next_follow_up: 2026-12-05/);
      assert.deepEqual(only(check(out), 'follow-up-due'), []);
      assert.equal(only(check(out, '2026-12-05'), 'follow-up-due').length, 1);
    });
  });
});
