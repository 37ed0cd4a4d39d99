import { strict as assert } from 'node:assert';
import { setKey, yamlScalar } from '../../src/core/edit.js';
import { readFrontmatter } from '../../src/core/parse/frontmatter.js';
import { LineMap } from '../../src/core/text.js';
import { applyEdits, BOM, splitBom } from '../../src/core/text.js';

/**
 * Apply setKey to a file's raw text, BOM and all. The note is read as Rapport reads it (the
 * BOM split off, positions counted after it, as VS Code counts them), and the edits go to the
 * raw text with nothing put back: a BOM survives only because no edit reaches the first line,
 * where it sits. (On any other line a position is the same with or without it.)
 */
function set(raw: string, key: string, value: string | number | boolean): string {
  const { text } = splitBom(raw);
  const note = { text, lines: new LineMap(text), frontmatter: readFrontmatter(text)! };
  return applyEdits(raw, setKey(note, key, value));
}

const NOTE = [
  '---',
  '# logged from my phone',
  'type: meeting',
  "with: '[[sally-smith]]'   # met at the meetup",
  'date: 2026-11-20',
  'thank_you: false',
  'status: "planned"',
  'referrals:',
  '  - "[[bob]]"',
  '---',
  'Notes stay as they are.',
  '',
].join('\n');

describe('the frontmatter editor', () => {
  it('replaces one value and nothing else', () => {
    assert.equal(set(NOTE, 'thank_you', '2026-11-21'), NOTE.replace('thank_you: false', 'thank_you: 2026-11-21'));
  });

  it('keeps the value’s quoting style', () => {
    assert.equal(set(NOTE, 'status', 'done'), NOTE.replace('status: "planned"', 'status: "done"'));
    assert.equal(set(NOTE, 'with', '[[carol]]'), NOTE.replace("with: '[[sally-smith]]'", "with: '[[carol]]'"));
  });

  it('adds a missing key as one line before the closing ---', () => {
    assert.equal(set(NOTE, 'referrer_updated', '2026-11-21'), NOTE.replace('---\nNotes', 'referrer_updated: 2026-11-21\n---\nNotes'));
  });

  it('fills a key that has no value', () => {
    const raw = '---\ntype: meeting\nthank_you:\n---\n';
    assert.equal(set(raw, 'thank_you', '2026-11-21'), '---\ntype: meeting\nthank_you: 2026-11-21\n---\n');
  });

  it('keeps CRLF line endings and a BOM byte for byte', () => {
    const raw = BOM + NOTE.split('\n').join('\r\n');
    const replaced = set(raw, 'thank_you', '2026-11-21');
    const added = set(raw, 'referrer_updated', true);
    assert.ok(replaced.startsWith(BOM) && added.startsWith(BOM), 'the BOM is gone');
    assert.equal(replaced, raw.replace('thank_you: false', 'thank_you: 2026-11-21'));
    assert.equal(added, raw.replace('---\r\nNotes', 'referrer_updated: true\r\n---\r\nNotes'));
  });

  it('replaces a block list written at the key’s own indent with a value YAML reads as the key’s', () => {
    const raw = '---\ntype: meeting\nthank_you:\n- 2026-11-20\n- later\n# kept\n---\n';
    const out = set(raw, 'thank_you', '2026-11-21');
    assert.equal(out, '---\ntype: meeting\nthank_you:\n  2026-11-21\n# kept\n---\n');
    assert.deepEqual(readFrontmatter(out)!.data, { type: 'meeting', thank_you: '2026-11-21' });
  });

  it('adds a key to empty frontmatter', () => {
    assert.equal(set('---\n---\nBody\n', 'status', 'done'), '---\nstatus: done\n---\nBody\n');
  });

  it('quotes hex and octal, which YAML reads as numbers (a contact named 0x10 is not 16)', () => {
    assert.equal(yamlScalar('0x10'), '"0x10"');
    assert.equal(yamlScalar('0o17'), '"0o17"');
    const out = set('---\ntype: contact\nname: Ann\n---\n', 'name', '0x10');
    assert.equal(out, '---\ntype: contact\nname: "0x10"\n---\n');
    assert.equal(readFrontmatter(out)!.data!.name, '0x10');
  });

  it('keeps a line break in a single-quoted value, which single quotes would fold away', () => {
    // The subject fix on `subject: 'Coffee⏎⏎  next week'` (read as "Coffee\nnext week").
    const raw = "---\ntype: outreach\nsubject: 'Coffee\n\n  next week'\n---\n";
    const out = set(raw, 'subject', 'Sally Smith suggested I contact you: Coffee\nnext week');
    assert.equal(out, '---\ntype: outreach\nsubject: "Sally Smith suggested I contact you: Coffee\\nnext week"\n---\n');
    assert.equal(readFrontmatter(out)!.data!.subject, 'Sally Smith suggested I contact you: Coffee\nnext week');
  });

  it('quotes a value only when YAML would read it otherwise', () => {
    assert.equal(yamlScalar('Sally Smith suggested I contact you'), 'Sally Smith suggested I contact you');
    assert.equal(yamlScalar('yes'), '"yes"');
    assert.equal(yamlScalar('Re: coffee'), '"Re: coffee"');
    assert.equal(yamlScalar('[[bob]]'), '"[[bob]]"');
    assert.equal(yamlScalar("It's", "'"), "'It''s'");
    assert.equal(yamlScalar(30), '30');
  });
});
