import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { codes, file, problems, rapport, readText, remove, waitFor, writeText } from './helpers.js';

/** The quick fixes VS Code offers on a file's diagnostic with this code. */
async function fixesFor(uri: vscode.Uri, code: string): Promise<vscode.CodeAction[]> {
  await vscode.workspace.openTextDocument(uri); // the command needs the document loaded
  await waitFor(`${code} on ${uri.path}`, () => codes(uri).includes(code));
  const d = problems(uri).find((x) => x.code === code)!;
  // Only Rapport offers fixes on these diagnostics (VS Code's own Markdown actions are not quick fixes).
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
}

async function apply(uri: vscode.Uri, code: string, title: string | RegExp): Promise<void> {
  const actions = await fixesFor(uri, code);
  const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(action, `no fix "${title}" among ${actions.map((a) => a.title).join(', ')}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit!));
}

async function temp(path: string, bytes: string): Promise<vscode.Uri> {
  const uri = file(path);
  await writeText(uri, bytes);
  return uri;
}

const cleanup: vscode.Uri[] = [];

describe('quick fixes', () => {
  before(rapport);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of cleanup.splice(0)) await remove(uri);
  });

  it('marks the thank-you sent today, one undoable edit that adds one line', async () => {
    const uri = file('meetings/2026-11-18-sally-smith.md');
    const before = await readText(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await apply(uri, 'thank-you-pending', 'Mark thank-you sent today (2026-11-21)');
    assert.equal(doc.getText(), before.replace('  - "[[bob-jones]]"\n---', '  - "[[bob-jones]]"\nthank_you: 2026-11-21\n---'));
    await waitFor('the diagnostic to clear', () => !codes(uri).includes('thank-you-pending'));
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before);
  });

  it('marks the referrer updated, keeping CRLF, a BOM, comments and quoting byte for byte', async () => {
    const lines = ['---', '# from my phone', "type: 'meeting'", 'with: "[[bob-jones]]"   # Sally\'s colleague', 'date: 2026-11-17', 'thank_you: true', 'referrals: []', '---', 'Notes.', ''];
    const bytes = '\uFEFF' + lines.join('\r\n');
    const uri = await temp('meetings/2026-11-17-bob-crlf.md', bytes);
    cleanup.push(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await apply(uri, 'referrer-update-pending', 'Mark Sally Smith updated today');
    await doc.save();
    assert.equal(await readText(uri), bytes.replace('referrals: []\r\n---', 'referrals: []\r\nreferrer_updated: 2026-11-21\r\n---'));
  });

  it('closes a stale meeting as done, no-show or cancelled', async () => {
    const uri = file('meetings/2026-11-19-globex-panel.md');
    const before = await readText(uri);
    assert.deepEqual((await fixesFor(uri, 'meeting-status-stale')).map((a) => a.title), ['Mark the meeting done', 'Mark the meeting no-show', 'Mark the meeting cancelled']);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await apply(uri, 'meeting-status-stale', 'Mark the meeting no-show');
    assert.equal(doc.getText(), before.replace('status: planned', 'status: no-show'));
  });

  it('creates the missing note for an unknown [[id]], never over an existing file', async () => {
    const uri = await temp('meetings/2026-11-16-carol.md', '---\ntype: meeting\nwith: "[[carol-white]]"\ndate: 2026-11-16\nthank_you: true\nreferrals: []\n---\n');
    const created = file('contacts/carol-white.md');
    cleanup.push(uri, created);
    await apply(uri, 'unknown-reference', 'Create contacts/carol-white.md');
    await vscode.workspace.openTextDocument(created).then((d) => d.save());
    assert.equal(await readText(created), '---\ntype: contact\nname: Carol White\nstatus: lead\n---\n\n');
    await waitFor('the link to resolve', () => !codes(uri).includes('unknown-reference'));
  });

  it('offers no create when a file of that name exists (here a binary one Rapport cannot read)', async () => {
    const binary = file('contacts/zed.md');
    await writeText(binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const uri = await temp('meetings/2026-11-16-zed.md', '---\ntype: meeting\nwith: "[[zed]]"\ndate: 2026-11-16\nthank_you: true\nreferrals: []\n---\n');
    cleanup.push(uri, binary);
    assert.deepEqual((await fixesFor(uri, 'unknown-reference')).map((a) => a.title), []);
  });

  it('puts the referrer in an outreach subject', async () => {
    const uri = await temp('outreach/bob-draft.md', '---\ntype: outreach\nto: "[[bob-jones]]"\nsubject: Coffee next week?\n---\nHi Bob,\n');
    cleanup.push(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await apply(uri, 'outreach-missing-referrer', /Sally Smith suggested I contact you/);
    assert.equal(doc.getText(), '---\ntype: outreach\nto: "[[bob-jones]]"\nsubject: "Sally Smith suggested I contact you: Coffee next week?"\n---\nHi Bob,\n');
    await waitFor('the warning to clear', () => !codes(uri).includes('outreach-missing-referrer'));
  });
});
