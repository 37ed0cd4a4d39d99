// Generates a realistic networking repository of N notes, deterministically
// (same n and seed, same bytes), for the benchmark.
//
//   node bench/generate.mjs N [--seed S] [--out DIR]      (default DIR: bench/corpus/<N>)
//
// The mix follows what a job seeker's notes look like after a long search:
// ~35% contacts, ~45% meetings, ~5% companies, ~15% outreach, plus one README.
// Referrals compound (referred_by chains up to four people deep), meetings spread
// over two years up to a few weeks past "today" (2026-11-21), and the notes
// carry the variety real notes have: CRLF (~2%), a BOM (~1%), unquoted
// `with: [[id]]` (~3% of meetings), block scalars and multi-line values, inline
// code and fenced blocks, task lists, and about 1% broken notes (YAML syntax
// errors, impossible dates, unknown statuses, merge-conflict markers, a missing
// required key, the odd `---js`).
//
// Corpora live in bench/corpus/<n>/ (git-ignored). `ensureCorpus` regenerates
// one only when it is missing or its stamp (generator version, n, seed) differs.

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump whenever the output for a given (n, seed) changes, so stale corpora are rebuilt. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20261121;
export const STAMP_FILE = '.bench-stamp.json';

const HERE = dirname(fileURLToPath(import.meta.url));
export const CORPUS_ROOT = join(HERE, 'corpus');

/** "Today" as the benchmark evaluates it (`--today 2026-11-21`), in days since 1970-01-01. */
const TODAY = Math.floor(Date.UTC(2026, 10, 21) / 86_400_000);

// ---------------------------------------------------------------------------
// Randomness

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed) {
  const r = mulberry32(seed);
  const api = {
    r,
    chance: (p) => r() < p,
    int: (lo, hi) => lo + Math.floor(r() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(r() * xs.length)],
    /** Weighted pick from [[value, weight], ...]. */
    weighted: (pairs) => {
      let total = 0;
      for (const [, w] of pairs) total += w;
      let x = r() * total;
      for (const [v, w] of pairs) if ((x -= w) < 0) return v;
      return pairs[pairs.length - 1][0];
    },
    sample: (xs, k) => {
      const out = new Set();
      k = Math.min(k, xs.length);
      while (out.size < k) out.add(xs[Math.floor(r() * xs.length)]);
      return [...out];
    },
  };
  return api;
}

// ---------------------------------------------------------------------------
// Word pools

const FIRST = `Aisha Ben Carmen Dan Daniel Dev Elena Grace Hannah Isabel Jess Kofi Leo Marcus Nina Owen Priya Rafael
Rohan Sunita Tomás Wen Sally Bob Dana Maya Lena Amir Beatriz Chen Dmitri Esther Farah Gabriel Hiro Ines Jonas Keiko Lars
Mei Nadia Oscar Paula Quentin Rosa Samir Tara Umar Vera Walter Ximena Yusuf Zoe Adele Bruno Chloe Diego Emeka Fatima
Georg Helena Ivan Julia Kwame Lucia Mateo Noor Olga Pedro Rania Sven Thandiwe Uma Viktor Wanjiru Yara Zainab Alex Sam
Jordan Taylor Morgan Casey Riley Avery Quinn Jamie Noah Liam Emma Olivia Ava Sophia Lucas Ethan Mia Amelia Harper Evelyn
Arjun Ananya Kenji Sakura Minh Linh Thabo Ngozi Siobhan Declan Aoife Ciaran Björn Astrid Matteo Giulia Luca Chiara
Renée José Zoë Søren Ólafur Ayşe Mehmet Đorđe Łukasz Agnieszka Pilar Joaquín`.split(/\s+/);

const LAST = `Rahman Okafor Díaz Whitaker Patel Voss Liu Cole Ferreira Tran Mensah Brandt Bell Kowalski Fitzgerald Shah
Moreno Mehta Rao Herrera Zhao Smith Jones Lee Park Lindqvist Nguyen Kim Garcia Martinez Rodriguez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Thompson White Harris Sanchez Clark Ramirez Lewis Robinson
Walker Young Allen King Wright Scott Torres Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter
Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers
Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Cox Ward Richardson Watson Brooks Chavez Wood
James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Myers Long Ross Foster Jimenez Powell Jenkins
Perry Russell Sullivan Fischer Weber Schneider Wagner Becker Hoffmann Schulz Koch Richter Wolf Nakamura Tanaka Suzuki
Watanabe Ito Yamamoto Kobayashi Sato Chen Wang Li Zhang Singh Kumar Gupta Iyer Reddy Das Bose Adeyemi Okonkwo Mwangi
Otieno Haddad Nasser Haddadi Kaya Yilmaz Demir Novak Horvat Kovač Nowak Wiśniewski Dubois Laurent Moreau Lefèvre Rossi
Russo Bianchi Romano Colombo Costa Silva Santos Oliveira Pereira Almeida Johansson Andersson Nilsson Larsen Hansen
Jensen Virtanen Korhonen O'Brien O'Neill Byrne Walsh Ní-Bhriain`.split(/\s+/);

