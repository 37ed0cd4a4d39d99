import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { Node } from '../../src/extension/views/tree.js';
import { file, rapport, remove, waitFor, writeText } from './helpers.js';

/** A tree as lines: "label — description", children indented. */
function render(tree: { getChildren(n?: Node): Node[] }, depth = 3, nodes = tree.getChildren(), indent = ''): string[] {
  return nodes.flatMap((n) => {
    const label = typeof n.item.label === 'string' ? n.item.label : n.item.label?.label;
    const line = `${indent}${label}${n.item.description ? ` — ${n.item.description}` : ''}`;
    return [line, ...(depth > 1 ? render(tree, depth - 1, tree.getChildren(n), `${indent}  `) : [])];
  });
}

describe('the note views', () => {
  it('Contacts: grouped by company, each contact with status, last met and its meetings (newest first)', async () => {
    const { views } = await rapport();
    await vscode.commands.executeCommand('rapport.contacts.groupByCompany');
    assert.deepEqual(render(views.contacts), [
      'Globex — 2',
      '  Bob Jones — last met 2026-11-20',
      '    2026-11-20 10:00 — informational · done',
      '    2026-11-19 — networking · planned — date passed',
      '  Sally Smith — met · last met 2026-11-18',
      '    2026-11-18 — informational · done',
      'Initech — 1',
      '  Dana Lee — contacted',
    ]);
  });

  it('Contacts: switches to status and to tag from the title bar', async () => {
    const { views } = await rapport();
    await vscode.commands.executeCommand('rapport.contacts.groupByStatus');
    assert.deepEqual(render(views.contacts, 2), [
      'contacted — 1', '  Dana Lee — Initech · contacted',
      'met — 1', '  Sally Smith — Globex · met · last met 2026-11-18',
      'No status — 1', '  Bob Jones — Globex · last met 2026-11-20',
    ]);
    await vscode.commands.executeCommand('rapport.contacts.groupByTag');
    assert.deepEqual(render(views.contacts, 1), ['Untagged — 3']);
    await vscode.commands.executeCommand('rapport.contacts.groupByCompany');
  });

  it('This week: what is planned and falls due in the next seven days, by day', async () => {
    const { views, notes } = await rapport();
    assert.deepEqual(render(views.agenda), []);
    const made = ['meetings/2026-11-22-dana-lee.md', 'contacts/week-ahead.md'];
    await writeText(file(made[0]), '---\ntype: meeting\nwith: "[[dana-lee]]"\ndate: 2026-11-22 10:00\n---\n');
    await writeText(file(made[1]), '---\ntype: contact\nname: Wen Ahead\nnext_follow_up: 2026-11-27\n---\n');
    try {
      await waitFor('the week ahead', () => render(views.agenda).length === 6, 10_000).catch(() => undefined);
      assert.deepEqual(render(views.agenda), [
        'Tomorrow — 2026-11-22',
        '  Meeting with Dana Lee at 10:00',
        'Monday — 2026-11-23',
        '  Thank Dana Lee', // the day after the meeting, if it happens
        'Friday — 2026-11-27',
        '  Follow up with Wen Ahead',
      ]);
    } finally {
      for (const p of made) await remove(file(p));
      await notes.idle();
    }
  });

  it('Meetings: upcoming first, then the past by month', async () => {
    const { views } = await rapport();
    assert.deepEqual(render(views.meetings), [
      'November 2026 — 3',
      '  2026-11-20 10:00 · Bob Jones — informational · done',
      '  2026-11-19 · Bob Jones — networking · planned — date passed',
      '  2026-11-18 · Sally Smith — informational · done',
    ]);
  });

  it('Target companies: targets by priority, who you know there, and the ask when you know nobody', async () => {
    const { views } = await rapport();
    assert.deepEqual(render(views.targets), [
      'Hooli — target · priority 2 · 0 known',
      '  Ask your contacts who they know here',
      'Globex — target · 2 known',
      '  Bob Jones — Staff Engineer · you know them',
      '  Sally Smith — Design Manager · you know them',
    ]);
  });

  it('Referral tree: who led to whom', async () => {
    const { views } = await rapport();
    assert.deepEqual(render(views.referrals), ['Sally Smith — led to 1', '  Bob Jones']);
  });

  it('every note item opens its note', async () => {
    const { views } = await rapport();
    const bob = views.contacts.getChildren(views.contacts.getChildren()[0])[0];
    assert.equal(bob.item.contextValue, 'contact');
    await vscode.commands.executeCommand(bob.item.command!.command, ...(bob.item.command!.arguments ?? []));
    assert.match(vscode.window.activeTextEditor!.document.uri.path, /contacts\/bob-jones\.md$/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
