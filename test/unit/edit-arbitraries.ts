// Generators for test/unit/edit-safety.test.ts: notes of each type whose
// frontmatter varies in everything an edit must leave alone — key order,
// quoting ('single', "double", plain, `|`/`>` block scalars), full-line and
// trailing comments, flow and block mappings and sequences, blank lines,
// LF, CRLF or a mixture, with or without a BOM — and bodies of random lines.
//
// Every frontmatter line knows which top-level key it belongs to (its `owner`),
// so a test can tell the lines an edit may touch from the ones it must keep.

import fc from 'fast-check';

export type Eol = '\n' | '\r\n';

export interface Line {
  text: string;
  /** The top-level key whose key or value this frontmatter line holds; none for comments and blanks. */
  owner?: string;
  /** For a one-line `key: value` whose value is a scalar: its quote and trailing comment, as written. */
  quote?: '"' | "'" | '';
  comment?: string;
}

/** A key and the lines it is written on. */
export interface KeyLines {
  key: string;
  lines: Line[];
}

export interface NoteCase {
  path: string;
  /** Frontmatter lines between the opening and closing `---`. */
  frontmatter: Line[];
  body: string[];
  /** One ending per line of the whole note (opening `---`, frontmatter, closing `---`, body). */
  endings: Eol[];
  /** Whether the last line has its ending. */
  finalNewline: boolean;
  bom: boolean;
  /** 'lf', 'crlf' or 'mixed', for the report. */
  eolStyle: string;
}

export interface RenderedNote {
  raw: string;
  /** Every line of the note, with its owner for frontmatter lines. */
  lines: Line[];
  /** Index (in `lines`) of the closing `---`. */
  closeLine: number;
}

export function render(c: NoteCase): RenderedNote {
  const lines: Line[] = [{ text: '---' }, ...c.frontmatter, { text: '---' }, ...c.body.map((text) => ({ text }))];
  const raw = lines.map((l, i) => l.text + (i < lines.length - 1 || c.finalNewline ? c.endings[i] : '')).join('');
  return { raw: (c.bom ? '\uFEFF' : '') + raw, lines, closeLine: c.frontmatter.length + 1 };
}

// --- values ------------------------------------------------------------------

const WORDS = ['coffee', 'Globex', 'met', 'at', 'the', 'meetup', 'Café', 'naïve', '日本', 'follow-up', 'Q4', 'it’s', "it's", 'fintech', 'x'];
const words = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));

/** A comment's text (after `# `): may itself look like YAML, a key or a fence. */
const commentText = fc.oneof(
  words(0, 4),
  fc.constantFrom('thank_you: false', 'status: planned', '---', 'TODO: ask about Q4', "'quoted'", '"double"', '[[not-a-link]]'),
);

export interface ScalarStyle {
  /** How the value is written after `key:` (first line), and any further lines (already indented). */
  head: string;
  more: string[];
  quote?: '"' | "'" | '';
}

