// Living beside other notes (spec): a repository also holds work notes, decision records,
// daily notes and other tools' people notes, some with `type: meeting`. Rapport's notes are
// those with their type's own key, or in its folders; the rest are foreign and silent.

import { strict as assert } from 'node:assert';
import { md } from './helpers.js';
import { repo, run } from './cli-helpers.js';

/** Notes in common conventions of other tools, none of them Rapport's. */
const FOREIGN: Record<string, string> = {
  'work/2026-11-17-sprint-planning.md': md(['type: meeting', 'title: Sprint planning', 'project: Atlas', 'status: active', 'date: 2026-11-17', 'attendees: [Ana, Raj]'],
    '## Notes\n\n- Velocity is down\n- [ ] Follow up with design\n'),
  'work/2026-11-18-retro.md': md(['type: meeting', 'title: Retro', 'status: accepted', 'date: 2026-11-18 10:00', 'participants:', '  - "[[ana]]"'],
    'Would you do it again? Did it work?\n'),
  'decisions/0007-use-postgres.md': md(['type: decision', 'status: accepted', 'date: 2026-10-02', 'deciders: [Raj]'], '# Use Postgres\n'),
  'decisions/0008-review.md': md(['type: meeting', 'title: Architecture review', 'status: proposed', 'date: 2026-11-10'], 'Decision: [[0007-use-postgres]].\n'),
  'daily/2026-11-20.md': md(['type: daily', 'tags: [journal]', 'date: 2026-11-20'], 'Met [[ana]] for coffee. Are you hiring? she asked.\n'),
  'people/ana.md': md(['type: person', 'aliases: [Ana B]', 'company: Atlas', 'email: ana@atlas.example'], '# Ana\n'),
  'people/raj.md': md(['type: Contact', 'title: Raj K', 'company: "[[atlas]]"', 'next_follow_up: 2026-11-01'], '# Raj\n'),
  'orgs/atlas.md': md(['type: company', 'title: Atlas', 'target: maybe'], ''),
  'drafts/note-to-self.md': md(['type: outreach', 'subject: Remember', 'status: lost'], 'Attached is my resume.\n'),
  'templates/meeting.md': md(['type: meeting', 'date: {{date}}', 'status: {{status}}']),
};

describe('notes beside Rapport’s (spec: Living beside other notes)', () => {
  it('finds nothing in a folder of work meetings, decision records, daily notes and other tools’ people notes, and exits 0', async () => {
    const dir = repo(FOREIGN);
    const r = await run('check', dir, '--json', '--today', '2026-11-21', '--no-cache');
    assert.deepEqual([r.code, JSON.parse(r.out), r.err], [0, [], '']);
    const listed = JSON.parse((await run('list', dir, '--json', '--no-cache')).out);
    assert.deepEqual([listed.contacts, listed.meetings, listed.companies, listed.outreach], [[], [], [], []], 'in no view');
    const report = JSON.parse((await run('report', dir, '--json', '--today', '2026-11-21', '--no-cache')).out);
    assert.deepEqual([report.totals.meetings_done, report.agenda], [0, []]);
  });

  it('still reads Rapport’s own notes beside them: by their own key anywhere, or by their folder; links to foreign notes resolve', async () => {
    const dir = repo({
      ...FOREIGN,
      'people/ann.md': md(['type: contact', 'name: Ann Lee'], 'Met through [[0007-use-postgres]] and [[2026-11-20]].\n'),
      'notes/coffee-with-ann.md': md(['type: meeting', 'with: "[[ann]]"', 'date: 2026-11-18', 'status: done']),
      'meetings/untitled.md': md(['type: meeting', 'date: 2026-11-18']),
    });
    const r = await run('check', dir, '--json', '--today', '2026-11-21', '--no-cache');
    const found = (JSON.parse(r.out) as { file: string; code: string }[]).map((d) => `${d.file} ${d.code}`);
    assert.ok(found.includes('notes/coffee-with-ann.md thank-you-pending'), 'a meeting with `with` is Rapport’s wherever it lives');
    assert.ok(found.includes('meetings/untitled.md invalid-frontmatter'), 'in meetings/, a meeting without `with` is Rapport’s, and told what it lacks');
    assert.deepEqual(found.filter((f) => !/^(notes|meetings)\//.test(f)), [], `nothing else: ${found.join(', ')}`);
  });

  it('leaves alone the notes rapport.exclude names, and looks only where rapport.include says', async () => {
    const notes = {
      'contacts/ann.md': md(['type: contact', 'name: Ann Lee', 'referred_by: "[[nobody]]"']),
      'archive/contacts/old.md': md(['type: contact', 'name: Old Friend', 'next_follow_up: 2025-01-01']),
      'templates/meeting.md': md(['type: meeting', 'with: "[[someone]]"', 'date: 2026-11-01']),
      'networking/meetings/m.md': md(['type: meeting', 'with: "[[ann]]"', 'date: 2026-11-18', 'status: done'], 'See [[old]].\n'),
    };
    const files = async (settings: object) => {
      const dir = repo({ ...notes, '.vscode/settings.json': JSON.stringify(settings) });
      const r = await run('check', dir, '--json', '--today', '2026-11-21');
      assert.equal(r.err, '');
      const warm = await run('check', dir, '--json', '--today', '2026-11-21');
      assert.equal(warm.out, r.out, 'a warm start says the same');
      return [...new Set((JSON.parse(r.out) as { file: string }[]).map((d) => d.file))].sort();
    };
    assert.deepEqual(await files({}), ['archive/contacts/old.md', 'contacts/ann.md', 'networking/meetings/m.md', 'templates/meeting.md']);
    assert.deepEqual(await files({ 'rapport.exclude': ['archive', '**/templates/**'] }), ['contacts/ann.md', 'networking/meetings/m.md'],
      'a folder named is excluded whole; [[old]] in the meeting still resolves (no unknown-reference)');
    assert.deepEqual(await files({ rapport: { include: ['networking/**'] } }), ['networking/meetings/m.md'], 'nested settings too');
    const bad = repo({ ...notes, '.vscode/settings.json': '{ "rapport.exclude": "archive" }' });
    const r = await run('check', bad, '--json', '--today', '2026-11-21');
    assert.match(r.err, /rapport\.exclude: should be a list of globs/);
  });
});
