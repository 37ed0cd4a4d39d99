import { strict as assert } from 'node:assert';
import { idKey, idOfPath, safeFileId, slugify, uniqueId } from '../../src/core/links.js';
import { meetingPath, namedNotePath, outreachPath, unsentDraftTo } from '../../src/core/new-notes.js';
import type { Contact } from '../../src/core/notes.js';
import { CAST, indexOf, md, only, check } from './helpers.js';

/** What no file name may hold on some OS, or what makes it awkward: separators, Windows' reserved characters, controls. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/;

function assertSafe(id: string): void {
  assert.ok(id.length > 0, 'not empty');
  assert.doesNotMatch(id, UNSAFE, id);
  assert.doesNotMatch(id, /[. ]$/, `${id}: no trailing dot or space`);
  assert.ok(new TextEncoder().encode(`${id}-outreach-99.md`).length < 255, `${id}: fits a file name with room to spare`);
}

describe('new notes’ names', () => {
  it('a name in Chinese, Cyrillic or Arabic keeps its own letters, each its own file', () => {
    const index = indexOf(CAST);
    const paths = ['李小龙', 'Иван Петров', 'محمد علي'].map((n) => namedNotePath('contact', n, index));
    assert.deepEqual(paths, ['contacts/李小龙.md', 'contacts/иван-петров.md', 'contacts/محمد-علي.md']);
    for (const p of paths) assertSafe(idOfPath(p));
  });

  it('keeps letters whose marks are part of them outside Latin, and drops accents from Latin letters only', () => {
    assert.equal(slugify('José Ñúñez'), 'jose-nunez');
    assert.equal(slugify('Łukasz Żółć'), 'łukasz-zołc'); // Ł has no accent to drop: it is a letter of its own
    assert.equal(slugify('Андрей Йорк'), 'андрей-йорк'); // й stays й, not и
    assert.equal(slugify('अनिल कुमार'), 'अनिल-कुमार'); // the vowel signs stay
    assert.equal(slugify('김민준'), '김민준');
    assert.equal(slugify('Zoë O’Hara'), 'zoe-o-hara');
    assert.equal(slugify('Sally Smith'), 'sally-smith');
  });

  it('never the `note` fallback: a name with no letter or digit is named by its type', () => {
    assert.equal(slugify('!!!'), '');
    assert.equal(namedNotePath('contact', '🙂', indexOf({})), 'contacts/contact.md');
    assert.equal(namedNotePath('company', '***', indexOf({})), 'companies/company.md');
  });

  it('is safe on every OS, and bounded, whatever the name holds', () => {
    const names = ['Dr: Who', 'a/b\\c', 'what? "me" <x> |y| *z*', 'tab\there\u0000nul', 'Mr. Smith.', ' padded ', 'x'.repeat(400), '李'.repeat(200), '𝔘'.repeat(100), 'é'.repeat(300)];
    for (const n of names) assertSafe(idOfPath(namedNotePath('contact', n, indexOf({}))));
    assert.equal(slugify('李'.repeat(200)), '李'.repeat(33));
  });

  it('never takes an id any Markdown file has, compared ignoring case: -2, -3…', () => {
    const index = indexOf({
      ...CAST,
      'notes/Sally-Smith.md': 'my own notes, not a Rapport note\n', // a foreign file's id counts too
      'contacts/sally-smith-2.md': md(['type: contact', 'name: Sally Smith']),
      'people/李小龙.md': md(['type: contact', 'name: 李小龙']),
    });
    assert.equal(namedNotePath('contact', 'Sally Smith', index), 'contacts/sally-smith-3.md');
    assert.equal(namedNotePath('contact', '李小龙', index), 'contacts/李小龙-2.md');
    assert.equal(namedNotePath('company', 'Globex', index), 'companies/globex-2.md');
    assert.equal(namedNotePath('company', 'Hooli', index), 'companies/hooli.md');
    assert.equal(uniqueId('SALLY-SMITH', index), 'SALLY-SMITH-3');
  });

  it('never a name Windows refuses (con.md, nul.md)', () => {
    assert.equal(namedNotePath('contact', 'Con', indexOf({})), 'contacts/con-2.md');
    assert.equal(namedNotePath('company', 'NUL', indexOf({})), 'companies/nul-2.md');
  });

  it('a meeting and an outreach about the same person on the same day get distinct ids; a second meeting gets -2', () => {
    const sally = { id: 'sally-smith' };
    const index = indexOf(CAST);
    const meeting = meetingPath('2026-12-01', sally, index);
    const outreach = outreachPath('2026-12-01', sally, index);
    assert.equal(meeting, 'meetings/2026-12-01-sally-smith.md');
    assert.equal(outreach, 'outreach/2026-12-01-sally-smith-outreach.md');
    assert.notEqual(idKey(idOfPath(meeting)), idKey(idOfPath(outreach)));
    const after = indexOf({ ...CAST, [meeting]: md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-12-01']), [outreach]: md(['type: outreach', 'to: "[[sally-smith]]"']) });
    assert.equal(meetingPath('2026-12-01', sally, after), 'meetings/2026-12-01-sally-smith-2.md');
    assert.equal(outreachPath('2026-12-01', sally, after), 'outreach/2026-12-01-sally-smith-outreach-2.md');
    assert.equal(outreachPath('2026-12-01', sally, after, 'thank-you'), 'outreach/2026-12-01-sally-smith-thank-you.md');
  });

  it('finds the unsent draft to a person: status draft, or no status and no sent date', () => {
    const to = (extra: string[]) => md(['type: outreach', 'to: "[[bob-jones]]"', ...extra]);
    const bob = (files: Record<string, string>) => {
      const index = indexOf({ ...CAST, ...files });
      return unsentDraftTo(index, index.contacts().find((c) => c.id === 'bob-jones') as Contact)?.path;
    };
    assert.equal(bob({}), undefined);
    assert.equal(bob({ 'outreach/a.md': to(['status: draft']) }), 'outreach/a.md');
    assert.equal(bob({ 'outreach/a.md': to([]) }), 'outreach/a.md');
    assert.equal(bob({ 'outreach/a.md': to(['sent: 2026-11-01']) }), undefined);
    assert.equal(bob({ 'outreach/a.md': to(['status: sent', 'sent: 2026-11-01']) }), undefined);
    assert.equal(bob({ 'outreach/a.md': to(['status: replied']) }), undefined);
    assert.equal(bob({ 'outreach/a.md': md(['type: outreach', 'to: "[[sally-smith]]"', 'status: draft']) }), undefined, 'a draft to someone else');
  });

  it('the create-the-note fix names the file by the link’s id, made safe and unique', () => {
    assert.equal(safeFileId('jane-doe'), 'jane-doe');
    assert.equal(safeFileId('李小龙'), '李小龙');
    assert.equal(safeFileId('Dr: Who?'), 'Dr- Who-');
    const fix = (link: string, extra: Record<string, string> = {}) =>
      only(check({ ...CAST, 'contacts/ann.md': md(['type: contact', 'name: Ann', `referred_by: "[[${link}]]"`]), ...extra }), 'unknown-reference')[0]?.fixes?.[0]?.create?.path;
    assert.equal(fix('李小龙'), 'contacts/李小龙.md');
    assert.equal(fix('Dr: Who'), 'contacts/Dr- Who.md');
    assert.equal(fix('Dr: Who', { 'notes/dr- who.md': 'taken\n' }), 'contacts/Dr- Who-2.md');
  });
});
