// When a note's file is renamed or moved, every `[[link]]` that opened it must
// open it still: the edits that rewrite them, as plain data (a front end applies
// them as one undoable edit). Computed from the index's link table and the
// links each note already holds (frontmatter and body outside code), so no note
// is read or scanned again.

import { idKey, idOfPath } from './links.js';
import type { TextEdit } from './model.js';
import type { NoteIndex } from './note-index.js';

/** A file or a folder, from one path to another (relative to the workspace root, forward slashes). */
export interface Move {
  from: string;
  to: string;
}

export interface FileEdits {
  /** The note to edit, at its path before the move (a moved note's own links to itself included). */
  path: string;
  edits: TextEdit[];
}

export interface RenamePlan {
  files: FileEdits[];
  /**
   * Links left as they were because the new id is already another note's: rewritten,
   * they would open that note instead. The old link now opens nothing, which the
   * missing-note check shows; the front end says so.
   */
  ambiguous: { id: string; newId: string; count: number }[];
}

/** The edits that keep every link to the moved notes pointing at them. */
export function renameLinks(index: NoteIndex, moves: readonly Move[]): RenamePlan {
  const moved = new Map<string, string>(); // old path → new path, of each Markdown note moved
  for (const m of moves) for (const [from, to] of notesMoved(index, m)) moved.set(from, to);
  const byFile = new Map<string, TextEdit[]>();
  const ambiguous: RenamePlan['ambiguous'] = [];
  let staying: Set<string> | undefined; // id keys of the notes not moved: made once, when a new id is first looked up
  const takenByAnother = (id: string) => {
    if (!index.hasId(id)) return false;
    staying ??= new Set([...index.allFiles()].filter((f) => !moved.has(f.path)).map((f) => idKey(f.id)));
    return staying.has(idKey(id));
  };
  for (const [from, to] of moved) {
    const oldId = idOfPath(from);
    const newId = idOfPath(to);
    // Only links that open this note now: with two notes of one id, `[[id]]` opens the first by path.
    if (index.pathOf(oldId) !== from) continue;
    const edits: { path: string; edit: TextEdit }[] = [];
    for (const path of index.namedBy([`id:${idKey(oldId)}`])) {
      const f = index.get(path);
      if (!f?.type) continue;
      for (const l of f.links) {
        if (idKey(l.id) !== idKey(oldId)) continue;
        const written = f.text.slice(l.start + 2, l.end - 2);
        const rewritten = rewriteLink(written, newId, folderOf(to));
        if (rewritten !== written) edits.push({ path, edit: { range: f.lines.range(l.start + 2, l.end - 2), newText: rewritten } });
      }
    }
    if (!edits.length) continue;
    if (idKey(newId) !== idKey(oldId) && takenByAnother(newId)) {
      ambiguous.push({ id: oldId, newId, count: edits.length });
      continue;
    }
    for (const { path, edit } of edits) {
      const list = byFile.get(path) ?? [];
      list.push(edit);
      byFile.set(path, list);
    }
  }
  const files = [...byFile].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, edits]) => ({ path, edits }));
  return { files, ambiguous };
}

/** The Markdown notes a move takes along: the file itself, or each note under the folder. */
function notesMoved(index: NoteIndex, m: Move): [string, string][] {
  if (index.get(m.from)) return [[m.from, m.to]];
  const under = m.from.endsWith('/') ? m.from : `${m.from}/`;
  const to = m.to.endsWith('/') ? m.to : `${m.to}/`;
  const out: [string, string][] = [];
  for (const f of index.allFiles()) if (f.path.startsWith(under)) out.push([f.path, to + f.path.slice(under.length)]);
  return out;
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/**
 * A link's inside with its target renamed, in the link's own form: `id`, `id|label`,
 * `id#heading`, `folder/id`, `id.md`; spaces around the target kept. A folder prefix
 * becomes the note's new folder (no prefix at the root); a link without one stays
 * without, as it resolves by id alone.
 */
export function rewriteLink(inner: string, newId: string, newFolder: string): string {
  const cut = [inner.indexOf('|'), inner.indexOf('#')].filter((i) => i !== -1);
  const targetEnd = cut.length ? Math.min(...cut) : inner.length;
  const target = inner.slice(0, targetEnd);
  const lead = /^\s*/.exec(target)![0];
  const trail = /\s*$/.exec(target)![0];
  const core = target.slice(lead.length, target.length - trail.length);
  const slash = core.lastIndexOf('/');
  const ext = /\.md$/i.exec(core)?.[0] ?? '';
  const writtenId = core.slice(slash + 1, core.length - ext.length);
  // Same id but for case (a move, or a rename of case only): the link opens the note as written.
  const id = idKey(writtenId) === idKey(newId) ? writtenId : newId;
  const prefix = slash === -1 ? '' : newFolder;
  return lead + prefix + id + ext + trail + inner.slice(targetEnd);
}
