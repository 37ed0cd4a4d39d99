// Generators for test/unit/fuzz.test.ts: notes as people write them, the ways
// they break, and what an accident or an attacker puts in a `.md` file.

import fc from 'fast-check';
import { stringify } from 'yaml';
import { DEFAULT_FOLDERS } from '../../src/core/notes.js';

/** A small pool of ids, so links resolve, referrals form cycles and self-loops, and ids repeat across folders. */
export const PEOPLE = ['ann', 'ben', 'cy'] as const;
const NAMES: Record<string, string> = { ann: 'Ann Lee', ben: 'Ben Smith', cy: 'Cy Young' };
const COMPANIES = ['globex', 'initech'] as const;
/** Rapport's default folders, and others (a note outside them is recognised by its `type` alone). */
const FOLDERS = ['contacts', 'meetings', 'companies', 'outreach', 'notes', 'a/b'] as const;

export interface GenNote {
  path: string;
  text: string;
}

/** A note broken in a known way, and the code of the diagnostic it must get. */
export interface BrokenNote extends GenNote {
  how: string;
  expect: 'invalid-frontmatter' | 'unsafe-frontmatter' | 'merge-conflict';
}

/** A note that fast-check prints by its recipe when its text is too long to read in a failure report. */
export function note(path: string, text: string, recipe: string): GenNote {
  const shown = text.length > 600 ? `{ path: ${JSON.stringify(path)}, text: ${recipe} (${text.length} chars) }` : undefined;
  return shown ? Object.assign({ path, text }, { [fc.toStringMethod]: () => shown }) : { path, text };
}

