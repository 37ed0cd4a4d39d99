import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withinAsync } from './bounded.js';
import { BIN, rapport, repo, run } from './cli-helpers.js';
import { md } from './helpers.js';

const NETWORK = {
  'contacts/sally-smith.md': md(['type: contact', 'name: Sally Smith', 'company: Globex']),
  'contacts/bob-jones.md': md(['type: contact', 'name: Bob Jones', 'referred_by: "[[sally-smith]]"']),
  'companies/globex.md': md(['type: company', 'name: Globex', 'target: true']),
  'meetings/2026-11-20-sally.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-20', 'referrals: ["[[bob-jones]]"]']),
  'outreach/bob.md': md(['type: outreach', 'to: "[[bob-jones]]"', 'subject: Sally Smith suggested I contact you'], 'Hi Bob,\n'),
};

describe('rapport check', () => {
  let dir: string;
  before(() => (dir = repo(NETWORK)));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the JSON contract: exactly six keys, 1-based positions, sorted by file then line', async () => {
    const overdue = repo({ ...NETWORK, 'meetings/2026-11-01-sally.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-01', 'referrals: []']), 'contacts/z.md': md(['type: contact', 'status: x']) });
    const { code, out, err } = await run('check', overdue, '--json', '--today', '2026-11-21');
    rmSync(overdue, { recursive: true, force: true });
    assert.equal(err, '');
    const ds = JSON.parse(out) as Record<string, unknown>[];
    assert.equal(out, `${JSON.stringify(ds, null, 2)}\n`, 'written as JSON.stringify(…, null, 2) writes it');
    assert.ok(ds.length >= 3);
    for (const d of ds) {
      assert.deepEqual(Object.keys(d), ['file', 'line', 'column', 'severity', 'code', 'message']);
      assert.ok(Number.isInteger(d.line) && (d.line as number) >= 1 && (d.column as number) >= 1);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity as string));
    }
    const keys = ds.map((d) => [d.file, d.line] as [string, number]);
    assert.deepEqual(keys, [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1])));
    assert.deepEqual(ds.find((d) => d.code === 'thank-you-pending' && (d.file as string).includes('11-01')), {
      file: 'meetings/2026-11-01-sally.md', line: 4, column: 1, severity: 'warning', code: 'thank-you-pending',
      message: 'Thank-you note to Sally Smith is 19 days overdue: it was due 2026-11-02.',
    });
    assert.equal(code, 1);
  });

  it('exits 0 when only information is due, and prints compiler-style lines', async () => {
    const { code, out } = await run('check', dir, '--today', '2026-11-21');
    assert.equal(code, 0);
    assert.match(out, /^meetings\/2026-11-20-sally\.md:4:1 information thank-you-pending Send Sally Smith a thank-you note today/m);
    assert.match(out, /1 diagnostic: 0 errors/);
  });

  it('exits 1 on an overdue warning, not on other warnings', async () => {
    assert.equal((await run('check', dir, '--today', '2026-11-23')).code, 1);
    const warnOnly = repo({ 'contacts/a.md': md(['type: contact', 'name: A', 'company: "[[nowhere]]"']) });
    const r = await run('check', warnOnly, '--json');
    rmSync(warnOnly, { recursive: true, force: true });
    assert.equal(JSON.parse(r.out)[0].code, 'unknown-reference');
    assert.equal(r.code, 0);
  });

  it('reads per-check settings from .vscode/settings.json, as the editor does', async () => {
    const d = repo({ ...NETWORK, '.vscode/settings.json': '{\n  // quiet please\n  "rapport.checks.thank-you-pending": "off",\n  "rapport.checks.target-without-contact": "error",\n}' });
    const r = await run('check', d, '--json', '--today', '2026-11-30');
    rmSync(d, { recursive: true, force: true });
    const ds = JSON.parse(r.out) as { code: string }[];
    assert.ok(!ds.some((x) => x.code === 'thank-you-pending'));
  });

  it('exits 2 on bad usage, with a message', async () => {
    for (const argv of [[], ['frobnicate', dir], ['check'], ['check', dir, '--today', '2026-02-30'], ['check', join(dir, 'missing')], ['check', dir, '--bogus']]) {
      const r = await run(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.ok(r.err.length > 0, argv.join(' '));
      assert.equal(r.out, '');
    }
  });

  it('has --help for each command', async () => {
    for (const c of ['check', 'list', 'watch']) {
      const r = await run(c, '--help');
      assert.equal(r.code, 0);
      assert.match(r.out, new RegExp(`^rapport ${c} DIR`));
    }
    assert.match((await run('--help')).out, /Usage:/);
  });

  it('runs as the rapport command', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', dir, '--json', '--today', '2026-11-21'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout)[0].code, 'thank-you-pending');
  });
});

