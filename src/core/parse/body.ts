// What Rapport needs from a note's body: its wiki links (outside code), the
// `## Questions` list, and task items. The body is parsed with remark only when
// a check asks for it and only if it could matter: a full parse of every body
// costs more than the whole cold start (see shared/notes/peers.md).

import type { Root, RootContent, ListItem, Heading } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { findLinks, type WikiLink } from '../links.js';

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

/** Made on first use: most runs never parse a body, and the CLI then never loads remark (scripts/build.mjs). */
let processor: ReturnType<typeof makeProcessor> | undefined;
const makeProcessor = () => unified().use(remarkParse);

/** Could this body hold code that hides `[[…]]`? If not, links can be found without parsing. */
const MAY_HOLD_CODE = /`|~~~|<|^(?: {4}|\t)/m;

/**
 * Links in a body outside code. Most bodies have no code at all; most others
 * have only fenced blocks and inline code spans, which `linksOutsideCode` skips
 * by the CommonMark rules for those two. Anything subtler (indented code, HTML,
 * code inside quotes or lists) goes to remark. Why not remark always: it costs
 * ~0.25 ms a body, more than everything else in a note's cold start together
 * (shared/notes/peers.md); test/unit/body.test.ts holds the scanner to remark's answers.
 */
export function bodyLinks(body: string, offset: number): WikiLink[] {
  if (!body.includes('[[')) return [];
  body = uptoLink(body, MAX_BODY_LINKS);
  if (!MAY_HOLD_CODE.test(body)) return findLinks(body, offset);
  return linksOutsideCode(body, offset) ?? (tooHardForRemark(body) ? linksOutsideCode(body, offset, true)! : parseBody(body, offset).links);
}

/**
 * More links than any note a person writes. Past this many `[[`, the rest of a body is not
 * searched for links: a 31 MB note of 2.6 million links took 14 s and 2.4 GB, then failed.
 */
export const MAX_BODY_LINKS = 10_000;

/** The body up to its `max`+1-th `[[` (all of it when it has fewer). */
function uptoLink(body: string, max: number): string {
  let at = -2;
  for (let n = 0; n <= max; n++) {
    at = body.indexOf('[[', at + 2);
    if (at === -1) return body;
  }
  return body.slice(0, at);
}

/**
 * remark takes time quadratic in some Markdown: lists and quotes, above all nested ones, and
 * runs of emphasis or bracket delimiters (24 kB of `- - a` lines take 3.5 s, 32 kB of
 * `- > - > …` 15 s, a 256 kB note of headings, lists and quotes 2.7 s). A body beyond these
 * bounds, which notes people write stay far within, is read by the scanners alone, which take
 * HTML, indented code and nesting for text: an approximation, never a stall.
 */
const MAX_PARSED_BODY = 64 * 1024;
const MAX_CONTAINER_LINES = 500;
const MAX_DELIMITERS = 2000;
const CONTAINER_LINE = /^[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/gm;
const DEEP = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))){8}|^[ \t]{32}/m;

function tooHardForRemark(body: string): boolean {
  if (body.length > MAX_PARSED_BODY || DEEP.test(body)) return true;
  let delimiters = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if ((c === 0x5b || c === 0x2a || c === 0x5f) && ++delimiters > MAX_DELIMITERS) return true; // [ * _
  }
  let containers = 0;
  CONTAINER_LINE.lastIndex = 0;
  while (CONTAINER_LINE.exec(body)) if (++containers > MAX_CONTAINER_LINES) return true;
  return false;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
/** Lines where code or HTML could hide a link in ways only a full parse can tell. */
const SUBTLE = /^(?: {4}|\t)|^ {0,3}(?:<|>)|^\s*(?:[-*+]|\d+[.)])\s+(?:`{3}|~{3})|^ {4,}(?:`{3}|~{3})/;
const BLOCK_START = /^ {0,3}(?:[-*+]\s|\d+[.)]\s|#{1,6}(?:\s|$))/;

/** Links outside fenced code blocks and inline code spans; undefined when the body needs a real parse (unless `lenient`). */
export function linksOutsideCode(body: string, offset: number, lenient = false): WikiLink[] | undefined {
  if (!lenient && body.includes('<!--')) return undefined;
  const out: WikiLink[] = [];
  let fence: { char: string; len: number } | undefined;
  let para = -1; // start of the current paragraph-like run of lines
  let paraEnd = -1;
  const flush = () => {
    if (para !== -1) for (const l of linksOutsideSpans(body.slice(para, paraEnd), offset + para)) out.push(l);
    para = -1;
  };
  for (let start = 0; start <= body.length; ) {
    const nl = body.indexOf('\n', start);
    const end = nl === -1 ? body.length : nl;
    const line = body.slice(start, end).replace(/\r$/, '');
    const next = nl === -1 ? body.length + 1 : nl + 1;
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[2][0] === fence.char && close[2].length >= fence.len && close[3].trim() === '') fence = undefined;
    } else {
      const open = FENCE.exec(line);
      if (open && !(open[2][0] === '`' && open[3].includes('`'))) {
        flush();
        fence = { char: open[2][0], len: open[2].length };
      } else if (line.trim() === '') {
        flush();
      } else {
        if (!lenient && SUBTLE.test(line) && (line.includes('[[') || line.includes('`') || line.includes('~~~'))) return undefined;
        if (BLOCK_START.test(line)) flush();
        if (para === -1) para = start;
        paraEnd = start + line.length;
      }
    }
    start = next;
  }
  flush();
  return out;
}

