// The Markdown preview's `[[links]]` (src/extension/preview), run by a real
// markdown-it as VS Code's preview does: parsed once, resolved through the core
// index each time the document is rendered.

import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import type * as vscode from 'vscode';
import type { NoteIndex } from '../../src/core/note-index.js';
import { wikiLinks, type MarkdownIt as PluginHost, type NotesLookup } from '../../src/extension/preview/index.js';
import { indexOf, md } from './helpers.js';

/** One workspace folder at /ws, as the extension's notes locate a document in it. */
function folderAt(index: NoteIndex): NotesLookup {
  return {
    locate: (uri) => (uri.path.startsWith('/ws/') ? { notes: { index }, path: uri.path.slice('/ws/'.length) } : undefined),
    allFolders: () => [{ index }],
  };
}

const doc = (path: string) => ({ currentDocument: { path } as vscode.Uri });

function markdownIt(notes: NotesLookup): MarkdownIt {
  const it = new MarkdownIt({ html: true });
  wikiLinks(notes)(it as unknown as PluginHost);
  return it;
}

describe('the Markdown preview’s [[links]]', () => {
  const index = indexOf({
    'contacts/sally-smith.md': md(['type: contact', 'name: Sally Smith']),
    'companies/globex.md': md(['type: company', 'name: Globex'], '## Our people\n'),
    'meetings/2026-11-18-sally-smith.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-18']),
  });
  const it_ = markdownIt(folderAt(index));

  it('renders a link that resolves as a link to its note, relative to the document, labelled as written', () => {
    const html = it_.render('Met [[sally-smith]] and [[Globex|the Globex team]].', doc('/ws/meetings/2026-11-18-sally-smith.md'));
    assert.equal(
      html,
      '<p>Met <a class="rapport-wikilink" href="../contacts/sally-smith.md" data-href="../contacts/sally-smith.md" title="contacts/sally-smith.md">sally-smith</a>' +
        ' and <a class="rapport-wikilink" href="../companies/globex.md" data-href="../companies/globex.md" title="companies/globex.md">the Globex team</a>.</p>\n',
    );
  });

  it('resolves folders, .md and headings as the core does, and links to the heading', () => {
    const html = it_.render('[[people/sally-smith.md]] [[globex#Our people]]', doc('/ws/README.md'));
    assert.match(html, /href="contacts\/sally-smith\.md"/);
    assert.match(html, /href="companies\/globex\.md#our-people"[^>]*>globex#Our people</);
  });

  it('renders a link to no note as a marked span with the text as written, never as a link', () => {
    const html = it_.render('Ask [[carol-white]] & [[<b>x</b>]]', doc('/ws/meetings/2026-11-18-sally-smith.md'));
    assert.doesNotMatch(html, /<a /);
    assert.match(html, /<span class="rapport-wikilink rapport-wikilink-unresolved" title="No note named carol-white">\[\[carol-white\]\]<\/span>/);
    assert.match(html, /\[\[&lt;b&gt;x&lt;\/b&gt;\]\]/, 'what is written is escaped, not markup');
  });

  it('leaves code, and brackets that are no link, alone', () => {
    const html = it_.render('`[[sally-smith]]` [[ ]] [[a\n]]\n\n    [[sally-smith]]\n', doc('/ws/README.md'));
    assert.doesNotMatch(html, /rapport-wikilink/);
    assert.match(html, /<code>\[\[sally-smith\]\]<\/code>/);
  });

  it('resolves at each render: a note created since the document was parsed is a link the next time', () => {
    const notes = indexOf({});
    const it2 = markdownIt(folderAt(notes));
    const env = doc('/ws/README.md');
    const tokens = it2.parse('See [[dana-lee]].', env);
    assert.match(it2.renderer.render(tokens, it2.options, env), /rapport-wikilink-unresolved/);
    notes.set('contacts/dana-lee.md', md(['type: contact', 'name: Dana Lee']));
    assert.match(it2.renderer.render(tokens, it2.options, env), /<a class="rapport-wikilink" href="contacts\/dana-lee\.md"/);
  });

  it('without a document (a string rendered), links from the root of the folder that has the note', () => {
    assert.match(it_.render('[[sally-smith]]'), /href="\/contacts\/sally-smith\.md"/);
  });
});
