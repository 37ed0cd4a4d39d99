// Issue 13, in a real VS Code: new notes named in the person's own script, one
// draft per person, and a `[[` completion in frontmatter that leaves valid YAML.
// Bytes are read through vscode.workspace.fs, so this runs in the web-worker host too.

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { Contact } from '../../src/core/notes.js';
import { answering } from './answers.js';
import { file, rapport, waitFor } from './helpers.js';

const made: vscode.Uri[] = [];
const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

async function folder() {
  return (await rapport()).notes.allFolders()[0];
}

async function contactNode(id: string) {
  const f = await folder();
  return { note: f.index.contacts().find((c) => c.id === id)!, folder: f };
}

describe('names and ids of new notes', () => {
  before(rapport);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    for (const uri of made.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await (await rapport()).notes.idle();
  });

  it('New contact named in Chinese, Cyrillic and Arabic creates a file for each, in the name’s own letters', async () => {
    // Typed into New contact's questions (the company skipped, Escape at the referrer), as a person would…
    const typed = ['李小龙', 'Анна Каренина', 'نجيب محفوظ'];
    const uris: vscode.Uri[] = [];
    for (const name of typed) {
      const { result: uri } = await answering([name, 'Skip', undefined], () => vscode.commands.executeCommand<vscode.Uri>('rapport.newContact'));
      assert.ok(uri, name);
      made.push(uri);
      uris.push(uri);
    }
    // …and given to the command (as a link's fix does), nothing asked.
    for (const name of ['Иван Петров', 'محمد علي']) {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('rapport.newContact', name);
      assert.ok(uri, name);
      made.push(uri);
      uris.push(uri);
    }
    const names = [...typed, 'Иван Петров', 'محمد علي'];
    assert.deepEqual(uris.map((u) => u.path.slice(u.path.lastIndexOf('/contacts/') + 1)), [
      'contacts/李小龙.md',
      'contacts/анна-каренина.md',
      'contacts/نجيب-محفوظ.md',
      'contacts/иван-петров.md',
      'contacts/محمد-علي.md',
    ]);
    for (const [i, uri] of uris.entries()) assert.equal(await read(uri), `---\ntype: contact\nname: ${names[i]}\nstatus: lead\n---\n\n`);
    const f = await folder();
    await waitFor('the five contacts in the index', () => names.every((n) => f.index.contacts().some((c) => c.name === n)));
    // A namesake is a second person: a file of its own, the first untouched.
    const again = (await vscode.commands.executeCommand<vscode.Uri>('rapport.newContact', '李小龙'))!;
    made.push(again);
    assert.match(again.path, /\/contacts\/李小龙-2\.md$/);
    assert.equal(await read(uris[0]), `---\ntype: contact\nname: 李小龙\nstatus: lead\n---\n\n`);
  });

  it('Draft outreach to… twice opens the one unsent draft; a meeting the same day has its own id', async () => {
    const first = (await vscode.commands.executeCommand<vscode.Uri>('rapport.draftOutreach', await contactNode('dana-lee')))!;
    made.push(first);
    assert.match(first.path, /\/outreach\/2026-11-21-dana-lee-outreach\.md$/);
    const f = await folder();
    await waitFor('the draft in the index', () => f.index.outreach().some((o) => o.path === 'outreach/2026-11-21-dana-lee-outreach.md'));
    const second = await vscode.commands.executeCommand<vscode.Uri>('rapport.draftOutreach', await contactNode('dana-lee'));
    assert.equal(second?.toString(), first.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), first.toString(), 'the draft is open');
    const drafts = (await vscode.workspace.fs.readDirectory(file('outreach'))).filter(([n]) => n.includes('dana-lee'));
    assert.deepEqual(drafts.map(([n]) => n), ['2026-11-21-dana-lee-outreach.md']);

    const meeting = (await answering(['2026-11-21', 'It is planned'], async () => vscode.commands.executeCommand<vscode.Uri>('rapport.logMeeting', await contactNode('dana-lee')))).result!;
    made.push(meeting);
    // `-2` when an earlier test's meeting with Dana today is still on disk or in the index.
    assert.match(meeting.path, /\/meetings\/2026-11-21-dana-lee(-\d+)?\.md$/);
    assert.match(await read(first), /^---\ntype: outreach\nto: "\[\[dana-lee\]\]"\n/, 'the draft is untouched');
  });

  it('completing [[ in frontmatter after an unclosed quote leaves valid YAML: the contact stays in the index', async () => {
    const uri = file('contacts/ann-wu.md');
    made.push(uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\ntype: contact\nname: Ann Wu\nstatus: lead\n---\n'));
    const f = await folder();
    await waitFor('Ann in the index', () => f.index.get('contacts/ann-wu.md')?.type === 'contact');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    // What the editor holds after typing `company: "[[glo`: the brackets auto-closed, the quote not.
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(3, 0), 'company: "[[glo]]\n')));
    const pos = new vscode.Position(3, 'company: "[[glo'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, pos, '[');
    const globex = list.items.find((i) => label(i) === 'Globex');
    assert.ok(globex, list.items.map(label).join(', '));
    const range = globex.range instanceof vscode.Range ? globex.range : globex.range!.replacing;
    assert.ok(await editor.edit((e) => e.replace(range, globex.insertText as string)));
    assert.equal(doc.lineAt(3).text, 'company: "[[globex]]"');
    assert.ok(await doc.save());
    assert.equal(await read(uri), '---\ntype: contact\nname: Ann Wu\ncompany: "[[globex]]"\nstatus: lead\n---\n');
    await waitFor('Ann at Globex in the index', () => {
      const ann = f.index.get('contacts/ann-wu.md');
      return ann?.type === 'contact' && f.index.resolve((ann as Contact).company, 'company')?.id === 'globex';
    });
  });
});
