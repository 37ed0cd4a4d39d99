// The report as Markdown: readable in a terminal, and in a pull request or a note
// when pasted. Tables, and bars drawn with block characters for the weeks.

import type { Report } from './report.js';

/** A person's or company's name for an id (the id itself when no note has it). */
export type NameOf = (id: string) => string;

const BAR = '█';

export function reportMarkdown(r: Report, nameOf: NameOf): string {
  const t = r.totals;
  const ty = t.thank_you;
  const owed = ty.on_time + ty.late + ty.undated + ty.pending;
  const yieldPer = t.meetings_done ? (t.referrals_gained / t.meetings_done).toFixed(1) : '—';
  const most = Math.max(1, ...r.weeks.map((w) => Math.max(w.meetings, w.outreach_sent)));
  const bar = (n: number) => BAR.repeat(Math.round((n / most) * 10)) || (n ? '▏' : '');
  const lines = [
    `# Networking report, ${r.today}`,
    '',
    `${t.contacts} contacts · ${t.meetings_done} meetings held, ${t.meetings_planned} planned · ${t.outreach_sent} messages sent, ${t.replies} replied · ${t.referrals_gained} referrals gained (${yieldPer} a meeting)`,
    '',
    `## The last ${r.weeks.length} weeks`,
    '',
    '| week of | meetings | | messages sent | | referrals |',
    '|---|--:|---|--:|---|--:|',
    ...r.weeks.map((w) => `| ${w.start} | ${w.meetings} | ${bar(w.meetings)} | ${w.outreach_sent} | ${bar(w.outreach_sent)} | ${w.referrals_gained} |`),
    '',
    '## Thank-you notes',
    '',
    owed + ty.skipped
      ? `${ty.on_time} on time, ${ty.late} late, ${ty.undated} sent (no date), ${ty.pending} not sent yet, ${ty.skipped} skipped${owed ? ` — ${Math.round((ty.on_time / owed) * 100)}% on time` : ''}.`
      : 'No meetings held yet.',
    '',
    '## Target companies',
    '',
  ];
  if (!r.targets.length) lines.push('No company is marked `target: true` yet.');
  else {
    lines.push('| company | priority | you know | the way in |', '|---|--:|---|---|');
    for (const c of r.targets) {
      const way = c.path === null ? 'no chain yet: ask who they know there' : c.path.length === 0 ? 'you have met someone there' : c.path.map(nameOf).join(' → ');
      lines.push(`| ${cell(c.name)} | ${c.priority ?? ''} | ${cell(c.known.map(nameOf).join(', ') || 'nobody yet')} | ${cell(way)} |`);
    }
  }
  lines.push('', '## The week ahead', '');
  if (!r.agenda.length) lines.push('Nothing planned or falling due in the next seven days.');
  else {
    let day = '';
    for (const a of r.agenda) {
      if (a.date !== day) {
        if (day) lines.push('');
        day = a.date;
        lines.push(`**${a.date}**`, '');
      }
      lines.push(`- ${a.title} (${a.file})`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A table cell: one line, no column breaks. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