const person = fc.constantFrom(...PEOPLE);
const quotedRef = person.chain((id) => fc.constantFrom(`"[[${id}]]"`, `'[[${id}]]'`, `"[[people/${id}.md|${NAMES[id]}]]"`, NAMES[id], 'Nobody Known'));
const ref = fc.oneof(quotedRef, person.map((id) => `[[${id}]]`));
const companyRef = fc.constantFrom('"[[globex]]"', '"[[initech]]"', 'Globex', 'Initech', 'Umbrella');
const day = fc.constantFrom('2026-11-01', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-12-24');
const when = fc.oneof(day, fc.constantFrom('2026-11-21 15:00', '2026-11-20T09:30', '"2026-11-23"'));
const words = fc.constantFrom('Design Manager', 'über-engineer', "it's fine", '"quoted: text"', 'C# dev', '+1 718 555 0134', "'single'");
const comment = fc.constantFrom('', '', '', '   # a comment');
/** A list of items, written as a flow list `[a, b]` or a block list. */
const list = (item: fc.Arbitrary<string>) =>
  fc.tuple(fc.array(item, { maxLength: 3 }), fc.boolean()).map(([items, flow]) =>
    flow || !items.length ? `[${items.join(', ')}]` : items.map((i) => `\n  - ${i}`).join(''));

type Fields = Record<string, fc.Arbitrary<string>>;
const FIELDS: Record<string, { required: Fields; optional: Fields; file: fc.Arbitrary<string> }> = {
  contact: {
    required: { name: person.map((id) => NAMES[id]) },
    optional: {
      company: companyRef, role: words, email: fc.constantFrom('ann@x.example', 'ANN@x.example', 'b@y.example'),
      tags: list(fc.constantFrom('design', 'fintech', '"a, b"')), referred_by: ref,
      status: fc.constantFrom('lead', 'contacted', 'scheduled', 'met', 'dormant', 'Met'), next_follow_up: day,
      keep_in_touch_days: fc.constantFrom('0', '5', '60', '"30"'),
    },
    file: person,
  },
  meeting: {
    required: { with: fc.oneof(ref, list(quotedRef)), date: when },
    optional: {
      kind: fc.constantFrom('informational', 'networking', 'courtesy', 'interview'),
      status: fc.constantFrom('planned', 'done', 'cancelled', 'no-show'), duration: fc.constantFrom('15', '30', '45'),
      thank_you: fc.oneof(day, fc.constantFrom('true', 'false', 'skip', 'yes')), referrer_updated: fc.oneof(day, fc.constantFrom('true', 'no')),
      referrals: fc.oneof(list(quotedRef), fc.constant('')),
    },
    file: fc.constantFrom('m1', 'm2', '2026-11-20-ann'),
  },
  company: {
    required: { name: fc.constantFrom('Globex', 'Initech', 'Umbrella') },
    optional: { target: fc.constantFrom('true', 'false', 'yes'), priority: fc.constantFrom('1', '2'), website: fc.constant('https://globex.example') },
    file: fc.constantFrom(...COMPANIES),
  },
  outreach: {
    required: { to: ref },
    optional: {
      subject: fc.constantFrom('Ann Lee suggested I contact you', 'Hello', '"Informational interview?"'),
      channel: fc.constantFrom('email', 'linkedin'), status: fc.constantFrom('draft', 'sent', 'replied'), sent: day,
    },
    file: fc.constantFrom('o1', 'o2'),
  },
};

const BODY = [
  'Met [[ann]] at the meetup.', 'Plain text, no links.', '```\n[[in-a-fence]]\n```', 'Inline `[[code]]` and [[ben]].',
  '## Questions\n\n- What does a typical week look like?\n- Do you enjoy it?', '- [ ] Send the article\n- [x] Thank [[cy]]',
  '<!-- [[hidden]] -->', '    indented [[code-block]]', '> quoted [[ben]]', '* item [[nowhere]]', '<div>[[html]]</div>', '',
];
const body = fc.array(fc.constantFrom(...BODY), { maxLength: 5 }).map((parts) => parts.join('\n\n'));

/** Lines of a valid note's frontmatter (LF, no opening or closing line), with its type and path. */
const validParts = fc.constantFrom('contact', 'meeting', 'company', 'outreach').chain((type) => {
  const f = FIELDS[type];
  const line = ([k, v]: [string, fc.Arbitrary<string>]) => fc.tuple(v, comment).map(([s, c]) => (s.startsWith('\n') ? `${k}:${s}` : `${k}: ${s}${c}`));
  return fc.record({
    type: fc.constant(type),
    typeLine: fc.constantFrom(`type: ${type}`, `type: "${type}"`, `type: ${type[0].toUpperCase()}${type.slice(1)}`),
    required: fc.tuple(...Object.entries(f.required).map(line)),
    optional: fc.subarray(Object.entries(f.optional)).chain((kv) => fc.tuple(...kv.map(line))),
    folder: fc.constantFrom(...FOLDERS),
    file: f.file,
    open: fc.constantFrom('---', '---', '---', '--- ', '---yaml', '--- yml', '---YAML'),
    body,
  });
}).chain((p) =>
  fc.shuffledSubarray([...p.required, ...p.optional], { minLength: p.required.length + p.optional.length }).map((rest) => ({
    ...p,
    path: `${p.folder}/${p.file}.md`,
    lines: [p.typeLine, ...rest],
  })));

const assemble = (open: string, lines: string[], body: string) => [open, ...lines, '---', body].join('\n');

/** A note that reads without a single invalid-frontmatter, unsafe-frontmatter or merge-conflict. */
export const validNote: fc.Arbitrary<GenNote> = validParts.map((p) => ({ path: p.path, text: assemble(p.open, p.lines, p.body) }));

/** Line endings as people's editors leave them: LF, CRLF, a mix of the two, and a BOM or not (old Macs' CR: `withEols` only). */
export function withEols(text: string, mode: 'lf' | 'crlf' | 'cr' | number, bom: boolean): string {
  const lines = text.split('\n');
  const eol = (i: number) => (mode === 'lf' ? '\n' : mode === 'crlf' ? '\r\n' : mode === 'cr' ? '\r' : (mode >> i % 31) & 1 ? '\r\n' : '\n');
  return (bom ? '\uFEFF' : '') + lines.map((l, i) => (i < lines.length - 1 ? l + eol(i) : l)).join('');
}
export const eols = fc.tuple(fc.oneof(fc.constantFrom<'lf' | 'crlf'>('lf', 'crlf'), fc.nat()), fc.boolean());

/** Contacts who referred each other round a ring: one (a self-referral), two or three people, by link or by name. */
export const referralRing: fc.Arbitrary<GenNote[]> = fc.tuple(fc.shuffledSubarray([...PEOPLE], { minLength: 1 }), fc.boolean()).map(([ids, byName]) =>
  ids.map((id, i) => {
    const next = ids[(i + 1) % ids.length];
    const by = byName ? NAMES[next] : `"[[${next}]]"`;
    return { path: `contacts/${id}.md`, text: ['---', 'type: contact', `name: ${NAMES[id]}`, `referred_by: ${by}`, '---', ''].join('\n') };
  }));

/** A tag gray-matter would hand to another engine, or any tag at all but YAML's. */
export const unsafeTag = fc.oneof(
  fc.constantFrom('js', 'javascript', 'JavaScript', ' js', 'coffee', 'coffeescript', 'cson', 'json', 'JSON', 'toml', 'yaml2', 'ymal', 'yaml js', '__proto__', 'constructor'),
  fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }),
).filter((t) => t.trim() !== '' && !/^ya?ml$/i.test(t.trim()) && !/[\r\n]/.test(t) && !t.startsWith('-'));

