// "Every reminder closes where it is shown": for each kind of Follow-ups item, its
// actions (the row's buttons and context menu run these commands) leave the
// expected bytes on disk, read through workspace.fs, and the item goes or changes.
// Today is 2026-11-21 in the test hosts.

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { actionCommand } from '../../src/core/follow-up-actions.js';
import type { FollowUpActionId } from '../../src/core/model.js';
import type { FollowUpEntry } from '../../src/extension/follow-ups/index.js';
import { exists, file, rapport, readText, remove, waitFor, writeText } from './helpers.js';

const TOMAS = ['---', 'type: contact', 'name: Tomás Reyes', 'company: Globex', 'status: met', '---', ''].join('\n');
const meeting = (date: string, keys: string[], body = '') =>
  ['---', 'type: meeting', 'with: "[[tomas-reyes]]"', `date: ${date}`, 'kind: informational', ...keys, '---', body].join('\n');
const NOTES = '\n## Notes\n\n- [ ] Send him the article on incident reviews\n- Their team ships weekly and keeps on-call gentle.\n';

describe('Follow-ups actions finish the job: the bytes on disk, the item gone', function () {
  this.timeout(30_000);
  const made: string[] = [];

  async function write(path: string, text: string): Promise<vscode.Uri> {
    made.push(path);
    await writeText(file(path), text);
    return file(path);
  }

  /** The Follow-ups entry of this kind for this file, once the view has it. */
  async function entry(path: string, code: string): Promise<FollowUpEntry> {
    const api = await rapport();
    const find = () => api.followUps.entries().find((e) => e.uri.toString() === file(path).toString() && e.item.code === code);
    await waitFor(`${code} on ${path} in Follow-ups`, () => find() !== undefined, 10_000);
    return find()!;
  }

  async function gone(path: string, code: string): Promise<void> {
    const api = await rapport();
    await waitFor(`${code} on ${path} to leave Follow-ups`, () => !api.followUps.entries().some((e) => e.uri.toString() === file(path).toString() && e.item.code === code), 10_000);
  }

  async function act(action: FollowUpActionId, on: FollowUpEntry, answer?: string): Promise<void> {
    assert.equal(await vscode.commands.executeCommand(actionCommand(action), on, ...(answer === undefined ? [] : [answer])), true, `${action} was not done`);
  }

  /** Nothing the action touched is left unsaved. */
  function allSaved(): void {
    const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.path);
    assert.deepEqual(dirty, []);
  }

  before(rapport);
  beforeEach(() => write('contacts/tomas-reyes.md', TOMAS));
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const path of made.splice(0)) await remove(file(path));
    await (await rapport()).notes.idle();
  });

  it('thank-you: draft it (quoting the notes), then mark it sent today: the meeting and the draft say so', async () => {
    const m = 'meetings/2026-11-19-tomas-reyes.md';
    const draft = 'outreach/2026-11-21-tomas-reyes-thank-you.md';
    made.push(draft);
    await write(m, meeting('2026-11-19', ['referrals: []'], NOTES));
    await act('draft-thank-you', await entry(m, 'thank-you-pending'));
    const text = await readText(file(draft));
    assert.match(text, /^---\ntype: outreach\nto: "\[\[tomas-reyes\]\]"\nkind: thank-you\nmeeting: "\[\[2026-11-19-tomas-reyes\]\]"\n/);
    assert.match(text, /“Their team ships weekly and keeps on-call gentle”/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), file(draft).toString(), 'the draft is open to write');
    // Still due until sent; the action now opens the draft rather than writing a second.
    await act('draft-thank-you', await entry(m, 'thank-you-pending'));
    assert.ok(!(await exists(file('outreach/2026-11-21-tomas-reyes-thank-you-2.md'))));

    await act('thank-you-sent-today', await entry(m, 'thank-you-pending'));
    assert.equal(await readText(file(m)), meeting('2026-11-19', ['referrals: []', 'thank_you: 2026-11-21'], NOTES));
    assert.match(await readText(file(draft)), /\nstatus: sent\nsent: 2026-11-21\n---/);
    await gone(m, 'thank-you-pending');
    allSaved();
  });

  it('thank-you: sent on another date (asked, the due day offered), or skipped', async () => {
    const m1 = 'meetings/2026-11-18-tomas-reyes.md';
    const m2 = 'meetings/2026-11-17-tomas-reyes.md';
    await write(m1, meeting('2026-11-18', ['referrals: []']));
    await write(m2, meeting('2026-11-17', ['referrals: []']));
    // The question is asked in an input box; accepting it takes the day offered (the day it was due).
    let settled = false;
    const asked = Promise.resolve(vscode.commands.executeCommand(actionCommand('thank-you-sent-on'), await entry(m1, 'thank-you-pending'))).finally(() => (settled = true));
    // Accept the box once it is up (accepting before it is shown does nothing).
    while (!settled) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(await asked, true);
    assert.equal(await readText(file(m1)), meeting('2026-11-18', ['referrals: []', 'thank_you: 2026-11-19']));
    // A day still to come is refused, and nothing is written.
    assert.equal(await vscode.commands.executeCommand(actionCommand('thank-you-sent-on'), await entry(m2, 'thank-you-pending'), '2026-11-30'), false);
    await act('thank-you-skip', await entry(m2, 'thank-you-pending'));
    assert.equal(await readText(file(m2)), meeting('2026-11-17', ['referrals: []', 'thank_you: skip']));
    await gone(m1, 'thank-you-pending');
    await gone(m2, 'thank-you-pending');
  });

  it('promise: done ticks the task in the meeting’s notes', async () => {
    const m = 'meetings/2026-11-10-tomas-reyes.md';
    await write(m, meeting('2026-11-10', ['referrals: []', 'thank_you: true'], NOTES));
    await act('promise-done', await entry(m, 'promise-open'));
    assert.equal(await readText(file(m)), meeting('2026-11-10', ['referrals: []', 'thank_you: true'], NOTES.replace('- [ ]', '- [x]')));
    await gone(m, 'promise-open');
  });

  it('follow-up: followed up today sets last_contact; snooze sets next_follow_up the days given ahead', async () => {
    const ann = await write('contacts/ann-okafor.md', ['---', 'type: contact', 'name: Ann Okafor', 'next_follow_up: 2026-11-15', '---', ''].join('\n'));
    const ben = await write('contacts/ben-ito.md', ['---', 'type: contact', 'name: Ben Ito', 'next_follow_up: 2026-11-15', '---', ''].join('\n'));
    await act('followed-up-today', await entry('contacts/ann-okafor.md', 'follow-up-due'));
    assert.equal(await readText(ann), ['---', 'type: contact', 'name: Ann Okafor', 'next_follow_up: 2026-11-15', 'last_contact: 2026-11-21', '---', ''].join('\n'));
    await act('snooze', await entry('contacts/ben-ito.md', 'follow-up-due'), '14');
    assert.equal(await readText(ben), ['---', 'type: contact', 'name: Ben Ito', 'next_follow_up: 2026-12-05', '---', ''].join('\n'));
    await gone('contacts/ann-okafor.md', 'follow-up-due');
    await gone('contacts/ben-ito.md', 'follow-up-due');
  });

  it('referrer update: draft it to the referrer, then mark updated: the meeting and the draft say so', async () => {
    const m = 'meetings/2026-11-12-lena-voss.md';
    const draft = 'outreach/2026-11-21-tomas-reyes-update.md';
    made.push(draft);
    await write('contacts/lena-voss.md', ['---', 'type: contact', 'name: Lena Voss', 'referred_by: "[[tomas-reyes]]"', 'status: met', '---', ''].join('\n'));
    const body = ['---', 'type: meeting', 'with: "[[lena-voss]]"', 'date: 2026-11-12', 'referrals: []', 'thank_you: true', '---', ''].join('\n');
    await write(m, body);
    await act('draft-referrer-update', await entry(m, 'referrer-update-pending'));
    assert.match(await readText(file(draft)), /to: "\[\[tomas-reyes\]\]"\nkind: referrer-update\n[^]*introducing me to Lena Voss/);
    await act('referrer-updated-today', await entry(m, 'referrer-update-pending'));
    assert.equal(await readText(file(m)), body.replace('thank_you: true\n', 'thank_you: true\nreferrer_updated: 2026-11-21\n'));
    assert.match(await readText(file(draft)), /\nstatus: sent\nsent: 2026-11-21\n---/);
    await gone(m, 'referrer-update-pending');
    allSaved();
  });

  it('referral: draft the outreach with the referrer in the subject', async () => {
    const m = 'meetings/2026-11-10-tomas-reyes.md';
    const draft = 'outreach/2026-11-21-ines-park-outreach.md';
    made.push(draft);
    await write('contacts/ines-park.md', ['---', 'type: contact', 'name: Inès Park', 'status: lead', '---', ''].join('\n'));
    await write(m, meeting('2026-11-10', ['referrals: ["[[ines-park]]"]', 'thank_you: true']));
    await act('draft-referral-outreach', await entry(m, 'referral-not-contacted'));
    const text = await readText(file(draft));
    assert.match(text, /to: "\[\[ines-park\]\]"\nsubject: Tomás Reyes suggested I contact you\n/);
    assert.match(text, /Hi Inès,/);
    // Drafted but not sent: still due, and now the action opens the draft.
    await act('draft-referral-outreach', await entry(m, 'referral-not-contacted'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), file(draft).toString());
  });

  it('no reply: mark replied sets status and the day; draft a polite follow-up writes one', async () => {
    const o1 = 'outreach/2026-11-10-tomas-reyes-outreach.md';
    const o2 = 'outreach/2026-11-11-tomas-reyes-outreach.md';
    const followUp = 'outreach/2026-11-21-tomas-reyes-follow-up.md';
    made.push(followUp);
    const sent = (day: string) => ['---', 'type: outreach', 'to: "[[tomas-reyes]]"', 'subject: Your work at Globex', 'status: sent', `sent: ${day}`, '---', 'Hi Tomás,', ''].join('\n');
    await write(o1, sent('2026-11-10'));
    await write(o2, sent('2026-11-11'));
    await act('mark-replied', await entry(o1, 'outreach-no-reply'));
    assert.equal(await readText(file(o1)), sent('2026-11-10').replace('status: sent', 'status: replied').replace('sent: 2026-11-10\n', 'sent: 2026-11-10\nreplied: 2026-11-21\n'));
    await gone(o1, 'outreach-no-reply');
    await act('draft-follow-up', await entry(o2, 'outreach-no-reply'));
    assert.match(await readText(file(followUp)), /kind: follow-up\n[^]*my message of 2026-11-11/);
  });

  it('a stale meeting marked done; a status behind the notes brought up to date', async () => {
    const m = 'meetings/2026-11-15-tomas-reyes.md';
    await write(m, meeting('2026-11-15', ['status: planned', 'referrals: []', 'thank_you: true']));
    await act('meeting-done', await entry(m, 'meeting-status-stale'));
    assert.equal(await readText(file(m)), meeting('2026-11-15', ['status: done', 'referrals: []', 'thank_you: true']));
    await gone(m, 'meeting-status-stale');
    const c = 'contacts/tomas-reyes.md';
    await writeText(file(c), TOMAS.replace('status: met', 'status: lead'));
    await act('set-status', await entry(c, 'status-behind'));
    assert.equal(await readText(file(c)), TOMAS);
    await gone(c, 'status-behind');
  });
});
