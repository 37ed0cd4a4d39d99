// What a person meets first: the welcome text of each Rapport view and the
// Getting Started walkthrough, as package.json contributes them. VS Code renders
// welcome content as plain text with links (a `code span` shows its backticks),
// so the text must read well as it is, and every button must lead somewhere.

import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { SNIPPET_PREFIX, snippetPrefixStart } from '../../src/core/snippet-prefix.js';

const ROOT = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');
const manifest = JSON.parse(read('package.json'));
const contributes = manifest.contributes;

interface Welcome { view: string; contents: string; when?: string }
interface Step { id: string; title: string; description: string; media: { markdown?: string }; completionEvents?: string[]; when?: string }
const views: { id: string; name: string }[] = Object.values(contributes.views as Record<string, { id: string; name: string }[]>).flat();
const welcomes: Welcome[] = contributes.viewsWelcome;
const [walkthrough] = contributes.walkthroughs as { id: string; title: string; description: string; steps: Step[] }[];

/** The states a view can be in before it has rows: what its welcome content must cover. */
const STATES = {
  'reading your notes': '!rapport.ready',
  'no notes yet': 'rapport.ready && !rapport.hasNotes',
  'nothing here yet': 'rapport.ready && rapport.hasNotes',
};

/** Commands named by `[label](command:id?args)` links. */
const commandLinks = (text: string) => [...text.matchAll(/\]\(command:([\w.-]+)(?:\?([^)]*))?\)/g)].map((m) => ({ id: m[1], args: m[2] }));

/** Commands referenced before they are contributed (none now: New company has landed). */
const COMING: string[] = [];
const contributed = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));
/** The workbench's own commands these texts may use. */
const WORKBENCH = new Set(['workbench.action.openWalkthrough', 'workbench.action.files.openFolder']);

describe('welcome content in the Rapport views', () => {
  it('covers every view in every state: reading your notes, no notes yet, nothing here yet', () => {
    assert.ok(views.length >= 5, `expected Rapport's five views, saw ${views.map((v) => v.id).join(', ')}`);
    for (const view of views) {
      for (const [state, when] of Object.entries(STATES)) {
        const found = welcomes.filter((w) => w.view === view.id && w.when === when);
        assert.equal(found.length, 1, `the ${view.name} view has ${found.length} welcome texts for "${state}" (when ${when})`);
      }
    }
    for (const w of welcomes) assert.ok(views.some((v) => v.id === w.view), `welcome content for a view that does not exist: ${w.view}`);
  });

  it('reads as plain text: no backticks, which VS Code would show as they are', () => {
    for (const w of welcomes) assert.ok(!w.contents.includes('`'), `the ${w.view} welcome (when ${w.when}) has a backtick: ${w.contents}`);
  });

  it('offers, where there are no notes yet, a way to start and a link to the walkthrough', () => {
    const id = `${manifest.publisher}.${manifest.name}#${walkthrough.id}`;
    for (const view of views) {
      const w = welcomes.find((x) => x.view === view.id && x.when === STATES['no notes yet'])!;
      const links = commandLinks(w.contents);
      const open = links.find((l) => l.id === 'workbench.action.openWalkthrough');
      assert.ok(open, `the ${view.name} view's "no notes yet" has no link to the walkthrough`);
      assert.equal(JSON.parse(decodeURIComponent(open.args!)), id, `the ${view.name} view's walkthrough link names another walkthrough`);
    }
    for (const id of ['rapport.contacts', 'rapport.meetings', 'rapport.targets', 'rapport.followUps']) {
      const w = welcomes.find((x) => x.view === id && x.when === STATES['no notes yet'])!;
      assert.ok(commandLinks(w.contents).some((l) => l.id.startsWith('rapport.new')), `${id} offers nothing to create when there are no notes`);
    }
  });

  it('has buttons only to commands that exist', () => {
    for (const w of welcomes) {
      for (const { id } of commandLinks(w.contents)) {
        assert.ok(contributed.has(id) || WORKBENCH.has(id) || COMING.includes(id), `the ${w.view} welcome has a button to ${id}, which nothing contributes`);
      }
    }
  });
});