const CO_HEAD = `Ledger Meridian Fern Tessera Plover Halyard Cobalt Stack Bright Stay Talent Harbor Granite Lumen North Quill
Aster Birch Cedar Delta Ember Fjord Glacier Hollow Iron Juniper Kestrel Lantern Maple Nimbus Orbit Pine Quartz Raven
Summit Tidal Umber Vale Willow Zephyr Atlas Beacon Canopy Drift Echo Flint Grove Helix Indigo Jetty Keel Lattice Mosaic
Nova Onyx Prism Relay Signal Thimble Vector Wren Yarrow`.split(/\s+/);
const CO_TAIL = ['line', 'way', 'wise', ' Bank', ' Pay', 'works', ' Labs', ' Financial', ' Health', ' Systems', 'ly', 'io',
  ' Capital', ' Credit Union', ' Insurance', ' Analytics', ' Cloud', 'stack', 'hub', ' Robotics', ' Foods', ' Media',
  ' Studio', ' Logistics', ' Energy', ' Mobility', ' Payments', ' Learning', ' Security', ' Games'];
const CO_QUAL = ['', '', '', ' Group', ' Europe', ' Digital', ' Holdings', ' Partners', ' Technologies', ' & Co', ' Ventures',
  ' North America', ' Asia', ' Labs', ' Research', ' Collective'];
/** Employers that never get a company note (plain text). */
const EXTERNAL_COMPANIES = ['Acme Corp', 'Initech', 'Globex', 'Hooli', 'Umbrella Health', 'Talentbridge Recruiting',
  'Freelance', 'Stealth startup', 'City of Springfield', 'State University', 'Pied Piper', 'Vandelay Industries',
  'Wayne Enterprises', 'Stark Industries', 'Soylent', 'Massive Dynamic', 'Cyberdyne', 'Tyrell', 'Gringotts', 'Dunder Mifflin'];

const ROLES = ['Product Designer', 'Senior Product Designer', 'Staff Product Designer', 'Design Manager', 'Head of Design',
  'Design Director', 'UX Researcher', 'UX Research Lead', 'Content Designer', 'Product Manager', 'Senior Product Manager',
  'Engineering Manager', 'Staff Engineer', 'Software Engineer', 'Data Scientist', 'Recruiter', 'Design Recruiter',
  'Technical Recruiter', 'VP Design', 'VP Product', 'CTO', 'Founder', 'Co-founder & CEO', 'Chief of Staff',
  'Design Systems Lead', 'Principal Product Designer', 'Product Marketing Manager', 'Customer Success Lead',
  'Solutions Architect', 'Developer Advocate', 'Analyst', 'Operations Manager', 'Program Manager'];
const ROLE_AREAS = ['Payments', 'Cards', 'Lending', 'Onboarding', 'Growth', 'Platform', 'Risk', 'Compliance', 'Dashboard',
  'Mobile', 'Checkout', 'Payroll', 'Invoicing', 'Accessibility', 'Developer Experience'];
const TAGS = ['design', 'fintech', 'payments', 'banking', 'recruiter', 'mentor', 'friend', 'meetup', 'alumni',
  'design-leadership', 'research', 'product', 'engineering', 'b2b', 'accessibility', 'content-design', 'investing',
  'design-systems', 'reference', 'conference', 'startup', 'agency', 'health', 'climate', 'edtech', 'remote'];

