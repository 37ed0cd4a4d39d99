// The snippets in snippets/markdown.json, expanded as VS Code would with their
// default texts, must make notes Rapport accepts, and messages that pass its
// own outreach checks: a snippet that taught the wrong habit would be worse than
// none. The expander below follows VS Code's snippet grammar
// (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar),
// strictly: a `$` that does not start a tab stop, placeholder, choice or known
// variable is an error here, although VS Code would insert it as text.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parseBody } from '../../src/core/parse/body.js';
import { CONTACT_STATUSES, MEETING_KINDS, MEETING_STATUSES, OUTREACH_STATUSES, parseFile } from '../../src/core/notes.js';
import { QUESTION_BANK } from '../../src/core/templates.js';
import { CAST, check, md, only } from './helpers.js';

// ---------------------------------------------------------------- the expander

type Node =
  | { kind: 'text'; value: string }
  /** `$1`, `${1}`, `${1:default}`, `${1|a,b|}` */
  | { kind: 'tabstop'; index: number; children?: Node[]; choices?: string[] }
  /** `$NAME`, `${NAME}`, `${NAME:default}` */
  | { kind: 'variable'; name: string; children?: Node[] };

/** The variables these snippets may use, with the values the tests give them (VS Code pads month and day to two digits). */
const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '03', CURRENT_DATE: '05' };

class SnippetSyntaxError extends Error {}

/** Parse a snippet body; throws on anything VS Code would not read as intended. */
function parseSnippet(src: string): Node[] {
  let i = 0;
  const fail = (what: string): never => {
    throw new SnippetSyntaxError(`${what} at offset ${i}: …${JSON.stringify(src.slice(Math.max(0, i - 20), i + 20))}…`);
  };

  /** Nodes until `}` (inside a placeholder) or the end. */
  function nodes(inside: boolean): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && i + 1 < src.length && '$}\\'.includes(src[i + 1])) {
        text += src[i + 1];
        i += 2;
      } else if (c === '}' && inside) {
        flush();
        return out;
      } else if (c === '$') {
        flush();
        out.push(dollar());
      } else {
        text += c;
        i++;
      }
    }
    if (inside) fail('unterminated ${…}');
    flush();
    return out;
  }

  function dollar(): Node {
    i++; // $
    let m = /^\d+/.exec(src.slice(i));
    if (m) {
      i += m[0].length;
      return { kind: 'tabstop', index: Number(m[0]) };
    }
    m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(src.slice(i));
    if (m) {
      i += m[0].length;
      return variable(m[0]);
    }
    if (src[i] !== '{') fail('a `$` that starts nothing (write `\\$` for a dollar sign)');
    i++; // {
    m = /^\d+/.exec(src.slice(i));
    if (m) {
      const index = Number(m[0]);
      i += m[0].length;
      if (src[i] === '}') {
        i++;
        return { kind: 'tabstop', index };
      }
      if (src[i] === ':') {
        i++;
        const children = nodes(true);
        i++; // }
        return { kind: 'tabstop', index, children };
      }
      if (src[i] === '|') {
        i++;
        const choices: string[] = [];
        let cur = '';
        for (;;) {
          if (i >= src.length) fail('unterminated choice');
          const c = src[i];
          if (c === '\\' && i + 1 < src.length && ',|\\$}'.includes(src[i + 1])) {
            cur += src[i + 1];
            i += 2;
          } else if (c === ',') {
            choices.push(cur);
            cur = '';
            i++;
          } else if (c === '|' && src[i + 1] === '}') {
            choices.push(cur);
            i += 2;
            break;
          } else if (c === '|' || c === '$') {
            fail(`an unescaped \`${c}\` in a choice`);
          } else {
            cur += c;
            i++;
          }
        }
        if (choices.some((x) => x === '')) fail('an empty choice');
        return { kind: 'tabstop', index, choices };
      }
      fail('a tab stop with a transform or a stray character (not used by these snippets)');
    }
    m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(src.slice(i));
    if (!m) fail('`${` followed by neither a number nor a variable name');
    const name = m![0];
    i += name.length;
    if (src[i] === '}') {
      i++;
      return variable(name);
    }
    if (src[i] === ':') {
      i++;
      const children = nodes(true);
      i++;
      return variable(name, children);
    }
    return fail('a variable with a transform or a stray character');
  }

  function variable(name: string, children?: Node[]): Node {
    if (!(name in VARIABLES)) fail(`the variable ${name}, which these tests give no value (VS Code would insert its name for an unknown one)`);
    return { kind: 'variable', name, children };
  }

  const out = nodes(false);
  return out;
}

