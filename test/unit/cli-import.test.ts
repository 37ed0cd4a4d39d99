// `rapport import`: the bytes on disk after a run, a second run that changes nothing,
// a dry run that writes nothing, the JSON, a failure midway that leaves no half note,
// and clear refusals of bad usage.

import { strict as assert } from 'node:assert';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rapport, repo, run } from './cli-helpers.js';
import { CONNECTIONS_CSV, CONTACTS_VCF_30, NOTES, SALLY_NOTE } from './import-fixtures.js';

/** Every file under `dir`, path → bytes (as text: the notes are UTF-8). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'latin1');
    }
  };
  walk(dir);
  return out;
}

describe('rapport import', () => {
  let dir: string;
  let notes: string;
  let csv: string;
  beforeEach(() => {
    dir = repo({ 'Connections.csv': CONNECTIONS_CSV, 'contacts.vcf': CONTACTS_VCF_30 });
    notes = join(dir, 'notes');
    for (const [p, t] of Object.entries(NOTES)) {
      mkdirSync(join(notes, p, '..'), { recursive: true });
      writeFileSync(join(notes, p), t);
    }
    csv = join(dir, 'Connections.csv');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each new person’s note and only adds lines to the notes of people already there', async () => {
    const before = snapshot(notes);
    const { code, out, err } = await run('import', 'linkedin', csv, '--into', notes);
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.match(out, /: 4 created, 3 updated, 3 skipped\.\n/);
    assert.match(out, /\n {2}line 9: no name[^\n]*\n {2}line 11: 8 fields where the header has 7[^\n]*\n {2}line 12: a quote that is never closed\n/);
    assert.match(out, /Target companies, people you now know there:\n {2}Globex {3}3 \(2 from this import\)\n {2}Initech {2}3 \(1 from this import\)\n$/);
    const after = snapshot(notes);
    assert.deepEqual(Object.keys(after).filter((p) => !(p in before)).sort(), ['contacts/priya-raman.md', 'contacts/tom-baker-2.md', 'contacts/tom-baker.md', 'contacts/李小龙.md'].sort());
    assert.equal(readFileSync(join(notes, 'contacts/tom-baker-2.md'), 'utf8'), '---\ntype: contact\nname: Tom Baker\ncompany: "[[globex]]"\nrole: Chemist\nlinkedin: "https://www.linkedin.com/in/tom-baker-2"\nsource: linkedin\nconnected: 2025-10-02\nstatus: lead\n---\n');
    assert.equal(readFileSync(join(notes, 'contacts/李小龙.md'), 'utf8'), '---\ntype: contact\nname: 李小龙\ncompany: "[[initech]]"\nrole: CTO\nlinkedin: "https://www.linkedin.com/in/li-xiaolong"\nsource: linkedin\nconnected: 2026-11-20\nstatus: lead\n---\n');
    // Byte for byte: the BOM, CRLF and the comment survive; the new keys are new lines before the closing ---.
    assert.equal(readFileSync(join(notes, 'contacts/sally-smith.md'), 'utf8'), SALLY_NOTE.replace('status: met\r\n---', 'status: met\r\nrole: Director, Platform\r\nlinkedin: "https://www.linkedin.com/in/sally-smith"\r\nconnected: 2026-11-12\r\n---'));
    assert.equal(readFileSync(join(notes, 'contacts/bob-jones.md'), 'utf8'), NOTES['contacts/bob-jones.md'].replace('status: met\n---', 'status: met\nrole: Product Manager\nlinkedin: "https://www.linkedin.com/in/bob-jones"\nconnected: 2026-02-13\n---'));
    // Ann's role differs in the export: hers stays; she gains only the date.
    assert.equal(readFileSync(join(notes, 'contacts/ann-lee.md'), 'utf8'), NOTES['contacts/ann-lee.md'].replace('/ann-lee/\n---', '/ann-lee/\nconnected: 2026-01-05\n---'));
    for (const p of Object.keys(NOTES).filter((p) => p.startsWith('companies/'))) assert.equal(after[p], before[p], p);
    // And the check agrees: the new contacts are contacts, with no duplicate among them.
    const checked = await run('check', notes, '--json', '--no-cache');
    assert.deepEqual(JSON.parse(checked.out).filter((d: { code: string }) => d.code !== 'follow-up-due'), []);
    const listed = JSON.parse((await run('list', notes, '--json', '--no-cache')).out);
    assert.equal(listed.contacts.length, 7);
  });

  it('a second run of the same file changes nothing', async () => {
    await run('import', 'linkedin', csv, '--into', notes);
    const once = snapshot(notes);
    const again = await run('import', 'linkedin', csv, '--into', notes);
    assert.equal(again.code, 0);
    assert.match(again.out, /: 0 created, 0 updated, 10 skipped\.\n\nSkipped:\n {2}7 already in your notes, with nothing to add\n/);
    assert.deepEqual(snapshot(notes), once);
  });

  it('--dry-run writes nothing and says what it would do', async () => {
    const before = snapshot(notes);
    const dry = await run('import', 'linkedin', csv, '--into', notes, '--dry-run');
    assert.equal(dry.code, 0);
    assert.match(dry.out, /: 4 would be created, 3 would be updated, 3 skipped\. A dry run: nothing was written\.\n\nTo create:\n {2}contacts\/priya-raman\.md {2}Priya Raman \(line 5\)\n/);
    assert.match(dry.out, /people you would know there/);
    assert.deepEqual(snapshot(notes), before);
  });

  it('--json: counts, each person with their line and file, what was added, why each was skipped, the targets', async () => {
    const { code, out } = await run('import', 'linkedin', csv, '--into', notes, '--json', '--dry-run');
    assert.equal(code, 0);
    const r = JSON.parse(out);
    assert.deepEqual(Object.keys(r), ['source', 'file', 'dry_run', 'counts', 'created', 'updated', 'skipped', 'targets']);
    assert.equal(r.source, 'linkedin');
    assert.equal(r.dry_run, true);
    assert.deepEqual(r.counts, { created: 4, updated: 3, skipped: 3 });
    assert.deepEqual(r.created[0], { line: 5, name: 'Priya Raman', file: 'contacts/priya-raman.md' });
    assert.deepEqual(r.updated[1], { line: 10, name: 'Ann Lee', file: 'contacts/ann-lee.md', added: ['connected'] });
    assert.deepEqual(r.skipped[2], { line: 12, reason: 'a quote that is never closed', why: 'malformed' });
    assert.deepEqual(r.targets, [{ id: 'globex', name: 'Globex', known: 3, added: 2 }, { id: 'initech', name: 'Initech', known: 3, added: 1 }]);
  });

  it('a failure midway leaves every note whole: those before it written, it and the rest as they were; a second run finishes', async () => {
    const before = snapshot(notes);
    // Something in the way of the second note's temporary file: its write fails.
    mkdirSync(join(notes, 'contacts/tom-baker.md.rapport-tmp'), { recursive: true });
    const failed = await run('import', 'linkedin', csv, '--into', notes);
    assert.equal(failed.code, 2);
    assert.match(failed.err, /could not write contacts\/tom-baker\.md: .*1 of 7 notes were written; the others are as they were\. Run the import again to finish\./);
    assert.equal(failed.out, '');
    const mid = snapshot(notes);
    assert.deepEqual(Object.keys(mid).filter((p) => !(p in before)), ['contacts/priya-raman.md']);
    for (const p of Object.keys(before)) assert.equal(mid[p], before[p], `${p} untouched`);
    rmSync(join(notes, 'contacts/tom-baker.md.rapport-tmp'), { recursive: true });
    const finished = await run('import', 'linkedin', csv, '--into', notes);
    assert.equal(finished.code, 0);
    assert.match(finished.out, /: 3 created, 3 updated, 4 skipped\./);
    // The same notes as one clean run makes, and no temporary file left.
    const clean = repo(Object.fromEntries(Object.entries(NOTES)));
    try {
      await run('import', 'linkedin', csv, '--into', clean);
      assert.deepEqual(snapshot(notes), snapshot(clean));
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });

  it('vCards: the people of a .vcf, and the broken card reported with its line', async () => {
    const { code, out } = await run('import', 'vcard', join(dir, 'contacts.vcf'), '--into', notes);
    assert.equal(code, 0);
    assert.match(out, /contacts\.vcf \(vCards\): 2 created, 0 updated, 2 skipped\./);
    assert.match(out, /line 22: not a card vCard readers accept/);
    assert.match(readFileSync(join(notes, 'contacts/иван-петров.md'), 'utf8'), /^---\ntype: contact\nname: Иван Петров\ncompany: "\[\[initech\]\]"\nemail: "ivan@initech\.example"\nsource: vcard\nstatus: lead\n---\n$/);
    assert.ok(statSync(join(notes, 'contacts/chidi-okafor.md')).isFile());
  });

  it('runs as the rapport command, its parsers loaded when an import needs them', () => {
    const r = rapport(['import', 'vcard', join(dir, 'contacts.vcf'), '--into', notes, '--dry-run', '--json']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out).counts, { created: 2, updated: 0, skipped: 2 });
    const csvRun = rapport(['import', 'linkedin', csv, '--into', notes]);
    assert.equal(csvRun.code, 0, csvRun.err);
    assert.match(csvRun.out, /: 4 created, 3 updated, 3 skipped\./);
  });

  it('refuses bad usage, an unreadable file and a file of the wrong kind, with exit 2 and nothing written', async () => {
    const before = snapshot(notes);
    for (const [args, why] of [
      [['import', 'linkedin', csv], /into which folder of notes\? give --into DIR/],
      [['import', 'outlook', csv, '--into', notes], /import what\? linkedin \(Connections\.csv\) or vcard/],
      [['import', 'linkedin', '--into', notes], /which file\?/],
      [['import', 'linkedin', csv, '--into', notes, '--today', '2026-01-01'], /import takes only --into, --dry-run, --json and --no-cache/],
      [['import', 'linkedin', join(dir, 'nope.csv'), '--into', notes], /could not read .*nope\.csv: no such file/],
      [['import', 'linkedin', join(dir, 'contacts.vcf'), '--into', notes], /contacts\.vcf: it has no header row with “First Name” and “Last Name”/],
      [['import', 'vcard', csv, '--into', notes], /Connections\.csv: it holds no card/],
      [['import', 'linkedin', csv, '--into', join(dir, 'missing')], /missing does not exist/],
      [['check', notes, '--into', notes], /--into is for rapport import/],
    ] as const) {
      const { code, out, err } = await run(...args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(out, '');
      assert.match(err, why, args.join(' '));
    }
    assert.deepEqual(snapshot(notes), before);
    assert.match((await run('import', '--help')).out, /^rapport import linkedin FILE --into DIR/);
  });
});
