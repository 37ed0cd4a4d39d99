// vCard files (.vcf) as phones, Google Contacts and Apple Contacts export them, read
// with ical.js: 3.0 and 4.0, folded lines, `item1.` groups (a `group` parameter),
// `ORG` with a department, several emails and URLs, any script. Each card is handed
// to the parser on its own, so a broken card is reported at its `BEGIN:VCARD` line
// and the others are still read.

import ICAL from 'ical.js';
import { emailAddress, linkedinUrl, oneLine, type ImportedPerson, type ImportProblem, type ReadPeople } from './people.js';

type JProperty = [name: string, params: Record<string, unknown>, type: string, ...values: unknown[]];

/** The people in a vCard file, and the cards that could not be read (each with its line). */
export function readVcards(text: string): ReadPeople {
  const people: ImportedPerson[] = [];
  const problems: ImportProblem[] = [];
  const cards = splitCards(text);
  if (!cards.length) return { people, problems, unreadable: 'it holds no card (no BEGIN:VCARD line): is it a vCard file?' };
  for (const card of cards) {
    if (card.text === undefined) {
      problems.push({ line: card.line, reason: 'a card that never ends (no END:VCARD)' });
      continue;
    }
    let props: JProperty[];
    try {
      const parsed = ICAL.parse(card.text) as unknown;
      const jcard = (Array.isArray(parsed) && parsed[0] === 'vcard' ? parsed : (parsed as unknown[])[0]) as [string, JProperty[]];
      props = jcard[1];
    } catch (e) {
      problems.push({ line: card.line, reason: `not a card vCard readers accept (${String((e as Error)?.message ?? e).split('\n')[0]})` });
      continue;
    }
    const person = personOf(props, card.line);
    if ('reason' in person) problems.push(person);
    else people.push(person);
  }
  return { people, problems };
}

/** Each `BEGIN:VCARD` … `END:VCARD`, with the line it begins on; a card never ended has no text. */
function splitCards(text: string): { line: number; text?: string }[] {
  const cards: { line: number; text?: string }[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let open: { line: number; from: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim().toUpperCase();
    if (l === 'BEGIN:VCARD') {
      if (open) cards.push({ line: open.line });
      open = { line: i + 1, from: i };
    } else if (l === 'END:VCARD' && open) {
      cards.push({ line: open.line, text: `${lines.slice(open.from, i + 1).join('\r\n')}\r\n` });
      open = undefined;
    }
  }
  if (open) cards.push({ line: open.line });
  return cards;
}

function personOf(props: JProperty[], line: number): ImportedPerson | ImportProblem {
  const all = (name: string) => props.filter((p) => p[0] === name);
  const first = (name: string) => all(name).map(textOf).find(Boolean);
  if (first('x-abshowas')?.toUpperCase() === 'COMPANY') return { line, reason: 'a company’s card, not a person’s' };
  const n = all('n')[0];
  const parts = n ? componentsOf(n) : [];
  // FN is the name as the person writes it; N (family; given; …) only when a card has no FN.
  const name = first('fn') || [parts[1], parts[2], parts[0]].map(oneLine).filter(Boolean).join(' ');
  if (!name) return { line, reason: 'no name (neither FN nor N)' };
  const org = all('org')[0];
  const emails = byPreference(all('email')).map((p) => emailAddress(textOf(p))).filter((e): e is string => e !== undefined);
  // A profile address may be a URL, or Apple's and vCard 4.0's social profile.
  const profiles = byPreference([...all('url'), ...all('x-socialprofile'), ...all('socialprofile')]);
  return {
    line,
    name,
    company: org ? componentsOf(org).map(oneLine)[0] || undefined : undefined,
    role: first('title') || first('role'),
    email: emails[0],
    emails: [...new Set(emails)],
    linkedin: profiles.map((p) => linkedinUrl(textOf(p))).find(Boolean),
  };
}

/** A property's value as one line of text; the first of a structured one. */
function textOf(p: JProperty): string {
  return componentsOf(p).map(oneLine).find(Boolean) ?? '';
}

/** A property's values: ORG gives [organisation, department], N gives its five parts. */
function componentsOf(p: JProperty): string[] {
  return p.slice(3).flatMap((v) => (Array.isArray(v) ? v.flat() : [v])).map((v) => (typeof v === 'string' ? v : String(v ?? '')));
}

/**
 * Properties in the order a card prefers them: vCard 4.0's `PREF=1` before `PREF=2`,
 * 3.0's `TYPE=pref` before the rest, then as written.
 */
function byPreference(props: JProperty[]): JProperty[] {
  const rank = (p: JProperty) => {
    const pref = Number(p[1].pref);
    if (Number.isFinite(pref) && pref >= 1) return pref;
    const types = ([] as unknown[]).concat(p[1].type ?? []).flatMap((t) => String(t).toLowerCase().split(','));
    return types.includes('pref') ? 0.5 : 101;
  };
  return props.map((p, i) => ({ p, i, r: rank(p) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.p);
}
