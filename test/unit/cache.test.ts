import { strict as assert } from 'node:assert';
import type { Diagnostic } from '../../src/core/model.js';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { checkOutput, checkWorkspace } from '../../src/cli/workspace.js';
import { loadFolder, scanFolder } from '../../src/node/load-folder.js';
import { loadChecks } from '../../src/cli/warm-start.js';
import { writeText } from '../../src/node/cache-files.js';
import { CHECKS_VERSION } from '../../src/cli/version.generated.js';
import { PARSER_VERSION } from '../../src/core/parse/version.generated.js';
import { clock } from './helpers.js';
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

/** The note cache's file as one value: its head line, and the entries of the lines after it (note-cache.ts). */
function readNoteCache(file: string): { version: string; root: string; entries: [string, { file: Record<string, unknown> }][] } {
  const [head, ...lines] = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return { ...head, entries: lines.flat() };
}

/** Write it back, as note-cache.ts would (every entry on one line); `text` replaces the characters as written. */
function writeNoteCache(file: string, { entries, ...head }: ReturnType<typeof readNoteCache>, text = (t: string) => t): void {
  writeFileSync(file, text(`${JSON.stringify(head)}\n${JSON.stringify(entries)}\n`));
}

/** `use` given a storage folder holding the note cache of `dir` (loadFolder's first run) and that file's path; removed after. */
function withNoteCache(dir: string, use: (storage: string, file: string) => void): void {
  const storage = mkdtempSync(join(tmpdir(), 'rapport-storage-'));
  try {
    loadFolder(dir, { cacheDir: storage });
    use(storage, join(storage, readdirSync(storage).find((f) => f.endsWith('.notes.json'))!));
  } finally {
    rmSync(storage, { recursive: true, force: true });
  }
}

