import { strict as assert } from 'node:assert';
import { checkAll } from '../../src/core/checks/index.js';
import { LiveChecks } from '../../src/core/live-checks.js';
import { NoteIndex } from '../../src/core/note-index.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { clock, md, rng } from './helpers.js';


const PEOPLE = ['ann', 'ben', 'cy', 'di', 'eve', 'fay'];
const COMPANIES = ['globex', 'initech', 'hooli'];

/** A random version of some note, drawn from shapes that exercise every cross-note check. */
function randomNote(r: () => number): [string, string | undefined] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const kind = pick(['contact', 'contact', 'meeting', 'meeting', 'company', 'outreach', 'delete'] as const);
  const person = pick(PEOPLE);
  const ref = (id: string) => (r() < 0.3 ? `${id[0].toUpperCase()}${id.slice(1)} ${id === 'ann' ? 'Lee' : 'Smith'}` : `"[[${id}]]"`);
  switch (kind) {
    case 'contact':
      return [`contacts/${person}.md`, md([
        'type: contact',
        `name: ${r() < 0.8 ? `${person[0].toUpperCase()}${person.slice(1)} ${person === 'ann' ? 'Lee' : 'Smith'}` : 'Ann Lee'}`,
        `company: ${r() < 0.5 ? pick(['Globex', 'Initech', 'Hooli']) : `"[[${pick(COMPANIES)}]]"`}`,
        ...(r() < 0.5 ? [`referred_by: ${ref(pick(PEOPLE))}`] : []),
        ...(r() < 0.4 ? [`email: ${pick(['a', 'b'])}@x.example`] : []),
        ...(r() < 0.3 ? [`status: ${pick(['lead', 'contacted', 'met'])}`] : []),
        ...(r() < 0.3 ? ['next_follow_up: 2026-11-10'] : []),
        ...(r() < 0.3 ? ['keep_in_touch_days: 5'] : []),
        ...(r() < 0.3 ? ['last_contact: 2026-11-05'] : []),
        ...(r() < 0.3 ? ['tags: [mentor]'] : []),
      ])];
    case 'meeting':
      return [`meetings/${pick(['m1', 'm2', 'm3', 'm4'])}.md`, md([
        'type: meeting',
        `with: ${ref(person)}`,
        `date: ${pick(['2026-11-01', '2026-11-19', '2026-11-22'])}`,
        ...(r() < 0.5 ? [`referrals: [${ref(pick(PEOPLE))}]`] : []),
        ...(r() < 0.5 ? ['thank_you: true'] : []),
        ...(r() < 0.3 ? ['status: planned'] : []),
      ], (r() < 0.5 ? `Met [[${pick([...PEOPLE, 'nobody'])}]].` : '') + (r() < 0.3 ? '\n\n- [ ] send the deck' : ''))];
    case 'company':
      return [`companies/${pick(COMPANIES)}.md`, md(['type: company', `name: ${pick(['Globex', 'Initech', 'Hooli', 'Umbrella'])}`, `target: ${r() < 0.7}`])];
    case 'outreach':
      return [`outreach/${pick(['o1', 'o2'])}.md`, md(['type: outreach', `to: ${ref(person)}`, `status: ${pick(['draft', 'sent', 'sent', 'replied'])}`,
        ...(r() < 0.6 ? [`sent: ${pick(['2026-11-01', '2026-11-10', '2026-11-18'])}`] : []), ...(r() < 0.2 ? ['replied: 2026-11-12'] : []),
        ...(r() < 0.5 ? ['subject: Sally Smith suggested I contact you'] : []),
        // A thank-you or an update about a meeting: sent, it closes that meeting's reminder; drafted, it is what the reminder opens.
        ...(r() < 0.4 ? [`kind: ${pick(['thank-you', 'referrer-update', 'follow-up'])}`, `meeting: "[[${pick(['m1', 'm2', 'm3', 'm4'])}]]"`] : [])])];
    case 'delete':
      return [pick([`contacts/${person}.md`, `companies/${pick(COMPANIES)}.md`, 'meetings/m1.md', 'outreach/o1.md']), undefined];
  }
}

describe('incremental checks', () => {
  it('after every one-note change, equal a full re-check of the whole index (2,000 random changes)', function () {
    this.timeout(300_000);
    const settings = { ...DEFAULT_SETTINGS, checks: {}, keepInTouchByTag: { mentor: 3 } };
    for (let seed = 1; seed <= (Number(process.env.LIVE_SEEDS) || 20); seed++) {
      const r = rng(seed);
      const index = new NoteIndex();
      const live = new LiveChecks(index, () => ({ clock: clock(), settings }));
      live.checkAll();
      for (let step = 0; step < 100; step++) {
        const [path, text] = randomNote(r);
        live.change(path, text);
        const fresh = checkAll(index.allFiles(), { index, clock: clock(), settings });
        // Fixes too: whether a draft is offered or opened depends on other notes.
        const show = (ds: typeof fresh) =>
          ds.map((d) => `${d.file}:${d.range.start.line} ${d.code} ${d.message} ${JSON.stringify(d.fixes?.map((f) => [f.title, f.open, f.create?.path, f.also?.map((a) => a.path)]))}`);
        assert.deepEqual(show(live.all()), show(fresh), `seed ${seed}, step ${step}: ${path}`);
      }
    }
  });

  it('re-checks only what can depend on the change', () => {
    const index = new NoteIndex();
    const files: Record<string, string> = {
      'contacts/ann.md': md(['type: contact', 'name: Ann Lee']),
      'contacts/ben.md': md(['type: contact', 'name: Ben Smith', 'referred_by: "[[ann]]"']),
      'meetings/m1.md': md(['type: meeting', 'with: "[[ben]]"', 'date: 2026-11-01']),
      'contacts/zed.md': md(['type: contact', 'name: Zed']),
      'companies/globex.md': md(['type: company', 'name: Globex']),
    };
    for (const [p, t] of Object.entries(files)) index.set(p, t);
    const live = new LiveChecks(index, () => ({ clock: clock(), settings: { ...DEFAULT_SETTINGS, checks: {} } }));
    live.checkAll();
    const touched = live.change('contacts/ann.md', md(['type: contact', 'name: Ann Lee-Park']));
    assert.deepEqual(touched.sort(), ['contacts/ann.md', 'contacts/ben.md', 'meetings/m1.md']);
  });
});

describe('fixes kept or not', () => {
  it('keeps each diagnostic’s fixes for the editor, and none when told (the CLI prints none)', () => {
    const index = new NoteIndex();
    index.set('contacts/ann.md', md(['type: contact', 'name: Ann Lee']));
    index.set('meetings/m.md', md(['type: meeting', 'with: "[[ann]]"', 'date: 2026-11-18', 'status: done']));
    const withFixes = new LiveChecks(index, () => ({ clock: clock(), settings: { ...DEFAULT_SETTINGS, checks: {} } }));
    const without = new LiveChecks(index, () => ({ clock: clock(), settings: { ...DEFAULT_SETTINGS, checks: {} }, fixes: false }));
    withFixes.checkAll();
    without.checkAll();
    const thanks = (live: LiveChecks) => live.all().find((d) => d.code === 'thank-you-pending');
    assert.ok(thanks(withFixes)?.fixes?.length, 'the thank-you’s fixes, for the editor');
    assert.ok(thanks(without), 'the same diagnostic');
    assert.equal(thanks(without)?.fixes, undefined);
    const shown = (live: LiveChecks) => live.all().map(({ fixes: _, ...d }) => d);
    assert.deepEqual(shown(without), shown(withFixes), 'otherwise the same diagnostics');
  });
});