describe('rapport list', () => {
  it('writes contacts, meetings, companies and outreach with id, file and frontmatter', async () => {
    const dir = repo(NETWORK);
    const r = await run('list', dir, '--json');
    rmSync(dir, { recursive: true, force: true });
    const index = JSON.parse(r.out);
    assert.deepEqual(Object.keys(index), ['contacts', 'meetings', 'companies', 'outreach']);
    assert.deepEqual(index.contacts[1], { id: 'sally-smith', file: 'contacts/sally-smith.md', type: 'contact', name: 'Sally Smith', company: 'Globex' });
    assert.deepEqual(index.meetings[0].referrals, ['[[bob-jones]]']);
    assert.equal(index.meetings[0].date, '2026-11-20');
  });

  it('lists the same with and without the cache', async () => {
    const dir = repo(NETWORK);
    const cold = await run('list', dir, '--json', '--no-cache');
    const warm = await run('list', dir, '--json');
    const again = await run('list', dir, '--json');
    rmSync(dir, { recursive: true, force: true });
    assert.equal(JSON.parse(cold.out).contacts.length, 2);
    assert.equal(warm.out, cold.out);
    assert.equal(again.out, cold.out);
  });

  it('stays small on an alias bomb', async () => {
    const lines = ['---', 'type: contact', 'name: Bomb', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const dir = repo({ 'contacts/bomb.md': [...lines, '---', ''].join('\n'), 'contacts/ok.md': md(['type: contact', 'name: Ok']) });
    const { r, c } = await withinAsync(2000, 'list and check', async () => ({ r: await run('list', dir, '--json'), c: await run('check', dir, '--json') }));
    rmSync(dir, { recursive: true, force: true });
    assert.ok(r.out.length < 10_000, `${r.out.length} bytes`);
    // A frontmatter not read is not a contact's: only its problem is said.
    assert.deepEqual(JSON.parse(r.out).contacts.map((x: { id: string }) => x.id), ['ok']);
    assert.deepEqual(JSON.parse(c.out).map((d: { file: string; code: string }) => `${d.file} ${d.code}`), ['contacts/bomb.md invalid-frontmatter']);
  });
});

describe('reading a folder', () => {
  it('skips a binary .md with a reason, survives a symlink loop, and keeps every other note', async function () {
    const dir = repo({
      ...NETWORK,
      'contacts/photo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0x00]),
      'node_modules/pkg/readme.md': md(['type: contact']),
      '.git/notes.md': md(['type: contact']),
    });
    symlinkSync(dir, join(dir, 'contacts', 'loop'));
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'contacts', 'dangling.md'));
    const r = await withinAsync(2000, 'list', () => run('list', dir, '--json'));
    rmSync(dir, { recursive: true, force: true });
    assert.match(r.err, /skipped contacts\/photo\.md: binary file/);
    assert.match(r.err, /skipped contacts\/loop: symlink to a folder already read/);
    assert.match(r.err, /skipped contacts\/dangling\.md: broken symlink/);
    const index = JSON.parse(r.out);
    assert.deepEqual(index.contacts.map((c: { file: string }) => c.file), ['contacts/bob-jones.md', 'contacts/sally-smith.md']);
    assert.equal(index.meetings.length, 1);
  });

  it('finds notes behind a symlinked folder once', () => {
    const dir = repo({ 'real/contacts/a.md': md(['type: contact', 'name: A']) });
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    const out = execFileSync(process.execPath, [BIN, 'list', dir, '--json'], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    assert.equal(JSON.parse(out).contacts.length, 1);
  });
});


describe('the rapport command’s compiled-code cache', () => {
  it('is written after a check, reused, survives corruption, and never written with --no-cache', () => {
    const cacheHome = mkdtempSync(join(tmpdir(), 'rapport-code-cache-'));
    const dir = repo(NETWORK);
    const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
    const codeFiles = () => (existsSync(join(cacheHome, 'rapport')) ? readdirSync(join(cacheHome, 'rapport')).filter((f) => f.endsWith('.v8')) : []);
    try {
      const first = rapport(['check', dir, '--json', '--today', '2026-11-21', '--no-cache'], { env });
      assert.deepEqual(codeFiles(), [], 'no cache of any kind with --no-cache');
      const second = rapport(['check', dir, '--json', '--today', '2026-11-21'], { env });
      assert.equal(codeFiles().length, 1);
      assert.equal(second.out, first.out);
      // A damaged file is refused by V8 and written anew; the answer does not change.
      const file = join(cacheHome, 'rapport', codeFiles()[0]);
      writeFileSync(file, Buffer.from('not V8 code at all'));
      const third = rapport(['check', dir, '--json', '--today', '2026-11-21'], { env });
      assert.equal(third.out, first.out);
      assert.equal(third.err, '');
      assert.ok(readFileSync(file).length > 10_000, 'rewritten with real code');
    } finally {
      rmSync(cacheHome, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