const CONTACT_BODIES = [
  'Met at a design meetup; generous with time and very direct.',
  'Former colleague from the agency days. Knows half the design leaders in town.',
  'Reached out on LinkedIn after reading my case study on payouts.',
  'Cares a lot about accessibility; told me to read their public accessibility statement first.',
  'Thinks in metrics, but the best advice was about storytelling in a portfolio.',
  'Runs a small team that sits inside the product squads rather than in a central group.',
  'Came from a bank, so knows both sides of the regulated world.',
  'Offered to review my portfolio before I start interviewing in earnest.',
  'Gave a lightning talk on writing error messages for failed transfers.',
  'Agency recruiter; places designers at banks and payments companies. Keep warm.',
  'Friend from design school who made exactly the switch I am attempting.',
  'Prefers a short email over a call; replies within a day or two.',
];
const CONTACT_EXTRAS = [
  'Likes hearing how things are going: send a short update every few weeks.',
  'Promised to send the article on plain-language disclosures we talked about.',
  'Has strong views on where designers help most in payments teams.',
  'Knows people at most of the companies on my target list.',
];

const OPEN_QUESTIONS = [
  'What does a typical day look like for you?',
  'What experience helped you most in getting where you are?',
  'Which education or training has been most useful in this field?',
  'What are the rewards and the hard parts of this job?',
  'How is the design team organised, and how did it get that way?',
  'What would you want to see from someone coming in from outside the industry?',
  'Which companies are missing from my target list?',
  'Who else should I talk to, here or elsewhere?',
  'How do compliance reviews shape the design process?',
  'What do you wish designers new to payments understood?',
  'How do you decide what goes into a case study?',
  'What changed most in your team over the last two years?',
  'How does research reach the roadmap here?',
  'What skills are hardest to hire for right now?',
  'How did you make the move from your previous field?',
  'What would make a portfolio stand out to you?',
  'Which communities or events have been worth the time?',
  'How do product and design negotiate scope on your team?',
];
const CLOSED_QUESTIONS = [
  'Do you enjoy working in a regulated industry?',
  'Is there room for someone without a finance background?',
  'Are you hiring designers this quarter?',
  'Would you recommend a bootcamp?',
  'Can I send you my portfolio?',
  'Should I learn to code?',
  'Have you worked with remote teams before?',
];
const NOTE_SENTENCES = [
  'Fourteen designers in product squads, one design ops person, researchers embedded.',
  'Hardest part: users are busy and anxious about money; every extra screen costs trust.',
  'Reward: you can see a bakery get paid faster because of your work.',
  'Recommended two books on how money moves: card networks, ACH, settlement times.',
  'Looked at my target list and nodded at most of it; knows nobody at two of them.',
  'Finance teams want export, filters and exact numbers. "Never round money."',
  'Convincing case study: show the reconciliation problem, the failure states, and what support saw before and after.',
  'Design reviews are weekly and open to anyone.',
  'The team is reorganising into smaller squads next quarter.',
  'They hire for writing ability as much as for visual craft.',
  'Suggested I learn the basics of the regulatory landscape before the next conversation.',
  'Said the interview loop includes a portfolio presentation and a whiteboard exercise.',
  'Compliance sits in the same room as design for the card launches.',
  'Prefers case studies that show the messy middle, not just the polished end.',
  'Mentioned a meetup on designing for trust that happens every month.',
];
const INLINE_CODE = ['`ACH`', '`settlement_date`', '`rapport check`', '`POST /v1/payouts`', '`status: failed`', '`git log`'];
const FENCES = [
  ['```text', 'Subject: Thank you for your time', '', 'It was great to hear how the team works; I have already ordered both books.', '```'],
  ['```sql', 'select status, count(*) from payouts', 'where created_at > now() - interval \'7 days\'', 'group by status;', '```'],
  ['```json', '{ "event": "payout.failed", "reason": "account_closed" }', '```'],
  ['```', 'weekly review: Tue 15:00', 'office hours: Thu 11:00', '```'],
];
const TASKS = ['Send the thank-you note', 'Order the two books', 'Let the referrer know how it went', 'Update the target list',
  'Write to the person they suggested', 'Share the article we talked about', 'Rework the payouts case study',
  'Ask for an email address', 'Follow up after the holidays', 'Read the public accessibility statement'];

const SUBJECTS = ['Advice on moving into fintech', 'A question from a fellow designer', 'Your talk on designing for trust',
  'Twenty minutes of advice?', 'Learning how design works at your company', 'From hospitality software to payments',
  'Your perspective on research in banking', 'Following up from the meetup'];