/** Links in one paragraph's text, outside its inline code spans (backtick runs of equal length). */
function linksOutsideSpans(text: string, offset: number): WikiLink[] {
  if (!text.includes('[[')) return [];
  const code: [number, number][] = [];
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c !== '`') {
      i++;
      continue;
    }
    let n = 0;
    while (text[i + n] === '`') n++;
    let j = i + n;
    let closed = -1;
    while (j < text.length) {
      const k = text.indexOf('`', j);
      if (k === -1) break;
      let m = 0;
      while (text[k + m] === '`') m++;
      if (m === n) {
        closed = k;
        break;
      }
      j = k + m;
    }
    if (closed === -1) {
      i += n;
      continue;
    }
    code.push([i, closed + n]);
    i = closed + n;
  }
  return outsideCode(findLinks(text, offset), code, offset);
}

/**
 * The links not inside any code span. Both are in text order and spans do not overlap, so one
 * pass does it (`code.some` per link was quadratic: a line of 100,000 links and backticks took minutes).
 */
function outsideCode(links: WikiLink[], code: [number, number][], offset: number): WikiLink[] {
  let k = 0;
  return links.filter((l) => {
    while (k < code.length && code[k][1] < l.end - offset) k++; // spans ending before this link cannot hold it, or any later one
    return !(k < code.length && code[k][0] <= l.start - offset);
  });
}

/** A body's `## Questions` list (undefined without that heading), read without remark when the body is plain. */
export function bodyQuestions(body: string, offset: number): BodyStructure['questions'] {
  const plain = questionsOfPlainBody(body, offset) ?? (tooHardForRemark(body) ? questionsOfPlainBody(body, offset, true) : undefined);
  return plain ? plain.questions : parseBody(body, offset).questions;
}

/** Anything that could make a line mean something other than a heading, a list item or text. */
const NOT_PLAIN = /[`<\\\t\r]|\]:|^~~~|^>|^ +\S|^ {0,3}[-=*_+ ]+$|^\d{1,9}[.)](?:[ ]|$)|^[-*+](?:[ ]{5,}|[ ]*$)|^[-*+] +[-*+#>=\d]|^#{1,6} .*[*_[\]!#&]| $/m;
const ATX = /^(#{1,6})(?: +(.*))?$/;
const BULLET = /^[-*+] +/;

/**
 * The `## Questions` list of a body made only of ATX headings, bullet items and
 * text lines, as remark would read it; undefined when anything else is present
 * (code, HTML, quotes, nesting, ordered lists, setext headings…), for remark to
 * read. Meeting bodies are nearly always this plain, and remark costs more than
 * the rest of a meeting's checks; test/unit/body.test.ts holds the two to agree.
 */
export function questionsOfPlainBody(body: string, offset: number, lenient = false): { questions: BodyStructure['questions'] } | undefined {
  if (!lenient && NOT_PLAIN.test(body.includes('\r') ? body.replace(/\r(?=\n|$)/g, '') : body)) return undefined;
  // As parseBody: the first `## Questions` section with a list, else the last empty one.
  let questions: BodyStructure['questions'];
  let open = false; // collecting the items of `questions`
  for (let start = 0; start < body.length; ) {
    const nl = body.indexOf('\n', start);
    const end = nl === -1 ? body.length : nl;
    const line = body.slice(start, end).replace(/\r$/, '');
    const heading = ATX.exec(line);
    if (heading) {
      const depth = heading[1].length;
      if (depth <= 2) {
        if (questions?.items.length) break;
        open = depth === 2 && /^questions\b/i.test(heading[2] ?? '');
        if (open) questions = { headingStart: offset + start, headingEnd: offset + start + line.length, items: [] };
      }
    } else if (open) {
      const bullet = BULLET.exec(line);
      if (bullet) questions!.items.push(listEntry(line.slice(bullet[0].length), offset + start + bullet[0].length));
    }
    start = nl === -1 ? body.length : nl + 1;
  }
  return { questions };
}

/** A list item's first line as an entry; a leading `[ ]` or `[x]` makes it a task. */
function listEntry(line: string, start: number): ListEntry | Task {
  const box = /^\[([ xX])\]\s+/.exec(line);
  if (!box) return { text: line, start, end: start + line.length };
  const text = line.slice(box[0].length);
  return { text, start: start + box[0].length, end: start + line.length, done: box[1] !== ' ' };
}

export function parseBody(body: string, offset: number): BodyStructure {
  processor ??= makeProcessor();
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
  // The first `## Questions` section with a list (an empty heading above one does not hide it).
  for (let i = 0; i < children.length && !questions?.items.length; i++) {
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

  const links = outsideCode(findLinks(body, offset), code.sort((a, b) => a[0] - b[0]), offset);
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
  return listEntry(body.slice(s, e).replace(/\r$/, ''), offset + s);
}
