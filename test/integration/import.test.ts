// Rapport: Import contacts… in the editor, in both hosts: the file comes from the open
// dialog, the preview is a quick pick that writes nothing until Import, and after it
// the bytes on disk are the new notes whole and the old ones with lines added; the
// Contacts and Target companies views show the new people.

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ImportOutcome } from '../../src/extension/import/index.js';
import type { Node } from '../../src/extension/views/tree.js';
import { answering, pickingFiles } from './answers.js';
import { exists, file, rapport, readText, remove, waitFor, writeText } from './helpers.js';

const CSV = `\uFEFF${[
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Hana,Kim,https://www.linkedin.com/in/hana-kim,,Hooli,"Engineer, Payments",04 Dec 2026', // 5: new, at a target
  'Sally,Smith,https://www.linkedin.com/in/sally-smith,SALLY@globex.example,Globex,Design Manager,12 Nov 2026', // 6: Sally, by email
  '小龙,李,https://www.linkedin.com/in/li-xiaolong,,Hooli,CTO,20 Nov 2026', // 7: new, Chinese
  'Bad,Row,https://www.linkedin.com/in/bad,,"Hooli,CTO,20 Nov 2026', // 8: a quote never closed
].map((l) => `${l}\r\n`).join('')}`;

const labelOf = (n: Node) => (typeof n.item.label === 'string' ? n.item.label : n.item.label?.label);

describe('Import contacts…', () => {
  const csv = 'exports/Connections.csv';
  // The notes the import makes (李小龙's may be -2, -3 where another test's namesakes are kept).
  const made: string[] = [];
  let sally: string;
  before(async () => {
    sally = await readText(file('contacts/sally-smith.md'));
    await writeText(file(csv), CSV);
  });
  after(async () => {
    for (const p of [...made, 'exports']) await remove(file(p));
    await writeText(file('contacts/sally-smith.md'), sally);
    await (await rapport()).notes.idle();
  });

  it('previews who is created, updated and skipped, and Cancel writes nothing', async () => {
    const { asked, result } = (await pickingFiles([file(csv)], () => answering(['Cancel'], () => vscode.commands.executeCommand<ImportOutcome | undefined>('rapport.importContacts')))).result;
    assert.equal(result, undefined);
    assert.equal(asked.length, 1);
    assert.equal(asked[0].title, 'Import Connections.csv: 2 to create, 1 to update, 1 to skip');
    // Then every target company (the web run keeps other tests' notes: there may be more).
    assert.deepEqual(asked[0].labels!.slice(0, 12), [
      'Import: create 2, update 1', 'Cancel',
      'To create: 2', 'Hana Kim', '李小龙',
      'To update, only keys they lack: 1', 'Sally Smith',
      'Skipped: 1', 'line 8',
      'Target companies: people you will know there', 'Hooli', 'Globex',
    ]);
    assert.equal(await exists(file('contacts/hana-kim.md')), false, 'a note was written');
    assert.equal(await readText(file('contacts/sally-smith.md')), sally);
  });

  it('Import writes each new note whole, adds only lines to Sally’s, and the views show the new people at their targets', async () => {
    const { views, notes } = await rapport();
    const index = notes.allFolders()[0].index;
    const knownAt = (name: string) => index.contactsAt(index.companies().find((c) => c.name === name)!).length;
    const before = { hooli: knownAt('Hooli'), globex: knownAt('Globex') };
    const { result, dialogs } = await pickingFiles([file(csv)], () => answering(['Hana Kim', 'Import: create 2, update 1'], () => vscode.commands.executeCommand<ImportOutcome | undefined>('rapport.importContacts')));
    assert.equal(dialogs.length, 1);
    assert.deepEqual(dialogs[0].filters?.['LinkedIn connections or vCards'], ['csv', 'vcf', 'vcard']);
    const outcome = result.result!;
    made.push(...outcome.plan.created.map((c) => c.path));
    assert.deepEqual([outcome.plan.created.length, outcome.plan.updated.length, outcome.plan.skipped.length], [2, 1, 1]);
    assert.equal(made[0], 'contacts/hana-kim.md');
    assert.match(made[1], /^contacts\/李小龙(-\d+)?\.md$/);
    assert.match(outcome.summary, new RegExp(`\nTarget companies, people you now know there:\n {2}Hooli +${before.hooli + 2} \\(2 from this import\\)\n {2}Globex +${before.globex}\n`));
    assert.equal(await readText(file('contacts/hana-kim.md')), '---\ntype: contact\nname: Hana Kim\ncompany: "[[hooli]]"\nrole: Engineer, Payments\nlinkedin: "https://www.linkedin.com/in/hana-kim"\nsource: linkedin\nconnected: 2026-12-04\nstatus: lead\n---\n');
    assert.match(await readText(file(made[1])), /^---\ntype: contact\nname: 李小龙\ncompany: "\[\[hooli\]\]"\nrole: CTO\n/);
    assert.equal(await readText(file('contacts/sally-smith.md')), sally.replace('status: met\n---', 'status: met\nlinkedin: "https://www.linkedin.com/in/sally-smith"\nconnected: 2026-11-12\n---'));
    assert.equal(vscode.workspace.textDocuments.some((d) => d.isDirty), false, 'every edited note is saved');
    const atHooli = (tree: { getChildren(n?: Node): Node[] }) => tree.getChildren(tree.getChildren().find((n) => labelOf(n) === 'Hooli')).map(labelOf);
    await waitFor('the Target companies view to show Hooli’s new people', () => ['Hana Kim', '李小龙'].every((n) => atHooli(views.targets).includes(n)), 15_000);
    await vscode.commands.executeCommand('rapport.contacts.groupByCompany');
    await waitFor('the Contacts view to show them under Hooli', () => ['Hana Kim', '李小龙'].every((n) => atHooli(views.contacts).includes(n)), 15_000);
  });

  it('the same file again changes nothing, and asks nothing', async () => {
    assert.equal(made.length, 2, 'the import before wrote its notes');
    const before = await Promise.all(['contacts/sally-smith.md', ...made].map((p) => readText(file(p))));
    const { result } = await pickingFiles([file(csv)], () => answering([], () => vscode.commands.executeCommand<ImportOutcome | undefined>('rapport.importContacts')));
    assert.deepEqual([result.result!.plan.created.length, result.result!.plan.updated.length], [0, 0]);
    assert.deepEqual(await Promise.all(['contacts/sally-smith.md', ...made].map((p) => readText(file(p)))), before);
  });
});
