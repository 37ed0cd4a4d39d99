// The smaller findings of a stress run (issue 16), each as the user meets it.

import { strict as assert } from 'node:assert';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliasBomb } from './arbitraries.js';
import { md } from './helpers.js';
import { BIN, repo, run } from './cli-helpers.js';

type Shown = { file: string; code: string; message: string };
const check = async (dir: string, ...extra: string[]) => {
  const r = await run('check', dir, '--json', '--today', '2026-11-21', '--no-cache', ...extra);
  return { ...r, found: JSON.parse(r.out || '[]') as Shown[] };
};

describe('what a stress run found', () => {
  it('names a note whose file name is not UTF-8 so that it can be found, instead of losing it as ENOENT', async () => {
    const dir = repo({ 'contacts/ann.md': md(['type: contact', 'name: Ann Lee']) });
    // a\xffb.md: a byte that is not UTF-8, as an old archive or another system's disk leaves it.
    writeFileSync(Buffer.concat([Buffer.from(join(dir, 'contacts/')), Buffer.from([0x61, 0xff, 0x62]), Buffer.from('.md')]), md(['type: contact', 'name: Bo']));
    const r = await check(dir);
    assert.match(r.err, /skipped contacts\/a\\xffb\.md: its name is not valid UTF-8/);
    assert.doesNotMatch(r.err, /ENOENT/);
  });

  it('reads a note reached by two paths (a symlink beside it) once: no duplicate-contact of itself', async () => {
    const dir = repo({ 'contacts/ann-lee.md': md(['type: contact', 'name: Ann Lee', 'email: ann@x.example']) });
    symlinkSync('ann-lee.md', join(dir, 'contacts/ann.md'));
    symlinkSync('contacts/ann-lee.md', join(dir, 'ann-lee.md'));
    const r = await check(dir);
    assert.deepEqual(r.found.map((d) => d.code), []);
    assert.match(r.err, /skipped contacts\/ann\.md: a symlink to contacts\/ann-lee\.md, read there/);
    const listed = JSON.parse((await run('list', dir, '--json', '--no-cache')).out);
    assert.deepEqual(listed.contacts.map((c: { file: string }) => c.file), ['contacts/ann-lee.md']);
  });

  it('says nothing else of a frontmatter it could not read (an alias bomb): no thank-you overdue from half of it', async () => {
    const dir = repo({ 'meetings/m.md': ['---', 'type: meeting', 'with: "[[ann]]"', 'date: 2026-11-10', ...aliasBomb(9, 7), '---', ''].join('\n') });
    const r = await check(dir);
    assert.deepEqual(r.found.map((d) => d.code), ['invalid-frontmatter']);
    assert.match(r.found[0].message, /too many aliases/);
  });

  it('reports a contact who referred themselves, and a thank-you sent before the meeting, as mistakes', async () => {
    const dir = repo({
      'contacts/ann.md': md(['type: contact', 'name: Ann Lee', 'referred_by: "[[ann]]"']),
      'contacts/bo.md': md(['type: contact', 'name: Bo Diaz', 'referred_by: bo diaz']),
      'meetings/m.md': md(['type: meeting', 'with: "[[bo]]"', 'date: 2026-11-18', 'thank_you: 2026-11-10', 'referrals: []'], '## Questions\n\n- What next?\n'),
      'meetings/ok.md': md(['type: meeting', 'with: "[[bo]]"', 'date: 2026-11-12', 'thank_you: 2026-11-12', 'referrals: []'], '## Questions\n\n- What next?\n'),
    });
    const r = await check(dir);
    const mistakes = r.found.filter((d) => d.code === 'invalid-frontmatter').map((d) => `${d.file}: ${d.message}`);
    assert.deepEqual(mistakes, [
      'contacts/ann.md: `referred_by` names Ann Lee themselves: name the person who introduced you to them.',
      'contacts/bo.md: `referred_by` names Bo Diaz themselves: name the person who introduced you to them.',
      'meetings/m.md: `thank_you` is 2026-11-10, before the meeting on 2026-11-18: a thank-you is sent after it. Put the day it was sent.',
    ]);
  });

  it('says "An outreach needs `to`", not "A outreach"', async () => {
    const r = await check(repo({ 'outreach/o.md': md(['type: outreach', 'subject: Hello']) }));
    assert.ok(r.found.some((d) => d.message === 'An outreach needs `to`.'), r.out);
  });

  it('refuses --today given twice, and answers --version', async () => {
    const dir = repo({ 'contacts/ann.md': md(['type: contact', 'name: Ann Lee']) });
    const twice = await run('check', dir, '--today', '2026-11-21', '--today', '2026-11-22');
    assert.deepEqual([twice.code, twice.out, twice.err], [2, '', 'rapport: --today is given more than once; give it once\n']);
    const version = JSON.parse(readFileSync(join(BIN, '../../package.json'), 'utf8')).version;
    assert.deepEqual(await run('--version'), { code: 0, out: `rapport ${version}\n`, err: '' });
  });
});