function walk(ns: Node[], f: (n: Node) => void): void {
  for (const n of ns) {
    f(n);
    if (n.kind !== 'text' && n.children) walk(n.children, f);
  }
}

function tabstops(ns: Node[]): Extract<Node, { kind: 'tabstop' }>[] {
  const out: Extract<Node, { kind: 'tabstop' }>[] = [];
  walk(ns, (n) => n.kind === 'tabstop' && out.push(n));
  return out;
}

/**
 * The text VS Code inserts before the user types anything: a placeholder's default,
 * the first choice, '' for `$1` and `$0` — except that a bare `$2` mirrors the
 * default of the `${2:…}` with the same number. `values` overrides what the user
 * would type at a tab stop.
 */
function expand(src: string, values: Record<number, string> = {}): string {
  const ns = parseSnippet(src);
  const defaults = new Map<number, Node[] | string>();
  for (const t of tabstops(ns)) {
    if (defaults.has(t.index)) continue;
    if (t.children) defaults.set(t.index, t.children);
    else if (t.choices) defaults.set(t.index, t.choices[0]);
  }
  const render = (list: Node[]): string =>
    list
      .map((n) => {
        if (n.kind === 'text') return n.value;
        if (n.kind === 'variable') return VARIABLES[n.name];
        if (n.index in values) return values[n.index];
        const d = n.children ?? n.choices?.[0] ?? defaults.get(n.index) ?? '';
        return typeof d === 'string' ? d : render(d);
      })
      .join('');
  return render(ns);
}

// ---------------------------------------------------------------- the file

interface Snippet {
  prefix: string;
  description: string;
  body: string | string[];
}

const RAW = readFileSync(new URL('../../../snippets/markdown.json', import.meta.url), 'utf8');
const SNIPPETS = JSON.parse(RAW) as Record<string, Snippet>;
const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
function byPrefix(prefix: string): { name: string; src: string } {
  const entry = Object.entries(SNIPPETS).find(([, s]) => s.prefix === prefix);
  assert.ok(entry, `a snippet with the prefix ${prefix}`);
  return { name: entry[0], src: bodyOf(entry[1]) };
}
const choicesAt = (src: string, index: number) => tabstops(parseSnippet(src)).find((t) => t.index === index && t.choices)?.choices;

/** Every snippet the spec lists (design/product.md, Surfaces: Snippets), by prefix. */
const EXPECTED = [
  'rapport-contact',
  'rapport-meeting',
  'rapport-company',
  'rapport-outreach',
  'rapport-request-referred',
  'rapport-request',
  'rapport-thank-you',
  'rapport-follow-up-call',
  'rapport-referrer-update',
  'rapport-referral-ask',
  'rapport-questions',
  'rapport-target-ask',
];

/** CAST, plus Dana Lee (who introduced Sally) and Alex Kim (whom nobody introduced). */
const PEOPLE: Record<string, string> = {
  ...CAST,
  'contacts/dana-lee.md': md(['type: contact', 'name: Dana Lee']),
  'contacts/alex-kim.md': md(['type: contact', 'name: Alex Kim', 'company: "[[initech]]"']),
};

