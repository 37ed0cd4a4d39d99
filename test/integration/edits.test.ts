// One way to an edit (src/extension/edits.ts), as a user meets it: a quick fix,
// a command or a view action on a note without unsaved changes is saved (the
// file on disk says what the editor says); on a note the user is editing, it is
// left edited and unsaved. What is on disk is read through workspace.fs.

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { codes, file, problems, rapport, waitFor } from './helpers.js';

const decoder = new TextDecoder();
const onDisk = async (uri: vscode.Uri) => decoder.decode(await vscode.workspace.fs.readFile(uri));
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

const MEETING = '---\ntype: meeting\nwith: "[[sally-smith]]"\ndate: 2026-11-12\nkind: informational\nreferrals: []\n---\nNotes.\n';

/** The quick fixes offered on one published diagnostic, as the light bulb asks for them. */
async function fixesOn(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
}

/** Apply a code action as VS Code does: its edit, then its command. */
async function choose(action: vscode.CodeAction): Promise<void> {
  assert.ok(await vscode.workspace.applyEdit(action.edit!));
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('one way to an edit: saved unless the user has unsaved changes there', () => {
  const made: vscode.Uri[] = [];
  before(rapport);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of made.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('a quick fix on an open note without unsaved changes is saved to disk', async () => {
    const uri = file('meetings/2026-11-12-edits-clean.md');
    made.push(uri);
    await write(uri, MEETING);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitFor('thank-you-pending', () => codes(uri).includes('thank-you-pending'));
    const [action] = (await fixesOn(uri, problems(uri).find((d) => d.code === 'thank-you-pending')!)).filter((a) => /^Mark thank-you sent today/.test(a.title));
    assert.ok(action, 'a fix for thank-you-pending');
    await choose(action);
    assert.equal(await onDisk(uri), MEETING.replace('referrals: []\n', 'referrals: []\nthank_you: 2026-11-21\n'));
    assert.ok(!doc.isDirty);
  });

  it('a quick fix on a note with unsaved changes of the user’s leaves it edited and unsaved', async () => {
    const uri = file('meetings/2026-11-12-edits-dirty.md');
    made.push(uri);
    await write(uri, MEETING);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount - 1, 0), 'Typed, not saved.\n'));
    await waitFor('thank-you-pending', () => codes(uri).includes('thank-you-pending'));
    const [action] = (await fixesOn(uri, problems(uri).find((d) => d.code === 'thank-you-pending')!)).filter((a) => /^Mark thank-you sent today/.test(a.title));
    await choose(action);
    assert.match(doc.getText(), /thank_you: 2026-11-21\n---\nNotes\.\nTyped, not saved\.\n/);
    assert.ok(doc.isDirty, 'the user’s own changes are theirs to save');
    assert.equal(await onDisk(uri), MEETING);
  });

  it('a view action on a note that is not open edits and saves the file', async () => {
    const api = await rapport();
    const uri = file('meetings/2026-11-12-edits-view.md');
    made.push(uri);
    await write(uri, MEETING);
    await waitFor('the meeting in Follow-ups', () => api.followUps.entries().some((e) => e.uri.toString() === uri.toString() && e.item.code === 'thank-you-pending'));
    const entry = api.followUps.entries().find((e) => e.uri.toString() === uri.toString() && e.item.code === 'thank-you-pending')!;
    assert.ok(await vscode.commands.executeCommand('rapport.markThankYouSent', entry));
    assert.equal(await onDisk(uri), MEETING.replace('referrals: []\n', 'referrals: []\nthank_you: 2026-11-21\n'));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty), 'nothing left unsaved');
    await waitFor('thank-you-pending to clear', () => !codes(uri).includes('thank-you-pending'));
  });

  it('a quick fix belongs to its own diagnostic: two missing notes on one line, each offers its own', async () => {
    const uri = file('meetings/2026-11-12-edits-two.md');
    made.push(uri, file('contacts/erin-two.md'), file('contacts/fay-two.md'));
    await write(uri, MEETING.replace('Notes.\n', 'Ask [[erin-two]] and [[fay-two]] about it.\n'));
    await vscode.workspace.openTextDocument(uri);
    await waitFor('two unknown references', () => codes(uri).filter((c) => c === 'unknown-reference').length === 2);
    const [first, second] = problems(uri).filter((d) => d.code === 'unknown-reference').sort((a, b) => a.range.start.character - b.range.start.character);
    assert.equal(first.range.start.line, second.range.start.line);
    assert.deepEqual((await fixesOn(uri, first)).map((a) => a.title), ['Create contacts/erin-two.md']);
    assert.deepEqual((await fixesOn(uri, second)).map((a) => a.title), ['Create contacts/fay-two.md']);
    await choose((await fixesOn(uri, second))[0]);
    assert.equal(await onDisk(file('contacts/fay-two.md')), '---\ntype: contact\nname: Fay Two\nstatus: lead\n---\n\n');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(file('contacts/erin-two.md'))), 'only the note asked for is created');
  });

  it('a quick fix asked for on a diagnostic the text has moved past is not another one found on its line', async () => {
    const uri = file('meetings/2026-11-12-edits-moved.md');
    made.push(uri);
    await write(uri, MEETING.replace('Notes.\n', 'Ask [[erin-two]] and [[fay-two]] about it.\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor('two unknown references', () => codes(uri).filter((c) => c === 'unknown-reference').length === 2);
    const [, fay] = problems(uri).filter((d) => d.code === 'unknown-reference').sort((a, b) => a.range.start.character - b.range.start.character);
    // The user types at the start of the line: both links move, and the diagnostic shown is for where fay-two was.
    await editor.edit((e) => e.insert(new vscode.Position(fay.range.start.line, 0), 'So, '));
    const titles = (await fixesOn(uri, fay)).map((a) => a.title);
    assert.ok(!titles.includes('Create contacts/erin-two.md'), `offered ${titles.join(', ')} for the diagnostic on [[fay-two]]`);
  });
});
