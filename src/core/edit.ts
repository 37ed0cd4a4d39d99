// The one place that turns an intended change into text edits. Every edit is
// minimal: it replaces one key's value, or inserts one line before the closing
// `---`, so comments, key order, quoting, line endings and a BOM (which lives
// outside the text we edit) survive byte for byte and `git diff` shows one line.

import type { TextEdit } from './model.js';
import type { Frontmatter } from './parse/frontmatter.js';
import { eolOf, type LineMap } from './text.js';

export interface EditableNote {
  text: string;
  lines: LineMap;
  frontmatter: Frontmatter;
}

export type ScalarValue = string | number | boolean;

/** Edits that make top-level `key` hold `value`, adding the key if it is absent. */
export function setKey(note: EditableNote, key: string, value: ScalarValue): TextEdit[] {
  const { text, lines, frontmatter: fm } = note;
  const existing = fm.keys.get(key);
  if (existing) {
    const old = text.slice(existing.valueStart, existing.valueEnd);
    if (existing.valueEnd === existing.valueStart) {
      // `key:` with nothing after it: write the value after the colon.
      const colon = text.indexOf(':', existing.keyEnd);
      const at = colon === -1 ? existing.keyEnd : colon + 1;
      return [{ range: lines.range(at, at), newText: ` ${yamlScalar(value)}` }];
    }
    const quote = old.startsWith("'") ? "'" : old.startsWith('"') ? '"' : undefined;
    // A block list may start at the key's own indent (`key:` then `- a`); a scalar there would read as a new key.
    const at = lines.position(existing.valueStart);
    const indent = at.character === 0 && at.line > lines.position(existing.keyStart).line ? '  ' : '';
    return [{ range: lines.range(existing.valueStart, existing.valueEnd), newText: indent + yamlScalar(value, quote) }];
  }
  // Insert a line at the start of the closing `---` line.
  const at = fm.closeStart;
  return [{ range: lines.range(at, at), newText: `${key}: ${yamlScalar(value)}${eolOf(text)}` }];
}

const PLAIN_SAFE = /^[A-Za-z0-9\u00C0-\uFFFF][\w\u00C0-\uFFFF .,'()/-]*$/;
const AMBIGUOUS = /^(true|false|yes|no|on|off|null|~|[-+]?[\d.]+(e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+)$/i;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/;

/** A value as YAML text: plain when it reads back the same, quoted otherwise (in the quote style given). */
export function yamlScalar(value: ScalarValue, quote?: '"' | "'"): string {
  if (typeof value !== 'string') return String(value);
  if (!quote && (DATE_LIKE.test(value) || (PLAIN_SAFE.test(value) && !AMBIGUOUS.test(value) && !/ $|: | #/.test(value)))) {
    return value;
  }
  // Single quotes fold a line break into a space: such a value keeps its line breaks in double quotes.
  if (quote === "'" && !/[\r\n]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}
