// Offsets to line/character positions, and the byte-level facts of a note file
// (BOM, line endings) that an edit must preserve.

import type { Position, Range } from './model.js';

export class LineMap {
  private lazyStarts: number[] | undefined;

  constructor(readonly text: string) {}

  /** Line starts, computed on first use: most notes never need a position. */
  private get starts(): number[] {
    if (!this.lazyStarts) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lazyStarts = starts;
    }
    return this.lazyStarts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const lo = lastAtOrBefore(this.starts, offset);
    // Between a `\r` and its `\n` is no position in VS Code: there it is the end of the line's text.
    const inCrlf = this.text.charCodeAt(offset) === 10 && offset > this.starts[lo] && this.text.charCodeAt(offset - 1) === 13;
    return { line: lo, character: offset - this.starts[lo] - (inCrlf ? 1 : 0) };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  offset(pos: Position): number {
    const start = this.starts[Math.min(pos.line, this.starts.length - 1)];
    return start + pos.character;
  }

  lineStart(line: number): number {
    return this.starts[Math.min(line, this.starts.length - 1)];
  }

  /** End of the line's text, before its `\r\n` or `\n`. */
  lineEnd(line: number): number {
    const hasNext = line + 1 < this.starts.length;
    let end = hasNext ? this.starts[line + 1] - 1 : this.text.length;
    if (hasNext && end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** A range covering the text of a whole line (without its ending). */
  lineRange(line: number): Range {
    return this.range(this.lineStart(line), this.lineEnd(line));
  }
}

export const BOM = '\uFEFF';

/** Split off a leading BOM: positions are counted without it, as VS Code does. */
export function splitBom(text: string): { text: string; bom: boolean } {
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true } : { text, bom: false };
}

/**
 * UTF-8 as Node's Buffer decodes it and VS Code reads a file: the BOM kept (splitBom takes
 * it off, and an edit puts it back), each malformed sequence one U+FFFD.
 */
let utf8: { decode(bytes: Uint8Array): string } | undefined; // made on first use: the CLI never needs it

/** A file's bytes as a note's text, or why they are not one: the same on the desktop and in a web worker. */
export function noteText(bytes: Uint8Array): { text: string } | { reason: string } {
  utf8 ??= new TextDecoder('utf-8', { ignoreBOM: true });
  return textOrBinary(utf8.decode(bytes));
}

/** A NUL early on means a binary file, not a note (the check git and grep make). */
export function textOrBinary(text: string): { text: string } | { reason: string } {
  const nul = text.indexOf('\u0000');
  return nul !== -1 && nul < 8192 ? { reason: 'binary file, not text' } : { text };
}

export function eolOf(text: string): '\r\n' | '\n' {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

/** Apply non-overlapping edits to a text (used by the CLI and by tests; VS Code applies its own). */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const map = new LineMap(text);
  const spans = edits
    .map((e) => ({ start: map.offset(e.range.start), end: map.offset(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

/** In ascending `sorted`, the index of the last value at or before `x` (0 when none is). */
export function lastAtOrBefore(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
