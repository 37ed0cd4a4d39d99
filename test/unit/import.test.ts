// The import's core: what it reads from each export (every quirk of LinkedIn's
// Connections.csv and of vCard 3.0 and 4.0), how it matches people already in the
// notes, and what it plans: notes whole, and only lines added to existing ones.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readLinkedIn } from '../../src/core/import/linkedin.js';
import { exportDate, linkedinKey } from '../../src/core/import/people.js';
import { applyUpdate, planImport, sourceOf } from '../../src/core/import/plan.js';
import { importJson, importSummary } from '../../src/core/import/summary.js';
import { readVcards } from '../../src/core/import/vcard.js';
import { parseFile, type Contact } from '../../src/core/notes.js';
import { CONNECTIONS_CSV, CONTACTS_VCF_30, CONTACTS_VCF_40, NOTES, SALLY_NOTE } from './import-fixtures.js';
import { indexOf, md } from './helpers.js';

describe('import: reading LinkedIn’s Connections.csv', () => {
  const read = readLinkedIn(CONNECTIONS_CSV);

  it('finds the header after the notes and the BOM, and reads each row with the line it is on', () => {
    assert.equal(read.unreadable, undefined);
    assert.deepEqual(read.people.map((p) => [p.line, p.name]), [
      [5, 'Priya Raman'], [6, 'Sally Smith'], [7, 'Tom Baker'], [8, 'Tom Baker'], [10, 'Ann Lee'], [13, '李小龙'], [14, 'Bob Jones'],
    ]);
  });

  it('reads every column by its header’s name: dates as YYYY-MM-DD, quoted commas kept, no email left out', () => {
    const [priya, sally, tom] = read.people;
    assert.deepEqual(priya, { line: 5, name: 'Priya Raman', company: 'Globex', role: 'Staff Engineer', email: undefined, emails: [], linkedin: 'https://www.linkedin.com/in/priya-raman-4b1a2', connected: '2026-12-04' });
    assert.equal(sally.email, 'SALLY@globex.com');
    assert.equal(sally.role, 'Director, Platform');
    assert.equal(tom.company, 'Umbrella, Ltd.');
    assert.equal(read.people.find((p) => p.name === 'Ann Lee')?.connected, '2026-01-05');
  });

  it('reports each malformed row with its line, and reads on after it', () => {
    assert.deepEqual(read.problems, [
      { line: 9, reason: 'no name (a member who left LinkedIn, or hides their name)' },
      { line: 11, reason: '8 fields where the header has 7: a comma outside quotes?' },
      { line: 12, reason: 'a quote that is never closed' },
    ]);
  });

  it('reads an older export (no URL column, LF, no BOM) and a row split over lines by a quoted line break', () => {
    const old = 'First Name,Last Name,Email Address,Company,Position,Connected On\nAna,Silva,ana@x.example,Globex,"Head of\nSales",12/4/19\nLe,Minh,,,,\n';
    const r = readLinkedIn(old);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.people.map((p) => [p.line, p.name, p.email, p.role, p.connected, p.linkedin]), [
      [2, 'Ana Silva', 'ana@x.example', 'Head of Sales', '2019-12-04', undefined],
      [4, 'Le Minh', undefined, undefined, undefined, undefined],
    ]);
  });

  it('says a file is not a Connections.csv when it has no such header', () => {
    assert.match(readLinkedIn('name,email\nAnn,a@b.c\n').unreadable ?? '', /no header row with “First Name” and “Last Name”/);
    assert.match(readLinkedIn('').unreadable ?? '', /Connections\.csv/);
  });
});

