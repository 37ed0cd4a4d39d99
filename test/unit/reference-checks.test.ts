import { strict as assert } from 'node:assert';
import type { Diagnostic } from '../../src/core/model.js';
import { parseFile, type Contact } from '../../src/core/notes.js';
import { CAST, check, md, only } from './helpers.js';

const CODE = 'unknown-reference';
const unknown = (files: Record<string, string>) => only(check(files), CODE);
const in_ = (files: Record<string, string>, file: string) => unknown(files).filter((d) => d.file === file);

/** 1-based line and column of `needle` (its `occurrence`-th appearance) in `text`, counted independently of the checker. */
function where(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let i = -1;
  for (let n = 0; n < occurrence; n++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `fixture holds ${needle}`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
const at = (d: Diagnostic) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1 });

describe('unknown-reference', () => {
  it('warns at a frontmatter link to nothing, with a fix that creates contacts/<id>.md', () => {
    const text = md(['type: contact', 'name: Ann Wu', 'referred_by: "[[jane-doe]]"']);
    const files = { ...CAST, 'contacts/ann-wu.md': text };
    const ds = in_(files, 'contacts/ann-wu.md');
    assert.equal(ds.length, 1);
    const [d] = ds;
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /jane-doe/);
    assert.deepEqual(at(d), where(text, '[[jane-doe]]'));
    assert.deepEqual(at(d), { line: 4, column: 15 });
    assert.equal(d.range.end.character - d.range.start.character, '[[jane-doe]]'.length);
    const create = d.fixes?.find((f) => f.create)?.create;
    assert.ok(create, 'a create fix');
    assert.equal(create.path, 'contacts/jane-doe.md');
    // The created note is a contact named after the link, and links then resolve.
    const made = parseFile(create.path, create.content) as Contact;
    assert.equal(made.type, 'contact');
    assert.equal(made.name, 'Jane Doe');
    assert.deepEqual(in_({ ...files, [create.path]: create.content }, 'contacts/ann-wu.md'), []);
  });


  it('creates a contact with a name for a link with no words in it ([[__]], [[-]])', () => {
    for (const id of ['__', '-']) {
      const files = { ...CAST, 'meetings/m.md': md(['type: meeting', `with: "[[${id}]]"`, 'date: 2026-11-17', 'thank_you: true', 'referrals: []']) };
      const create = in_(files, 'meetings/m.md')[0].fixes![0].create!;
      const made = parseFile(create.path, create.content) as Contact;
      assert.deepEqual(made.problems, [], create.content);
      assert.equal(made.name, id);
    }
  });

  it('creates a contact named 0x10 for [[0x10]], not one YAML reads as the number 16', () => {
    const files = { ...CAST, 'meetings/m.md': md(['type: meeting', 'with: "[[0x10]]"', 'date: 2026-11-17', 'thank_you: true', 'referrals: []']) };
    const create = in_(files, 'meetings/m.md')[0].fixes![0].create!;
    const made = parseFile(create.path, create.content) as Contact;
    assert.deepEqual(made.problems, []);
    assert.equal(made.name, '0x10');
  });
  it('creates companies/<id>.md when the link is under `company:`', () => {
    const text = md(['type: contact', 'name: Ann Wu', 'company: "[[acme-rockets]]"', 'referred_by: "[[jane-doe]]"']);
    const ds = in_({ ...CAST, 'contacts/ann-wu.md': text }, 'contacts/ann-wu.md');
    assert.equal(ds.length, 2);
    const [company, person] = ds; // sorted by line
    assert.deepEqual(at(company), where(text, '[[acme-rockets]]'));
    assert.equal(company.fixes?.find((f) => f.create)?.create?.path, 'companies/acme-rockets.md');
    const made = parseFile('companies/acme-rockets.md', company.fixes!.find((f) => f.create)!.create!.content);
    assert.equal(made.type, 'company');
    assert.deepEqual(at(person), where(text, '[[jane-doe]]'));
    assert.equal(person.fixes?.find((f) => f.create)?.create?.path, 'contacts/jane-doe.md');
  });

  it('warns at a body link to nothing, at its line and column', () => {
    const body = 'Met at the design meetup.\n\nShe said to talk to [[tom-lee]] about research.\n';
    const text = md(['type: contact', 'name: Ann Wu', 'company: Globex'], body);
    const ds = in_({ ...CAST, 'contacts/ann-wu.md': text }, 'contacts/ann-wu.md');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'warning');
    assert.deepEqual(at(ds[0]), where(text, '[[tom-lee]]'));
    assert.deepEqual(at(ds[0]), { line: 8, column: 21 });
    assert.equal(ds[0].fixes?.find((f) => f.create)?.create?.path, 'contacts/tom-lee.md');
  });

  it('checks links in meetings and outreach too', () => {
    const files = {
      ...CAST,
      'meetings/m.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-10', 'referrals:', '  - "[[kim-park]]"']),
      'outreach/o.md': md(['type: outreach', 'to: "[[lee-chan]]"', 'subject: Hello'], 'Hi'),
    };
    const ds = unknown(files);
    assert.deepEqual(ds.map((d) => [d.file, d.fixes?.find((f) => f.create)?.create?.path]), [
      ['meetings/m.md', 'contacts/kim-park.md'],
      ['outreach/o.md', 'contacts/lee-chan.md'],
    ]);
  });

  it('resolves a link to a plain Markdown file that has no `type`', () => {
    const text = md(['type: contact', 'name: Ann Wu'], 'Notes from [[journal]] and [[ideas]], and [[nowhere]].\n');
    const files = {
      ...CAST,
      'journal.md': '# Journal\n\nMet Ann today.\n',
      'notes/ideas.md': md(['title: Ideas'], 'Some ideas.\n'),
      'contacts/ann-wu.md': text,
    };
    const ds = in_(files, 'contacts/ann-wu.md');
    assert.deepEqual(ds.map((d) => at(d)), [where(text, '[[nowhere]]')]);
  });

  it('ignores links inside inline code and fenced code blocks', () => {
    const body = [
      'Write links as `[[some-id]]` in your notes.',
      '',
      '```',
      'referred_by: "[[example-person]]"',
      '```',
      '',
      '~~~md',
      '[[another-example]]',
      '~~~',
      '',
      'But [[real-missing]] is a real link.',
      '',
    ].join('\n');
    const text = md(['type: contact', 'name: Ann Wu'], body);
    const ds = in_({ ...CAST, 'contacts/ann-wu.md': text }, 'contacts/ann-wu.md');
    assert.equal(ds.length, 1);
    assert.deepEqual(at(ds[0]), where(text, '[[real-missing]]'));
    assert.match(ds[0].message, /real-missing/);
  });

  it('resolves [[folder/id]], [[id|label]], [[id#heading]] and a different case', () => {
    for (const link of ['[[folder/sally-smith]]', '[[sally-smith|Sally]]', '[[Sally-Smith]]', '[[sally-smith#notes]]', '[[contacts/sally-smith.md]]']) {
      const text = md(['type: contact', 'name: Ann Wu', `referred_by: "${link}"`], `Introduced by ${link}; see also [[zed-missing]].\n`);
      const ds = in_({ ...CAST, 'contacts/ann-wu.md': text }, 'contacts/ann-wu.md');
      assert.deepEqual(ds.map((d) => d.message.match(/“(.*)”/)?.[1]), ['zed-missing'], link);
    }
  });

  it('says nothing about a plain note without `type` that links to nothing', () => {
    const files = {
      ...CAST,
      'journal.md': 'Thinking about [[nobody-yet]] and [[someone-else]].\n',
      'notes/ideas.md': md(['title: Ideas', 'related: "[[nothing-here]]"'], 'See [[nowhere]].\n'),
      // Control: a Rapport note in the same workspace with a broken link is reported.
      'contacts/ann-wu.md': md(['type: contact', 'name: Ann Wu', 'referred_by: "[[nobody-yet]]"']),
    };
    const ds = unknown(files);
    assert.deepEqual(ds.map((d) => d.file), ['contacts/ann-wu.md']);
    assert.deepEqual(check(files).filter((d) => d.file === 'journal.md' || d.file === 'notes/ideas.md'), []);
  });

  it('says nothing for the cast, whose links all resolve', () => {
    assert.deepEqual(unknown(CAST), []);
  });
});