describe('the persisted cache', () => {
  let cacheHome: string;
  let dir: string;
  // Taken when the tests run, not when this file loads: the CLI tests' helpers point
  // XDG_CACHE_HOME at a folder of their own, and it must be given back to them.
  let previous: string | undefined;
  before(() => (previous = process.env.XDG_CACHE_HOME));
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
    if (previous === undefined) delete process.env.XDG_CACHE_HOME; // assigning undefined would set the text "undefined"
    else process.env.XDG_CACHE_HOME = previous;
  });

  it('lives in the user’s cache folder, not in their notes, keeping only the last run’s output and diagnostics', async () => {
    await check(dir);
    write(dir, 'contacts/bob.md', md(['type: contact', 'name: Bob Lee']));
    await check(dir);
    const files = readdirSync(join(cacheHome, 'rapport')).filter((f) => !f.endsWith('.v8'));
    assert.deepEqual(files.map((f) => f.replace(/^[0-9a-f]+/, 'ID').replace(/\.[0-9a-z]+-\d+\./, '.RUN.')).sort(), [
      'ID.RUN.0.out', 'ID.RUN.diagnostics.json', 'ID.checks.json', 'ID.notes.json',
    ]);
    const checks = JSON.parse(readFileSync(join(cacheHome, 'rapport', files.find((f) => f.endsWith('.checks.json'))!), 'utf8'));
    assert.ok(files.includes(checks.diagnostics) && files.includes(checks.outputs[0].file), 'the checks file names the files beside it');
    assert.deepEqual(readdirSync(dir).sort(), ['contacts', 'meetings']);
  });

  it('prints the same answer when the stored report or diagnostics are gone', async () => {
    const first = await check(dir);
    const folder = join(cacheHome, 'rapport');
    for (const f of readdirSync(folder).filter((f) => f.endsWith('.out'))) rmSync(join(folder, f));
    assert.equal(await check(dir), first);
    for (const f of readdirSync(folder).filter((f) => f.endsWith('.diagnostics.json'))) rmSync(join(folder, f));
    write(dir, 'contacts/bob.md', md(['type: contact', 'name: Bob Lee']));
    const after = await check(dir);
    assert.equal(after, await check(dir, '--no-cache'));
    assert.match(after, /Thank-you note to Ann Lee/);
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

  it('stats each note from inside its folder, and leaves the working folder where it was', async () => {
    const cwd = process.cwd();
    write(dir, 'top.md', md(['type: contact', 'name: Top Level', 'next_follow_up: 2026-11-02']));
    write(dir, 'a/b/deep.md', md(['type: contact', 'name: Deep Down', 'next_follow_up: 2026-11-03']));
    const first = await check(dir);
    assert.equal(process.cwd(), cwd);
    assert.match(first, /Top Level/);
    assert.match(first, /Deep Down/);
    // A change in the deepest folder, same size, later mtime: seen by the stat made from inside it.
    const later = new Date(Date.now() + 5000);
    write(dir, 'a/b/deep.md', md(['type: contact', 'name: Deep Doun', 'next_follow_up: 2026-11-03']));
    utimesSync(join(dir, 'a/b/deep.md'), later, later);
    const warm = await check(dir);
    assert.match(warm, /Deep Doun/);
    assert.equal(warm, await check(dir, '--no-cache'));
    assert.equal(process.cwd(), cwd);
  });

  it('lists no folder again when none changed, and walks when one did (a file added, a linked note become a folder)', async function () {
    write(dir, 'a/b/deep.md', md(['type: contact', 'name: Deep Down', 'next_follow_up: 2026-11-03']));
    write(dir, 'meetings/skip.md/x.txt', 'a folder named like a note');
    await new Promise((r) => setTimeout(r, 2100)); // a folder changed in the last 2 s is never trusted
    await check(dir);
    const listing = () => JSON.parse(readFileSync(join(cacheHome, 'rapport', readdirSync(join(cacheHome, 'rapport')).find((f) => f.endsWith('.checks.json'))!), 'utf8')).listing;
    assert.ok(listing().stamps.every((t: number | null) => typeof t === 'number'), 'every folder has a stamp to compare');

    // Taken without a walk: a stored file the walk would not find is stat'ed (and missed), and nothing else is lost.
    const stored = loadChecks(realpathSync(dir))!.listing!;
    const skipped: { file: string; reason: string }[] = [];
    const scan = scanFolder(dir, skipped, { listing: { ...stored, files: [...stored.files, 'contacts/only-in-the-listing.md'] } });
    assert.deepEqual(scan.files, [...stored.files, 'contacts/only-in-the-listing.md']);
    assert.deepEqual(skipped, [{ file: 'contacts/only-in-the-listing.md', reason: 'not readable (ENOENT)' }]);

    // An edit in place moves no folder: the stat sees it.
    const later = new Date(Date.now() + 5000);
    write(dir, 'a/b/deep.md', md(['type: contact', 'name: Deep Doun', 'next_follow_up: 2026-11-03']));
    utimesSync(join(dir, 'a/b/deep.md'), later, later);
    assert.match(await check(dir), /Deep Doun/);
    // A file added moves its folder: walked, and found.
    write(dir, 'a/b/new.md', md(['type: contact', 'name: New Here', 'next_follow_up: 2026-11-04']));
    const warm = await check(dir);
    assert.match(warm, /New Here/);
    assert.equal(warm, await check(dir, '--no-cache'));
    // A note that is a symlink out of the notes, whose target became a folder (no folder of the notes
    // moved): the stat finds no regular file, and the walk is made after all.
    const outside = mkdtempSync(join(tmpdir(), 'rapport-outside-'));
    try {
      writeFileSync(join(outside, 'target.md'), md(['type: contact', 'name: Linked In', 'next_follow_up: 2026-11-05']));
      symlinkSync(join(outside, 'target.md'), join(dir, 'contacts/linked.md'));
      await new Promise((r) => setTimeout(r, 2100));
      assert.match(await check(dir), /Linked In/);
      rmSync(join(outside, 'target.md'));
      write(outside, 'target.md/inner.md', md(['type: contact', 'name: Inside The Link', 'next_follow_up: 2026-11-06']));
      const after = await check(dir);
      assert.doesNotMatch(after, /Linked In/);
      assert.match(after, /Inside The Link/); // the link is a folder now, and walked into
      assert.equal(after, await check(dir, '--no-cache'));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('starts warm after a first run that stat’ed nothing but read each file, a file it could not take included', () => {
    // A first run takes each file's size and mtime from reading it (no stat pass of its own):
    // the next run must still find every file unchanged, the binary one skipped as before.
    write(dir, 'contacts/photo.md', '\u0000PNG');
    const first = checkWorkspace(dir, clock(), { output: checkOutput('json') });
    assert.equal(first.how, 'full');
    assert.deepEqual(first.skipped.map((s) => s.file), ['contacts/photo.md']);
    const again = checkWorkspace(dir, clock(), { output: checkOutput('json') });
    assert.deepEqual([again.how, again.report?.text], ['unchanged', first.report?.text]);
    assert.deepEqual(again.skipped, first.skipped);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'contacts/photo.md'), later, later);
    assert.equal(checkWorkspace(dir, clock()).how, 'incremental', 'a stamp changed: the stamps stored were the files’ own');
  });

  it('prints a first run’s output before writing the caches for the next run', async () => {
    const stored = () => (existsSync(join(cacheHome, 'rapport')) ? readdirSync(join(cacheHome, 'rapport')).length : 0);
    let whenPrinted = -1;
    let flushedAt = -1;
    const code = await main(['check', dir, '--json', '--today', '2026-11-21'], {
      out: () => (whenPrinted = stored()),
      err: () => {},
      flushed: async () => {
        flushedAt = stored();
      },
    });
    assert.equal(code, 1);
    assert.deepEqual([whenPrinted, flushedAt], [0, 0], 'nothing stored when the output was printed, nor when it had left');
    assert.ok(stored() > 0, 'the caches written after');
    assert.equal(checkWorkspace(dir, clock()).how, 'unchanged');
  });

  it('starts cold from a corrupt cache, without a wrong answer', async () => {
    const cold = await check(dir, '--no-cache');
    await check(dir);
    for (const name of readdirSync(join(cacheHome, 'rapport'))) writeFileSync(join(cacheHome, 'rapport', name), '{"version": 2, "root": "');
    assert.equal(await check(dir), cold);
    assert.equal(await check(dir), cold);
  });

  it('answers from the cache when nothing changed, and re-checks only what changed otherwise — always as a cold run would', async () => {
    const steps: [string, () => void][] = [
      ['nothing', () => {}],
      ['a rename', () => write(dir, 'contacts/ann.md', md(['type: contact', 'name: Ann Park', 'next_follow_up: 2026-11-01']))],
      ['a new referral', () => write(dir, 'meetings/m.md', md(['type: meeting', 'with: "[[ann]]"', 'date: 2026-11-01', 'referrals: ["[[bo]]"]']))],
      ['the referral’s note', () => write(dir, 'contacts/bo.md', md(['type: contact', 'name: Bo Diaz']))],
      ['a binary file', () => write(dir, 'contacts/photo.md', '\u0000PNG')],
      ['a deletion', () => unlinkSync(join(dir, 'contacts/bo.md'))],
      ['settings', () => write(dir, '.vscode/settings.json', '{ "rapport.checks.unknown-reference": "off" }')],
    ];
    for (const [what, change] of steps) {
      change();
      const later = new Date(Date.now() + 10_000 * (steps.findIndex((s) => s[0] === what) + 1));
      for (const f of ['contacts/ann.md', 'meetings/m.md']) utimesSync(join(dir, f), later, later);
      const warm = await check(dir);
      assert.equal(warm, await check(dir, '--no-cache'), what);
    }
    assert.equal(checkWorkspace(dir, clock()).how, 'unchanged');
    // Nothing changed: the stored report in its own format, the other format made from the stored diagnostics.
    const human = async (...extra: string[]) => {
      let out = '';
      const code = await main(['check', dir, '--today', '2026-11-21', ...extra], { out: (x) => (out += x), err: () => {} });
      return `${code}\n${out}`;
    };
    const json = await check(dir);
    assert.equal(await human(), await human('--no-cache'));
    assert.equal(await check(dir), json);
    const unchanged = checkWorkspace(dir, clock(), { output: checkOutput('json') });
    assert.deepEqual([unchanged.how, unchanged.report?.text], ['unchanged', json]);
    const shown = (ds: Diagnostic[]) => ds.map((d) => [d.file, d.range, d.severity, d.code, d.message, d.overdue]); // the cache keeps no fixes
    assert.deepEqual(shown(unchanged.diagnostics), shown(checkWorkspace(dir, clock(), { cache: false }).diagnostics));
    write(dir, 'contacts/cy.md', md(['type: contact', 'name: Cy']));
    assert.equal(checkWorkspace(dir, clock()).how, 'incremental');
    assert.equal(checkWorkspace(dir, clock('2026-11-22')).how, 'full', 'another day: everything is re-checked');
  });

  it('prints the report and the calendar from a warm start exactly as a cold run, keeping the check’s beside them (a list between them changes nothing)', async () => {
    // Each command as typed (the folder after `export ics`), with its output and exit code.
    const commands = [['check', '--json'], ['report'], ['report', '--json'], ['report', '--json', '--weeks', '3'], ['list', '--json'], ['export', 'ics']];
    const run = async (command: string[], extra: string[] = [], hooks = {}) => {
      const [verb, ...rest] = command;
      const what = verb === 'export' ? [rest.shift()!] : [];
      let out = '';
      const args = [verb, ...what, dir, ...rest, ...(verb === 'list' ? [] : ['--today', '2026-11-21']), ...extra];
      const code = await main(args, { out: (x) => (out += x), err: () => {} }, hooks);
      return `${code}\n${out}`;
    };
    const runAll = async (extra: string[] = []) => {
      const outs: string[] = [];
      for (const c of commands) outs.push(await run(c, extra));
      return outs;
    };
    const expected = await runAll(['--no-cache']);
    assert.match(expected[1], /1 not sent yet/);
    assert.deepEqual(await runAll(), expected, 'the first runs, each stored in turn');
    assert.deepEqual(await runAll(), expected, 'printed as stored');
    // Each is stored, none pushed out by the others: nothing is read or checked again.
    let read = 0;
    for (const c of commands) await run(c, [], { beforeReading: () => read++ });
    assert.equal(read, 0, 'every output came from the stored state');
    // A changed note: every output is made again from the notes.
    write(dir, 'contacts/cy.md', md(['type: contact', 'name: Cy Moss', 'next_follow_up: 2026-11-20']));
    const after = await runAll(['--no-cache']);
    const reportJson = commands.findIndex((c) => c.join(' ') === 'report --json');
    assert.notEqual(after[reportJson], expected[reportJson]);
    assert.deepEqual(await runAll(), after);
  });

  it('keeps each stored output apart when two runs save within one millisecond', async () => {
    // Seen once in CI: main() run in-process twice in a millisecond named its files alike, and
    // the report's text was then printed for the check. The clock is held still to make it so.
    const run = async (...args: string[]) => {
      let out = '';
      await main([args[0], dir, ...args.slice(1), '--today', '2026-11-21'], { out: (x) => (out += x), err: () => {} });
      return out;
    };
    const cold = [await run('check', '--json', '--no-cache'), await run('report', '--no-cache')];
    const now = Date.now;
    const still = now();
    Date.now = () => still;
    try {
      for (let i = 0; i < 2; i++) assert.deepEqual([await run('check', '--json'), await run('report')], cold);
    } finally {
      Date.now = now;
    }
  });

  it('starts warm all day long until a meeting’s time today comes, and then checks again', async () => {
    write(dir, 'meetings/today.md', md(['type: meeting', 'with: "[[ann]]"', 'date: 2026-11-21 10:30', 'status: planned']));
    const at = (time: string) => clock(`2026-11-21 ${time}`);
    const checked = (time: string) => checkWorkspace(dir, at(time), { output: checkOutput('json') });
    const cold = (time: string) => checkWorkspace(dir, at(time), { output: checkOutput('json'), cache: false }).report!.text;
    assert.equal(checked('09:00').how, 'full');
    const before = checked('10:29');
    assert.deepEqual([before.how, before.report!.text], ['unchanged', cold('10:29')], 'no meeting began between 09:00 and 10:29');
    const begun = checked('10:30');
    assert.deepEqual([begun.how, begun.report!.text], ['full', cold('10:30')], 'the meeting’s time came: it may be done now');
    assert.notEqual(begun.report!.text, before.report!.text);
    assert.equal(checked('17:45').how, 'unchanged');
    assert.equal(checkWorkspace(dir, clock('2026-11-21'), { output: checkOutput('json') }).how, 'full', 'a day without a time is another question');
  });

  it('reads a note whose YAML JSON cannot hold (an alias inside itself, .inf, a set) again rather than store it', async () => {
    write(dir, 'contacts/odd.md', md(['type: contact', 'name: Odd One', 'loop: &a [*a]', 'far: .inf', 'kinds: !!set {a, b}', 'next_follow_up: 2026-11-02']));
    const list = async (...extra: string[]) => {
      let out = '';
      const code = await main(['list', dir, '--json', ...extra], { out: (s) => (out += s), err: (s) => (out += s) });
      return `${code}\n${out}`;
    };
    const cold = await check(dir, '--no-cache');
    assert.match(cold, /Odd One/);
    assert.equal(await check(dir), cold);
    write(dir, 'contacts/bob.md', md(['type: contact', 'name: Bob Lee'])); // something changed: the notes are taken from the cache
    assert.equal(await check(dir), await check(dir, '--no-cache'));
    const listed = await list('--no-cache');
    assert.match(listed, /"far": "Infinity"/);
    assert.equal(await list(), listed);
    assert.equal(await list(), listed);
  });

  it('ignores notes cached by another version of the parser: they are read again, never believed', () => {
    withNoteCache(dir, (storage, file) => {
      // A cache whose note says something its file does not: believed under this version (so the
      // cache is really read), ignored under any other.
      const stored = readNoteCache(file);
      assert.equal(stored.version, PARSER_VERSION);
      writeNoteCache(file, stored, (t) => t.replaceAll('Ann Lee', 'Ann Wrong'));
      const believed = loadFolder(dir, { cacheDir: storage, save: false });
      assert.deepEqual([believed.cached, believed.index.contacts().map((c) => c.name)], [2, ['Ann Wrong']]);
      writeNoteCache(file, { ...stored, version: '0123456789abcdef' }, (t) => t.replaceAll('Ann Lee', 'Ann Wrong'));
      const other = loadFolder(dir, { cacheDir: storage });
      assert.deepEqual([other.read, other.cached, other.index.contacts().map((c) => c.name)], [2, 0, ['Ann Lee']]);
      assert.equal(readNoteCache(file).version, PARSER_VERSION, 'and written again under this one');
    });
  });

  it('reads every note again from a cache cut short, or written as one JSON text (as before its lines), and writes it anew', () => {
    withNoteCache(dir, (storage, file) => {
      const stored = readNoteCache(file);
      // Its head and its notes on one line, a wrong name in them: none is believed.
      writeFileSync(file, JSON.stringify(stored).replaceAll('Ann Lee', 'Ann Wrong'));
      const before = loadFolder(dir, { cacheDir: storage });
      assert.deepEqual([before.read, before.cached, before.index.contacts().map((c) => c.name)], [2, 0, ['Ann Lee']]);
      assert.equal(readNoteCache(file).entries.length, 2, 'written again, in lines');
      // Cut in the middle of its notes' line.
      const text = readFileSync(file, 'utf8').replaceAll('Ann Lee', 'Ann Wrong');
      writeFileSync(file, text.slice(0, text.length - 40));
      const cut = loadFolder(dir, { cacheDir: storage, save: false });
      assert.deepEqual([cut.read, cut.cached, cut.index.contacts().map((c) => c.name)], [2, 0, ['Ann Lee']]);
    });
  });

  it('reads again a cached note it cannot revive, and still takes the others from the cache', () => {
    withNoteCache(dir, (storage, file) => {
      const stored = readNoteCache(file);
      for (const [path, entry] of stored.entries) {
        if (path === 'meetings/m.md') delete entry.file.frontmatter; // not what this version writes
        else entry.file.name = 'Ann Cached'; // believed: so it is seen to come from the cache
      }
      writeNoteCache(file, stored);
      const loaded = loadFolder(dir, { cacheDir: storage, save: false });
      assert.deepEqual([loaded.read, loaded.cached], [1, 1]);
      assert.deepEqual(loaded.index.contacts().map((c) => c.name), ['Ann Cached']);
      assert.deepEqual(loaded.index.meetings().map((m) => m.with.map((r) => r.id)), [['ann']]);
    });
  });

  it('ignores a warm-start state written by another version of the checks: the notes are checked again', async () => {
    const cold = await check(dir, '--no-cache');
    assert.equal(await check(dir), cold);
    const folder = join(cacheHome, 'rapport');
    const checksFile = join(folder, readdirSync(folder).find((f) => f.endsWith('.checks.json'))!);
    const reportFile = join(folder, readdirSync(folder).find((f) => f.endsWith('.out'))!);
    writeFileSync(reportFile, '[]\n'); // a report this tree's checks would not print
    assert.equal(await check(dir), '[]\n', 'under this version the stored report is printed as it is');
    const checks = JSON.parse(readFileSync(checksFile, 'utf8'));
    assert.equal(checks.version, CHECKS_VERSION);
    writeFileSync(checksFile, JSON.stringify({ ...checks, version: '0123456789abcdef' }));
    assert.equal(checkWorkspace(dir, clock()).how, 'full');
    assert.equal(await check(dir), cold);
  });

  it('lets the extension reopen a folder without reading or parsing unchanged notes (its own cache folder)', () => {
    const storage = mkdtempSync(join(tmpdir(), 'rapport-storage-'));
    try {
      const first = loadFolder(dir, { cacheDir: storage });
      assert.deepEqual([first.read, first.cached], [2, 0]);
      const again = loadFolder(dir, { cacheDir: storage });
      assert.deepEqual([again.read, again.cached], [0, 2]);
      assert.deepEqual(again.index.contacts().map((c) => c.name), ['Ann Lee']);
      const later = new Date(Date.now() + 60_000);
      write(dir, 'contacts/ann.md', md(['type: contact', 'name: Ann Park']));
      utimesSync(join(dir, 'contacts/ann.md'), later, later);
      const edited = loadFolder(dir, { cacheDir: storage });
      assert.deepEqual([edited.read, edited.cached], [1, 1]);
      assert.deepEqual(edited.index.contacts().map((c) => c.name), ['Ann Park']);
      assert.deepEqual(readdirSync(storage).map((f) => f.replace(/^[0-9a-f]+/, 'ID')), ['ID.notes.json']);
    } finally {
      rmSync(storage, { recursive: true, force: true });
    }
  });

  it('writes a text of megabytes whole, through its buffer, without cutting a character in two', () => {
    const out = mkdtempSync(join(tmpdir(), 'rapport-write-'));
    try {
      // Only four-byte characters: every other UTF-16 unit is a surrogate pair's second half, so a
      // slice of the text must land between two pairs; ASCII after, in the same text.
      const text = `${'😀'.repeat(600_000)}é${'a'.repeat(700_000)}`;
      assert.ok(writeText(join(out, 'big.txt'), text));
      assert.equal(readFileSync(join(out, 'big.txt'), 'utf8'), text);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('gives back every character of the notes it stored: accents, scripts, emoji, and a note larger than its write buffer', () => {
    const storage = mkdtempSync(join(tmpdir(), 'rapport-storage-'));
    try {
      // Many notes, so that the stored JSON crosses the writer's buffer (a megabyte) several times,
      // one note alone larger than it, and characters of one to four bytes in UTF-8 throughout.
      const big = `${'Zoë 张伟 Дмитрий 😀 '.repeat(40_000)}\n`;
      write(dir, 'contacts/big.md', md(['type: contact', 'name: Zoë Big'], big));
      for (let i = 0; i < 600; i++) write(dir, `contacts/p${i}.md`, md(['type: contact', `name: Zoë 张${i} 😀`], `Met at café ${i} — “quoted” ${'ä'.repeat(i % 50)}\n`));
      const first = loadFolder(dir, { cacheDir: storage });
      const again = loadFolder(dir, { cacheDir: storage });
      assert.equal(again.read, 0, 'every note from the cache');
      assert.equal(again.cached, first.read);
      for (const note of first.index.allFiles()) assert.equal(again.index.get(note.path)?.text, note.text, note.path);
      assert.equal(again.index.contacts().find((c) => c.path === 'contacts/p599.md')?.name, 'Zoë 张599 😀');
      // Stored in ASCII (each other character as its \\u escape), so that it is read back byte for byte.
      const [stored] = readdirSync(storage).filter((f) => f.endsWith('.notes.json'));
      const bytes = readFileSync(join(storage, stored));
      assert.ok(bytes.every((b) => b < 0x80), 'the note cache is ASCII');
      // A cache written with the characters themselves (UTF-8, as before) is read as well.
      writeNoteCache(join(storage, stored), readNoteCache(join(storage, stored)));
      assert.ok(readFileSync(join(storage, stored)).some((b) => b >= 0x80));
      const utf8 = loadFolder(dir, { cacheDir: storage });
      assert.equal(utf8.read, 0);
      assert.equal(utf8.index.contacts().find((c) => c.path === 'contacts/p599.md')?.name, 'Zoë 张599 😀');
    } finally {
      rmSync(storage, { recursive: true, force: true });
    }
  });
});
