// Splits a note into frontmatter and body, and reads the YAML with positions.
//
// The split is gray-matter's rule, done here: the block opens with `---` (and an
// optional language tag) on the first line and closes at the first "\n---"
// after it; the body starts after that line's `---`, less one `\r` and one `\n`.
// gray-matter did this until issue 5: finding the close is one indexOf we must
// do anyway (to refuse a block too long to read), and the call cost ~12% of a
// cold check at 10,000 notes in wrappers, a Buffer copy of each note and a
// regex over the block. It also meant bundling the one library we use whose
// default engines `eval` (`---js`). gray-matter is now the oracle the split is
// tested against (test/unit/parse.test.ts and the fuzz suite), not a dependency.
// Any tag but YAML is refused: no engine of any kind ever sees the text.
// The YAML is read by the `yaml` package, which bounds alias expansion
// (a "billion laughs" note costs microseconds, not gigabytes) and keeps source
// ranges, which we need to point diagnostics and minimal edits at keys.
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { FrontmatterProblem, TopLevelKey } from './frontmatter-types.js';
import { KeyTable } from './key-table.js';
import { readSimpleYaml } from './simple-yaml.js';

/** The alias budget given to the YAML reader: far above any real note, far below a bomb. */
export const MAX_ALIAS_COUNT = 100;
/** Far deeper than any note's YAML, far shallower than where yaml overflows the stack. */
export const MAX_NESTING = 200;
/** Far more frontmatter than any note has; yaml spends ~10 µs on each error in a block of junk. */
export const MAX_FRONTMATTER_LINES = 5000;
export const MAX_FRONTMATTER_BYTES = 64 * 1024;

export type { FrontmatterProblem, TopLevelKey } from './frontmatter-types.js';

export interface Frontmatter {
  /** Offset of the opening `---`, always 0. */
  openStart: number;
  /** Language tag after the opening `---` ('' for plain YAML). */
  language: string;
  /** Offset where the YAML text begins (just after the opening line's end). */
  sourceStart: number;
  /** Offset where the YAML text ends (the newline before the closing `---`). */
  sourceEnd: number;
  closed: boolean;
  /** Offset of the closing `---` (text length when the block is never closed). */
  closeStart: number;
  /** Offset where the body begins. */
  bodyStart: number;
  data: Record<string, unknown> | undefined;
  keys: KeyTable;
  problems: FrontmatterProblem[];
}

const YAML_TAGS = new Set(['', 'yaml', 'yml']);

/** Is this opening-line tag YAML's (none, `yaml` or `yml`, in any case)? Only YAML is ever read. */
export function isYamlTag(language: string): boolean {
  return YAML_TAGS.has(language.toLowerCase());
}

/** The language tag of a `---tag` opening line, or undefined when the text has no frontmatter. */
export function frontmatterLanguage(text: string): string | undefined {
  if (!text.startsWith('---') || text.charAt(3) === '-') return undefined;
  const nl = text.indexOf('\n');
  return (nl === -1 ? text.slice(3) : text.slice(3, nl)).trim(); // trim() takes a `\r` before the `\n` too
}

/** Read the frontmatter of a note (text without a BOM). Undefined when there is none. */
export function readFrontmatter(text: string, options: { simple?: boolean } = {}): Frontmatter | undefined {
  const language = frontmatterLanguage(text);
  if (language === undefined) return undefined;
  const nl = text.indexOf('\n');
  const sourceStart = nl === -1 ? text.length : nl + 1;
  const base: Frontmatter = {
    openStart: 0,
    language,
    sourceStart,
    sourceEnd: sourceStart,
    closed: false,
    closeStart: text.length,
    bodyStart: text.length,
    data: undefined,
    keys: KeyTable.empty(),
    problems: [],
  };
  if (!isYamlTag(language)) return base; // never handed to any engine
  const neverClosed = () => {
    base.problems.push({ message: 'The frontmatter is never closed: add a line `---` after it.', start: 0, end: 3 });
    return base;
  };
  // A single line cannot be closed.
  if (nl === -1) return neverClosed();
  // The block closes at the first "\n---" after the opening line. A block longer than any
  // note's is not read: yaml takes seconds over 256 kB of junk.
  const close = text.indexOf('\n---', nl);
  if (close === -1) return neverClosed();
  // (A block of fewer characters than the line limit cannot have more lines: no count.)
  if (close - nl > MAX_FRONTMATTER_BYTES || (close - nl > MAX_FRONTMATTER_LINES && linesIn(text, nl, close) > MAX_FRONTMATTER_LINES)) {
    const limit = `${MAX_FRONTMATTER_LINES} lines or ${MAX_FRONTMATTER_BYTES / 1024} kB`;
    base.problems.push({ message: `The frontmatter is over ${limit} long; it was not read.`, start: 0, end: 3 });
    return base;
  }
  base.closed = true;
  // The YAML ends before the line break that precedes the closing `---` (a lone `\r` would read as text).
  base.sourceEnd = Math.max(sourceStart, text.charCodeAt(close - 1) === 13 ? close - 1 : close);
  base.closeStart = close + 1;
  let body = close + 4; // past "\n---": whatever follows on that line is the body's, as gray-matter has it
  if (text.charCodeAt(body) === 13) body++;
  if (text.charCodeAt(body) === 10) body++;
  base.bodyStart = body;
  const source = text.slice(sourceStart, base.sourceEnd);
  const simple = options.simple === false ? undefined : readSimpleYaml(source, sourceStart);
  if (simple?.problem) base.problems.push(simple.problem);
  else if (simple) {
    base.data = simple.data;
    base.keys = simple.keys;
  } else parseYaml(source, sourceStart, base);
  return base;
}