const OUTREACH_SENTENCES = [
  'I have spent the last six years as a product designer, most recently on partner payouts and reconciliation.',
  'I am exploring how that experience could carry into fintech, and your team\'s work is the closest thing I have seen to it.',
  'I would really value your perspective on how design works in a company like yours.',
  'I would love to hear what someone coming from outside the industry should learn first.',
  'Would you have twenty minutes in the next couple of weeks, at whatever time suits you?',
  'Happy to fit around your schedule; a short call or a coffee both work.',
  'I read your post on failure states in payouts and it changed how I think about error screens.',
  'I am especially curious how research reaches the roadmap when compliance has a say.',
  'I know your time is valuable, so I will keep it short and come with specific questions.',
  'I led the redesign of how independent hotels get paid: payouts, statements and failed transfers.',
  'Your advice on which skills matter most would help me decide where to focus next.',
  'If it is easier, I am glad to send a few questions by email instead.',
  'I have been following the launch of your new card product with real interest.',
  'Several people I admire mentioned you as someone who thinks clearly about this space.',
];
const OUTREACH_JOB = 'Are there any open positions on your team that would suit someone like me?';
const OUTREACH_RESUME = 'I have attached my resume so you can see my background.';
const OUTREACH_II = 'I am hoping to set up an informational interview with you.';

// ---------------------------------------------------------------------------
// Helpers

