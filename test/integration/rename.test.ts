// Renaming a contact's file keeps the links to it working, as a user meets it:
// the rename (a WorkspaceEdit, as the Explorer makes one) rewrites the links in
// the other notes, which are saved; one Undo takes the rename and the links back,
// saved too, and Redo does it again.
// Files are read through workspace.fs, so this runs in both extension hosts.

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { exists, file, rapport, readText, remove, waitFor, writeText } from './helpers.js';

// Her own note links to itself with its folder: an edit in a note the rename moves.
const CONTACT = '---\ntype: contact\nname: Rena Ito\n---\n## Notes\nSee [[contacts/rena-ito#Notes]].\n';
const MEETING = '---\ntype: meeting\nwith: "[[rena-ito]]"\ndate: 2026-11-12\nkind: informational\nreferrals: []\nthank_you: 2026-11-13\n---\nMet [[rena-ito|Rena]]; see [[contacts/rena-ito#Notes]]. Not `[[rena-ito]]`.\n';
const REFERRED = '---\ntype: contact\nname: Kai Mori\nreferred_by: "[[rena-ito]]"\n---\n';
const OUTREACH = '---\ntype: outreach\nto: "[[rena-ito]]"\nsubject: Hello\nstatus: draft\n---\nHi [[rena-ito]].\n';

/** A bound on each wait, generous for a busy machine: it only stops a hang. */
const UNTIL_MS = 20_000;

/** Poll (asynchronously) until `test` holds. */
async function until(what: string, test: () => Promise<boolean>, timeoutMs = UNTIL_MS): Promise<void> {
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

  it('rewrites the links in three other notes and its own, saved; one Undo puts everything back, saved, and Redo again', async function () {
    this.timeout(8 * UNTIL_MS);
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
      contact: CONTACT.replace('[[contacts/rena-ito#Notes]]', '[[contacts/rena-ito-sato#Notes]]'),
      meeting: MEETING.replace('"[[rena-ito]]"', '"[[rena-ito-sato]]"').replace('[[rena-ito|Rena]]', '[[rena-ito-sato|Rena]]').replace('[[contacts/rena-ito#Notes]]', '[[contacts/rena-ito-sato#Notes]]'),
      referred: REFERRED.replace('[[rena-ito]]', '[[rena-ito-sato]]'),
      outreach: OUTREACH.replaceAll('[[rena-ito]]', '[[rena-ito-sato]]'),
    };
    assert.match(updated.meeting, /Not `\[\[rena-ito\]\]`/, 'a link in code is text, left as it is');
    // On disk, as git and `rapport check` see it: the edited notes are saved, nothing is left unsaved.
    await settled(renamed, updated, 'saved with the new links');

    // One Undo, from an editor the user has open on one of the edited notes, takes back the
    // rename and the links, and Rapport saves them: on disk the links open the note again.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes.meeting));
    await vscode.commands.executeCommand('undo');
    await until('the contact back at its old name', async () => (await exists(notes.contact)) && !(await exists(renamed)));
    await settled(notes.contact, texts, 'back on disk as they were');

    // And Redo does it all again.
    await vscode.commands.executeCommand('redo');
    await until('the contact at its new name again', async () => (await exists(renamed)) && !(await exists(notes.contact)));
    await settled(renamed, updated, 'saved with the new links again');
  });

  /** Waits until the contact (where it is now) and the three notes linking to it hold these texts on disk, and no document is left unsaved. */
  async function settled(contact: vscode.Uri, expected: typeof texts, what: string): Promise<void> {
    const where = { ...notes, contact };
    for (const k of ['contact', 'meeting', 'referred', 'outreach'] as const) await until(`${k} ${what}`, async () => (await readText(where[k])) === expected[k]);
    const dirty = () => vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.path);
    await until('nothing left unsaved', async () => dirty().length === 0).catch((err: Error) => {
      throw new Error(`${err.message}: ${dirty().join(', ')}`);
    });
  }
});