describe('import: reading vCards', () => {
  it('3.0: folded lines, item1. groups, ORG with a department, the preferred email, the LinkedIn URL among others', () => {
    const r = readVcards(CONTACTS_VCF_30);
    assert.deepEqual(r.people[0], {
      line: 1,
      name: 'Chidi Okafor',
      company: 'Globex',
      role: 'Data Scientist',
      email: 'chidi@globex.com',
      emails: ['chidi@globex.com', 'chidi@example.org'],
      linkedin: 'https://www.linkedin.com/in/chidi-okafor-1234',
    });
    assert.deepEqual([r.people[1].line, r.people[1].name, r.people[1].company, r.people[1].email], [15, 'Иван Петров', 'Initech', 'ivan@initech.example']);
    assert.equal(r.people.length, 2);
  });

  it('3.0: a broken card is reported at its BEGIN line, a company’s card is skipped, the others are read', () => {
    const r = readVcards(CONTACTS_VCF_30);
    assert.deepEqual(r.problems.map((p) => p.line), [22, 26]);
    assert.match(r.problems[0].reason, /FN Broken Card/);
    assert.match(r.problems[1].reason, /company’s card/);
  });

  it('4.0: PREF=1 wins, every email kept for matching, accents kept, a card never ended reported', () => {
    const r = readVcards(`${CONTACTS_VCF_40}BEGIN:VCARD\nVERSION:4.0\nFN:Cut Off\n`);
    assert.deepEqual(r.people.map((p) => [p.line, p.name, p.email, p.emails, p.company, p.linkedin]), [
      [1, 'Sally Smith', 'Sally@Globex.com', ['Sally@Globex.com', 's.smith@personal.example'], undefined, 'http://linkedin.com/in/sally-smith/'],
      [8, 'María José Núñez', 'mj@umbrella.example', ['mj@umbrella.example', 'mj.nunez@example.org'], 'Umbrella', undefined],
    ]);
    assert.deepEqual(r.problems, [{ line: 16, reason: 'a card that never ends (no END:VCARD)' }]);
  });

  it('a card with only N is named from it; a file with no card is not a vCard file', () => {
    const r = readVcards('BEGIN:VCARD\r\nVERSION:3.0\r\nN:Tanaka;Yuki;;;\r\nEND:VCARD\r\n');
    assert.equal(r.people[0].name, 'Yuki Tanaka');
    assert.match(readVcards('First Name,Last Name\n').unreadable ?? '', /no card/);
  });
});

describe('import: small readers', () => {
  it('LinkedIn addresses match whatever their scheme, www, case or trailing slash', () => {
    const same = ['https://www.linkedin.com/in/ann-lee', 'http://linkedin.com/in/ann-lee/', 'linkedin.com/in/Ann-Lee', 'https://uk.linkedin.com/in/ann-lee?trk=x', 'www.linkedin.com/in/ann%2Dlee//'];
    for (const u of same) assert.equal(linkedinKey(u), 'linkedin.com/in/ann-lee', u);
    assert.notEqual(linkedinKey('https://www.linkedin.com/in/ann-lee-2'), 'linkedin.com/in/ann-lee');
    assert.equal(linkedinKey('https://example.com/in/ann-lee'), undefined);
    assert.equal(linkedinKey('https://notlinkedin.com/in/ann-lee'), undefined);
  });

  it('dates as exports write them, and none that does not exist', () => {
    assert.equal(exportDate('04 Dec 2026'), '2026-12-04');
    assert.equal(exportDate('4 December 2026'), '2026-12-04');
    assert.equal(exportDate('Dec 4, 2026'), '2026-12-04');
    assert.equal(exportDate('2026-12-04'), '2026-12-04');
    assert.equal(exportDate('12/4/26'), '2026-12-04');
    assert.equal(exportDate('31 Feb 2026'), undefined);
    assert.equal(exportDate('soon'), undefined);
  });

  it('what a file is: by its name, else by what it holds', () => {
    assert.equal(sourceOf('Connections.csv', ''), 'linkedin');
    assert.equal(sourceOf('contacts.VCF', ''), 'vcard');
    assert.equal(sourceOf('export', 'BEGIN:VCARD\r\n'), 'vcard');
    assert.equal(sourceOf('notes.txt', 'hello'), undefined);
  });
});

