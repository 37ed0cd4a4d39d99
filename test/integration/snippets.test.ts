// The Markdown snippets (snippets/markdown.json) as a user gets them: inserted by
// VS Code's own snippet engine into a new Markdown document, by name, with their
// tab stops and mirrors working. What the texts say is tested in
// test/unit/snippets.test.ts; here, that VS Code reads them as intended.

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { rapport, waitFor } from './helpers.js';

interface Snippet {
  prefix: string;
  description: string;
  body: string | string[];
}

async function snippetsFile(): Promise<Record<string, Snippet>> {
  const ext = vscode.extensions.getExtension('rapport.rapport');
  assert.ok(ext, 'Rapport is installed');
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'snippets', 'markdown.json'));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, Snippet>;
}

/** The untitled documents these tests opened, to close (unsaved) afterwards. */
const opened: vscode.TextDocument[] = [];

async function closeOpened(): Promise<void> {
  for (const doc of opened.splice(0)) {
    if (doc.isClosed) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** A new untitled Markdown document with the snippet `name` inserted, as Insert Snippet does. */
async function insert(name: string): Promise<{ editor: vscode.TextEditor; doc: vscode.TextDocument }> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  opened.push(doc);
  const editor = await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
  await waitFor(`“${name}” to be inserted`, () => doc.getText().length > 0, 10_000);
  return { editor, doc };
}

const selected = (editor: vscode.TextEditor) => editor.selections.map((s) => editor.document.getText(s));

async function typeAndWait(editor: vscode.TextEditor, text: string): Promise<void> {
  const before = editor.document.version;
  await vscode.commands.executeCommand('type', { text });
  await waitFor(`“${text}” to be typed`, () => editor.document.version > before);
}

async function nextPlaceholder(editor: vscode.TextEditor, expected: string): Promise<void> {
  await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
  await waitFor(`the placeholder “${expected}” to be selected`, () => selected(editor)[0] === expected);
}

describe('the Markdown snippets in VS Code', () => {
  afterEach(closeOpened);

  it('inserts the thank-you note, with its first placeholder selected, and moves on with Tab', async () => {
    const { editor, doc } = await insert('Rapport: Thank-you note');
    assert.equal(doc.lineAt(0).text, 'Hi Sally,');
    assert.match(doc.lineAt(2).text, /^Thank you for taking the time to talk with me yesterday\. What you said about .+ has stayed with me/);
    assert.ok(doc.getText().includes('With thanks,\nYour name'));
    await waitFor('“Sally” to be selected', () => selected(editor)[0] === 'Sally');
    await typeAndWait(editor, 'Rohan');
    assert.equal(doc.lineAt(0).text, 'Hi Rohan,');
    await nextPlaceholder(editor, 'taking the time to talk with me yesterday');
  });

  it('inserts the referred outreach request: typing the referrer once fills the subject and the opening', async () => {
    const { editor, doc } = await insert('Rapport: Outreach request, referred');
    const text = () => doc.getText();
    assert.match(text(), /^---\ntype: outreach\nto: "\[\[bob-jones\]\]"\nsubject: Sally Smith suggested I contact you\n/);
    assert.match(text(), /\n---\nHi Bob,\n\nSally Smith suggested I contact you\. /);
    await waitFor('“bob-jones” to be selected', () => selected(editor)[0] === 'bob-jones');
    await typeAndWait(editor, 'rohan-mehta');
    await nextPlaceholder(editor, 'Sally Smith');
    assert.equal(editor.selections.length, 2, 'the subject and the opening are one tab stop');
    await typeAndWait(editor, 'Priya Shah');
    await waitFor('the mirror to follow', () => /\n---\nHi Bob,\n\nPriya Shah suggested I contact you\. /.test(text()));
    assert.match(text(), /^---\ntype: outreach\nto: "\[\[rohan-mehta\]\]"\nsubject: Priya Shah suggested I contact you\n/);
  });

  it('dates a new meeting today, and offers the kinds and statuses as choices', async () => {
    const before = new Date();
    const { doc } = await insert('Rapport: Meeting');
    const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const dates = new Set([ymd(before), ymd(new Date())]); // in case the test runs across midnight
    const lines = doc.getText().split('\n');
    assert.ok(dates.has(lines.find((l) => l.startsWith('date: '))!.slice(6)), lines.join('\n'));
    assert.ok(lines.includes('kind: informational'));
    assert.ok(lines.includes('status: planned'));
    assert.ok(lines.includes('with: "[[sally-smith]]"'));
  });

  it('knows every snippet by its name, and inserts its text whole', async () => {
    const snippets = await snippetsFile();
    assert.ok(Object.keys(snippets).length >= 12);
    for (const [name, s] of Object.entries(snippets)) {
      const { doc } = await insert(name);
      const text = doc.getText();
      const lines = Array.isArray(s.body) ? s.body : s.body.split('\n');
      for (const literal of lines.filter((l) => l && !/[$\\]/.test(l))) assert.ok(text.includes(literal), `${name} inserts “${literal}”`);
      assert.doesNotMatch(text, /\$\{|\$[0-9A-Z_]/, `${name}: no snippet syntax left over`);
      await closeOpened();
    }
  });
});

describe('the Markdown snippets as the prefix is typed', () => {
  afterEach(closeOpened);

  // Markdown has quick suggestions off: without Rapport's trigger on the `-` of
  // `rapport-`, typing the prefix opens no list, and accepting does nothing.
  it('typing rapport-thank in a new Markdown document offers the thank-you note, and accepting inserts it', async () => {
    await rapport();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    opened.push(doc);
    const editor = await vscode.window.showTextDocument(doc);
    await typeAndWait(editor, 'rapport-');
    await typeAndWait(editor, 'thank');
    // The list opens a moment after the `-`: accept once it is there (accepting with no list open does nothing).
    const started = Date.now();
    while (!doc.getText().startsWith('Hi Sally,')) {
      if (Date.now() - started > 15_000) assert.fail(`no snippet list to accept after typing “rapport-thank”; the document reads “${doc.getText()}”`);
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(!doc.getText().includes('rapport-'), 'the typed prefix is replaced by the snippet');
    await waitFor('“Sally” to be selected', () => selected(editor)[0] === 'Sally');
  });
});
