import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { md } from './helpers.js';

async function check(dir: string, ...extra: string[]): Promise<string> {
  let out = '';
  await main(['check', dir, '--json', '--today', '2026-11-21', ...extra], { out: (s) => (out += s), err: () => {} });
  return out;
}

function write(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

describe('the persisted cache', () => {
  let cacheHome: string;
  let dir: string;
  const previous = process.env.XDG_CACHE_HOME;
  beforeEach(() => {
    cacheHome = mkdtempSync(join(tmpdir(), 'rapport-cache-'));
    process.env.XDG_CACHE_HOME = cacheHome;
    dir = mkdtempSync(join(tmpdir(), 'rapport-notes-'));
    write(dir, 'contacts/ann.md', md(['type: contact', 'name: Ann Lee', 'next_follow_up: 2026-11-01']));
    write(dir, 'meetings/m.md', md(['type: meeting', 'with: "[[ann]]"', 'date: 2026-11-18', 'referrals: []']));
  });
  afterEach(() => {
    rmSync(cacheHome, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    process.env.XDG_CACHE_HOME = previous;
  });

  it('lives in the user’s cache folder, not in their notes', async () => {
    await check(dir);
    assert.equal(readdirSync(join(cacheHome, 'rapport')).filter((f) => f.endsWith('.json')).length, 1);
    assert.deepEqual(readdirSync(dir).sort(), ['contacts', 'meetings']);
  });

  it('takes an unchanged note (same size and mtime) from the cache instead of reading it', async () => {
    const file = join(dir, 'contacts/ann.md');
    const when = Math.floor(Date.now() / 1000) - 60; // whole seconds, so it can be set again exactly
    utimesSync(file, when, when);
    const first = await check(dir);
    // Same size, same mtime, other bytes: only a run that did not read the file keeps the old answer.
    writeFileSync(file, md(['type: contact', 'name: Bob Lee', 'next_follow_up: 2026-11-01']));
    utimesSync(file, when, when);
    assert.equal(statSync(file).size, md(['type: contact', 'name: Ann Lee', 'next_follow_up: 2026-11-01']).length);
    assert.equal(await check(dir), first);
    assert.match(await check(dir, '--no-cache'), /Thank-you note to Bob Lee/);
  });

  it('is correct after edits made outside the editor (a checkout: changed, added, deleted files)', async () => {
    await check(dir);
    const later = new Date(Date.now() + 5000);
    write(dir, 'contacts/ann.md', md(['type: contact', 'name: Ann Lee-Park', 'next_follow_up: 2026-11-01']));
    utimesSync(join(dir, 'contacts/ann.md'), later, later);
    write(dir, 'meetings/n.md', md(['type: meeting', 'with: "[[cy]]"', 'date: 2026-11-19']));
    unlinkSync(join(dir, 'meetings/m.md'));
    const warm = await check(dir);
    assert.equal(warm, await check(dir, '--no-cache'));
    assert.match(warm, /Ann Lee-Park/);
    assert.match(warm, /No note is called “cy”/);
    assert.doesNotMatch(warm, /meetings\/m\.md/);
  });

  it('starts cold from a corrupt cache, without a wrong answer', async () => {
    const cold = await check(dir, '--no-cache');
    await check(dir);
    const [name] = readdirSync(join(cacheHome, 'rapport'));
    writeFileSync(join(cacheHome, 'rapport', name), '{"version": 1, "root": "');
    assert.equal(await check(dir), cold);
    assert.equal(await check(dir), cold);
  });
});
