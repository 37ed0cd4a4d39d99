// Issue 6, in a real VS Code: an edit on a note with unsaved changes goes
// through the editor (the keystrokes stay, nothing is written behind the
// editor's back, one undo takes back only the edit), and a create never
// overwrites a file, even one that appears after the fix was offered.
// (commands.test.ts already proves Mark thank-you sent on a saved note, and
// New contact / Log meeting refusing a file that existed beforehand.)

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { codes, file, problems, rapport, readText, remove, waitFor, writeText } from './helpers.js';

const cleanup: vscode.Uri[] = [];

async function temp(path: string, bytes: string): Promise<vscode.Uri> {
  const uri = file(path);
  await writeText(uri, bytes);
  cleanup.push(uri);
  return uri;
}

/** The quick fix with this title on the diagnostic with this code, as the light bulb offers it now. */
async function quickFix(uri: vscode.Uri, code: string, title: string | RegExp, line?: number): Promise<vscode.CodeAction> {
  await vscode.workspace.openTextDocument(uri); // the provider needs the document loaded
  await waitFor(`${code}${line === undefined ? '' : ` at line ${line + 1}`}`, () =>
    problems(uri).some((d) => d.code === code && (line === undefined || d.range.start.line === line)));
  const d = problems(uri).find((x) => x.code === code)!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
  const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(action?.edit, `no fix "${title}" among ${actions.map((a) => a.title).join(', ')}`);
  return action;
}

/** Type like a person: one undoable edit per call, nothing saved. */
async function type(editor: vscode.TextEditor, at: vscode.Position, text: string): Promise<void> {
  assert.ok(await editor.edit((b) => b.insert(at, text), { undoStopBefore: true, undoStopAfter: true }));
}

describe('edit safety in the editor', () => {
  before(rapport);
  afterEach(async () => {
    for (const d of vscode.workspace.textDocuments.filter((x) => x.isDirty)) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of cleanup.splice(0)) await remove(uri);
  });

  it('a quick fix and Mark thank-you sent on a note with unsaved changes keep the keystrokes, write nothing, and undo one at a time', async () => {
    // CRLF and a BOM on disk, to be kept too.
    const onDisk = '\uFEFF' + ['---', 'type: meeting', 'with: "[[bob-jones]]"', 'date: 2026-11-17', 'referrals: []', '---', 'Notes.', ''].join('\r\n');
    const uri = await temp('meetings/2026-11-17-bob-unsaved.md', onDisk);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await quickFix(uri, 'thank-you-pending', /^Mark thank-you sent/);

    // Unsaved keystrokes: a comment above every key (so the keys move down a line),
    // `thank_you: false` typed into the frontmatter, and a line in the body.
    await type(editor, new vscode.Position(1, 0), '# typed, not saved\r\n');
    await type(editor, new vscode.Position(5, 0), 'thank_you: false   # typed\r\n');
    await type(editor, new vscode.Position(8, 0), 'She mentioned the payments team.\r\n');
    const typed = doc.getText();
    assert.equal(typed, ['---', '# typed, not saved', 'type: meeting', 'with: "[[bob-jones]]"', 'date: 2026-11-17', 'thank_you: false   # typed', 'referrals: []', '---', 'She mentioned the payments team.', 'Notes.', ''].join('\r\n'));
    assert.ok(doc.isDirty);

    // The quick fix, computed on what the editor shows (its diagnostic has moved down with the typed line).
    const referrer = await quickFix(uri, 'referrer-update-pending', 'Mark Sally Smith updated today', 3);
    assert.ok(await vscode.workspace.applyEdit(referrer.edit!));
    const fixed = typed.replace('referrals: []\r\n---', 'referrals: []\r\nreferrer_updated: 2026-11-21\r\n---');
    assert.equal(doc.getText(), fixed, 'the keystrokes and the fix, nothing else');

    // The command, on the value typed but not saved: replaced where it stands, not added a second time.
    await vscode.window.showTextDocument(doc);
    assert.ok(await vscode.commands.executeCommand('rapport.markThankYouSent'));
    const marked = fixed.replace('thank_you: false   # typed', 'thank_you: 2026-11-21   # typed');
    assert.equal(doc.getText(), marked);

    assert.ok(doc.isDirty, 'still unsaved: the edits went through the editor');
    assert.equal(await readText(uri), onDisk, 'nothing was written to disk');

    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), fixed, 'one undo takes back only the command');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), typed, 'the next takes back only the quick fix');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), typed.replace('She mentioned the payments team.\r\n', ''), 'then the keystrokes, one by one');
  });

  it('the create-note quick fix never overwrites a file that appeared after it was offered', async () => {
    const uri = await temp('meetings/2026-11-16-late-comer.md', '---\ntype: meeting\nwith: "[[late-comer]]"\ndate: 2026-11-16\nthank_you: true\nreferrals: []\n---\n');
    const target = file('contacts/late-comer.md');
    cleanup.push(target);
    const create = await quickFix(uri, 'unknown-reference', 'Create contacts/late-comer.md');
    // Someone else writes the note (a git pull, another editor) before the fix is picked.
    const theirs = '---\ntype: contact\nname: Late Comer\nrole: theirs, not ours\n---\nWritten elsewhere.\n';
    await writeText(target, theirs);
    await vscode.workspace.applyEdit(create.edit!).then(undefined, () => false);
    await vscode.workspace.saveAll(false);
    assert.equal(await readText(target), theirs, 'the file on disk is untouched');
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    if (open) assert.equal(open.getText(), theirs, 'and so is the file as the editor has it');
  });

  it('Draft outreach to… opens the unsent draft already there, and never overwrites it', async () => {
    const api = await rapport();
    const folder = api.notes.allFolders()[0];
    const note = folder.index.contacts().find((c) => c.id === 'bob-jones')!;
    const existing = await temp('outreach/2026-11-21-bob-jones.md', '---\ntype: outreach\nto: "[[bob-jones]]"\nsubject: my words\n---\nMine.\n');
    await waitFor('the draft in the index', () => folder.index.get('outreach/2026-11-21-bob-jones.md') !== undefined);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('rapport.draftOutreach', { note, folder });
    assert.equal(uri?.toString(), existing.toString(), 'the existing draft is opened');
    await vscode.workspace.saveAll(false);
    assert.equal(await readText(existing), '---\ntype: outreach\nto: "[[bob-jones]]"\nsubject: my words\n---\nMine.\n');
    assert.ok(!codes(existing).includes('invalid-frontmatter'));
  });
});
