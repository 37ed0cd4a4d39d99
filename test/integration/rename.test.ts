// Renaming a contact's file keeps the links to it working, as a user meets it:
// the rename (a WorkspaceEdit, as the Explorer makes one) rewrites the links in
// the other notes, which are saved; one Undo takes the rename and the links back.
// Files are read through workspace.fs, so this runs in both extension hosts.

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { exists, file, rapport, readText, remove, waitFor, writeText } from './helpers.js';

const CONTACT = '---\ntype: contact\nname: Rena Ito\n---\n';
const MEETING = '---\ntype: meeting\nwith: "[[rena-ito]]"\ndate: 2026-11-12\nkind: informational\nreferrals: []\nthank_you: 2026-11-13\n---\nMet [[rena-ito|Rena]]; see [[contacts/rena-ito#Notes]]. Not `[[rena-ito]]`.\n';
const REFERRED = '---\ntype: contact\nname: Kai Mori\nreferred_by: "[[rena-ito]]"\n---\n';
const OUTREACH = '---\ntype: outreach\nto: "[[rena-ito]]"\nsubject: Hello\nstatus: draft\n---\nHi [[rena-ito]].\n';

/** Poll (asynchronously) until `test` holds. */
async function until(what: string, test: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await test())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('renaming a note updates the links to it', () => {
  const notes = {
    contact: file('contacts/rena-ito.md'),
    meeting: file('meetings/2026-11-12-rena-ito.md'),
    referred: file('contacts/kai-mori-rena.md'),
    outreach: file('outreach/2026-11-13-rena-ito.md'),
  };
  const renamed = file('contacts/rena-ito-sato.md');
  const texts = { contact: CONTACT, meeting: MEETING, referred: REFERRED, outreach: OUTREACH };

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revertAll').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [...Object.values(notes), renamed]) await remove(uri);
  });

  it('rewrites the links in three other notes, saved, and one Undo puts everything back', async () => {
    const api = await rapport();
    for (const [k, uri] of Object.entries(notes)) await writeText(uri, texts[k as keyof typeof texts]);
    await waitFor('the notes in the index', () =>
      Object.values(notes).every((uri) => {
        const at = api.notes.locate(uri);
        return !!at?.notes.index.get(at.path);
      }),
    );

    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(notes.contact, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));

    assert.ok(await exists(renamed), 'the contact has its new name');
    assert.ok(!(await exists(notes.contact)));
    const updated = {
      meeting: MEETING.replace('"[[rena-ito]]"', '"[[rena-ito-sato]]"').replace('[[rena-ito|Rena]]', '[[rena-ito-sato|Rena]]').replace('[[contacts/rena-ito#Notes]]', '[[contacts/rena-ito-sato#Notes]]'),
      referred: REFERRED.replace('[[rena-ito]]', '[[rena-ito-sato]]'),
      outreach: OUTREACH.replaceAll('[[rena-ito]]', '[[rena-ito-sato]]'),
    };
    assert.match(updated.meeting, /Not `\[\[rena-ito\]\]`/, 'a link in code is text, left as it is');
    // On disk, as git and `rapport check` see it: the edited notes are saved.
    for (const k of ['meeting', 'referred', 'outreach'] as const) await until(`${k} saved with the new link`, async () => (await readText(notes[k])) === updated[k]);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.isDirty), 'nothing left unsaved');

    // One Undo, from an editor the user has open on one of the edited notes.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes.meeting));
    await vscode.commands.executeCommand('undo');
    await until('the contact back at its old name', async () => (await exists(notes.contact)) && !(await exists(renamed)));
    for (const k of ['meeting', 'referred', 'outreach'] as const) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === notes[k].toString());
      const shown = doc ? doc.getText() : await readText(notes[k]);
      assert.equal(shown, texts[k], `${k} shows its old links again`);
    }
    // Undo, like any multi-file undo in VS Code, may leave the notes it reverted unsaved; Save All writes them back.
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    for (const k of ['meeting', 'referred', 'outreach'] as const) await until(`${k} back on disk`, async () => (await readText(notes[k])) === texts[k]);
    assert.equal(await readText(notes.contact), CONTACT);
  });
});
