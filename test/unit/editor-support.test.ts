import { strict as assert } from 'node:assert';
import { linkCompletionAt, linkCompletionText } from '../../src/core/editor-support.js';
import type { Contact } from '../../src/core/notes.js';
import { CAST, indexOf } from './helpers.js';

const CURSOR = '¦';

/** Complete the link at `¦` with `id`, as the editor applies the item: its range replaced by its text. */
function complete(withCursor: string, id: string): string {
  const offset = withCursor.indexOf(CURSOR);
  const text = withCursor.replace(CURSOR, '');
  const at = linkCompletionAt(text, offset);
  assert.ok(at, `a link completion at ${JSON.stringify(withCursor)}`);
  assert.ok(at.start <= offset && offset <= at.end, 'the range holds the cursor');
  assert.equal(text.slice(at.start, offset).startsWith(at.lead), true, 'the filter starts with what was typed');
  return text.slice(0, at.start) + linkCompletionText(at, id) + text.slice(at.end);
}

const contact = (company: string) => `---\ntype: contact\nname: Ann Wu\ncompany: ${company}\nstatus: lead\n---\nNotes.\n`;

describe('completing [[ in frontmatter and body', () => {
  const states: [string, string][] = [
    ['[[glo¦', 'company: [[x typed, nothing closed'],
    ['[[glo¦]]', 'company: [[x with the brackets auto-closed'],
    ['"[[glo¦', 'company: "[[x, nothing closed'],
    ['"[[glo¦]]', 'company: "[[x with the brackets auto-closed but not the quote'],
    ['"[[glo¦"', 'company: "[[x with the quote auto-closed'],
    ['"[[glo¦]]"', 'company: "[[x]]" with the cursor inside'],
    ['"[[gl¦ob]]"', 'the cursor in the middle of the id'],
    ["'[[glo¦]]'", 'single quotes'],
    ['"[[¦]]"', 'nothing typed yet'],
  ];
  for (const [value, what] of states) {
    it(`${what}: the whole value becomes "[[globex]]" and the YAML stays valid`, () => {
      const out = complete(contact(value), 'globex');
      assert.equal(out, contact('"[[globex]]"'));
      const index = indexOf({ ...CAST, 'contacts/ann-wu.md': out });
      const ann = index.get('contacts/ann-wu.md') as Contact;
      assert.equal(ann.type, 'contact', 'still a contact, in the views');
      assert.equal(index.resolve(ann.company, 'company')?.name, 'Globex');
    });
  }

  it('in a list item, and in a flow list, each link quoted', () => {
    const meeting = (w: string) => `---\ntype: meeting\ndate: 2026-11-20\nwith:\n${w}\n---\n`;
    assert.equal(complete(meeting('  - "[[bob-jones]]"\n  - [[sal¦]]'), 'sally-smith'), meeting('  - "[[bob-jones]]"\n  - "[[sally-smith]]"'));
    assert.equal(complete(meeting('  - "[[sal¦'), 'sally-smith'), meeting('  - "[[sally-smith]]"'));
    const flow = '---\ntype: meeting\nwith: ["[[bob-jones]]", [[sal¦]]]\ndate: 2026-11-20\n---\n';
    const out = complete(flow, 'sally-smith');
    assert.equal(out, '---\ntype: meeting\nwith: ["[[bob-jones]]", "[[sally-smith]]"]\ndate: 2026-11-20\n---\n');
    const m = indexOf({ ...CAST, 'meetings/m.md': out }).get('meetings/m.md') as { with: { id?: string }[] };
    assert.deepEqual(m.with.map((r) => r.id), ['bob-jones', 'sally-smith']);
  });

  it('in the body, a bare [[id]], the brackets closed once', () => {
    const note = (body: string) => `---\ntype: contact\nname: Ann Wu\n---\n${body}\n`;
    assert.equal(complete(note('Met [[sal¦ at the fair.'), 'sally-smith'), note('Met [[sally-smith]] at the fair.'));
    assert.equal(complete(note('Met [[sal¦]] at the fair.'), 'sally-smith'), note('Met [[sally-smith]] at the fair.'));
    assert.equal(complete(note('She said "[[sal¦]]"'), 'sally-smith'), note('She said "[[sally-smith]]"'));
    assert.equal(complete('No frontmatter: [[sal¦]]', 'sally-smith'), 'No frontmatter: [[sally-smith]]');
  });

  it('inside a longer frontmatter value, or before a label, only the id', () => {
    const note = (v: string) => `---\ntype: contact\nname: Ann Wu\nsummary: ${v}\n---\n`;
    assert.equal(complete(note('met via [[sal¦]] in May'), 'sally-smith'), note('met via [[sally-smith]] in May'));
    assert.equal(complete(note('"[[sal¦|Sally]]"'), 'sally-smith'), note('"[[sally-smith|Sally]]"'));
  });

  it('an id with a quote or backslash is escaped inside the quotes', () => {
    assert.equal(complete(contact('[[a¦'), 'a"b\\c'), contact('"[[a\\"b\\\\c]]"'));
  });

  it('offers nothing away from an open [[', () => {
    assert.equal(linkCompletionAt(contact('Globex'), contact('Globex').indexOf('Globex') + 3), undefined);
    assert.equal(linkCompletionAt('[[done]] and more', 12), undefined);
  });
});
