// The Markdown preview renders `[[links]]` as links to their notes: VS Code's own
// Markdown extension renders a note (markdown.api.render, what its preview uses)
// with the markdown-it plugin Rapport's activate() returns.
//
// In the web run, VS Code's Markdown extension cannot join Rapport in the web
// worker: code-server ships no browser build of it (vscode.dev does). There the
// same plugin, from the same activate(), runs on markdown-it itself, with the
// index Rapport read through workspace.fs.

import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { MarkdownIt as PluginHost } from '../../src/extension/preview/index.js';
import { file, rapport, remove, webRun, writeText } from './helpers.js';

async function render(input: vscode.TextDocument | string): Promise<string> {
  if (!webRun) return vscode.commands.executeCommand<string>('markdown.api.render', input);
  const md = new MarkdownIt({ html: true });
  (await rapport()).extendMarkdownIt(md as unknown as PluginHost);
  return typeof input === 'string' ? md.render(input) : md.render(input.getText(), { currentDocument: input.uri });
}

const via = webRun ? 'markdown-it with Rapport’s plugin, in the web worker' : 'markdown.api.render';

describe(`the Markdown preview (${via})`, () => {
  const uri = () => file('meetings/preview-of-links.md');
  before(async () => {
    await rapport();
    await writeText(uri(), 'Met [[sally-smith]], who knows [[bob-jones|Bob]] at [[globex]]. Ask about [[carol-white]].\n\n`[[sally-smith]]` in code.\n');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove(uri());
  });

  it('renders [[links]] as links to their notes, relative to the note, and one to no note as marked text', async () => {
    const html = await render(await vscode.workspace.openTextDocument(uri()));
    const links = [...html.matchAll(/<a class="rapport-wikilink" href="([^"]*)" data-href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[1], m[2], m[3]]);
    assert.deepEqual(links, [
      ['../contacts/sally-smith.md', '../contacts/sally-smith.md', 'sally-smith'],
      ['../contacts/bob-jones.md', '../contacts/bob-jones.md', 'Bob'],
      ['../companies/globex.md', '../companies/globex.md', 'globex'],
    ], html);
    assert.match(html, /<span class="rapport-wikilink rapport-wikilink-unresolved" title="No note named carol-white">\[\[carol-white\]\]<\/span>/, html);
    assert.doesNotMatch(html, /carol-white\.md/, 'no link to a note that does not exist');
    assert.match(html, /<code>\[\[sally-smith\]\]<\/code>/, 'code stays code');
  });

  it('links from the folder’s root when it renders text that is no document', async () => {
    const html = await render('See [[dana-lee]].');
    assert.match(html, /<a class="rapport-wikilink" href="\/contacts\/dana-lee\.md"/, html);
  });
});
