// A LinkedIn Connections.csv of N rows for the benchmark's import, shaped as the real
// export is (the notes before the header, a BOM, CRLF, `04 Dec 2026` dates, most rows
// without an email, quoted commas) and drawn against a corpus, so the import does what
// it does on a real first run: one row in ten is someone already in the notes (by
// email in another case, by LinkedIn address, or by name at their company), most
// others are new people at the corpus's companies, some at companies it does not have.
//
//   node bench/connections.mjs CORPUS_DIR ROWS > Connections.csv

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIRST = ['Aiko', 'Amara', 'Ben', 'Carla', 'Chen', 'Dmitri', 'Elif', 'Farah', 'Gabriel', 'Hana', 'Ines', 'Jonas', 'Kwame', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wei', 'Yara', 'Zoltan', 'Иван', 'Ольга', '小龙', '美咲'];
const LAST = ['Abara', 'Bauer', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quispe', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Varga', 'Wójcik', 'Xu', 'Yilmaz', 'Zhou', 'Петров', '李', '佐藤'];
const ROLES = ['Software Engineer', 'Product Manager', 'Recruiter', 'Engineering Manager', 'Designer', 'Data Scientist', 'Director, Platform', 'VP, Sales', 'Analyst'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A seeded random source (the same file for the same corpus and rows). */
function random(seed) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return { next, pick: (xs) => xs[Math.floor(next() * xs.length)], chance: (p) => next() < p };
}

/** The name, company and email of each contact note, and each company's name, read by line (the corpus writes them plainly). */
function readCorpus(dir) {
  const field = (text, key) => {
    const m = new RegExp(`^${key}: *(.*)$`, 'm').exec(text);
    return m ? m[1].replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1') : undefined;
  };
  const read = (sub) => readdirSync(join(dir, sub)).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, sub, f), 'utf8'));
  const companies = read('companies').map((t) => ({ id: null, name: field(t, 'name') })).filter((c) => c.name);
  const byId = new Map(readdirSync(join(dir, 'companies')).map((f) => [f.slice(0, -3), field(readFileSync(join(dir, 'companies', f), 'utf8'), 'name')]));
  const contacts = read('contacts').map((t) => {
    const company = field(t, 'company');
    const link = company && /^\[\[(.+)\]\]$/.exec(company);
    return { name: field(t, 'name'), company: link ? byId.get(link[1]) : company, email: field(t, 'email'), linkedin: field(t, 'linkedin') };
  }).filter((c) => c.name);
  return { companies, contacts };
}

const quoted = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function connectionsCsv(dir, rows, seed = 20261204) {
  const R = random(seed);
  const { companies, contacts } = readCorpus(dir);
  const out = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < rows; i++) {
    let first;
    let last;
    let company;
    let email = '';
    let url;
    const known = contacts.length && R.chance(0.1) ? R.pick(contacts) : undefined;
    if (known) {
      const space = known.name.indexOf(' ');
      [first, last] = space === -1 ? [known.name, ''] : [known.name.slice(0, space), known.name.slice(space + 1)];
      company = known.company ?? '';
      if (known.email && R.chance(0.5)) email = known.email.toUpperCase();
      url = known.linkedin ?? `https://www.linkedin.com/in/known-${i}`;
    } else {
      first = R.pick(FIRST);
      last = R.pick(LAST);
      company = R.chance(0.8) ? R.pick(companies).name : `${R.pick(['Acme', 'Umbrella', 'Stark', 'Wayne'])} ${R.pick(['Labs', 'Holdings, Inc.', 'Group'])}`;
      if (R.chance(0.15)) email = `${first}.${last}.${i}@mail.example`.toLowerCase();
      url = `https://www.linkedin.com/in/person-${i}`;
    }
    const date = `${String(1 + Math.floor(R.next() * 28)).padStart(2, '0')} ${R.pick(MONTHS)} ${2015 + Math.floor(R.next() * 12)}`;
    out.push([first, last, url, email, company, R.pick(ROLES), date].map(quoted).join(','));
  }
  return `\uFEFF${out.map((l) => `${l}\r\n`).join('')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, rows] = process.argv.slice(2);
  if (!dir || !/^\d+$/.test(rows ?? '')) {
    process.stderr.write('usage: node bench/connections.mjs CORPUS_DIR ROWS > Connections.csv\n');
    process.exit(2);
  }
  process.stdout.write(connectionsCsv(dir, Number(rows)));
}
