import { strict as assert } from 'node:assert';
import matter from 'gray-matter';
import { readFrontmatter } from '../../src/core/parse/frontmatter.js';
import { parseFile, type Contact, type Meeting } from '../../src/core/notes.js';
import { within } from './bounded.js';
import { check, md, only } from './helpers.js';

describe('reading notes', () => {
  it('reads a contact with its typed fields and key positions', () => {
    const c = parseFile('contacts/sally-smith.md', md(['type: contact', 'name: Sally Smith', 'company: "[[globex]]"', 'tags: [design, fintech]', 'keep_in_touch_days: 30'])) as Contact;
    assert.equal(c.type, 'contact');
    assert.equal(c.id, 'sally-smith');
    assert.equal(c.name, 'Sally Smith');
    assert.equal(c.company?.id, 'globex');
    assert.deepEqual(c.tags, ['design', 'fintech']);
    assert.equal(c.keepInTouchDays, 30);
    const key = c.frontmatter.keys.get('company')!;
    assert.deepEqual(c.lines.position(key.keyStart), { line: 3, character: 0 });
    assert.deepEqual(c.problems, []);
  });

  it('takes links quoted, unquoted and in lists, and plain names', () => {
    const m = parseFile('meetings/m.md', md(['type: meeting', 'with: [[sally-smith]]', 'date: 2026-11-20 15:00', 'referrals:', '  - "[[bob]]"', '  - Carol White'])) as Meeting;
    assert.deepEqual(m.with.map((r) => r.id), ['sally-smith']);
    assert.equal(m.date?.minutes, 15 * 60);
    assert.deepEqual(m.referrals!.map((r) => r.id ?? `text:${r.text}`), ['bob']);
    const m2 = parseFile('meetings/m2.md', md(['type: meeting', 'with:', '  - Sally Smith', '  - Bob Jones', 'date: 2026-11-20'])) as Meeting;
    assert.deepEqual(m2.with.map((r) => r.text), ['Sally Smith', 'Bob Jones']);
  });

  it('ignores Markdown files without a Rapport type, and stays silent about them', () => {
    const files = {
      'journal.md': md(['title: Week 47'], 'Thinking about [[nowhere]].'),
      'notes/plain.md': 'Just text with [[nothing]].',
      'other.md': md(['type: recipe', 'name: Soup']),
    };
    for (const [p, t] of Object.entries(files)) assert.equal(parseFile(p, t).type, undefined);
    assert.deepEqual(check(files), []);
  });

  it('reads the type whatever its case', () => {
    assert.equal(parseFile('c.md', md(['type: Contact', 'name: A'])).type, 'contact');
  });
});