/** "Billion laughs": `depth` anchors, each a list (flow or block) of `width` aliases to the one before. */
export function aliasBomb(width: number, depth: number, block = false): string[] {
  const out = [`a0: &a0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i <= depth; i++) {
    const refs = Array(width).fill(`*a${i - 1}`);
    out.push(block ? `a${i}: &a${i}\n${refs.map((r) => `  - ${r}`).join('\n')}` : `a${i}: &a${i} [${refs.join(', ')}]`);
  }
  return out;
}

const BAD_YAML = ['name: "unclosed', 'tags: [a, b', 'x: {a: 1', 'a: b: c', 'x: @at', 'x: `tick', '\tx: 1', 'x: "a" b', 'x: *no_such_anchor'];
const BAD_VALUE: Record<string, string> = { contact: 'next_follow_up: 2026-02-30', meeting: 'duration: forever', company: 'target: maybe', outreach: 'status: lost' };

/** A valid note broken in one of the ways the spec says must be reported. */
export const brokenNote: fc.Arbitrary<BrokenNote> = fc.tuple(validParts, fc.nat(), fc.nat()).chain(([p, i, j]) => {
  const at = 1 + (i % p.lines.length); // an insertion point after the type line, up to the closing line
  const insert = (extra: string[], how: string): BrokenNote => ({
    path: p.path, how, expect: 'invalid-frontmatter', text: assemble(p.open, [...p.lines.slice(0, at), ...extra, ...p.lines.slice(at)], p.body),
  });
  const all = [p.open, ...p.lines, '---', ...p.body.split('\n')];
  const from = 1 + (i % (all.length - 1));
  const to = from + (j % Math.min(4, all.length - from));
  const side = all.slice(from, to + 1);
  const required = Object.keys(FIELDS[p.type].required);
  return fc.oneof(
    unsafeTag.map((tag): BrokenNote => ({ path: p.path, how: `---${tag}`, expect: 'unsafe-frontmatter', text: assemble(`---${tag}`, p.lines, p.body) })),
    fc.constantFrom(...BAD_YAML).map((bad) => insert([bad], `bad YAML ${bad}`)),
    fc.constant(insert([p.typeLine], 'a duplicate key')),
    fc.constant(insert([BAD_VALUE[p.type]], 'a bad value')),
    fc.tuple(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 6, max: 12 }), fc.boolean()).map(([w, d, b]) => insert(aliasBomb(w, d, b), `alias bomb ${w}^${d}`)),
    // Without its type's own key (a contact's name), a note is Rapport's only in one of its folders.
    fc.constant<BrokenNote>({
      path: `${DEFAULT_FOLDERS[p.type]}/${p.file}.md`, how: 'required key removed', expect: 'invalid-frontmatter',
      text: assemble(p.open, p.lines.filter((l) => !l.startsWith(`${required[i % required.length]}:`)), p.body),
    }),
    fc.constant<BrokenNote>({ path: p.path, how: 'never closed', expect: 'invalid-frontmatter', text: [p.open, ...p.lines, p.body].join('\n') }),
    fc.constantFrom(' HEAD', '', ' a1b2c3 (phone)').map((label): BrokenNote => ({
      path: p.path, how: `conflict at line ${from}`, expect: 'merge-conflict',
      text: [...all.slice(0, from), `<<<<<<<${label}`, ...side, '=======', ...side.map((l) => l.replace(/[a-z]/, 'Z')), '>>>>>>> theirs', ...all.slice(to + 1)].join('\n'),
    })),
  );
});

