// The Markdown preview: `[[links]]` render as links to their notes. VS Code's
// Markdown extension hands its markdown-it to `extendMarkdownIt` (returned by
// activate(), declared by `markdown.markdownItPlugins` in package.json).
//
// A link is parsed once (the preview caches a document's tokens) and resolved each
// time it is rendered, through the core index of the document's folder: a note
// created or renamed since shows at the next render. One that resolves to nothing
// renders as a marked span, never as a link that opens nothing.

import type * as vscode from 'vscode';
import { linkTarget } from '../../core/links.js';
import type { NoteIndex } from '../../core/note-index.js';

/** Where the notes are: the folder (index) a document belongs to, and every folder. */
export interface NotesLookup {
  locate(uri: vscode.Uri): { notes: { index: NoteIndex }; path: string } | undefined;
  allFolders(): { index: NoteIndex }[];
}

// The little of markdown-it that this uses (VS Code ships the library; Rapport does not).
interface Token {
  content: string;
  meta: unknown;
}
interface InlineState {
  src: string;
  pos: number;
  posMax: number;
  push(type: string, tag: string, nesting: number): Token;
}
interface RenderEnv {
  /** The document being rendered, when VS Code says (the preview, markdown.api.render of a document). */
  currentDocument?: vscode.Uri;
}
type RenderRule = (tokens: Token[], idx: number, options: unknown, env: RenderEnv | undefined) => string;
export interface MarkdownIt {
  inline: { ruler: { before(beforeName: string, ruleName: string, rule: (state: InlineState, silent: boolean) => boolean): void } };
  renderer: { rules: Record<string, RenderRule | undefined> };
  utils: { escapeHtml(text: string): string };
  normalizeLink(url: string): string;
}

/** What a `[[…]]` says: the text inside, and the id it points to (core's reading of it). */
interface WikiLinkMeta {
  inner: string;
  id: string;
}

const TOKEN = 'rapport_wikilink';
// The same links as the core finds (src/core/links.ts): `[[`, no brackets or line break, `]]`.
const LINK_AT = /\[\[([^[\]\r\n]+?)\]\]/y;

/** The text a link shows: its `|label`, else what is written, without the `[[ ]]`. */
function labelOf(inner: string): string {
  const bar = inner.indexOf('|');
  return (bar >= 0 ? inner.slice(bar + 1) : inner).trim() || inner;
}

/** `[[globex#Our people]]` → `our-people`, the id the preview gives that heading (GitHub's style). */
function headingSlug(inner: string): string | undefined {
  const heading = inner.split('|')[0].split('#')[1]?.trim();
  if (!heading) return undefined;
  return heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** `a/b.md` → `c/d.md`: the relative path from one note to the other (both folder-relative, forward slashes). */
function relativePath(from: string, to: string): string {
  const fromDir = from.split('/').slice(0, -1);
  const target = to.split('/');
  let same = 0;
  while (same < fromDir.length && same < target.length - 1 && fromDir[same] === target[same]) same++;
  return [...fromDir.slice(same).map(() => '..'), ...target.slice(same)].join('/');
}

function wikiLinkRule(state: InlineState, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5b || state.src.charCodeAt(state.pos + 1) !== 0x5b) return false;
  LINK_AT.lastIndex = state.pos;
  const m = LINK_AT.exec(state.src);
  if (!m || m.index + m[0].length > state.posMax) return false;
  const id = linkTarget(m[1]);
  if (!id) return false;
  if (!silent) state.push(TOKEN, '', 0).meta = { inner: m[1], id } satisfies WikiLinkMeta;
  state.pos += m[0].length;
  return true;
}

/** The markdown-it plugin: parses `[[…]]` and renders each against `notes` as it is now. */
export function wikiLinks(notes: NotesLookup): (md: MarkdownIt) => MarkdownIt {
  return (md) => {
    md.inline.ruler.before('link', TOKEN, wikiLinkRule);
    md.renderer.rules[TOKEN] = (tokens, idx, _options, env) => {
      const { inner, id } = tokens[idx].meta as WikiLinkMeta;
      const esc = md.utils.escapeHtml;
      const at = env?.currentDocument ? notes.locate(env.currentDocument) : undefined;
      // A document outside every folder (or a plain string rendered): the first folder that has the note.
      const index = at?.notes.index ?? notes.allFolders().find((f) => f.index.pathOf(id))?.index;
      const path = index?.pathOf(id);
      if (!path) {
        return `<span class="rapport-wikilink rapport-wikilink-unresolved" title="${esc(`No note named ${id}`)}">[[${esc(inner)}]]</span>`;
      }
      const slug = headingSlug(inner);
      // Relative to the document, as the preview opens a relative link; else from its folder's root.
      const href = md.normalizeLink((at ? relativePath(at.path, path) : `/${path}`) + (slug ? `#${slug}` : ''));
      // data-href: what the preview opens on a click (VS Code sets it on its own links too).
      return `<a class="rapport-wikilink" href="${esc(href)}" data-href="${esc(href)}" title="${esc(path)}">${esc(labelOf(inner))}</a>`;
    };
    return md;
  };
}
