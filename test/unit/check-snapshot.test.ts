// The editor's first second: the checks in two steps (what is due before drafts' wording),
// and the snapshot of diagnostics that fills Follow-ups before any note is read, used
// only when the notes, the day, the minute's window and the settings are as they were.

import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkKey, keyWithWindow, sameKey } from '../../src/core/check-key.js';
import { CHECKS } from '../../src/core/checks/catalogue.js';
import { clockFrom } from '../../src/core/dates.js';
import { LiveChecks } from '../../src/core/live-checks.js';
import type { Diagnostic } from '../../src/core/model.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { loadSnapshot, saveSnapshot, snapshotPath } from '../../src/node/check-snapshot.js';
import { loadFolder, scanFolder } from '../../src/node/load-folder.js';
import { CAST, clock, indexOf, md } from './helpers.js';

const SETTINGS = { ...DEFAULT_SETTINGS, checks: {} };
const DRAFT = md(['type: outreach', 'to: "[[bob-jones]]"', 'subject: Hello'], 'Are you hiring? I have attached my resume.\n');
const MEETING = md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-19', 'referrals: []']);
const FILES = { ...CAST, 'outreach/bob.md': DRAFT, 'meetings/sally.md': MEETING };
const sorted = (ds: Diagnostic[]) => JSON.stringify(ds);

describe('the first check in two steps', () => {
  it('gives, once both steps are done, exactly what one full check gives, fixes and follow-ups included', () => {
    const full = new LiveChecks(indexOf(FILES), () => ({ clock: clock(), settings: SETTINGS }));
    full.checkAll();
    const twoSteps = new LiveChecks(indexOf(FILES), () => ({ clock: clock(), settings: SETTINGS }));
    twoSteps.checkAllButProse();
    const first = twoSteps.all();
    twoSteps.checkProse();
    assert.equal(sorted(twoSteps.all()), sorted(full.all()));
    // The first step lacks only the wording of drafts, none of it a follow-up.
    const prose = new Set(CHECKS.filter((c) => c.readsProse).map((c) => c.code));
    assert.deepEqual([...prose].sort(), ['outreach-asks-for-job', 'outreach-informational-interview', 'outreach-resume-attached']);
    assert.equal(sorted(first), sorted(full.all().filter((d) => !prose.has(d.code))));
    assert.ok(full.all().some((d) => prose.has(d.code)), 'the draft asks for a job: something for the second step');
    assert.ok(first.some((d) => d.followUp), 'the thank-you owed Sally is there after the first step');
  });
});

describe('the first check after a snapshot was shown, in two steps', () => {
  it('keeps the snapshot’s findings on drafts’ wording through the first step (none goes and comes back), and the second replaces them', () => {
    const full = new LiveChecks(indexOf(FILES), () => ({ clock: clock(), settings: SETTINGS }));
    full.checkAll();
    const prose = new Set(CHECKS.filter((c) => c.readsProse).map((c) => c.code));
    const asStored = (ds: Diagnostic[]) => ds.map((d) => (prose.has(d.code) ? { ...d, message: `${d.message} (as stored)` } : d));
    const live = new LiveChecks(indexOf(FILES), () => ({ clock: clock(), settings: SETTINGS }));
    live.seed([...full.entries()].map(([path, ds]) => [path, asStored(ds)]));
    live.checkAllButProse({ keepProse: true });
    assert.equal(sorted(live.all()), sorted(asStored(full.all())));
    assert.ok(live.all().some((d) => d.message.endsWith('(as stored)')));
    live.checkProse();
    assert.equal(sorted(live.all()), sorted(full.all()));
    // Without a seed to keep from, the first step is the plain one.
    const plain = new LiveChecks(indexOf(FILES), () => ({ clock: clock(), settings: SETTINGS }));
    plain.checkAllButProse({ keepProse: true });
    assert.equal(sorted(plain.all()), sorted(full.all().filter((d) => !prose.has(d.code))));
  });
});

describe('the check for the next day’s snapshot, a few notes at a time', () => {
  it('gives what one full check gives, a step for each few notes', () => {
    const next = clock('2026-11-22');
    const full = new LiveChecks(indexOf(FILES), () => ({ clock: next, settings: SETTINGS }));
    full.checkAll();
    const stepwise = new LiveChecks(indexOf(FILES), () => ({ clock: next, settings: SETTINGS }));
    const steps = [...stepwise.checkAllInSteps(2)].length;
    assert.equal(sorted(stepwise.all()), sorted(full.all()));
    assert.ok(steps >= 2, `${steps} steps for ${Object.keys(FILES).length} files, two notes a step`);
  });
});

describe('the key a snapshot is used under', () => {
  const at = (text: string) => checkKey(clockFrom(text)!, SETTINGS);
  it('holds on the same day between two meetings of that day, not once the next has begun, nor on another day or with other settings', () => {
    const index = indexOf({ ...CAST, 'meetings/a.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-21T10:00']), 'meetings/b.md': md(['type: meeting', 'with: "[[bob-jones]]"', 'date: 2026-11-21T15:30']) });
    const stored = keyWithWindow(at('2026-11-21T11:00'), index);
    assert.deepEqual([stored.since, stored.until], [600, 930]);
    assert.ok(sameKey(stored, at('2026-11-21T10:00')));
    assert.ok(sameKey(stored, at('2026-11-21T15:29')));
    assert.ok(!sameKey(stored, at('2026-11-21T15:30')), 'the afternoon meeting has begun');
    assert.ok(!sameKey(stored, at('2026-11-21T09:59')));
    assert.ok(!sameKey(stored, at('2026-11-22T11:00')));
    assert.ok(!sameKey(stored, checkKey(clockFrom('2026-11-21T11:00')!, { ...SETTINGS, checks: { 'thank-you-pending': 'off' } })));
  });
});