/** Diagnostics on `file` when it holds `text`, among PEOPLE. */
function checkAs(file: string, text: string, extra: Record<string, string> = {}) {
  return check({ ...PEOPLE, ...extra, [file]: text }).filter((d) => d.file === file);
}
const OUTREACH_CODES = ['outreach-informational-interview', 'outreach-resume-attached', 'outreach-asks-for-job', 'outreach-missing-referrer', 'outreach-too-long'];
const outreachProblems = (ds: { code: string; message: string }[]) => ds.filter((d) => OUTREACH_CODES.includes(d.code)).map((d) => `${d.code}: ${d.message}`);

/** The message of a complete note: what follows the closing `---`. */
const messageOf = (note: string) => note.slice(note.indexOf('\n---\n', 3) + 5);

// ---------------------------------------------------------------- tests

describe('the snippet expander used by these tests', () => {
  it('expands placeholders, choices, mirrors, nesting, escapes and variables as VS Code does', () => {
    assert.equal(expand('Hi ${1:Sally}, ${2|a,b|}$3$0'), 'Hi Sally, a');
    assert.equal(expand('${1:Sally Smith} suggested… $1 again'), 'Sally Smith suggested… Sally Smith again');
    assert.equal(expand('talk to${1: about ${2:design}}?'), 'talk to about design?');
    assert.equal(expand('${1:a\\}b} \\$5 \\\\ ${2|x\\,y,z|}'), 'a}b $5 \\ x,y');
    assert.equal(expand('$CURRENT_YEAR-${CURRENT_MONTH}-${CURRENT_DATE:1}'), '2026-03-05');
    assert.equal(expand('Hi ${1:Sally}', { 1: 'Priya' }), 'Hi Priya');
  });

  it('rejects what would not expand as intended', () => {
    for (const bad of ['${1:open', 'costs $ 5', '${1/a/b/}', '$TM_FILENAME', '${2|a,b}', '${x y}']) {
      assert.throws(() => parseSnippet(bad), SnippetSyntaxError, bad);
    }
  });
});