const TOKENS = [
  'type', 'contact', 'meeting', 'name', ':', ': ', ' ', '  ', '\n', '\r\n', '\r', '\t', '-', '- ', '[', ']', '{', '}', ',', '"', "'", '\\',
  '#', '&a ', '*a', '!', '!!js/function ', '|', '>', '?', '%YAML 1.2', '---', '...', '<<: ', '@', '`', '[[ann]]', '\u2028', '\0', '\uFEFF',
];
/** A random YAML document, from objects dumped as YAML or from YAML's own tokens, or random text. */
export const randomYaml: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom({}, { type: 'contact' }, { type: 'meeting' }, { type: 'company' }), fc.dictionary(
    fc.oneof(fc.constantFrom('name', 'with', 'date', 'referred_by', 'tags', 'status', 'to', '__proto__'), fc.string()),
    fc.jsonValue({ maxDepth: 3 }),
  )).map(([t, o]) => stringify({ ...o, ...t })),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((t) => t.join('')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

export const DEEP = ['[', '{a: ', '- ', 'a:\n', '[[', '"', '&a [*a, '] as const;
/** Nesting `depth` levels deep, closed or left open. */
export function deepYaml(kind: (typeof DEEP)[number], depth: number, closed: boolean): string {
  if (kind === 'a:\n') return Array.from({ length: depth }, (_, i) => `${' '.repeat(i % 2000)}a:`).join('\n');
  if (kind === '- ') return Array.from({ length: depth }, (_, i) => `${' '.repeat(i % 2000)}-`).join('\n');
  const close = kind === '{a: ' ? '}' : kind === '"' ? '' : ']';
  return `x: ${kind.repeat(depth)}1${closed ? close.repeat(depth) : ''}`;
}

/** Units repeated into 1 MB lines (or blocks): text, and the tokens the YAML and Markdown readers work hardest on. */
export const LINE_UNITS = [
  'a', ' ', '[[a]] ', '[[a]]`', '`', '[a] ', '_a_ ', '*_', '*a ', '<', '\\', '"', ': ', '#', '- > ', '1. ', '&a [*a, ', '}',
  '\n', ' \n', '\r\n', '- - a\n', '> - ',
] as const;
/** A note with `unit` repeated to `size` characters in one place: a value, a key, a comment, the language tag or the body. */
export function longLine(unit: string, where: 'value' | 'body' | 'tag' | 'key' | 'comment', size = 1 << 20): string {
  const line = unit.repeat(Math.ceil(size / unit.length));
  switch (where) {
    case 'value': return `---\ntype: contact\nname: ${line}\n---\n`;
    case 'key': return `---\ntype: contact\n${line}: 1\n---\n`;
    case 'comment': return `---\ntype: contact\nname: A # ${line}\n---\n`;
    case 'tag': return `---${line}\ntype: contact\n---\n`;
    case 'body': return `---\ntype: meeting\nwith: "[[ann]]"\ndate: 2026-11-22\n---\n## Questions\n\n- What now?\n\n<!-- [[ann]] -->\n${line}\n`;
  }
}
