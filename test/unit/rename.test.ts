// Renaming or moving a note keeps every `[[link]]` to it working: the edits the
// core asks for, applied to the notes' text, give what the user expects to read.

import { strict as assert } from 'node:assert';
import { renameLinks, type Move } from '../../src/core/rename.js';
import { applyEdits } from '../../src/core/text.js';
import { indexOf } from './helpers.js';

const SALLY = '---\ntype: contact\nname: Sally Smith\n---\n';

/** Each edited file's text after the edits, by path. */
function renamed(files: Record<string, string>, ...moves: Move[]): Record<string, string> {
  const plan = renameLinks(indexOf(files), moves);
  return Object.fromEntries(plan.files.map((f) => [f.path, applyEdits(files[f.path], f.edits)]));
}

describe('renaming a note rewrites the links to it', () => {
  it('rewrites each link form, keeping its label, heading, extension and spaces', () => {
    const body = '---\ntype: meeting\nwith: "[[sally-smith]]"\ndate: 2026-11-12\n---\nMet [[sally-smith|Sally]], see [[sally-smith#Notes]], [[Sally-Smith.md]] and [[ sally-smith ]].\n';
    const out = renamed({ 'contacts/sally-smith.md': SALLY, 'meetings/m.md': body }, { from: 'contacts/sally-smith.md', to: 'contacts/sally-jones.md' });
    assert.equal(
      out['meetings/m.md'],
      '---\ntype: meeting\nwith: "[[sally-jones]]"\ndate: 2026-11-12\n---\nMet [[sally-jones|Sally]], see [[sally-jones#Notes]], [[sally-jones.md]] and [[ sally-jones ]].\n',
    );
  });

  it('rewrites frontmatter links quoted or not, and in lists', () => {
    const meeting = "---\ntype: meeting\nwith:\n  - '[[sally-smith]]'\n  - [[leo]]\nreferrals: [\"[[sally-smith]]\"]\ndate: 2026-11-12\n---\n";
    const contact = '---\ntype: contact\nname: Leo\nreferred_by: [[sally-smith]]\n---\n';
    const out = renamed({ 'contacts/sally-smith.md': SALLY, 'contacts/leo.md': contact, 'meetings/m.md': meeting }, { from: 'contacts/sally-smith.md', to: 'contacts/sal.md' });
    assert.equal(out['meetings/m.md'], "---\ntype: meeting\nwith:\n  - '[[sal]]'\n  - [[leo]]\nreferrals: [\"[[sal]]\"]\ndate: 2026-11-12\n---\n");
    assert.equal(out['contacts/leo.md'], '---\ntype: contact\nname: Leo\nreferred_by: [[sal]]\n---\n');
  });

  it('leaves links inside code as they are', () => {
    const note = '---\ntype: contact\nname: Leo\n---\nSee `[[sally-smith]]` and [[sally-smith]].\n\n```\n[[sally-smith]]\n```\n';
    const out = renamed({ 'contacts/sally-smith.md': SALLY, 'contacts/leo.md': note }, { from: 'contacts/sally-smith.md', to: 'contacts/sal.md' });
    assert.equal(out['contacts/leo.md'], '---\ntype: contact\nname: Leo\n---\nSee `[[sally-smith]]` and [[sal]].\n\n```\n[[sally-smith]]\n```\n');
  });

  it('a move to another folder changes only links that name a folder', () => {
    const note = '---\ntype: contact\nname: Leo\nreferred_by: "[[sally-smith]]"\n---\n[[contacts/sally-smith|Sally]] and [[sally-smith]].\n';
    const out = renamed({ 'contacts/sally-smith.md': SALLY, 'contacts/leo.md': note }, { from: 'contacts/sally-smith.md', to: 'contacts/past/sally-smith.md' });
    assert.equal(out['contacts/leo.md'], '---\ntype: contact\nname: Leo\nreferred_by: "[[sally-smith]]"\n---\n[[contacts/past/sally-smith|Sally]] and [[sally-smith]].\n');
  });

  it('a move to the root drops the folder', () => {
    const note = '---\ntype: contact\nname: Leo\n---\n[[contacts/sally-smith]]\n';
    const out = renamed({ 'contacts/sally-smith.md': SALLY, 'contacts/leo.md': note }, { from: 'contacts/sally-smith.md', to: 'sally-smith.md' });
    assert.equal(out['contacts/leo.md'], '---\ntype: contact\nname: Leo\n---\n[[sally-smith]]\n');
  });

  it('a move keeps the link’s own case; a rename writes the new file name', () => {
    const note = '---\ntype: contact\nname: Leo\n---\n[[Sally-Smith]] [[contacts/Sally-Smith]]\n';
    const files = { 'contacts/sally-smith.md': SALLY, 'contacts/leo.md': note };
    assert.deepEqual(renamed(files, { from: 'contacts/sally-smith.md', to: 'people/sally-smith.md' }), {
      'contacts/leo.md': '---\ntype: contact\nname: Leo\n---\n[[Sally-Smith]] [[people/Sally-Smith]]\n',
    });
    assert.deepEqual(renamed(files, { from: 'contacts/sally-smith.md', to: 'contacts/SALLY.md' }), {
      'contacts/leo.md': '---\ntype: contact\nname: Leo\n---\n[[SALLY]] [[contacts/SALLY]]\n',
    });
  });

  it('a folder rename takes every note under it, its links among themselves too', () => {
    const leo = '---\ntype: contact\nname: Leo\n---\n[[contacts/sally-smith]] [[sally-smith]]\n';
    const meeting = '---\ntype: meeting\nwith: "[[contacts/leo]]"\ndate: 2026-11-12\n---\n[[contacts/sally-smith]]\n';
    const out = renamed({ 'contacts/sally-smith.md': SALLY, 'contacts/leo.md': leo, 'meetings/m.md': meeting }, { from: 'contacts', to: 'people' });
    assert.deepEqual(out, {
      'contacts/leo.md': '---\ntype: contact\nname: Leo\n---\n[[people/sally-smith]] [[sally-smith]]\n',
      'meetings/m.md': '---\ntype: meeting\nwith: "[[people/leo]]"\ndate: 2026-11-12\n---\n[[people/sally-smith]]\n',
    });
  });

  it('a note linking to itself is edited at its old path', () => {
    const self = '---\ntype: contact\nname: Sally Smith\n---\nMe: [[sally-smith]]\n';
    const plan = renameLinks(indexOf({ 'contacts/sally-smith.md': self }), [{ from: 'contacts/sally-smith.md', to: 'contacts/sal.md' }]);
    assert.deepEqual(plan.files.map((f) => [f.path, applyEdits(self, f.edits)]), [['contacts/sally-smith.md', '---\ntype: contact\nname: Sally Smith\n---\nMe: [[sal]]\n']]);
  });

  it('nothing to do when nothing links to the note, or the links name another note of that id', () => {
    const leo = '---\ntype: contact\nname: Leo\n---\nNo links; [[someone-else]].\n';
    assert.deepEqual(renameLinks(indexOf({ 'contacts/sally-smith.md': SALLY, 'contacts/leo.md': leo }), [{ from: 'contacts/sally-smith.md', to: 'contacts/sal.md' }]), { files: [], ambiguous: [] });
    // Two notes called sally-smith: `[[sally-smith]]` opens the first by path, so moving the second changes nothing.
    const links = '---\ntype: contact\nname: Leo\n---\n[[sally-smith]]\n';
    const files = { 'a/sally-smith.md': SALLY, 'b/sally-smith.md': SALLY, 'contacts/leo.md': links };
    assert.deepEqual(renameLinks(indexOf(files), [{ from: 'b/sally-smith.md', to: 'b/sal.md' }]).files, []);
  });

  it('a new id another note already has: the links are left, and the plan says why', () => {
    const leo = '---\ntype: contact\nname: Leo\n---\n[[sally-smith]] [[sally-smith|S]]\n';
    const plan = renameLinks(indexOf({ 'contacts/sally-smith.md': SALLY, 'contacts/leo.md': leo, 'contacts/sal.md': SALLY }), [{ from: 'contacts/sally-smith.md', to: 'contacts/old/sal.md' }]);
    assert.deepEqual(plan, { files: [], ambiguous: [{ id: 'sally-smith', newId: 'sal', count: 2 }] });
  });

  it('keeps CRLF lines and other text as they were', () => {
    const leo = '---\r\ntype: contact\r\nname: Leo\r\nreferred_by: "[[sally-smith]]" # met at PyCon\r\n---\r\nHi [[sally-smith]]\r\n';
    const out = renamed({ 'contacts/sally-smith.md': SALLY, 'contacts/leo.md': leo }, { from: 'contacts/sally-smith.md', to: 'contacts/sal.md' });
    assert.equal(out['contacts/leo.md'], '---\r\ntype: contact\r\nname: Leo\r\nreferred_by: "[[sal]]" # met at PyCon\r\n---\r\nHi [[sal]]\r\n');
  });
});