describe('snippets/markdown.json', () => {
  it('is plain JSON, every name unique and starting with “Rapport: ”', () => {
    const keys = [...RAW.matchAll(/^ {2}"([^"]+)":/gm)].map((m) => m[1]);
    assert.deepEqual(keys, Object.keys(SNIPPETS), 'no name twice (JSON.parse would keep only the last)');
    for (const name of keys) assert.match(name, /^Rapport: \S/);
  });

  it('has a prefix starting with rapport-, a description and a body for each snippet; no prefix twice', () => {
    for (const [name, s] of Object.entries(SNIPPETS)) {
      assert.equal(typeof s.prefix, 'string', name);
      assert.match(s.prefix, /^rapport-[a-z-]+$/, name);
      assert.ok(typeof s.description === 'string' && s.description.length > 20, `${name} has a description`);
      assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')), `${name} has a body`);
      assert.deepEqual(Object.keys(s).sort(), ['body', 'description', 'prefix'], `${name}: no scope or other key`);
    }
    const prefixes = Object.values(SNIPPETS).map((s) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length, `unique prefixes: ${prefixes.join(', ')}`);
  });

  it('has every snippet the spec lists', () => {
    assert.deepEqual(Object.values(SNIPPETS).map((s) => s.prefix).sort(), [...EXPECTED].sort());
  });

  it('writes every body in valid snippet syntax: tab stops numbered from 1, one $0 at most, no stray $', () => {
    for (const [name, s] of Object.entries(SNIPPETS)) {
      const src = bodyOf(s);
      let ns: Node[] = [];
      assert.doesNotThrow(() => (ns = parseSnippet(src)), name);
      const ts = tabstops(ns);
      assert.ok(ts.filter((t) => t.index === 0).length <= 1, `${name}: one $0 at most`);
      const numbers = [...new Set(ts.map((t) => t.index).filter((n) => n > 0))].sort((a, b) => a - b);
      assert.deepEqual(numbers, numbers.map((_, k) => k + 1), `${name}: tab stops 1…n without gaps`);
      for (const n of numbers) {
        const withValue = ts.filter((t) => t.index === n && (t.children || t.choices));
        assert.ok(withValue.length <= 1, `${name}: tab stop ${n} gets its default in one place; the others mirror it`);
      }
      // What is left is text the user sees: no leftover snippet syntax.
      assert.doesNotMatch(expand(src), /\$\{|\$\d|\$[A-Z_]/, name);
    }
  });
});

describe('the note frontmatter snippets', () => {
  const NOTES: [prefix: string, type: string, file: string][] = [
    ['rapport-contact', 'contact', 'contacts/new-contact.md'],
    ['rapport-meeting', 'meeting', 'meetings/new-meeting.md'],
    ['rapport-company', 'company', 'companies/new-company.md'],
    ['rapport-outreach', 'outreach', 'outreach/new-outreach.md'],
  ];

  for (const [prefix, type, file] of NOTES) {
    it(`${prefix} expands to a valid ${type} note, with every choice`, () => {
      const { src } = byPrefix(prefix);
      const text = expand(src);
      assert.match(text, /^---\ntype: /);
      const note = parseFile(file, text);
      assert.equal(note.type, type);
      assert.deepEqual(only(checkAs(file, text), 'invalid-frontmatter'), []);
      // Each option of each choice makes a valid note too.
      for (const t of tabstops(parseSnippet(src)).filter((t) => t.choices)) {
        for (const option of t.choices!) {
          const variant = expand(src, { [t.index]: option });
          assert.deepEqual(only(checkAs(file, variant), 'invalid-frontmatter').map((d) => d.message), [], `${prefix} with ${option}`);
        }
      }
    });
  }

  it('offers exactly the values the format allows, the usual one first', () => {
    assert.deepEqual(choicesAt(byPrefix('rapport-contact').src, 6), [...CONTACT_STATUSES]);
    assert.deepEqual(choicesAt(byPrefix('rapport-meeting').src, 3), [...MEETING_KINDS]);
    assert.deepEqual(choicesAt(byPrefix('rapport-meeting').src, 4), [...MEETING_STATUSES]);
    assert.deepEqual(choicesAt(byPrefix('rapport-outreach').src, 4), [...OUTREACH_STATUSES]);
    assert.deepEqual(choicesAt(byPrefix('rapport-outreach').src, 3), ['email', 'phone', 'linkedin']);
    assert.deepEqual(choicesAt(byPrefix('rapport-company').src, 2), ['true', 'false']);
  });

  it('dates a new meeting today, as YYYY-MM-DD', () => {
    const text = expand(byPrefix('rapport-meeting').src);
    assert.match(text, /^date: 2026-03-05$/m);
    const note = parseFile('meetings/m.md', text);
    assert.equal(note.type === 'meeting' && note.date?.text, '2026-03-05');
  });

  it('writes links in frontmatter as quoted [[ids]] that resolve, and stays valid when an optional value is cleared', () => {
    const contact = byPrefix('rapport-contact').src;
    const text = expand(contact);
    assert.match(text, /^company: "\[\[globex\]\]"$/m);
    assert.match(text, /^referred_by: "\[\[dana-lee\]\]"$/m);
    assert.deepEqual(only(checkAs('contacts/new-contact.md', text), 'unknown-reference'), []);
    const cleared = expand(contact, { 2: '', 3: '', 4: '', 5: '', 7: '' });
    assert.deepEqual(only(checkAs('contacts/new-contact.md', cleared), 'invalid-frontmatter'), []);
    const note = parseFile('contacts/new-contact.md', cleared);
    assert.ok(note.type === 'contact' && note.referredBy === undefined && note.company === undefined);
  });
});

describe('the outreach request snippets', () => {
  /** What the practice asks of a first message, beyond what the checks catch. */
  function followsThePractice(message: string, what: string) {
    assert.doesNotMatch(message, /informational/i, `${what}: never says “informational interview”`);
    assert.doesNotMatch(message, /r[eé]sum[eé]|\bCV\b|curriculum/i, `${what}: no resume`);
    assert.doesNotMatch(message, /\bjobs?\b|opening|position|vacanc|hiring|opportunit/i, `${what}: no job, openings or positions`);
    assert.match(message, /\b(?:perspective|advice)\b/, `${what}: says you value their perspective`);
    assert.match(message, /\b(?:15|20|30) minutes\b/, `${what}: asks for 15–30 minutes`);
    assert.match(message, /\bI'm (?:a|an)\b.*\band I'm exploring\b/, `${what}: a quick synopsis of your background`);
  }

  it('referred: names the referrer first, in the subject and the opening, and passes every outreach check', () => {
    const { src } = byPrefix('rapport-request-referred');
    const text = expand(src);
    const note = parseFile('outreach/bob-jones.md', text);
    assert.ok(note.type === 'outreach');
    assert.equal(note.to?.id, 'bob-jones', 'to Bob Jones, whom Sally Smith referred');
    assert.equal(note.status, 'draft');
    assert.equal(note.subject, 'Sally Smith suggested I contact you');
    const message = messageOf(text);
    assert.match(message, /^Hi Bob,\n\nSally Smith suggested I contact you\./);
    followsThePractice(message, 'referred request');
    const ds = checkAs('outreach/bob-jones.md', text);
    assert.deepEqual(outreachProblems(ds), []);
    assert.deepEqual(only(ds, 'invalid-frontmatter'), []);
    assert.deepEqual(only(ds, 'unknown-reference'), []);
  });

  it('referred: the referrer is typed once, and the subject and the opening follow', () => {
    const { src } = byPrefix('rapport-request-referred');
    const text = expand(src, { 1: 'rohan-mehta', 2: 'Priya Shah', 4: 'Rohan' });
    assert.match(text, /^subject: Priya Shah suggested I contact you$/m);
    assert.match(messageOf(text), /^Hi Rohan,\n\nPriya Shah suggested I contact you\./);
    const referred = {
      'contacts/priya-shah.md': md(['type: contact', 'name: Priya Shah']),
      'contacts/rohan-mehta.md': md(['type: contact', 'name: Rohan Mehta', 'referred_by: "[[priya-shah]]"']),
    };
    assert.deepEqual(outreachProblems(checkAs('outreach/rohan-mehta.md', text, referred)), []);
  });

  it('referred: every choice of minutes and channel still passes', () => {
    const { src } = byPrefix('rapport-request-referred');
    for (const t of tabstops(parseSnippet(src)).filter((t) => t.choices)) {
      for (const option of t.choices!) {
        const text = expand(src, { [t.index]: option });
        assert.deepEqual(outreachProblems(checkAs('outreach/bob-jones.md', text)), [], option);
        assert.deepEqual(only(checkAs('outreach/bob-jones.md', text), 'invalid-frontmatter'), [], option);
      }
    }
    assert.deepEqual(choicesAt(src, 7), ['20', '15', '30']);
  });

  it('without a referrer: passes every outreach check, and says how you came across them', () => {
    const { src } = byPrefix('rapport-request');
    const text = expand(src);
    const note = parseFile('outreach/alex-kim.md', text);
    assert.ok(note.type === 'outreach');
    assert.equal(note.to?.id, 'alex-kim');
    assert.equal(note.status, 'draft');
    const message = messageOf(text);
    assert.match(message, /^Hi Alex,\n\nI read your article/);
    followsThePractice(message, 'request');
    const ds = checkAs('outreach/alex-kim.md', text);
    assert.deepEqual(outreachProblems(ds), []);
    assert.deepEqual(only(ds, 'invalid-frontmatter'), []);
    assert.deepEqual(only(ds, 'unknown-reference'), []);
  });

  it('without a referrer, to someone who was referred: the check asks for the referrer (so the checks above are live)', () => {
    const text = expand(byPrefix('rapport-request').src, { 1: 'bob-jones', 4: 'Bob' });
    assert.deepEqual(outreachProblems(checkAs('outreach/bob-jones.md', text)).map((p) => p.split(':')[0]), ['outreach-missing-referrer']);
  });

  it('as bare messages under outreach frontmatter (the rapport-outreach snippet, subject naming the referrer), still pass', () => {
    const frontmatter = expand(byPrefix('rapport-outreach').src, { 2: 'Sally Smith suggested I contact you' }).replace(/\n$/, '');
    for (const prefix of ['rapport-request-referred', 'rapport-request']) {
      const text = `${frontmatter}\n${messageOf(expand(byPrefix(prefix).src))}`;
      assert.deepEqual(outreachProblems(checkAs('outreach/bob-jones.md', text)), [], prefix);
    }
  });
});

describe('the message snippets', () => {
  /** A message placed as the body of an outreach draft to Sally Smith. */
  const asDraft = (message: string) => md(['type: outreach', 'to: "[[sally-smith]]"', 'subject: Thank you', 'status: draft'], message);

  it('thank-you note: greets, names something specific from the conversation, and says what comes next', () => {
    const text = expand(byPrefix('rapport-thank-you').src);
    assert.match(text, /^Hi Sally,\n\nThank you for /);
    assert.match(text, /What you said about .+ has stayed with me/);
    assert.match(text, /I'll get in touch with Bob Jones, as you suggested, and let you know how it goes\./);
    assert.deepEqual(outreachProblems(checkAs('outreach/thanks.md', asDraft(text))), []);
  });

  it('update to the referrer: tells how the introduction went', () => {
    const text = expand(byPrefix('rapport-referrer-update').src);
    assert.match(text, /^Hi Dana,\n\nI wanted to let you know that I met Sally Smith .*thanks to your introduction\./);
    assert.match(text, /Thank you for making the connection/);
    assert.deepEqual(outreachProblems(checkAs('outreach/update.md', asDraft(text))), []);
  });

  it('follow-up call script: thanks again, reports on the advice and the referrals, keeps in touch', () => {
    const text = expand(byPrefix('rapport-follow-up-call').src);
    assert.match(text, /^## Follow-up call with Sally Smith\n/);
    for (const step of [/Thank them again/, /what you did with it/, /referrals/, /How can I return the favour\?/, /check in again/]) assert.match(text, step);
  });

  it('the referral ask asks for the next name', () => {
    const text = expand(byPrefix('rapport-referral-ask').src);
    assert.match(text, /^Is there anyone else you think I should talk to about design in payments\?/);
    assert.match(expand(byPrefix('rapport-referral-ask').src, { 1: '' }), /^Is there anyone else you think I should talk to\? /);
    assert.deepEqual(outreachProblems(checkAs('outreach/ask.md', asDraft(text))), []);
  });

  it('the target-company ask shows the list and asks who they know there and what is missing', () => {
    const text = expand(byPrefix('rapport-target-ask').src);
    assert.match(text, /^Here are the companies I'm focusing on:\n\n- Globex\n- Initech\n- Hooli\n\n/);
    assert.match(text, /Who do you know there\? Which companies are missing from my list\?$/);
    assert.deepEqual(outreachProblems(checkAs('outreach/targets.md', asDraft(text))), []);
  });
});

describe('the question bank snippet', () => {
  const text = expand(byPrefix('rapport-questions').src);

  it('is the question bank of src/core/templates.ts, as a ## Questions list', () => {
    const { questions } = parseBody(text, 0);
    assert.ok(questions, 'a ## Questions section');
    assert.deepEqual(questions.items.map((q) => q.text), [...QUESTION_BANK]);
  });

  it('in a meeting two days ahead: no closed-question, and the questions are found', () => {
    const file = 'meetings/2026-11-23-sally-smith.md';
    const ds = checkAs(file, md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-23', 'kind: informational'], `\n${text}`));
    assert.deepEqual(only(ds, 'closed-question'), []);
    assert.deepEqual(only(ds, 'questions-missing'), []);
    const without = checkAs(file, md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-23']));
    assert.equal(only(without, 'questions-missing').length, 1, 'the same meeting without them is reminded (the check is live)');
  });
});
