import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { answering } from './answers.js';
import { codes, file, rapport, readText, remove, waitFor, writeText } from './helpers.js';

const created: vscode.Uri[] = [];

async function contactNode(id: string) {
  const api = await rapport();
  const folder = api.notes.allFolders()[0];
  const note = folder.index.contacts().find((c) => c.id === id)!;
  return { note, folder };
}

describe('commands', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    for (const uri of created.splice(0)) await remove(uri);
  });
  it('New contact creates contacts/<name>.md from the template; a namesake gets -2, nothing overwritten', async () => {
    const uri = (await vscode.commands.executeCommand<vscode.Uri>('rapport.newContact', 'Erin Moss'))!;
    created.push(uri);
    assert.match(uri.path, /contacts\/erin-moss\.md$/);
    assert.equal(await readText(uri), '---\ntype: contact\nname: Erin Moss\nstatus: lead\n---\n\n');
    await writeText(uri, 'my own words\n');
    const namesake = (await vscode.commands.executeCommand<vscode.Uri>('rapport.newContact', 'Erin Moss'))!;
    created.push(namesake);
    assert.match(namesake.path, /contacts\/erin-moss-2\.md$/);
    assert.equal(await readText(uri), 'my own words\n');
  });

  it('Log meeting with… creates meetings/<today>-<id>.md with the question bank; a second that day gets -2, nothing overwritten', async () => {
    // Today (the date asked starts there), not happened yet.
    const log = async () => (await answering(['2026-11-21', 'It is planned'], async () => vscode.commands.executeCommand<vscode.Uri>('rapport.logMeeting', await contactNode('dana-lee')))).result;
    const uri = (await log())!;
    created.push(uri);
    assert.match(uri.path, /meetings\/2026-11-21-dana-lee\.md$/);
    const text = await readText(uri);
    assert.match(text, /^---\ntype: meeting\nwith: "\[\[dana-lee\]\]"\ndate: 2026-11-21\nstatus: planned\nkind: informational\nduration: 30\n---\n\n## Questions\n\n- What does a typical day/);
    await waitFor('the new note to be read', () => vscode.languages.getDiagnostics(uri).length === 0 && !!vscode.window.activeTextEditor);
    await writeText(uri, 'kept\n');
    const second = (await log())!;
    created.push(second);
    assert.match(second.path, /meetings\/2026-11-21-dana-lee-2\.md$/);
    assert.equal(await readText(uri), 'kept\n');
  });

  it('Draft outreach to… names the referrer in the subject, and the draft passes every outreach check', async () => {
    const uri = (await vscode.commands.executeCommand<vscode.Uri>('rapport.draftOutreach', await contactNode('bob-jones')))!;
    created.push(uri);
    assert.match(uri.path, /outreach\/2026-11-21-bob-jones-outreach\.md$/);
    const text = await readText(uri);
    assert.match(text, /\nsubject: Sally Smith suggested I contact you\n/);
    assert.match(text, /\nHi Bob,\n\nSally Smith suggested I get in touch with you\./);
    // "No diagnostics" means nothing until the draft has been checked: a phrase a check flags,
    // typed into it, must be flagged; taken out again, the draft as written must come back clean.
    const doc = await vscode.workspace.openTextDocument(uri);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const phrase = '\nCould we set up an informational interview?';
    const type = new vscode.WorkspaceEdit();
    type.insert(uri, end, phrase);
    assert.ok(await vscode.workspace.applyEdit(type));
    await waitFor('the draft to be checked (the phrase typed into it flagged)', () => codes(uri).includes('outreach-informational-interview'), 20_000);
    const untype = new vscode.WorkspaceEdit();
    untype.delete(uri, new vscode.Range(end, doc.positionAt(doc.offsetAt(end) + phrase.length)));
    assert.ok(await vscode.workspace.applyEdit(untype));
    assert.equal(doc.getText(), text);
    await waitFor('the draft as written to be checked again', () => !codes(uri).includes('outreach-informational-interview'), 20_000);
    assert.deepEqual(codes(uri), []);
  });

  it('Mark thank-you sent sets thank_you to today on the open meeting, saved, and undoable', async () => {
    const uri = file('meetings/2026-11-18-sally-smith.md');
    const before = await vscode.workspace.fs.readFile(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    try {
      assert.ok(await vscode.commands.executeCommand('rapport.markThankYouSent'));
      assert.match(doc.getText(), /\nthank_you: 2026-11-21\n---\n/);
      // The note had no unsaved changes: the edit is saved, so the file, `git diff` and `rapport check` agree.
      assert.ok(!doc.isDirty);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), doc.getText());
      await vscode.commands.executeCommand('undo'); // an editor edit, not a write behind the editor's back
      assert.equal(doc.getText(), new TextDecoder().decode(before));
    } finally {
      await vscode.workspace.fs.writeFile(uri, before);
    }
  });
});
