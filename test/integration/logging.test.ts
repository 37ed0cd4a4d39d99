// Logging that asks what matters (issue 13), in a real VS Code: each command's
// questions answered as a person would (answers.ts), and the bytes it leaves on
// disk read back through vscode.workspace.fs, so this runs in the web worker host too.

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { checkAll } from '../../src/core/checks/index.js';
import { clockFrom } from '../../src/core/dates.js';
import type { Diagnostic } from '../../src/core/model.js';
import { NoteIndex } from '../../src/core/note-index.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { answering } from './answers.js';
import { exists, file, rapport, readText, remove, root, waitFor, writeText } from './helpers.js';

const made: vscode.Uri[] = [];

async function contactNode(id: string) {
  const folder = (await rapport()).notes.allFolders()[0];
  return { note: folder.index.contacts().find((c) => c.id === id)!, folder };
}

/** What the Follow-ups view lists, as labels. */
async function followUps(): Promise<string[]> {
  const api = await rapport();
  return api.followUps.getChildren().map((e) => String(api.followUps.getTreeItem(e).label));
}

/**
 * Every diagnostic on the folder as it is on disk, as of the suite's today: each
 * Markdown file read afresh into a new index and checked by the core, what
 * `rapport check` does (the Node host also runs the CLI itself: logging-cli.test.ts).
 */
export async function checkedFromDisk(): Promise<Diagnostic[]> {
  const index = new NoteIndex();
  const base = root().path.replace(/\/$/, '');
  for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(root(), '**/*.md'))) {
    index.set(uri.path.slice(base.length + 1), await readText(uri));
  }
  return checkAll(index.allFiles(), { index, clock: clockFrom('2026-11-21')!, settings: { ...DEFAULT_SETTINGS, checks: {} } });
}

/** A meeting logged with Dana Lee (a contact no other test meets) on `when`, answering `happened` if asked. */
export async function logWithDana(when: string | undefined, happened?: string) {
  return answering(happened === undefined ? [when] : [when, happened], async () =>
    vscode.commands.executeCommand<vscode.Uri | undefined>('rapport.logMeeting', await contactNode('dana-lee')),
  );
}

