// A reader for the frontmatter nearly every note has: top-level `key: value`
// lines whose values are plain or quoted scalars (a plain one may go on over
// indented lines), `|` and `>` block scalars, one-line flow lists of scalars, or
// block lists of them, with comments. For anything else it returns undefined
// and the `yaml` package reads the block (anchors, aliases, tags, nested maps,
// escapes, numbers in unusual notations…).
//
// Why a reader of our own: `yaml`'s parseDocument costs ~65 µs a note, which at
// 10,000 notes is more than the whole cold-start budget (issue 5, and
// shared/notes/peers.md). On the subset it accepts it gives exactly the data
// and source ranges `yaml` gives; test/unit/simple-yaml.test.ts holds it to that.

import type { FrontmatterProblem } from './frontmatter-types.js';
import { KeyTable } from './key-table.js';

export interface SimpleYaml {
  /** Undefined when the YAML is broken (`problem`). */
  data: Record<string, unknown> | undefined;
  keys: KeyTable;
  /**
   * A mistake that certainly makes the block invalid YAML, found on the way: a key given twice,
   * a `[` list or a quoted value left open on a line followed by the next key, `: ` in a plain
   * value, a git conflict marker. They are the usual ways notes break, and reporting them here
   * spares loading and warming up the yaml package (~25 ms of a cold check) only to say so.
   * test/unit/simple-yaml.test.ts holds each to yaml finding an error too.
   */
  problem?: FrontmatterProblem;
}

interface Scalar {
  value: unknown;
  start: number;
  end: number;
}

const INT = /^-?(?:0|[1-9][0-9]{0,14})$/;
const DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
const DATE_LIKE = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?)?$/;
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
/** 1 at the code of each character that cannot start a plain scalar: - ? : , [ ] { } # & * ! | > ' " % @ ` */
const INDICATOR = new Uint8Array(128);
for (const c of '-?:,[]{}#&*!|>\'"%@`') INDICATOR[c.charCodeAt(0)] = 1;
const BOOLS = new Map<string, boolean>([
  ['true', true], ['True', true], ['TRUE', true],
  ['false', false], ['False', false], ['FALSE', false],
]);