describe('bad input', () => {
  it('never evaluates ---js or ---javascript frontmatter (gray-matter alone would)', () => {
    const g = globalThis as { rapportPwned?: string };
    for (const lang of ['js', 'javascript', 'JavaScript', 'coffee', 'json', 'toml']) {
      delete g.rapportPwned;
      const text = `---${lang}\n{ type: "contact", name: (globalThis.rapportPwned = "${lang}") }\n---\nBody\n`;
      const ds = check({ 'contacts/evil.md': text });
      assert.equal(g.rapportPwned, undefined, `${lang} ran`);
      assert.deepEqual(ds.map((d) => [d.code, d.severity, d.range.start.line]), [['unsafe-frontmatter', 'error', 0]]);
      assert.match(ds[0].message, new RegExp(`\`${lang}\` is never evaluated`));
    }
    // The same text does run through gray-matter's default engines: the payload is real.
    for (const lang of ['js', 'javascript']) {
      delete g.rapportPwned;
      matter(`---${lang}\n{ type: "contact", name: (globalThis.rapportPwned = "${lang}") }\n---\n`, {});
      assert.equal(g.rapportPwned, lang);
    }
    delete g.rapportPwned;
  });

  it('reports a YAML syntax error at its line, and still indexes the rest', () => {
    const ds = check({
      'contacts/broken.md': ['---', 'type: contact', 'name: "Unclosed', 'email: x@y.z', '---', ''].join('\n'),
      'contacts/ok.md': md(['type: contact', 'name: Fine', 'next_follow_up: 2026-11-01']),
    });
    const broken = ds.filter((d) => d.file === 'contacts/broken.md');
    assert.equal(broken.length, 1);
    assert.equal(broken[0].code, 'invalid-frontmatter');
    assert.equal(broken[0].severity, 'error');
    assert.ok(broken[0].range.start.line >= 2 && broken[0].range.start.line <= 4, `line ${broken[0].range.start.line}`);
    assert.equal(only(ds, 'follow-up-due').length, 1, 'the healthy note is still checked');
  });

  it('reports a missing required key', () => {
    const ds = check({ 'meetings/m.md': md(['type: meeting', 'date: 2026-11-20', 'thank_you: true', 'referrals: []']) });
    assert.deepEqual(ds.map((d) => [d.code, d.message]), [['invalid-frontmatter', 'A meeting needs `with`.']]);
  });

  it('reports an impossible date and an unknown status at the offending line', () => {
    const ds = check({ 'contacts/c.md': md(['type: contact', 'name: A', 'next_follow_up: 2026-02-30', 'status: friend']) });
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['invalid-frontmatter', 3], ['invalid-frontmatter', 4]]);
    assert.match(ds[0].message, /2026-02-30.*not a real date/);
    assert.match(ds[1].message, /lead, contacted, scheduled, met, dormant/);
  });

  it('refuses a YAML alias bomb quickly, with a diagnostic', () => {
    const bomb = ['---', 'type: contact', 'name: Bomb', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    bomb.push('---', '');
    const ds = within(1000, 'the alias bomb', () => check({ 'contacts/bomb.md': bomb.join('\n') }));
    assert.equal(ds.length, 1);
    assert.equal(ds[0].code, 'invalid-frontmatter');
    assert.match(ds[0].message, /too many aliases/);
  });

  it('reports git conflict markers, and not the YAML they break', () => {
    const text = ['---', 'type: meeting', 'with: "[[a]]"', '<<<<<<< HEAD', 'date: 2026-11-20', '=======', 'date: 2026-11-21', '>>>>>>> phone', '---', 'Notes', '<<<<<<< HEAD', 'mine', '=======', 'theirs', '>>>>>>> phone', ''].join('\n');
    const ds = check({ 'meetings/m.md': text });
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['merge-conflict', 3], ['merge-conflict', 10]]);
  });

  it('shows a note\'s first 1,000 problems, and says there are more', () => {
    const ds = check({ 'contacts/c.md': md(['type: contact', 'name: A'], '<<<<<<< HEAD\n'.repeat(5000)) });
    assert.equal(ds.length, 1001);
    assert.ok(ds.every((d) => d.code === 'merge-conflict'));
    assert.deepEqual(ds[1000].range.start.line, 1004);
    assert.equal(ds[1000].message, "This note has more problems than are shown: Rapport shows a note's first 1,000.");
  });

  it('reports a note whose opening --- a merge conflict or a second BOM pushed off the first line', () => {
    const conflicted = ['<<<<<<< HEAD', '---', 'type: contact', 'name: Ann', '=======', '---', 'type: contact', 'name: Ann Lee', '>>>>>>> laptop', '---', ''].join('\n');
    const ds = check({ 'contacts/ann.md': conflicted, 'people/bob.md': '\uFEFF\uFEFF---\ntype: contact\nname: Bob\n---\n' });
    assert.deepEqual(ds.map((d) => [d.file, d.code, d.range.start.line]), [['contacts/ann.md', 'merge-conflict', 0], ['people/bob.md', 'invalid-frontmatter', 0]]);
    assert.match(ds[1].message, /second byte-order mark/);
    // Any other Markdown file stays silent, conflicts and all.
    assert.deepEqual(check({ 'README.md': '<<<<<<< HEAD\nMy notes\n=======\nOur notes\n>>>>>>> main\n', 'ideas.md': '\uFEFF\uFEFF---\ntitle: x\n---\n' }), []);
  });

  it('keeps positions right with CRLF line endings and a BOM', () => {
    const text = '\uFEFF' + ['---', 'type: contact', 'name: A', 'next_follow_up: 2026-02-30', '---', ''].join('\r\n');
    const [d] = check({ 'contacts/c.md': text });
    assert.deepEqual(d.range.start, { line: 3, character: 16 });
    assert.deepEqual(d.range.end, { line: 3, character: 26 });
  });

  it('reads a note whose lines end in a lone CR (classic Mac) as an editor shows it', () => {
    const lines = ['---', 'type: contact', 'name: Old Mac', 'next_follow_up: 2026-02-30', '---', 'Met at the \u201cThink Different\u201d meetup.', ''];
    const [d] = check({ 'contacts/mac.md': lines.join('\r') });
    assert.equal(d.code, 'invalid-frontmatter');
    assert.deepEqual([d.range.start, d.range.end], [{ line: 3, character: 16 }, { line: 3, character: 26 }]);
    // Whatever follows an opening `---` is shown in the message on one line, and cut short.
    const [tag] = check({ 'contacts/odd.md': `---js\rvar x = 1; // ${'x'.repeat(200)}\n---\n` });
    assert.equal(tag.code, 'unsafe-frontmatter');
    assert.match(tag.message, /^Frontmatter in `js var x = 1; \/\/ x{13}…` is never evaluated/);
    const note = parseFile('contacts/mac.md', lines.join('\r')) as Contact;
    assert.equal(note.name, 'Old Mac');
    assert.equal(note.text.length, lines.join('\r').length, 'every offset is the same in the file');
  });

  it('reports frontmatter that is never closed', () => {
    const ds = check({ 'contacts/c.md': '---\ntype: contact\nname: A\n' });
    assert.deepEqual(ds.map((d) => d.code), ['invalid-frontmatter']);
    assert.match(ds[0].message, /never closed/);
  });

  it('reports frontmatter that is not a mapping, for a note in a Rapport folder', () => {
    assert.deepEqual(check({ 'contacts/c.md': '---\n- a\n- b\n---\n' }).map((d) => d.code), ['invalid-frontmatter']);
    assert.deepEqual(check({ 'elsewhere/c.md': '---\n- a\n- b\n---\n' }), []);
  });

  it('survives a cycle of referrals', () => {
    const files = {
      'contacts/a.md': md(['type: contact', 'name: A', 'referred_by: "[[b]]"']),
      'contacts/b.md': md(['type: contact', 'name: B', 'referred_by: "[[a]]"']),
      'contacts/c.md': md(['type: contact', 'name: C', 'referred_by: "[[c]]"']),
    };
    // The ring of two reads as it is; one who referred themselves is a mistake to fix.
    assert.deepEqual(check(files).map((d) => `${d.file} ${d.code}`), ['contacts/c.md invalid-frontmatter']);
  });

  it('splits frontmatter exactly where gray-matter does', () => {
    const text = '---\nname: A\n---\nbody\n';
    const fm = readFrontmatter(text)!;
    assert.equal(text.slice(fm.bodyStart), matter(text, {}).content);
    assert.equal(text.slice(fm.sourceStart, fm.sourceEnd), 'name: A');
    assert.equal(text.slice(fm.closeStart, fm.closeStart + 3), '---');
  });
});