describe('import: the plan', () => {
  const index = indexOf(NOTES);
  const plan = planImport(index, 'linkedin', CONNECTIONS_CSV);

  it('creates a note for each new person, a namesake at another company included, never an id in use', () => {
    assert.deepEqual(plan.created.map((c) => [c.line, c.path]), [
      [5, 'contacts/priya-raman.md'], [7, 'contacts/tom-baker.md'], [8, 'contacts/tom-baker-2.md'], [13, 'contacts/李小龙.md'],
    ]);
  });

  it('a new note is the spec’s: name, company as a link when a company note has that name, else the text, role, linkedin, source, connected, status: lead', () => {
    assert.equal(plan.created[0].text, [
      '---', 'type: contact', 'name: Priya Raman', 'company: "[[globex]]"', 'role: Staff Engineer', 'linkedin: "https://www.linkedin.com/in/priya-raman-4b1a2"',
      'source: linkedin', 'connected: 2026-12-04', 'status: lead', '---', ''].join('\n'));
    assert.match(plan.created[1].text, /\ncompany: Umbrella, Ltd\.\n/);
    // Read back as Rapport reads notes: what was planned is what is there.
    const c = parseFile(plan.created[1].path, plan.created[1].text) as Contact;
    assert.deepEqual([c.type, c.name, c.company?.text, c.role, c.status, c.problems], ['contact', 'Tom Baker', 'Umbrella, Ltd.', 'Recruiter', 'lead', []]);
  });

  it('matches by email (any case), by LinkedIn address, by name at the same company, and adds only the keys each note lacks', () => {
    assert.deepEqual(plan.updated.map((u) => [u.line, u.path, u.added]), [
      [6, 'contacts/sally-smith.md', ['role', 'linkedin', 'connected']],
      [10, 'contacts/ann-lee.md', ['connected']],
      [14, 'contacts/bob-jones.md', ['role', 'linkedin', 'connected']],
    ]);
  });

  it('an existing note only gains lines: byte for byte, its BOM, CRLF and comment kept', () => {
    const sally = plan.updated[0];
    assert.equal(`\uFEFF${applyUpdate(sally.before, sally)}`, SALLY_NOTE.replace('status: met\r\n---', 'status: met\r\nrole: Director, Platform\r\nlinkedin: "https://www.linkedin.com/in/sally-smith"\r\nconnected: 2026-11-12\r\n---'));
    for (const u of plan.updated) {
      const after = applyUpdate(u.before, u);
      const before = u.before.split('\n');
      const lines = after.split('\n');
      // Every line of the note is still there, in order; the new ones sit together before the closing ---.
      assert.deepEqual(lines.filter((l) => !u.added.some((k) => l.startsWith(`${k}: `))), before, u.path);
      assert.equal(lines.length, before.length + u.added.length);
    }
  });

  it('skips malformed rows with their lines, and counts people at each target company once the import is written', () => {
    assert.deepEqual(plan.skipped.map((s) => [s.line, s.why]), [[9, 'malformed'], [11, 'malformed'], [12, 'malformed']]);
    assert.deepEqual(plan.targets.map((t) => [t.name, t.known, t.added]), [['Globex', 3, 2], ['Initech', 3, 1]]);
  });

  it('a second run over the notes as written plans nothing', () => {
    const after = indexOf({ ...NOTES, ...written(plan) });
    const again = planImport(after, 'linkedin', CONNECTIONS_CSV);
    assert.deepEqual([again.created, again.updated], [[], []]);
    assert.deepEqual(again.skipped.filter((s) => s.why !== 'malformed').map((s) => [s.line, s.why]), [[5, 'in-notes'], [6, 'in-notes'], [7, 'in-notes'], [8, 'in-notes'], [10, 'in-notes'], [13, 'in-notes'], [14, 'in-notes']]);
    assert.deepEqual(again.targets.map((t) => [t.name, t.known, t.added]), [['Globex', 3, 0], ['Initech', 3, 0]]);
  });

  it('vCards into the same notes: Sally found by her preferred email, the rest created; both formats, then nothing again', () => {
    const vplan = planImport(index, 'vcard', CONTACTS_VCF_40);
    assert.deepEqual(vplan.updated.map((u) => [u.path, u.added]), [['contacts/sally-smith.md', ['linkedin']]]);
    assert.deepEqual(vplan.created.map((c) => c.path), ['contacts/maria-jose-nunez.md']);
    assert.match(vplan.created[0].text, /\nname: María José Núñez\ncompany: "\[\[umbrella\]\]"\nrole: Chemist\nemail: "mj@umbrella\.example"\nsource: vcard\nstatus: lead\n/);
    const v3 = planImport(index, 'vcard', CONTACTS_VCF_30);
    assert.deepEqual(v3.created.map((c) => c.path), ['contacts/chidi-okafor.md', 'contacts/иван-петров.md']);
    const after = indexOf({ ...NOTES, ...written(vplan), ...written(v3) });
    for (const text of [CONTACTS_VCF_40, CONTACTS_VCF_30]) {
      const again = planImport(after, 'vcard', text);
      assert.deepEqual([again.created.length, again.updated.length], [0, 0]);
    }
  });

  it('the same person twice in one export is one note, with what both rows give', () => {
    const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nZoe,Park,https://www.linkedin.com/in/zoe-park,,Globex,,04 Dec 2026\nZoe,Park,https://linkedin.com/in/zoe-park/,zoe@globex.com,Globex,Engineer,04 Dec 2026\n';
    const p = planImport(indexOf(NOTES), 'linkedin', csv);
    assert.deepEqual(p.created.map((c) => c.path), ['contacts/zoe-park.md']);
    assert.match(p.created[0].text, /\nrole: Engineer\nemail: "zoe@globex\.com"\n/);
    assert.deepEqual(p.skipped.map((s) => [s.line, s.reason]), [[3, 'the same person as line 2 (adds role, email)']]);
  });

  it('a note in the middle of a merge conflict is matched but left alone, and says why', () => {
    const notes = { 'contacts/sally-smith.md': '---\ntype: contact\nname: Sally Smith\nemail: sally@globex.com\n---\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> b\n' };
    const p = planImport(indexOf(notes), 'linkedin', CONNECTIONS_CSV);
    assert.deepEqual(p.updated, []);
    assert.match(p.skipped.find((s) => s.line === 6)?.reason ?? '', /has a problem to fix first \(a merge conflict\)/);
  });

  it('a name already used by another file, or a name with no letters, still gets a free id', () => {
    const p = planImport(indexOf({ 'notes/priya-raman.md': md(['title: not a contact']) }), 'linkedin', 'First Name,Last Name\nPriya,Raman\n!!,??\n');
    assert.deepEqual(p.created.map((c) => c.path), ['contacts/priya-raman-2.md', 'contacts/contact.md']);
  });

  it('the summary and the JSON say the same', () => {
    const text = importSummary(plan, 'Connections.csv');
    assert.match(text, /^Connections\.csv \(LinkedIn connections\): 4 created, 3 updated, 3 skipped\.\n/);
    assert.match(text, /\n {2}line 12: a quote that is never closed\n/);
    assert.match(text, /Target companies, people you now know there:\n {2}Globex {3}3 \(2 from this import\)\n {2}Initech {2}3 \(1 from this import\)\n$/);
    const json = importJson(plan, 'Connections.csv') as Record<string, unknown>;
    assert.deepEqual(Object.keys(json), ['source', 'file', 'dry_run', 'counts', 'created', 'updated', 'skipped', 'targets']);
    assert.deepEqual(json.counts, { created: 4, updated: 3, skipped: 3 });
    assert.match(importSummary(plan, 'Connections.csv', { dryRun: true }), /4 would be created, 3 would be updated, 3 skipped\. A dry run: nothing was written\./);
  });
});