/** Read `source` (offsets shifted by `at`), or undefined when it is outside the simple subset. */
export function readSimpleYaml(source: string, at: number): SimpleYaml | undefined {
  if (source.includes('\t') || source.charCodeAt(0) === 0xfeff) return undefined;
  // The keys are read into the arrays a KeyTable keeps (four span offsets a key) and their
  // values into a list; the data object is made at the end. Objects per key and stores into
  // `data` here (a new shape for every order of keys) made this, the hottest function of a
  // cold check, the one V8 threw away and recompiled most: four times at 10,000 notes.
  const names: string[] = [];
  const spans: number[] = [];
  const values: unknown[] = [];
  let items: (number[] | null)[] | undefined; // item spans of the keys whose value is a list
  let list = -1; // the key whose value is a block list being read, if any
  let listValues: unknown[] = [];
  let listIndent = 0;
  let pending = -1; // `key:` with nothing after it yet

  let pos = 0;
  while (pos <= source.length) {
    const nl = source.indexOf('\n', pos);
    const next = nl === -1 ? source.length + 1 : nl + 1;
    let end = nl === -1 ? source.length : nl;
    if (end > pos && source.charCodeAt(end - 1) === 13) end--;
    // The line is read in place, by offsets: slicing each line and matching a regex on it was a
    // sixth of reading a note. YAML's indentation and blank lines are spaces, not any Unicode space.
    let first = pos;
    while (first < end && source.charCodeAt(first) === 32) first++;
    const indent = first - pos;

    if (first === end || source.charCodeAt(first) === 35 /* # */) {
      if (list !== -1 || pending !== -1) return undefined; // where yaml ends the node is subtle here: let it decide
      pos = next;
      continue;
    }
    if (source.charCodeAt(first) === 45 /* - */ && (first + 1 === end || source.charCodeAt(first + 1) === 32)) {
      // An item of a block list under the key just read.
      const owner = list !== -1 ? list : pending;
      if (owner === -1 || first + 1 === end || (list !== -1 && indent !== listIndent)) return undefined;
      if (list === -1) {
        list = owner;
        listValues = [];
        listIndent = indent;
        spans[owner * 4 + 2] = at + pos + indent;
        items ??= new Array<number[] | null>(names.length).fill(null);
        items[owner] = [];
        pending = -1;
      }
      let itemAt = first + 2;
      while (itemAt < end && source.charCodeAt(itemAt) === 32) itemAt++;
      const s = scalar(source, itemAt, end);
      if (!s) return undefined;
      listValues.push(s.value);
      items![list]!.push(at + s.start, at + s.end);
      spans[list * 4 + 3] = at + trimEnd(source, s.end, end);
      pos = next;
      continue;
    }
    if (indent > 0) {
      // `key:` with its plain value on the lines below it; anything else indented (a nested map) is yaml's.
      if (pending === -1 || list !== -1) return undefined;
      const folded = plainLines(source, pos + indent, end, next);
      if (!folded) return undefined;
      take(values, spans, pending, folded.value, at + pos + indent, at + folded.end);
      pending = -1;
      pos = folded.next;
      continue;
    }
    const keyEnd = keyAt(source, pos, end);
    if (keyEnd === -1) {
      return conflictMarker(source, pos, end)
        ? broken('YAML: a git merge conflict marker; keep one side and remove the <<<<<<< ======= >>>>>>> lines.', at + pos, at + end)
        : undefined;
    }
    if (list !== -1) {
      values[list] = listValues;
      list = -1;
    }
    if (pending !== -1) {
      // `key:` followed by another key: null, with an empty range where yaml puts it (the end of its line).
      values[pending] = null;
      pending = -1;
    }
    const name = source.slice(pos, keyEnd);
    if (name === '__proto__') return undefined;
    if (names.includes(name)) return broken(`YAML: \`${name}\` is given twice; keep one.`, at + pos, at + end);
    const k = names.length;
    names.push(name);
    values.push(undefined);
    spans.push(at + pos, at + keyEnd, 0, 0);
    if (items) items.push(null);
    let v = pos + name.length + 1;
    while (v < end && source.charCodeAt(v) === 32) v++;
    if (v >= end) {
      spans[k * 4 + 2] = spans[k * 4 + 3] = at + end;
      pending = k;
      pos = next;
      continue;
    }
    const c = source.charCodeAt(v);
    if (c === 35 /* # */) return undefined;
    if (c === 91 /* [ */) {
      const flow = flowList(source, v, end);
      if (!flow) {
        return openOnItsLine(source, v, end, ']') && nextIsKey(source, next)
          ? broken('YAML: the [ list is not closed: end it with ] on its line.', at + pos, at + end)
          : undefined;
      }
      const flat: number[] = [];
      for (const i of flow.items) flat.push(at + i.start, at + i.end);
      take(values, spans, k, flow.items.map((i) => i.value), at + v, at + flow.end);
      items ??= new Array<number[] | null>(names.length).fill(null);
      items[k] = flat;
    } else if (c === 124 /* | */ || c === 62 /* > */) {
      const block = blockScalar(source, v, end, next);
      if (!block) return undefined;
      take(values, spans, k, block.value, at + v, at + block.end);
      pos = block.next;
      continue;
    } else {
      const s = scalar(source, v, end);
      if (!s) {
        const quote = c === 34 ? '"' : c === 39 ? "'" : undefined;
        if (quote && openOnItsLine(source, v, end, quote) && nextAtColumnZero(source, next)) {
          return broken(`YAML: the quoted value is not closed: end it with ${quote} on its line.`, at + pos, at + end);
        }
        if (!quote && isWordStart(c) && source.slice(v, commentAt(source, v, end)).includes(': ')) {
          return broken(`YAML: a value with ": " in it needs quotes: ${name}: "${source.slice(v, trimEnd(source, v, end))}".`, at + pos, at + end);
        }
        return undefined;
      }
      if (c !== 34 /* " */ && c !== 39 /* ' */ && continues(source, next)) {
        // A plain scalar folded over indented lines ("role: Principal\n  Product Designer").
        const folded = plainLines(source, v, end, next);
        if (!folded) return undefined;
        take(values, spans, k, folded.value, at + v, at + folded.end);
        pos = folded.next;
        continue;
      }
      take(values, spans, k, s.value, at + s.start, at + s.end);
    }
    pos = next;
  }
  if (list !== -1) values[list] = listValues;
  if (pending !== -1) values[pending] = null;
  return { data: dataOf(names, values), keys: KeyTable.fromParts(names, spans, items) };
}