/** A string value in one of YAML's scalar styles. `block` allows `|`/`>` (whose value gains a trailing newline). */
export function scalarStyle(value: string, block = true): fc.Arbitrary<ScalarStyle> {
  const plainOk = /^[A-Za-z0-9\u00C0-\uFFFF[][^#:]*$/.test(value) && !/^(true|false|yes|no|null|~|[\d.]+)$/i.test(value) && !/ $/.test(value);
  const styles: fc.Arbitrary<ScalarStyle>[] = [
    fc.constant({ head: `'${value.replace(/'/g, "''")}'`, more: [], quote: "'" as const }),
    fc.constant({ head: JSON.stringify(value), more: [], quote: '"' as const }),
  ];
  if (plainOk) styles.push(fc.constant({ head: value, more: [], quote: '' as const }));
  if (block && !value.includes('\n')) {
    styles.push(
      fc.constantFrom('|', '>', '|-', '>-', '|2').map((h) => ({ head: h, more: [`  ${value}`] })),
    );
  }
  return fc.oneof(...styles);
}

/** `key: value` in some style, maybe with a trailing comment; lines owned by `key`. */
export function keyArb(key: string, style: fc.Arbitrary<ScalarStyle>): fc.Arbitrary<KeyLines> {
  return fc.tuple(style, fc.option(commentText, { freq: 3 }), fc.constantFrom(' ', '  ', '   ')).map(([s, comment, gap]) => {
    // A comment after a block scalar's header is allowed, but not after a multi-line value's first line.
    const trailing = comment !== null && s.more.length === 0 ? `${gap}# ${comment}` : '';
    const first: Line = { text: `${key}: ${s.head}${trailing}`, owner: key };
    if (s.more.length === 0) {
      first.quote = s.quote ?? '';
      if (trailing) first.comment = trailing;
    }
    return { key, lines: [first, ...s.more.map((text) => ({ text, owner: key }))] };
  });
}

/** A key with a string value in any style. */
export const stringKey = (key: string, value: string, block = true) => keyArb(key, scalarStyle(value, block));

/** A key written as a literal line (or lines). */
export const literalKey = (key: string, ...texts: string[]): KeyLines => ({
  key,
  lines: texts.map((text) => ({ text, owner: key })),
});

/** A list of `[[links]]` (or one), as a flow list, an indented block list or a column-0 block list. */
export function linkListKey(key: string, ids: string[]): fc.Arbitrary<KeyLines> {
  const items = (q: string) => ids.map((id) => `${q}[[${id}]]${q}`);
  return fc.constantFrom('"', "'").chain((q) =>
    fc.constantFrom<KeyLines>(
      literalKey(key, `${key}: [${items(q).join(', ')}]`),
      literalKey(key, `${key}:`, ...items(q).map((i) => `  - ${i}`)),
      literalKey(key, `${key}:`, ...items(q).map((i) => `- ${i}`)),
      ...(ids.length === 1 ? [literalKey(key, `${key}: ${items(q)[0]}`)] : []),
    ),
  );
}

// --- keys Rapport ignores, in every shape ----------------------------------------

const FILLER_NAMES = ['location', 'agenda', 'meta', 'aliases', 'source', 'mood', 'extra', 'rating', 'x-custom', 'notes'];

function fillerValue(key: string): fc.Arbitrary<KeyLines> {
  return fc.oneof(
    words(1, 4).chain((w) => stringKey(key, w)),
    fc.constantFrom(
      // Nested keys named like the ones fixes set: only the top-level key is ever touched.
      literalKey(key, `${key}:`, '  thank_you: false', '  status: planned'),
      literalKey(key, `${key}:`, '  a: 1', '  b:', '    - x', '    - "y z"'),
      literalKey(key, `${key}: {a: 1, b: 'two', status: planned}`),
      literalKey(key, `${key}: [a, "b c", 'd''e']`),
      literalKey(key, `${key}: []`),
      literalKey(key, `${key}: {}`),
      literalKey(key, `${key}:`, '  - one', '  - "two"'),
      literalKey(key, `${key}:`, '- one', "- 'two'"),
      literalKey(key, `${key}: |`, '  first line', '  thank_you: false'),
      literalKey(key, `${key}: >-`, '  folded', '  text'),
      literalKey(key, `${key}: a plain`, '  continued line'),
      literalKey(key, `${key}: 42`),
      literalKey(key, `${key}: 3.5  # trailing`),
      literalKey(key, `${key}: true`),
      literalKey(key, `${key}: ~`),
      literalKey(key, `${key}:`),
      literalKey(key, `${key}: "escaped \\" quote and \\t tab"`),
      literalKey(key, `${key}: 'single # not a comment'`),
      literalKey(key, `${key}: https://example.com/a#b`),
    ),
  );
}

const fillers = fc
  .uniqueArray(fc.constantFrom(...FILLER_NAMES), { maxLength: 4 })
  .chain((names) => (names.length ? fc.tuple(...names.map(fillerValue)) : fc.constant([] as KeyLines[])));

/** Comments and blank lines to put between keys. */
const between = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: commentText.map((t): Line => ({ text: `# ${t}` })) },
    { weight: 2, arbitrary: fc.constantFrom<Line>({ text: '' }, { text: '  ' }) },
  ),
  { maxLength: 2 },
);

/** Keys in a random order with comments and blank lines between (never inside a key's lines). */
export function frontmatterArb(keys: fc.Arbitrary<KeyLines[]>, opts: { keepFirst?: boolean } = {}): fc.Arbitrary<Line[]> {
  return fc.tuple(keys, fillers).chain(([required, extra]) => {
    const all = [...required, ...extra];
    const ordered = opts.keepFirst
      ? fc.shuffledSubarray(all.slice(1), { minLength: all.length - 1 }).map((rest) => [all[0], ...rest])
      : fc.shuffledSubarray(all, { minLength: all.length });
    return fc.tuple(ordered, fc.array(between, { minLength: all.length + 1, maxLength: all.length + 1 })).map(([ks, gaps]) => {
      const out: Line[] = [...gaps[0]];
      ks.forEach((k, i) => out.push(...k.lines, ...gaps[i + 1]));
      return out;
    });
  });
}

// --- bodies -----------------------------------------------------------------------

const BODY_LINES = [
  '',
  'Met at the design systems meetup.',
  '## Notes',
  '# A title',
  '- [ ] Send her the article',
  '- [x] Booked the room',
  '- a list item',
  '  continued under it',
  '> a quote',
  '    indented code',
  '```',
  '~~~',
  '---',
  'thank_you: false',
  'status: planned',
  'Café ☕ 日本語 naïve',
  '\ttabbed',
  'trailing spaces   ',
  '<!-- a comment -->',
  '<details>',
  '***',
];

export const bodyArb = (extra: string[] = []) => fc.array(fc.constantFrom(...BODY_LINES, ...extra), { maxLength: 8 });

// --- whole notes ------------------------------------------------------------------

export function noteArb(path: string, frontmatter: fc.Arbitrary<Line[]>, body: fc.Arbitrary<string[]> = bodyArb()): fc.Arbitrary<NoteCase> {
  return fc.tuple(frontmatter, body).chain(([fm, lines]) => {
    const n = fm.length + 2 + lines.length;
    const endings = fc.oneof(
      fc.constant({ style: 'lf', e: Array<Eol>(n).fill('\n') }),
      fc.constant({ style: 'crlf', e: Array<Eol>(n).fill('\r\n') }),
      fc.array(fc.constantFrom<Eol>('\n', '\r\n'), { minLength: n, maxLength: n }).map((e) => ({ style: 'mixed', e })),
    );
    return fc.record({ endings, finalNewline: fc.boolean(), bom: fc.boolean() }).map(({ endings: { style, e }, finalNewline, bom }) => ({
      path,
      frontmatter: fm,
      body: lines,
      endings: e,
      finalNewline,
      bom,
      eolStyle: style,
    }));
  });
}

/** `type: <t>` in any quoting (kept first or not). */
export const typeKey = (t: string) => stringKey('type', t, false);