describe('the Getting Started walkthrough', () => {
  const steps = walkthrough.steps;
  const button = (s: Step) => commandLinks(s.description)[0]?.id;

  it('goes from a folder to a contact, a target company, an import, a meeting and the follow-ups, in that order', () => {
    const buttons = steps.map(button).filter(Boolean);
    assert.deepEqual(buttons, ['workbench.action.files.openFolder', 'rapport.newContact', 'rapport.newCompany', 'rapport.importContacts', 'rapport.logMeeting', 'rapport.showFollowUps']);
    assert.equal(steps[0].when, 'workspaceFolderCount == 0', 'the open-folder step shows only when no folder is open');
  });

  it('ticks a step off when its button has run', () => {
    for (const s of steps) {
      const id = button(s);
      if (!id?.startsWith('rapport.')) continue;
      assert.ok(s.completionEvents?.includes(`onCommand:${id}`), `step "${s.title}" runs ${id} but is not completed by it`);
    }
  });

  it('has a Markdown page for each step, from the extension itself, with nothing from the network', () => {
    for (const s of steps) {
      assert.ok(s.media.markdown?.startsWith('media/walkthrough/'), `step "${s.title}" has no Markdown page under media/walkthrough/`);
      assert.ok(existsSync(new URL(s.media.markdown!, ROOT)), `${s.media.markdown} is missing`);
      const page = read(s.media.markdown!);
      assert.ok(!/\]\(\s*https?:|<img|src=/i.test(page), `${s.media.markdown} links an image or a page on the network`);
      assert.match(page, /^# /, `${s.media.markdown} starts with no heading`);
    }
    // .vscodeignore keeps media/** in the .vsix
    assert.match(read('.vscodeignore'), /^!media\/\*\*$/m);
  });

  it('titles and descriptions read as plain text (no backticks), with buttons to commands that exist', () => {
    for (const text of [walkthrough.title, walkthrough.description, ...steps.flatMap((s) => [s.title, s.description])]) {
      assert.ok(!text.includes('`'), `a backtick in the walkthrough: ${text}`);
    }
    for (const s of steps) {
      for (const { id } of commandLinks(s.description)) {
        assert.ok(contributed.has(id) || WORKBENCH.has(id) || COMING.includes(id), `step "${s.title}" has a button to ${id}, which nothing contributes`);
      }
    }
  });

  it('names in its snippets page only prefixes that exist', () => {
    const prefixes = new Set(Object.values(JSON.parse(read('snippets/markdown.json')) as Record<string, { prefix: string }>).map((s) => s.prefix));
    const page = read('media/walkthrough/snippets.md');
    const named = [...page.matchAll(/`(rapport-[\w-]+)`/g)].map((m) => m[1]);
    assert.ok(named.length >= prefixes.size, 'the snippets page lists fewer snippets than there are');
    for (const p of named) assert.ok(prefixes.has(p), `the snippets page names ${p}, which is no snippet's prefix`);
    for (const p of prefixes) assert.ok(named.includes(p), `the snippets page leaves out ${p}`);
  });
});

describe('where the snippets open as their prefix is typed', () => {
  it('opens on rapport- at the start of a line, after indentation, a list marker or a quote, and as the prefix grows', () => {
    assert.equal(snippetPrefixStart('rapport-'), 0);
    assert.equal(snippetPrefixStart('rapport-thank-'), 0);
    assert.equal(snippetPrefixStart('  rapport-'), 2);
    assert.equal(snippetPrefixStart('- rapport-'), 2);
    assert.equal(snippetPrefixStart('> rapport-'), 2);
    assert.equal(snippetPrefixStart('Notes: rapport-'), 7);
  });

  it('stays shut on any other dash: a list item, a word with a dash, rapport- inside a word, a link', () => {
    for (const line of ['-', '- ', 'well-', 'non-rapport-', 'rapport', '[[rapport-', '`rapport-', 'rapport-x ', '']) {
      assert.equal(snippetPrefixStart(line), undefined, `opened on “${line}”`);
    }
  });

  it('is the prefix every snippet starts with', () => {
    for (const s of Object.values(JSON.parse(read('snippets/markdown.json')) as Record<string, { prefix: string }>)) {
      assert.ok(s.prefix.startsWith(SNIPPET_PREFIX), s.prefix);
      assert.equal(snippetPrefixStart(s.prefix), 0, `${s.prefix} does not open the list while typed`);
    }
  });
});