function broken(message: string, start: number, end: number): SimpleYaml {
  return { data: undefined, keys: KeyTable.empty(), problem: { message, start, end } };
}

/** A line that opens a git merge conflict, as the merge-conflict check finds them (and not a `<<<<<<< x: y` key). */
function conflictMarker(source: string, pos: number, end: number): boolean {
  if (!source.startsWith('<<<<<<<', pos) || (pos + 7 < end && source.charCodeAt(pos + 7) !== 32)) return false;
  const line = source.slice(pos, end);
  return !line.includes(': ') && !line.endsWith(':');
}

/** Does the rest of the line after the opening character at `start` hold no `close` at all? */
function openOnItsLine(source: string, start: number, end: number, close: string): boolean {
  const i = source.indexOf(close, start + 1);
  return i === -1 || i >= end;
}

/** Is the line at `from` a top-level `key:` line? */
function nextIsKey(source: string, from: number): boolean {
  return from < source.length && keyAt(source, from, lineAt(source, from).end) !== -1;
}

/** Does the line at `from` hold something at its first column (not a space, not an empty line)? */
function nextAtColumnZero(source: string, from: number): boolean {
  const c = source.charCodeAt(from);
  return from < source.length && c !== 32 && c !== 10 && c !== 13;
}

function isWordStart(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57);
}

/** Where a ` #` comment starts on the line from `start` to `end` (at its space), or `end`. */
function commentAt(source: string, start: number, end: number): number {
  let i = start + 1;
  while (i < end && !(source.charCodeAt(i) === 35 && source.charCodeAt(i - 1) === 32)) i++;
  return i < end ? i - 1 : end;
}

/** The data object of the keys read: made in one place, whose stores V8 can leave generic. */
function dataOf(names: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) data[names[i]] = values[i];
  return data;
}

/**
 * The end of the key of a `key: value` line starting at `pos` (a letter or `_`, then
 * letters, digits, `_` and `-`, then `:` and a space or the line's end), or -1.
 */