describe('logging that asks what matters', () => {
  before(rapport);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of made.splice(0)) await remove(uri);
    await (await rapport()).notes.idle();
  });

  it('Log meeting with… a day in the past that happened: a done meeting named for that day, and its thank-you due at once', async () => {
    const { result: uri, asked } = await answering(['19/11/2026', '2026-11-19 14:00', 'It happened'], async () =>
      vscode.commands.executeCommand<vscode.Uri>('rapport.logMeeting', await contactNode('dana-lee')),
    );
    assert.ok(uri);
    made.push(uri);
    // Asked: the date (today to start with; a date written otherwise refused, saying how), then whether it happened.
    assert.equal(asked[0].kind, 'input');
    assert.equal(asked[0].value, '2026-11-21');
    assert.deepEqual(asked[0].refused, ['Write the day as YYYY-MM-DD, or the day and time as YYYY-MM-DD HH:MM (2026-11-21 14:00).']);
    assert.deepEqual(asked[1].labels, ['It happened', 'It is planned'], 'a past day: happened first');
    assert.equal(asked.length, 2);

    assert.match(uri.path, /\/meetings\/2026-11-19-dana-lee\.md$/, 'named for the meeting’s day, not today');
    assert.match(await readText(uri), /^---\ntype: meeting\nwith: "\[\[dana-lee\]\]"\ndate: 2026-11-19 14:00\nstatus: done\nkind: informational\nduration: 30\n---\n\n## Questions\n/);
    const api = await rapport();
    await waitFor('Thank Dana Lee in Follow-ups', () => api.followUps.getChildren().some((e) => e.item.label === 'Thank Dana Lee'), 20_000);
    assert.ok((await followUps()).includes('Thank Dana Lee'));
    const onDisk = (await checkedFromDisk()).filter((d) => d.file === 'meetings/2026-11-19-dana-lee.md').map((d) => d.code);
    assert.ok(onDisk.includes('thank-you-pending'), onDisk.join(', '));
  });

  it('Log meeting with… a day ahead is planned without asking whether it happened; Escape at the date makes nothing', async () => {
    const { result: uri, asked } = await logWithDana('2026-11-25 09:30');
    assert.ok(uri);
    made.push(uri);
    assert.equal(asked.length, 1, 'only the date is asked');
    assert.match(uri.path, /\/meetings\/2026-11-25-dana-lee\.md$/);
    assert.match(await readText(uri), /\ndate: 2026-11-25 09:30\nstatus: planned\n/);
    const codes = (await checkedFromDisk()).filter((d) => d.file === 'meetings/2026-11-25-dana-lee.md').map((d) => d.code);
    assert.deepEqual(codes, []);

    const escaped = await logWithDana(undefined);
    assert.equal(escaped.result, undefined);
    assert.ok(!(await exists(file('meetings/2026-11-21-dana-lee.md'))));
  });

  it('New contact asks the name, then the company (picked) and who referred them (picked): both written as links', async () => {
    const { result: uri, asked } = await answering(['Erin Vale', 'Globex', 'Sally Smith'], () => vscode.commands.executeCommand<vscode.Uri>('rapport.newContact'));
    assert.ok(uri);
    made.push(uri);
    assert.deepEqual(asked.map((q) => q.kind), ['input', 'pick', 'pick']);
    assert.deepEqual(asked[1].labels, ['Skip', 'Type a new one…', 'Globex', 'Hooli']);
    assert.ok(asked[2].labels!.includes('Sally Smith') && asked[2].labels![0] === 'Skip');
    assert.match(uri.path, /\/contacts\/erin-vale\.md$/);
    assert.equal(await readText(uri), '---\ntype: contact\nname: Erin Vale\ncompany: "[[globex]]"\nreferred_by: "[[sally-smith]]"\nstatus: lead\n---\n\n');
    const folder = (await contactNode('sally-smith')).folder;
    await waitFor('Erin in the index, at Globex, referred by Sally', () => {
      const erin = folder.index.contacts().find((c) => c.name === 'Erin Vale');
      return !!erin && folder.index.resolve(erin.company, 'company')?.id === 'globex' && folder.index.resolve(erin.referredBy, 'contact')?.id === 'sally-smith';
    });
  });

  it('New contact with a company typed, and Escape at the referrer: still made, the company as its name', async () => {
    const { result: uri } = await answering(['Finn Ode', 'Type a new one…', 'Acme: Labs', undefined], () => vscode.commands.executeCommand<vscode.Uri>('rapport.newContact'));
    assert.ok(uri);
    made.push(uri);
    assert.equal(await readText(uri), '---\ntype: contact\nname: Finn Ode\ncompany: "Acme: Labs"\nstatus: lead\n---\n\n');
    // Escape at both optional questions: the name alone. A company typed as a note's name is that note.
    const { result: bare } = await answering(['Gil Ray', undefined, undefined], () => vscode.commands.executeCommand<vscode.Uri>('rapport.newContact'));
    assert.ok(bare);
    made.push(bare);
    assert.equal(await readText(bare), '---\ntype: contact\nname: Gil Ray\nstatus: lead\n---\n\n');
    const { result: typedKnown } = await answering(['Hal Ito', 'Type a new one…', 'hooli', 'Skip'], () => vscode.commands.executeCommand<vscode.Uri>('rapport.newContact'));
    assert.ok(typedKnown);
    made.push(typedKnown);
    assert.match(await readText(typedKnown), /\ncompany: "\[\[hooli\]\]"\n/);
    // Escape at the name: nothing.
    const { result: none } = await answering([undefined], () => vscode.commands.executeCommand<vscode.Uri>('rapport.newContact'));
    assert.equal(none, undefined);
  });

  it('New company asks the name and whether it is a target: companies/<name>.md; a name already in the notes opens that note', async () => {
    const { result: uri, asked } = await answering(['Umbrella Labs', 'Not a target'], () => vscode.commands.executeCommand<vscode.Uri>('rapport.newCompany'));
    assert.ok(uri);
    made.push(uri);
    assert.deepEqual(asked[1].labels, ['A target', 'Not a target']);
    assert.match(uri.path, /\/companies\/umbrella-labs\.md$/);
    assert.equal(await readText(uri), '---\ntype: company\nname: Umbrella Labs\ntarget: false\n---\n\n');
    const { result: target } = await answering(['Акме', 'A target'], () => vscode.commands.executeCommand<vscode.Uri>('rapport.newCompany'));
    assert.ok(target);
    made.push(target);
    assert.match(target.path, /\/companies\/акме\.md$/);
    assert.equal(await readText(target), '---\ntype: company\nname: Акме\ntarget: true\n---\n\n');

    const globex = file('companies/globex.md');
    const before = await readText(globex);
    const { result: again, asked: once } = await answering(['globex'], () => vscode.commands.executeCommand<vscode.Uri>('rapport.newCompany'));
    assert.equal(again?.toString(), globex.toString());
    assert.equal(once.length, 1);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), globex.toString());
    assert.equal(await readText(globex), before);
    assert.ok(!(await exists(file('companies/globex-2.md'))));
  });

  it('Mark outreach sent on the open draft: status sent and sent today, saved to disk; from no editor, a draft picked', async () => {
    const draft = '---\ntype: outreach\nto: "[[sally-smith]]"\nsubject: A question about your work at Globex\nchannel: email\nstatus: draft\n---\nHi Sally,\n';
    const open = file('outreach/2026-11-20-sally-smith-logging.md');
    made.push(open);
    await writeText(open, draft);
    const folder = (await contactNode('sally-smith')).folder;
    await waitFor('the draft in the index', () => folder.index.get('outreach/2026-11-20-sally-smith-logging.md')?.type === 'outreach');
    const doc = await vscode.workspace.openTextDocument(open);
    await vscode.window.showTextDocument(doc);
    assert.equal(await vscode.commands.executeCommand('rapport.markOutreachSent'), true);
    assert.equal(await readText(open), draft.replace('status: draft\n', 'status: sent\nsent: 2026-11-21\n'));
    assert.ok(!doc.isDirty);
    await waitFor('the note sent in the index', () => folder.index.get('outreach/2026-11-20-sally-smith-logging.md')?.type === 'outreach' && (folder.index.get('outreach/2026-11-20-sally-smith-logging.md') as { status?: string }).status === 'sent');
    // Again: already sent, nothing changes.
    assert.equal(await vscode.commands.executeCommand('rapport.markOutreachSent'), false);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // With no outreach note open, the unsent messages are offered (the one to Sally just sent is not).
    const other = file('outreach/2026-11-20-sally-smith-logging-2.md');
    made.push(other);
    const bare = '---\ntype: outreach\nto: "[[sally-smith]]"\nsubject: Following up on the meetup\n---\nHi Sally,\n';
    await writeText(other, bare);
    await waitFor('the second draft in the index', () => folder.index.get('outreach/2026-11-20-sally-smith-logging-2.md')?.type === 'outreach');
    const { result, asked } = await answering(['Sally Smith'], () => vscode.commands.executeCommand<boolean>('rapport.markOutreachSent'));
    assert.equal(asked[0].labels!.filter((l) => l === 'Sally Smith').length, 1, asked[0].labels!.join(', '));
    assert.equal(result, true);
    assert.equal(await readText(other), bare.replace('---\nHi', 'status: sent\nsent: 2026-11-21\n---\nHi'));
  });
});
