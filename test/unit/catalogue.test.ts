// The catalogue of checks: one entry per code, each saying what it is; and a
// check that throws is said to be Rapport's fault, under its own code.

import { strict as assert } from 'node:assert';
import { CHECKS, CODES } from '../../src/core/checks/catalogue.js';
import { defineCheck, type Check } from '../../src/core/checks/check.js';
import { checkAll } from '../../src/core/checks/index.js';
import type { Diagnostic } from '../../src/core/model.js';
import { DEFAULT_SETTINGS, settingsFrom, type Settings } from '../../src/core/settings.js';
import { CAST, clock, indexOf, md } from './helpers.js';

const SEVERITIES = ['error', 'warning', 'information', 'hint'];

describe('the catalogue of checks', () => {
  it('has each code once, with a severity, a description and what it applies to', () => {
    assert.equal(new Set(CODES.map((c) => c.code)).size, CODES.length, 'a code is declared twice');
    for (const c of CODES) {
      assert.match(c.code, /^[a-z]+(-[a-z]+)*$/, c.code);
      assert.ok(SEVERITIES.includes(c.severity), `${c.code}: severity ${c.severity}`);
      assert.match(c.description, /^[A-Z`].{20,}\.$/s, `${c.code}: the description should be a sentence or two`);
      assert.ok(c.appliesTo === 'parser' || c.appliesTo === 'rapport' || c.appliesTo.length > 0, `${c.code} applies to nothing`);
    }
  });

  it('holds the parser’s codes and Rapport’s own beside the checks', () => {
    const by = new Map(CODES.map((c) => [c.code, c]));
    for (const code of ['invalid-frontmatter', 'unsafe-frontmatter', 'merge-conflict']) {
      assert.equal(by.get(code)?.appliesTo, 'parser', code);
      assert.equal(by.get(code)?.severity, 'error', code);
    }
    assert.equal(by.get('internal-error')?.severity, 'error');
    assert.deepEqual(by.get('unknown-reference')?.appliesTo, ['contact', 'meeting', 'company', 'outreach']);
    assert.deepEqual(by.get('closed-question')?.appliesTo, ['meeting']);
  });

  it('is what the settings reader knows: a setting for an unknown code is a problem', () => {
    const all = Object.fromEntries(CODES.map((c) => [`rapport.checks.${c.code}`, 'off']));
    assert.deepEqual(settingsFrom(all).problems, []);
    assert.deepEqual(settingsFrom({ 'rapport.checks.no-such-check': 'off' }).problems, ['rapport.checks.no-such-check: no check has the code "no-such-check"']);
  });
});

describe('a check that throws', () => {
  const files = {
    ...CAST,
    'meetings/m.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-28', 'duration: 45'], '## Questions\n\n- Do you like it?\n'),
  };
  const settings = (checks: Settings['checks'] = {}): Settings => ({ ...DEFAULT_SETTINGS, checks });
  const run = (checks: readonly Check[], s = settings()): Diagnostic[] => {
    const index = indexOf(files);
    return checkAll(index.allFiles(), { index, clock: clock(), settings: s }, checks).filter((d) => d.file === 'meetings/m.md');
  };
  /** The catalogue's checks with closed-question broken, as a bug would break it. */
  const broken = CHECKS.map((c) => (c.code === 'closed-question' ? { ...c, run: () => { throw new TypeError('questions is undefined'); } } : c));

  it('is reported as internal-error, naming the check and what went wrong, never as the user’s invalid-frontmatter', () => {
    const ds = run(broken);
    const errors = ds.filter((d) => d.code === 'internal-error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].severity, 'error');
    assert.match(errors[0].message, /check closed-question failed/);
    assert.match(errors[0].message, /questions is undefined/);
    assert.deepEqual(errors[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    assert.ok(!ds.some((d) => d.code === 'invalid-frontmatter'), 'reported as the note’s own mistake');
    assert.ok(!ds.some((d) => d.code === 'closed-question'));
  });

  it('costs only its own findings: the note’s other checks still speak', () => {
    const codes = (ds: Diagnostic[]) => ds.map((d) => d.code).sort();
    const healthy = codes(run(CHECKS));
    assert.ok(healthy.includes('closed-question') && healthy.includes('meeting-too-long'), healthy.join());
    assert.deepEqual(codes(run(broken)), healthy.map((c) => (c === 'closed-question' ? 'internal-error' : c)).sort());
  });

  it('is named whatever the check, and whatever it throws', () => {
    const exploding = defineCheck({
      code: 'exploding', severity: 'hint', description: 'Throws a string.', appliesTo: 'meeting',
      run() { throw 'not an Error'; },
    }) as Check;
    const [d] = run([exploding]).filter((x) => x.code === 'internal-error');
    assert.match(d.message, /check exploding failed .*not an Error/);
  });

  it('can be re-graded or switched off like any code', () => {
    assert.equal(run(broken, settings({ 'internal-error': 'warning' })).find((d) => d.code === 'internal-error')?.severity, 'warning');
    assert.ok(!run(broken, settings({ 'internal-error': 'off' })).some((d) => d.code === 'internal-error'));
  });
});