function keyAt(source: string, pos: number, end: number): number {
  const c = source.charCodeAt(pos);
  if (!(isLetter(c) || c === 95)) return -1;
  let k = pos + 1;
  for (; k < end; k++) {
    const d = source.charCodeAt(k);
    if (!(isLetter(d) || (d >= 48 && d <= 57) || d === 95 || d === 45)) break;
  }
  if (k >= end || source.charCodeAt(k) !== 58) return -1;
  return k + 1 === end || source.charCodeAt(k + 1) === 32 ? k : -1; // no tabs reach here
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Does the line starting at `from` go on the value above it (indented and not blank)? */
function continues(source: string, from: number): boolean {
  return from < source.length && source[from] === ' ' && !/^ *\r?(?:\n|$)/.test(source.slice(from, from + 200));
}

interface Line {
  start: number;
  /** End of the text, before any `\r`. */
  end: number;
  next: number;
}

function lineAt(source: string, pos: number): Line {
  const nl = source.indexOf('\n', pos);
  let end = nl === -1 ? source.length : nl;
  if (end > pos && source.charCodeAt(end - 1) === 13) end--;
  return { start: pos, end, next: nl === -1 ? source.length + 1 : nl + 1 };
}

/** A continuation line's text that folds into a plain scalar as yaml reads it, or undefined. */
const CONTINUATION = /^[A-Za-z0-9(&][^#:[\]{}\t]*$|^[A-Za-z0-9(&][^[\]{}\t]*[^\s:]$/;

/**
 * A plain scalar from `start` on its first line (ending at `end`) and on every
 * indented, non-blank line after it, folded with single spaces. Undefined for
 * anything subtler (comments, blank lines inside, `: ` in a line).
 */
function plainLines(source: string, start: number, end: number, next: number): { value: unknown; end: number; next: number } | undefined {
  const first = source.slice(start, trimEnd(source, start, end));
  if (!plainOk(first) || first.includes('#')) return undefined;
  const parts = [first];
  let last = trimEnd(source, start, end);
  while (continues(source, next)) {
    const line = lineAt(source, next);
    let s = line.start;
    while (source[s] === ' ') s++;
    const e = trimEnd(source, s, line.end);
    const text = source.slice(s, e);
    if (!CONTINUATION.test(text) || /: | #/.test(text)) return undefined;
    parts.push(text);
    last = e;
    next = line.next;
  }
  // One line is a scalar like any other (`30` is a number); several fold into text.
  return { value: parts.length === 1 ? resolvePlain(first) : parts.join(' '), end: last, next };
}

/**
 * A `|` or `>` block scalar (clip or `-` strip chomping, indentation found from
 * its first line) whose header is at `start`. Undefined for what yaml reads
 * subtly: keep chomping, an explicit indentation, comments, leading or
 * whitespace-only blank lines, more-indented lines in a folded scalar.
 */
function blockScalar(source: string, start: number, end: number, next: number): { value: string; end: number; next: number } | undefined {
  const header = source.slice(start, trimEnd(source, start, end));
  if (!/^[|>]-?$/.test(header)) return undefined;
  const literal = header[0] === '|';
  const lines: string[] = [];
  let indent = -1;
  let last = start + header.length;
  let pos = next;
  let blanks = 0;
  while (pos <= source.length) {
    const line = lineAt(source, pos);
    if (line.start === line.end) {
      if (indent === -1) return undefined;
      blanks++;
      pos = line.next;
      continue;
    }
    let s = line.start;
    while (s < line.end && source[s] === ' ') s++;
    const n = s - line.start;
    if (s === line.end) return undefined; // spaces only
    if (indent === -1) {
      if (n === 0) return undefined; // nothing indented: an empty block
      indent = n;
    }
    if (n < indent) {
      if (n > 0) return undefined;
      break; // the next key
    }
    if (n > indent && !literal) return undefined;
    for (; blanks > 0; blanks--) lines.push('');
    lines.push(source.slice(line.start + indent, line.end));
    last = line.end;
    pos = line.next;
  }
  if (indent === -1) return undefined;
  let value = lines[0];
  // Literal: every line break kept. Folded: a single break between text lines reads as a
  // space, and each blank line between them as one line break.
  let blank = 0;
  for (let i = 1; i < lines.length; i++) {
    if (literal) value += '\n' + lines[i];
    else if (lines[i] === '') blank++;
    else {
      value += blank ? '\n'.repeat(blank) : ' ';
      value += lines[i];
      blank = 0;
    }
  }
  if (!header.endsWith('-')) value += '\n';
  // Trailing blank lines belong to the block but not to its value (clip and strip both drop them).
  return { value, end: last, next: pos };
}

/** Record key `k`'s value, and where it stands in the note. */
function take(values: unknown[], spans: number[], k: number, value: unknown, start: number, end: number): void {
  values[k] = value;
  spans[k * 4 + 2] = start;
  spans[k * 4 + 3] = end;
}

/** A scalar from `start` to the line's `end`, with an optional trailing comment. */
function scalar(source: string, start: number, end: number): Scalar | undefined {
  const c = source[start];
  if (c === '"' || c === "'") {
    const close = quoted(source, start, end);
    if (!close) return undefined;
    if (!restIsComment(source, close.end, end)) return undefined;
    return close;
  }
  // A plain scalar: up to a ` #` comment on this line (searching on to the end of the source made many lines quadratic).
  const textEnd = trimEnd(source, start, commentAt(source, start, end));
  const text = source.slice(start, textEnd);
  if (!plainOk(text)) return undefined;
  return { value: resolvePlain(text), start, end: textEnd };
}

function quoted(source: string, start: number, end: number): Scalar | undefined {
  const q = source[start];
  if (q === '"') {
    const close = source.indexOf('"', start + 1);
    if (close === -1 || close >= end) return undefined;
    const body = source.slice(start + 1, close);
    if (body.includes('\\')) return undefined; // escapes: let yaml read them
    return { value: body, start, end: close + 1 };
  }
  let i = start + 1;
  let value = '';
  for (;;) {
    const close = source.indexOf("'", i);
    if (close === -1 || close >= end) return undefined;
    value += source.slice(i, close);
    if (source[close + 1] === "'") {
      value += "'";
      i = close + 2;
      continue;
    }
    return { value, start, end: close + 1 };
  }
}

/**
 * `[a, "b", c]` on one line; its items may be such lists themselves, one level
 * deep, which is how yaml reads an unquoted link: `with: [[sally-smith]]`.
 */
function flowList(source: string, start: number, end: number, nested = false): { items: Scalar[]; end: number } | undefined {
  const items: Scalar[] = [];
  let i = start + 1;
  const skip = () => {
    while (i < end && source[i] === ' ') i++;
  };
  skip();
  if (source[i] === ']') return nested || restIsComment(source, i + 1, end) ? { items, end: i + 1 } : undefined;
  for (;;) {
    skip();
    const c = source[i];
    let item: Scalar | undefined;
    if (c === '"' || c === "'") item = quoted(source, i, end);
    else if (c === '[') {
      if (nested) return undefined;
      const inner = flowList(source, i, end, true);
      item = inner && { value: inner.items.map((x) => x.value), start: i, end: inner.end };
    } else {
      let j = i;
      while (j < end && source[j] !== ',' && source[j] !== ']') j++;
      const textEnd = trimEnd(source, i, j);
      const text = source.slice(i, textEnd);
      if (!text || !plainOk(text) || text.includes('#')) return undefined;
      item = { value: resolvePlain(text), start: i, end: textEnd };
    }
    if (!item) return undefined;
    items.push(item);
    i = item.end;
    skip();
    if (source[i] === ',') {
      i++;
      skip();
      if (source[i] === ']') return undefined; // a trailing comma: rare, let yaml read it
      continue;
    }
    if (source[i] === ']') return nested || restIsComment(source, i + 1, end) ? { items, end: i + 1 } : undefined;
    return undefined;
  }
}

/** Is the rest of the line, from `from` to `end`, nothing or spaces and then a `#` comment? */
function restIsComment(source: string, from: number, end: number): boolean {
  let i = from;
  while (i < end && source.charCodeAt(i) === 32) i++;
  return i === end || (i > from && source.charCodeAt(i) === 35);
}

/**
 * A plain scalar we can read as yaml would: no indicators, no `: `, nothing numeric but plain decimals.
 * Scanned by character codes: three regexes a value, on every value of every note, were a sixth
 * of a cold check's YAML reading.
 */
function plainOk(text: string): boolean {
  if (text === '') return false;
  const c0 = text.charCodeAt(0);
  if (INDICATOR[c0] === 1 && !(c0 === 45 && /^-[^\s-]/.test(text))) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 125 || c === 91 || c === 93) return false; // { } [ ]
    if (c === 58 && (i + 1 === text.length || text.charCodeAt(i + 1) === 32)) return false; // `: ` or a final `:`
    if (c === 35 && i > 0 && text.charCodeAt(i - 1) === 32) return false; // ` #`
  }
  const numeric = c0 === 45 || c0 === 43 || c0 === 46 || (c0 >= 48 && c0 <= 57) || c0 === 126; // - + . digit ~
  if (numeric && !INT.test(text) && !DECIMAL.test(text) && !DATE_LIKE.test(text) && text !== '~') {
    // Numbers in other notations, signs, leading dots: yaml's rules are subtle. But no number has a
    // space in it (a phone number, "+1 718 555 0134", is text), and `-foo` is plain text too.
    return /^-[A-Za-z]/.test(text) || / /.test(text);
  }
  return true;
}

function resolvePlain(text: string): unknown {
  // Most values are words: only these first characters can start a null, a boolean or a number.
  const c = text.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70)) return text;
  if (NULLS.has(text)) return null;
  const b = BOOLS.get(text);
  if (b !== undefined) return b;
  if (INT.test(text) || DECIMAL.test(text)) return Number(text);
  return text;
}

function trimEnd(source: string, start: number, end: number): number {
  while (end > start && (source[end - 1] === ' ' || source[end - 1] === '\r')) end--;
  return end;
}