function slugify(name) {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'note';
}
function dayText(day) {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
/** Quote a YAML plain scalar when it could be misread. */
function yq(s) {
  return /^[\p{L}\p{N}][\p{L}\p{N} .,&()'’-]*$/u.test(s) && !/: |\s#/.test(s) && !/^(true|false|yes|no|null|~)$/i.test(s) ? s : JSON.stringify(s);
}
function uniqueId(base, taken) {
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}
function wordCount(s) {
  return s.split(/\s+/).filter(Boolean).length;
}

// ---------------------------------------------------------------------------
// The generator

/**
 * Write a corpus of `n` notes (plus a README) into `dir`, which is created.
 * Returns counts of what was written.
 */
export function generate(dir, n, seed = DEFAULT_SEED) {
  if (!Number.isInteger(n) || n < 20) throw new Error(`generate: n must be an integer of at least 20 (got ${n})`);
  const R = makeRandom(seed);
  const nCompanies = Math.max(2, Math.round(n * 0.05));
  const nContacts = Math.max(5, Math.round(n * 0.35));
  const nOutreach = Math.max(2, Math.round(n * 0.15));
  const nMeetings = n - nCompanies - nContacts - nOutreach;

  const takenIds = new Set(['readme']);
  const notes = []; // { path, fm: string[], body: string, kind }

  // Companies -------------------------------------------------------------
  const companies = [];
  const companyNames = new Set();
  for (let i = 0; i < nCompanies; i++) {
    let name;
    do {
      name = `${R.pick(CO_HEAD)}${R.pick(CO_TAIL)}${R.pick(CO_QUAL)}`;
      if (companyNames.has(name)) name = `${name} ${R.pick(['Inc', 'Ltd', 'GmbH', 'SA', 'BV', 'AB', 'Oy'])}${R.chance(0.5) ? ` ${R.int(2, 99)}` : ''}`;
    } while (companyNames.has(name));
    companyNames.add(name);
    const id = uniqueId(slugify(name), takenIds);
    const target = R.chance(0.4);
    const c = { id, name, domain: `${id}.example`, target };
    companies.push(c);
    const fm = ['type: company', `name: ${yq(name)}`];
    if (target || R.chance(0.6)) fm.push(`target: ${target}`);
    if (target && R.chance(0.85)) fm.push(`priority: ${R.int(1, 5)}`);
    if (R.chance(0.9)) fm.push(`website: https://${c.domain}`);
    const body = [
      `${R.pick(['Payments infrastructure', 'Bookkeeping and invoicing for small businesses', 'Digital-first retail bank',
        'Savings and budgeting app', 'Investing app for first-time investors', 'Taxes for freelancers', 'Health insurance marketplace',
        'Logistics software for regional carriers', 'Learning platform for nurses'])}, about ${R.int(2, 90) * 10} people.`,
      '',
      ...R.sample(NOTE_SENTENCES, R.int(1, 3)).map((s) => `- ${s}`),
    ].join('\n');
    notes.push({ path: `companies/${id}.md`, fm, body, kind: 'company' });
  }

  // Contacts --------------------------------------------------------------
  const contacts = [];
  const emails = new Set();
  for (let i = 0; i < nContacts; i++) {
    // The same person entered twice (same address in another case, or same name at the same company).
    const duplicateOf = contacts.length > 10 && R.chance(0.004) ? R.pick(contacts) : undefined;
    const first = duplicateOf ? duplicateOf.first : R.pick(FIRST);
    const last = duplicateOf ? duplicateOf.last : R.pick(LAST);
    const name = duplicateOf ? duplicateOf.name : R.chance(0.08) ? `${first} ${String.fromCharCode(65 + R.int(0, 25))}. ${last}` : `${first} ${last}`;
    const id = uniqueId(slugify(name), takenIds);
    const co = R.chance(0.65) ? R.pick(companies) : undefined;
    const companyText = co ? co.name : R.pick(EXTERNAL_COMPANIES);
    // Referrals compound: a referrer is someone met earlier; chains stop at four people.
    let referrer;
    if (contacts.length > 3 && R.chance(0.55)) {
      referrer = contacts[contacts.length - 1 - Math.floor(R.r() * Math.min(contacts.length, 400))];
      while (referrer.depth >= 4) referrer = referrer.referrer;
    }
    const depth = referrer ? referrer.depth + 1 : 1;
    let email = `${slugify(first)}.${slugify(last)}@${co ? co.domain : `${slugify(companyText)}.example`}`.replace(/-/g, '');
    for (let k = 2; emails.has(email); k++) email = email.replace(/(\d*)@/, `${k}@`);
    if (duplicateOf) email = duplicateOf.email.replace(/^./, (ch) => ch.toUpperCase());
    emails.add(email);
    const c = { id, name, first, last, email, referrer, depth, status: undefined };
    contacts.push(c);

    const fm = ['type: contact', `name: ${yq(name)}`];
    if (co && R.chance(0.5)) fm.push(`company: "[[${co.id}]]"`);
    else if (R.chance(0.95)) fm.push(`company: ${yq(companyText)}`);
    if (R.chance(0.9)) {
      const role = R.chance(0.3) ? `${R.pick(ROLES)}, ${R.pick(ROLE_AREAS)}` : R.pick(ROLES);
      if (R.chance(0.01)) fm.push(`role: ${role.split(' ')[0]}`, `  ${role.split(' ').slice(1).join(' ') || 'Lead'}`); // plain multi-line scalar
      else fm.push(`role: ${yq(role)}`);
    }
    if (R.chance(0.92)) fm.push(`email: ${email}`);
    if (R.chance(0.15)) fm.push(`phone: +1 ${R.int(200, 989)} 555 0${R.int(100, 199)}`);
    if (R.chance(0.2)) fm.push(`linkedin: https://www.linkedin.com/in/example-${id}`);
    if (R.chance(0.8)) {
      const tags = R.sample(TAGS, R.int(1, 3));
      if (R.chance(0.8)) fm.push(`tags: [${tags.join(', ')}]`);
      else fm.push('tags:', ...tags.map((t) => `  - ${t}`));
    }
    if (referrer) fm.push(R.chance(0.88) ? `referred_by: "[[${referrer.id}]]"` : `referred_by: ${yq(referrer.name)}`);
    if (R.chance(0.9)) {
      c.status = R.weighted([['lead', 20], ['contacted', 20], ['scheduled', 10], ['met', 40], ['dormant', 10]]);
      fm.push(`status: ${c.status}`);
    }
    if (R.chance(0.2)) fm.push(`next_follow_up: ${dayText(TODAY + R.int(-60, 60))}`);
    if (R.chance(0.12)) fm.push(`keep_in_touch_days: ${R.pick([30, 42, 60, 90])}`);
    if (R.chance(0.015)) fm.push('notes: >', '  Prefers mornings. Mentioned twice that they', '  like hearing back after an introduction.');
    const lines = [R.pick(CONTACT_BODIES)];
    if (R.chance(0.3) && contacts.length > 1) lines.push('', `Introduced me to [[${R.pick(contacts).id}]] later on.`);
    if (R.chance(0.3)) lines.push('', `- ${R.pick(CONTACT_EXTRAS)}`);
    notes.push({ path: `contacts/${id}.md`, fm, body: lines.join('\n'), kind: 'contact' });
  }

  // Meetings --------------------------------------------------------------
  const refLink = (c) => `"[[${c.id}]]"`;
  for (let i = 0; i < nMeetings; i++) {
    const people = R.chance(0.08) ? R.sample(contacts, 2) : [R.pick(contacts)];
    const who = people[0];
    const future = R.chance(0.04);
    const day = future ? TODAY + R.int(0, 21) : TODAY - R.int(1, 730);
    const withTime = R.chance(0.4);
    const dateText = withTime ? `${dayText(day)} ${String(R.int(8, 18)).padStart(2, '0')}:${R.pick(['00', '15', '30', '45'])}` : dayText(day);
    const id = uniqueId(`${dayText(day)}-${who.id}`, takenIds);
    const fm = ['type: meeting'];
    if (people.length > 1) {
      if (R.chance(0.5)) fm.push(`with: [${people.map(refLink).join(', ')}]`);
      else fm.push('with:', ...people.map((p) => `  - ${refLink(p)}`));
    } else if (R.chance(0.03)) {
      fm.push(`with: [[${who.id}]]`); // unquoted: YAML reads a nested list, Rapport still finds the link
    } else {
      fm.push(`with: ${refLink(who)}`);
    }
    fm.push(`date: ${dateText}`);
    const kind = R.chance(0.95) ? R.weighted([['informational', 50], ['networking', 20], ['courtesy', 15], ['interview', 15]]) : undefined;
    if (kind) fm.push(`kind: ${kind}`);
    let status;
    if (R.chance(0.3)) {
      status = future ? 'planned' : R.weighted([['done', 60], ['cancelled', 17], ['no-show', 7], ['planned', 16]]);
      fm.push(`status: ${status}`);
    }
    if (R.chance(0.9)) fm.push(`duration: ${R.pick(future ? [20, 30, 30, 30, 45] : [20, 30, 30, 30, 45, 60])}`);
    const done = !future && status !== 'cancelled' && status !== 'no-show';
    if (done) {
      const recent = TODAY - day <= 5;
      if (R.chance(recent ? 0.4 : 0.9)) {
        fm.push(`thank_you: ${R.weighted([[dayText(day + R.int(1, 2)), 84], ['true', 10], ['skip', 6]])}`);
      } else if (R.chance(0.2)) fm.push('thank_you: false');
      if (who.referrer && R.chance(0.7)) fm.push(`referrer_updated: ${R.chance(0.8) ? dayText(day + R.int(1, 10)) : 'true'}`);
      const x = R.r();
      if (x < 0.6) {
        const refs = R.sample(contacts, R.int(1, 3)).map((c) => (R.chance(0.03) ? `"[[${slugify(`${R.pick(FIRST)} ${R.pick(LAST)}`)}-new]]"` : refLink(c)));
        if (R.chance(0.8)) fm.push('referrals:', ...refs.map((s) => `  - ${s}`));
        else fm.push(`referrals: [${refs.join(', ')}]`);
      } else if (x < 0.75) fm.push('referrals: []');
    }
    if (R.chance(0.015)) fm.push('summary: |', '  Long chat about the team and the hiring plan.', '  Follow up in January once the reorg is done.');

    // Body
    const b = [];
    if (R.chance(0.6)) b.push(`${R.pick(['Video call.', 'Coffee near their office.', 'At their office; got a tour.', 'Phone call, 30 minutes.', 'Lunch.'])}${who.referrer ? ` ${who.referrer.first}'s introduction.` : ''}`, '');
    const soon = future && day - TODAY <= 3;
    if (!(soon && R.chance(0.3)) && R.chance(0.85)) {
      const qs = R.sample(OPEN_QUESTIONS, R.int(3, 6));
      if (R.chance(0.08)) qs.splice(R.int(0, qs.length), 0, R.pick(CLOSED_QUESTIONS));
      b.push('## Questions', '', ...qs.map((q) => `- ${q}`), '');
    }
    if (!done && !future) b.push(status === 'cancelled' ? 'They had to cancel; try again next month.' : 'They did not show up. Wrote to check all is well.');
    if (done) {
      b.push('## Notes', '');
      const paras = R.int(1, 4);
      for (let p = 0; p < paras; p++) {
        const sents = R.sample(NOTE_SENTENCES, R.int(1, 3));
        if (R.chance(0.35)) sents.push(`Suggested [[${R.pick(contacts).id}]]${R.chance(0.5) ? ` and [[${R.pick(contacts).id}]]` : ''}.`);
        if (R.chance(0.08)) sents.push(`Their payouts API returns ${R.pick(INLINE_CODE)} when a transfer bounces.`);
        b.push(R.chance(0.5) ? `- ${sents.join(' ')}` : sents.join(' '), '');
      }
      if (R.chance(0.04)) b.push(...R.pick(FENCES), '');
      if (R.chance(0.5)) for (const t of R.sample(TASKS, R.int(1, 3))) b.push(`- [${R.chance(0.6) ? 'x' : ' '}] ${t}`);
    }
    notes.push({ path: `meetings/${dayText(day).slice(0, 4)}/${id}.md`, fm, body: b.join('\n').trimEnd(), kind: 'meeting' });
  }

  // Outreach --------------------------------------------------------------
  for (let i = 0; i < nOutreach; i++) {
    const to = R.pick(contacts);
    const status = R.weighted([['draft', 30], ['sent', 45], ['replied', 25]]);
    const sentDay = TODAY - R.int(1, 740);
    const id = uniqueId(status === 'draft' ? `draft-${to.id}` : `${dayText(sentDay)}-${to.id}`, takenIds);
    const fm = ['type: outreach', `to: "[[${to.id}]]"`];
    let subject;
    if (R.chance(0.03)) subject = 'Informational interview request';
    else if (to.referrer && R.chance(0.85)) subject = `${to.referrer.name} suggested I contact you`;
    else subject = R.pick(SUBJECTS);
    if (R.chance(0.95)) fm.push(`subject: ${yq(subject)}`);
    fm.push(`channel: ${R.weighted([['email', 70], ['linkedin', 25], ['phone', 5]])}`);
    fm.push(`status: ${status}`);
    if (status !== 'draft' && R.chance(0.9)) fm.push(`sent: ${dayText(sentDay)}`);

    const target = R.int(60, 180);
    const greeting = `Hi ${to.first},`;
    const sents = [];
    if (to.referrer) sents.push(`${to.referrer.name} suggested I get in touch; they speak very highly of your work.`);
    const pool = R.sample(OUTREACH_SENTENCES, OUTREACH_SENTENCES.length);
    if (R.chance(0.03)) pool.splice(1, 0, OUTREACH_RESUME);
    if (R.chance(0.03)) pool.splice(2, 0, OUTREACH_JOB);
    if (R.chance(0.02)) pool.splice(0, 0, OUTREACH_II);
    let words = wordCount(greeting) + 3;
    for (const s of pool) {
      if (words >= target) break;
      sents.push(s);
      words += wordCount(s);
    }
    const paras = [];
    for (let k = 0; k < sents.length; k += 2) paras.push(sents.slice(k, k + 2).join(' '));
    const body = [greeting, '', ...paras.flatMap((p) => [p, '']), 'Thank you,', 'Maya Lindqvist'].join('\n');
    notes.push({ path: `outreach/${id}.md`, fm, body, kind: 'outreach' });
  }

  // Broken notes (~1%) ----------------------------------------------------
  const broken = {};
  const nBroken = Math.max(1, Math.round(n * 0.01));
  for (const note of R.sample(notes, nBroken)) {
    const how = breakNote(note, R);
    broken[how] = (broken[how] ?? 0) + 1;
  }

  // Write -----------------------------------------------------------------
  mkdirSync(dir, { recursive: true });
  const made = new Set();
  let crlf = 0;
  let bom = 0;
  for (const note of notes) {
    let text = note.raw ?? `---\n${note.fm.join('\n')}\n---\n\n${note.body}\n`;
    if (R.chance(0.02)) {
      text = text.replace(/\n/g, '\r\n');
      crlf++;
    }
    if (R.chance(0.01)) {
      text = `\uFEFF${text}`;
      bom++;
    }
    const abs = join(dir, note.path);
    const parent = dirname(abs);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(abs, text);
  }
  writeFileSync(join(dir, 'README.md'), `# My networking notes\n\nGenerated by bench/generate.mjs (n=${n}, seed=${seed}). Not a Rapport note: it has no frontmatter.\n`);
  const kinds = { company: nCompanies, contact: nContacts, meeting: nMeetings, outreach: nOutreach };
  return { n, seed, version: GENERATOR_VERSION, kinds, broken, crlf, bom, files: notes.length + 1 };
}

/** Damage one note the way real notes get damaged; returns what was done. */
function breakNote(note, R) {
  const fm = note.fm;
  const how = R.weighted([['yaml-syntax', 30], ['impossible-date', 20], ['unknown-status', 20], ['conflict-body', 12],
    ['conflict-frontmatter', 6], ['missing-required', 8], ['unsafe-language', 4]]);
  const at = (re) => fm.findIndex((l) => re.test(l));
  switch (how) {
    case 'yaml-syntax': {
      const variant = R.int(0, 2);
      const i = Math.max(1, Math.min(fm.length - 1, R.int(1, fm.length - 1)));
      if (variant === 0) fm.splice(i, 0, 'notes: "forgot to close this quote'); // unterminated string
      else if (variant === 1) fm.splice(i, 0, 'tags: [design, fintech'); // unterminated flow sequence
      else fm.splice(i, 0, 'role: Lead: Payments'); // nested mapping in a plain scalar
      return how;
    }
    case 'impossible-date': {
      if (note.kind === 'company') {
        const i = at(/^priority:/);
        if (i >= 0) fm[i] = 'priority: first';
        else fm.push('priority: first');
        return 'wrong-kind';
      }
      const bad = R.pick(['2026-02-30', '2025-13-04', '2026-11-31', '2025-04-31']);
      const key = note.kind === 'meeting' ? 'date' : note.kind === 'contact' ? 'next_follow_up' : 'sent';
      const i = at(new RegExp(`^${key}:`));
      if (i >= 0) fm[i] = `${key}: ${bad}`;
      else fm.push(`${key}: ${bad}`);
      return how;
    }
    case 'unknown-status': {
      if (note.kind === 'company') {
        // Companies have no status; a target that is neither true nor false is their wrong kind.
        const i = at(/^target:/);
        if (i >= 0) fm[i] = 'target: maybe';
        else fm.push('target: maybe');
        return 'wrong-kind';
      }
      const bad = { contact: 'ghosted', meeting: 'pending', outreach: 'queued' }[note.kind];
      const i = at(/^status:/);
      if (i >= 0) fm[i] = `status: ${bad}`;
      else fm.push(`status: ${bad}`);
      return how;
    }
    case 'conflict-body':
      note.body = `<<<<<<< HEAD\n${note.body}\n=======\n${note.body.split('\n')[0]}\nEdited on the phone as well.\n>>>>>>> phone`;
      return how;
    case 'conflict-frontmatter': {
      const i = Math.max(1, fm.length - 1);
      fm.splice(i, 1, '<<<<<<< HEAD', fm[i], '=======', fm[i].replace(/: .*/, ': changed on the laptop'), '>>>>>>> laptop');
      return how;
    }
    case 'missing-required': {
      const key = { contact: 'name', meeting: 'date', outreach: 'to', company: 'name' }[note.kind];
      const i = at(new RegExp(`^${key}:`));
      if (i >= 0) fm.splice(i, 1);
      return how;
    }
    case 'unsafe-language':
      note.raw = `---js\n{\n  type: '${note.kind}',\n  name: 'Copied from an old site'\n}\n---\n\n${note.body}\n`;
      return how;
  }
  return how;
}

// ---------------------------------------------------------------------------
// Corpus cache

export function corpusDir(n) {
  return join(CORPUS_ROOT, String(n));
}

function readStamp(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, STAMP_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The corpus for `n` notes, generated if missing or made by another generator
 * version or seed. Generation goes to a temporary folder renamed into place, so
 * an interrupted run never leaves a half corpus that looks complete.
 */
export function ensureCorpus(n, { seed = DEFAULT_SEED, log = () => {} } = {}) {
  const dir = corpusDir(n);
  const stamp = readStamp(dir);
  if (stamp && stamp.version === GENERATOR_VERSION && stamp.n === n && stamp.seed === seed) return { dir, stamp, generated: false };
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  log(`generating ${n} notes in ${dir} (generator v${GENERATOR_VERSION}, seed ${seed})…`);
  const t0 = performance.now();
  const info = generate(tmp, n, seed);
  info.seconds = Number(((performance.now() - t0) / 1000).toFixed(2));
  writeFileSync(join(tmp, STAMP_FILE), `${JSON.stringify(info, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  log(`  ${info.files} files in ${info.seconds} s`);
  return { dir, stamp: info, generated: true };
}

// ---------------------------------------------------------------------------
// CLI

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const usage = 'usage: node bench/generate.mjs N [--seed S] [--out DIR]';
  const n = Number(args[0]);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i === -1 ? undefined : args[i + 1];
  };
  const seed = opt('--seed') === undefined ? DEFAULT_SEED : Number(opt('--seed'));
  if (!Number.isInteger(n) || n < 20 || !Number.isInteger(seed)) {
    process.stderr.write(`${usage}\n`);
    process.exit(2);
  }
  const out = opt('--out');
  if (out) {
    if (existsSync(out)) {
      process.stderr.write(`generate: ${out} exists; give a new folder\n`);
      process.exit(2);
    }
    const info = generate(resolve(out), n, seed);
    process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
  } else {
    const { dir, stamp, generated } = ensureCorpus(n, { seed, log: (s) => process.stderr.write(`${s}\n`) });
    process.stdout.write(`${generated ? 'generated' : 'up to date'}: ${dir}\n${JSON.stringify(stamp, null, 2)}\n`);
  }
}
