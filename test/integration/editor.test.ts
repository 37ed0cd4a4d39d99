import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { file, rapport } from './helpers.js';

const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

describe('editor help in notes', () => {
  before(rapport);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('completes [[ with contacts and companies: label the name, detail role and company', async () => {
    const uri = file('meetings/2026-11-18-sally-smith.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\nAsk [['));
    const pos = doc.lineAt(doc.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, pos, '[');
    const sally = list.items.find((i) => label(i) === 'Sally Smith')!;
    assert.ok(sally, list.items.map(label).join(', '));
    assert.equal(sally.detail, 'Design Manager, Globex');
    // In the body, the link as a whole: `[[` to the cursor is replaced, the brackets closed once.
    assert.equal((sally.insertText as string), '[[sally-smith]]');
    assert.deepEqual((sally.range as vscode.Range).start, pos.translate(0, -2));
    const globex = list.items.find((i) => label(i) === 'Globex')!;
    assert.equal(globex.detail, 'target company');
  });

  it('completes enumerated frontmatter values for the note’s type', async () => {
    const uri = file('meetings/2026-11-18-sally-smith.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'status: \n'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(1, 8), ' ');
    const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).map(label);
    assert.deepEqual(ours, ['planned', 'done', 'cancelled', 'no-show']);
  });

  it('shows a card on hover over a contact link: role, company, last met, what is due', async () => {
    const uri = file('meetings/2026-11-18-sally-smith.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 12));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /\*\*Sally Smith\*\* — Design Manager, Globex/);
    assert.match(text, /Last met: 2026-11-18/);
    assert.match(text, /\*\*Due:\*\* Thank Sally Smith \(2 days overdue\)/);
  });

  it('makes [[links]] open their note: document links and go to definition', async () => {
    const uri = file('meetings/2026-11-18-sally-smith.md');
    await vscode.workspace.openTextDocument(uri);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    const targets = links.map((l) => `${l.range.start.line}:${l.target?.path.replace(/.*\/(contacts|companies)\//, '$1/')}`).sort();
    assert.deepEqual(targets, ['2:contacts/sally-smith.md', '6:contacts/bob-jones.md']);
    const defs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', uri, new vscode.Position(6, 8));
    assert.match(defs[0].uri.path, /contacts\/bob-jones\.md$/);
  });
});
