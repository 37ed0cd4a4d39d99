// What Rapport needs from a note's body: its wiki links (outside code), the
// `## Questions` list, and task items. The body is parsed with remark only when
// a check asks for it and only if it could matter: a full parse of every body
// costs more than the whole cold start (see shared/notes/peers.md).

import type { Root, RootContent, ListItem, Heading } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { findLinks, type WikiLink } from './links.js';

export interface ListEntry {
  /** The item's text, checkbox removed, first line only. */
  text: string;
  /** Offsets (in the whole note) of that text. */
  start: number;
  end: number;
}

export interface Task extends ListEntry {
  done: boolean;
}

export interface BodyStructure {
  links: WikiLink[];
  /** Present when the body has a `## Questions` heading. */
  questions?: { headingStart: number; headingEnd: number; items: ListEntry[] };
  tasks: Task[];
}

const processor = unified().use(remarkParse);

/** Could this body hold code that hides `[[…]]`? If not, links can be found without parsing. */
const MAY_HOLD_CODE = /`|~~~|<|^(?: {4}|\t)/m;

/** Links in a body that needs no structure (the common case): no remark parse unless code could hide one. */
export function bodyLinks(body: string, offset: number): WikiLink[] {
  if (!body.includes('[[')) return [];
  if (!MAY_HOLD_CODE.test(body)) return findLinks(body, offset);
  return parseBody(body, offset).links;
}

export function parseBody(body: string, offset: number): BodyStructure {
  const tree = processor.parse(body) as Root;
  const code: [number, number][] = [];
  const tasks: Task[] = [];
  let questions: BodyStructure['questions'];

  const visit = (node: Root | RootContent): void => {
    const pos = node.position;
    if ((node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') && pos) {
      code.push([pos.start.offset!, pos.end.offset!]);
      return;
    }
    if (node.type === 'listItem') {
      const entry = itemEntry(node, body, offset);
      if (entry && 'done' in entry) tasks.push(entry as Task);
    }
    if ('children' in node) for (const child of node.children) visit(child as RootContent);
  };
  visit(tree);

  const children = tree.children;
  for (let i = 0; i < children.length && !questions; i++) {
    const h = children[i];
    if (h.type !== 'heading' || h.depth !== 2 || !/^questions\b/i.test(headingText(h))) continue;
    const items: ListEntry[] = [];
    for (let j = i + 1; j < children.length; j++) {
      const n = children[j];
      if (n.type === 'heading' && n.depth <= 2) break;
      if (n.type !== 'list') continue;
      for (const item of n.children) {
        const entry = itemEntry(item, body, offset);
        if (entry) items.push(entry);
      }
    }
    questions = { headingStart: offset + h.position!.start.offset!, headingEnd: offset + h.position!.end.offset!, items };
  }

  const links = findLinks(body, offset).filter(
    (l) => !code.some(([s, e]) => l.start - offset >= s && l.end - offset <= e),
  );
  return { links, questions, tasks };
}

function headingText(h: Heading): string {
  return h.children.map((c) => ('value' in c ? c.value : '')).join('').trim();
}

/** The first line of a list item's text; tasks (`[ ]`, `[x]`) carry `done`. */
function itemEntry(item: ListItem, body: string, offset: number): ListEntry | Task | undefined {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph' || !first.position) return undefined;
  const s = first.position.start.offset!;
  const lineEnd = body.indexOf('\n', s);
  const e = Math.min(first.position.end.offset!, lineEnd === -1 ? body.length : lineEnd);
  let text = body.slice(s, e).replace(/\r$/, '');
  const box = /^\[([ xX])\]\s+/.exec(text);
  let start = offset + s;
  if (box) {
    text = text.slice(box[0].length);
    start += box[0].length;
    return { text, start, end: start + text.length, done: box[1] !== ' ' };
  }
  return { text, start, end: start + text.length };
}