function parseYaml(source: string, at: number, out: Frontmatter): void {
  if (source.trim() === '') {
    out.data = {};
    return;
  }
  // yaml recurses once per level: nested deep enough, it overflows the stack at a depth that depends
  // on the caller's, so the same note got other errors in the editor, the CLI and a re-check.
  if (nestingDepth(source) > MAX_NESTING) {
    out.problems.push({ message: `YAML: nested more than ${MAX_NESTING} levels deep; the frontmatter was not read.`, start: at, end: at + firstLine(source).length });
    return;
  }
  // The document is not kept: a note needs its data and key ranges, and a YAML
  // document costs several times the note's own size in memory.
  // logLevel 'error': yaml's warnings (a key that is a list) would go to the process's stderr.
  const doc = parseDocument(source, { prettyErrors: false, keepSourceTokens: false, logLevel: 'error' });
  for (const e of doc.errors) {
    out.problems.push({ message: `YAML: ${firstLine(e.message)}`, start: at + e.pos[0], end: at + Math.max(e.pos[1], e.pos[0]) });
  }
  if (doc.errors.length) return;
  let data: unknown;
  try {
    // yaml checks the budget as it expands, in time cubic in nested anchors that refer to
    // themselves (`&a [*a, &a [*a, …`: 500 took 95 s); so count the aliases first.
    if (aliasCount(doc) > MAX_ALIAS_COUNT) throw new Error('Excessive alias count');
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const bomb = /excessive alias/i.test(String(e)); // not "Unresolved alias": that is a mistake, not a bomb
    const message = bomb
      ? `YAML: too many aliases (more than ${MAX_ALIAS_COUNT} expansions); the frontmatter was not read.`
      : `YAML: ${firstLine(String((e as Error).message ?? e))}`;
    out.problems.push({ message, start: at, end: at + firstLine(source).length });
    // A frontmatter not read says nothing else: its plain values (a date, a name) would make
    // findings of a note whose other keys are unknown (a thank-you "overdue" for a meeting that
    // may say it was sent). Otherwise keep what can be read without expanding anything.
    if (bomb) return;
    data = isMap(doc.contents)
      ? Object.fromEntries(
          doc.contents.items.flatMap((p) => (isScalar(p.key) && isScalar(p.value) ? [[String(p.key.value), p.value.value]] : [])),
        )
      : undefined;
  }
  if (data === null || data === undefined) {
    out.data = {};
    return;
  }
  if (typeof data !== 'object' || Array.isArray(data) || !isMap(doc.contents)) {
    out.problems.push({ message: 'The frontmatter must be a set of `key: value` lines.', start: at, end: at + firstLine(source).length });
    return;
  }
  out.data = data as Record<string, unknown>;
  const keys = new Map<string, TopLevelKey>(); // `1:` and `"1":` are two keys to yaml, one name to us
  for (const pair of doc.contents.items) {
    const key = pair.key as YamlNode | null;
    if (!isScalar(key) || !key.range) continue;
    const name = String(key.value);
    const value = pair.value as YamlNode | null;
    const valueStart = value?.range ? value.range[0] : key.range[1];
    const entry: TopLevelKey = {
      key: name,
      keyStart: at + key.range[0],
      keyEnd: at + trimEnd(source, key.range[0], key.range[1]),
      valueStart: at + valueStart,
      valueEnd: at + (value?.range ? trimEnd(source, valueStart, value.range[1]) : trimEnd(source, key.range[0], key.range[1])),
    };
    if (isSeq(value)) {
      entry.items = value.items.flatMap((item) => {
        const r = (item as YamlNode | null)?.range;
        return r ? [{ start: at + r[0], end: at + trimEnd(source, r[0], r[1]) }] : [];
      });
    }
    keys.set(name, entry);
  }
  out.keys = KeyTable.of([...keys.values()]);
}

/** A node's end without the `\r`, spaces or tabs the YAML parser counts into it. */
function trimEnd(source: string, start: number, end: number): number {
  while (end > start && /[\r \t\n]/.test(source[end - 1])) end--;
  return end;
}

/**
 * An upper bound on how deep YAML nests: open brackets (quotes not skipped), or a line's
 * indentation plus the `- ` and `? ` entries that open it and every `: ` in it (`a: b: c: …`
 * nests too). Over-counting only refuses what no note has.
 */
function nestingDepth(source: string): number {
  let max = 0;
  let flow = 0;
  let line = 0; // depth of the current line
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (i === 0 || source.charCodeAt(i - 1) === 10) {
      let j = i;
      while (source.charCodeAt(j) === 32) j++;
      line = j - i;
      while ((source[j] === '-' || source[j] === '?') && source[j + 1] === ' ') {
        line++;
        for (j += 2; source.charCodeAt(j) === 32; j++);
      }
    }
    if (c === 0x5b || c === 0x7b) flow++; // [ {
    else if ((c === 0x5d || c === 0x7d) && flow > 0) flow--; // ] }
    else if (c === 0x3a && source.charCodeAt(i + 1) === 32) line++; // ': '
    max = Math.max(max, flow, line);
  }
  return max;
}

function aliasCount(doc: Document): number {
  let n = 0;
  visit(doc, { Alias: () => (++n > MAX_ALIAS_COUNT ? visit.BREAK : undefined) });
  return n;
}

/** How many line breaks `text` has from `start` to `end`, stopping once past the frontmatter limit. */
function linesIn(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end && n <= MAX_FRONTMATTER_LINES; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return (i === -1 ? s : s.slice(0, i)).trim();
}