describe('the snapshot of diagnostics (check-snapshot.ts)', () => {
  let dir: string;
  let cache: string;
  let root: string;
  const key = checkKey(clock(), SETTINGS);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-snapshot-notes-'));
    cache = mkdtempSync(join(tmpdir(), 'rapport-snapshot-cache-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    root = realpathSync(dir);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  /** Check the folder as it is on disk and store the snapshot, as the editor does: returns the diagnostics stored. */
  function store(k = key): Map<string, Diagnostic[]> {
    const { index, stamps } = loadFolder(dir, { cache: false });
    const live = new LiveChecks(index, () => ({ clock: clock(), settings: SETTINGS }));
    live.checkAll();
    assert.ok(saveSnapshot(root, cache, { key: keyWithWindow(k, index), stamps, diagnostics: live.entries() }));
    return new Map(live.entries());
  }
  let scans = 0;
  const load = (k = key) => loadSnapshot(root, cache, k, () => (scans++, scanFolder(dir, [])));

  it('gives back every diagnostic as stored, fixes and follow-ups included, when nothing changed', () => {
    const stored = store();
    const back = load();
    assert.ok(back);
    assert.deepEqual([...back], [...stored]);
    const thanks = [...back.values()].flat().find((d) => d.code === 'thank-you-pending');
    assert.ok(thanks?.followUp && thanks.fixes?.length, 'the thank-you keeps its follow-up and its quick fixes');
  });

  it('is not used once a note changed, came or went, even with the same size', () => {
    store();
    const file = join(dir, 'contacts/sally-smith.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Sally Smith', 'Sally Smyth')); // the same size: the mtime tells
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal(load(), undefined, 'changed');
    store();
    writeFileSync(join(dir, 'contacts/new.md'), md(['type: contact', 'name: New Person']));
    assert.equal(load(), undefined, 'one came');
    store();
    rmSync(join(dir, 'meetings/sally.md'));
    assert.equal(load(), undefined, 'one went');
  });

  it('is not used on another day, under other settings, or once a meeting of the day has begun', () => {
    store();
    assert.ok(load());
    assert.equal(load(checkKey(clock('2026-11-22'), SETTINGS)), undefined);
    assert.equal(load(checkKey(clock(), { ...SETTINGS, checks: { 'outreach-asks-for-job': 'off' } })), undefined);
    writeFileSync(join(dir, 'meetings/later.md'), md(['type: meeting', 'with: "[[bob-jones]]"', 'date: 2026-11-21T14:00']));
    store(checkKey(clockFrom('2026-11-21T11:00')!, SETTINGS));
    assert.ok(load(checkKey(clockFrom('2026-11-21T13:59')!, SETTINGS)));
    assert.equal(load(checkKey(clockFrom('2026-11-21T14:00')!, SETTINGS)), undefined);
  });

  it('walks the folder only when a snapshot is stored for this version, folder and key: a first session or a new day starts reading at once', () => {
    scans = 0;
    assert.equal(load(), undefined, 'none stored');
    store();
    assert.equal(load(checkKey(clock('2026-11-22'), SETTINGS)), undefined, 'another day');
    writeFileSync(snapshotPath(root, cache), readFileSync(snapshotPath(root, cache), 'utf8').replace(/"version":"[^"]+"/, '"version":"other"'));
    assert.equal(load(), undefined, 'another version');
    assert.equal(scans, 0, 'none of these walked the folder');
    store();
    assert.ok(load());
    assert.equal(scans, 1, 'a snapshot that could hold is compared with the folder');
  });

  it('holds the next day when one was stored for it (checked with that day’s clock), beside the day’s own', () => {
    const nextDay = checkKey(clock('2026-11-22'), SETTINGS);
    const { index, stamps } = loadFolder(dir, { cache: false });
    const live = new LiveChecks(index, () => ({ clock: clock('2026-11-22'), settings: SETTINGS }));
    live.checkAll();
    assert.ok(saveSnapshot(root, cache, { key: keyWithWindow(nextDay, index), stamps, diagnostics: live.entries() }, 'next day'));
    const today = store();
    assert.deepEqual([...load()!], [...today], 'today: the day’s own');
    const tomorrow = load(nextDay);
    assert.deepEqual([...tomorrow!], [...live.entries()], 'the next day: the one stored for it');
    assert.notDeepEqual([...tomorrow!], [...today], 'a day later, other answers (the thank-you owed Sally is a day older)');
    assert.equal(load(checkKey(clock('2026-11-23'), SETTINGS)), undefined, 'two days later: neither');
    writeFileSync(join(dir, 'contacts/new.md'), md(['type: contact', 'name: New Person']));
    assert.equal(load(nextDay), undefined, 'a note came since: not used either');
  });

  it('is not used when its file is missing, corrupt, of another version or of another folder, nor when a diagnostic in it is malformed', () => {
    assert.equal(load(), undefined, 'none stored');
    store();
    const path = snapshotPath(root, cache);
    const good = readFileSync(path, 'utf8');
    for (const bad of [
      good.slice(0, good.length / 2),
      good.replace(/"version":"[^"]+"/, '"version":"other"'),
      good.replace(`"root":${JSON.stringify(root)}`, '"root":"/elsewhere"'),
      good.replace(/"range":\{"start":\{"line":\d+/, '"range":{"start":{"line":"one"'),
      good.replace(/"diagnostics":\[/, '"diagnostics":[["x",[{"file":"x"}]],'),
    ]) {
      assert.notEqual(bad, good);
      writeFileSync(path, bad);
      assert.equal(load(), undefined, bad.slice(0, 80));
    }
  });
});