describe('import: whatever an export holds', () => {
  it('a new note reads back as the person in the export: the YAML is never broken by a name, a company or a title', () => {
    // Cells as hostile as a CSV allows: quotes, colons, hashes, brackets, line breaks, YAML words, any script.
    const cell = fc.string({ unit: fc.oneof(fc.constantFrom('"', "'", ':', ': ', ' #', '[', ']', '{', '}', '-', '|', '>', '&', '*', '!', '%', '@', '`', ',', '\r\n', '\n', ' ', 'yes', 'null', '~', '0x1F', '李', 'Ж', 'é'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 12 });
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    fc.assert(
      fc.property(cell, cell, cell, cell, (first, last, company, role) => {
        const csv = `First Name,Last Name,Company,Position\n${[first, last, company, role].map(quote).join(',')}\n`;
        const plan = planImport(indexOf({}), 'linkedin', csv);
        const person = readLinkedIn(csv).people[0];
        if (!person) return; // no name at all: skipped, and said so
        const note = parseFile(plan.created[0].path, plan.created[0].text) as Contact;
        assert.deepEqual(note.problems, [], plan.created[0].text);
        assert.equal(note.type, 'contact');
        assert.equal(note.name, person.name);
        assert.equal(note.company?.text, person.company);
        assert.equal(note.role, person.role);
      }),
      { seed: 20261204, numRuns: 300 },
    );
  });
});

/** The notes a plan writes, as files (texts without the BOM, as the index reads them). */
function written(plan: ReturnType<typeof planImport>): Record<string, string> {
  return {
    ...Object.fromEntries(plan.created.map((c) => [c.path, c.text])),
    ...Object.fromEntries(plan.updated.map((u) => [u.path, applyUpdate(u.before, u)])),
  };
}
