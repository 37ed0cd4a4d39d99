// Small exports shaped as the real ones are, with every quirk the import must take:
// LinkedIn's notes before the header, a BOM, CRLF, `04 Dec 2026` dates, rows without
// an email, quoted commas, a row with a stray comma, a quote never closed, a row with
// no name; vCard 3.0 (Apple: folded lines, item1. groups, ORG with a department, a
// company's card) and 4.0 (Google: PREF on emails), names in Cyrillic, Chinese and
// with accents, and a broken card. And a folder of notes to import them into.

import { md } from './helpers.js';

const crlf = (lines: string[]) => lines.map((l) => `${l}\r\n`).join('');

export const CONNECTIONS_CSV = `\uFEFF${crlf([
  'Notes:', // line 1
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On', // line 4
  'Priya,Raman,https://www.linkedin.com/in/priya-raman-4b1a2,,Globex,Staff Engineer,04 Dec 2026', // 5: new, at a target
  'Sally,Smith,https://www.linkedin.com/in/sally-smith,SALLY@globex.com,Globex,"Director, Platform",12 Nov 2026', // 6: by email
  'Tom,Baker,https://www.linkedin.com/in/tom-baker,,"Umbrella, Ltd.",Recruiter,01 Oct 2025', // 7: a quoted comma
  'Tom,Baker,https://www.linkedin.com/in/tom-baker-2,,Globex,Chemist,02 Oct 2025', // 8: a namesake elsewhere
  ',,,,,,03 Mar 2024', // 9: no name
  'Ann,Lee,https://linkedin.com/in/ann-lee,,Initech,Designer,5 Jan 2026', // 10: by LinkedIn address
  'Jo,Ng,https://www.linkedin.com/in/jo-ng,,Acme, Inc,Engineer,01 Jan 2026', // 11: a comma outside quotes
  'Bad,Row,https://www.linkedin.com/in/bad-row,,"Acme,Engineer,01 Jan 2026', // 12: a quote never closed
  '小龙,李,https://www.linkedin.com/in/li-xiaolong,,Initech,CTO,20 Nov 2026', // 13: Chinese
  'Bob,Jones,https://www.linkedin.com/in/bob-jones,,Initech,Product Manager,13 Feb 2026', // 14: by name at a company
])}`;

export const CONTACTS_VCF_30 = crlf([
  'BEGIN:VCARD', // 1
  'VERSION:3.0',
  'N:Okafor;Chidi;;;',
  'FN:Chidi Okafor',
  'ORG:Globex;Research',
  'TITLE:Data Scientist',
  'item1.EMAIL;type=INTERNET;type=pref:chidi@globex.com',
  'item1.X-ABLabel:_$!<Work>!$_',
  'EMAIL;type=INTERNET;type=HOME:chidi@example.org',
  'item2.URL;type=pref:https://www.linkedin.com/in/chidi-okafor-',
  ' 1234',
  'item2.X-ABLabel:LinkedIn',
  'URL:https://chidi.example.org',
  'END:VCARD',
  'BEGIN:VCARD', // 15
  'VERSION:3.0',
  'N:Петров;Иван;;;',
  'FN:Иван Петров',
  'ORG:Initech',
  'EMAIL;type=INTERNET:ivan@initech.example',
  'END:VCARD',
  'BEGIN:VCARD', // 22: broken
  'VERSION:3.0',
  'FN Broken Card',
  'END:VCARD',
  'BEGIN:VCARD', // 26: a company's card
  'VERSION:3.0',
  'N:;;;;',
  'FN:Acme Corp',
  'ORG:Acme Corp;',
  'X-ABShowAs:COMPANY',
  'END:VCARD',
]);

export const CONTACTS_VCF_40 = [
  'BEGIN:VCARD', // 1
  'VERSION:4.0',
  'FN:Sally Smith',
  'EMAIL;TYPE=home;PREF=2:s.smith@personal.example',
  'EMAIL;TYPE=work;PREF=1:Sally@Globex.com',
  'URL:http://linkedin.com/in/sally-smith/',
  'END:VCARD',
  'BEGIN:VCARD', // 8
  'VERSION:4.0',
  'FN:María José Núñez',
  'ORG:Umbrella;Labs',
  'TITLE:Chemist',
  'EMAIL:mj@umbrella.example',
  'EMAIL:mj.nunez@example.org',
  'END:VCARD',
  '',
].join('\n');

/** Sally: a BOM, CRLF and a comment, all of which must survive; Ann: found by her LinkedIn address; Bob: by name at Initech. */
export const SALLY_NOTE = '\uFEFF---\r\ntype: contact\r\nname: Sally Smith # met at the meetup\r\ncompany: "[[globex]]"\r\nemail: sally@globex.com\r\nstatus: met\r\n---\r\nTalked about platform teams.\r\n';

export const NOTES: Record<string, string> = {
  'contacts/sally-smith.md': SALLY_NOTE,
  'contacts/ann-lee.md': md(['type: contact', 'name: Ann Lee', "company: '[[initech]]'", 'role: Lead Designer', 'linkedin: http://www.linkedin.com/in/ann-lee/']),
  'contacts/bob-jones.md': md(['type: contact', 'name: Bob Jones', 'company: Initech', 'status: met'], 'Bob knows everyone.\n'),
  'companies/globex.md': md(['type: company', 'name: Globex', 'target: true', 'priority: 1']),
  'companies/initech.md': md(['type: company', 'name: Initech', 'target: true']),
  'companies/umbrella.md': md(['type: company', 'name: Umbrella']),
};
