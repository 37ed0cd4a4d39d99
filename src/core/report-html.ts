// The report as one HTML page: the figures, and charts drawn as inline SVG — no
// script, no font, nothing fetched, so the file opens offline in any browser and the
// same page serves the editor's webview under a strict Content Security Policy.
// Colours are VS Code's theme variables, with fallbacks for a plain browser; all CSS
// is in one <style> element (a nonce lets the webview allow it and nothing else).

import type { NameOf } from './report-markdown.js';
import type { Report } from './report.js';

export interface HtmlOptions {
  /** Where a note's name links: a relative path for a file, a command URI in the webview. */
  linkOf: (file: string) => string;
  /** The nonce of the page's one <style> element, and the CSP to declare (the webview's). */
  nonce?: string;
  csp?: string;
}

export function reportHtml(r: Report, nameOf: NameOf, pathOf: (id: string) => string | undefined, options: HtmlOptions): string {
  const t = r.totals;
  const ty = t.thank_you;
  const link = (id: string) => {
    const path = pathOf(id);
    return path ? `<a href="${attr(options.linkOf(path))}">${esc(nameOf(id))}</a>` : esc(nameOf(id));
  };
  const yieldPer = t.meetings_done ? (t.referrals_gained / t.meetings_done).toFixed(1) : '—';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
${options.csp ? `<meta http-equiv="Content-Security-Policy" content="${attr(options.csp)}">\n` : ''}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Networking report, ${esc(r.today)}</title>
<style${options.nonce ? ` nonce="${attr(options.nonce)}"` : ''}>${CSS}</style>
</head>
<body>
<h1>Networking report, ${esc(r.today)}</h1>
<p class="totals">${t.contacts} contacts · ${t.meetings_done} meetings held, ${t.meetings_planned} planned · ${t.outreach_sent} messages sent, ${t.replies} replied · ${t.referrals_gained} referrals gained (${yieldPer} a meeting)</p>
<h2>Meetings and messages, week by week</h2>
${weeksChart(r)}
<h2>Referrals gained, week by week</h2>
${referralsChart(r)}
<h2>Thank-you notes</h2>
${thankYouChart(ty)}
<h2>Target companies</h2>
${r.targets.length ? `<table><thead><tr><th>company</th><th>priority</th><th>you know</th><th>the way in</th></tr></thead><tbody>
${r.targets.map((c) => `<tr><td>${link(c.id)}</td><td class="n">${c.priority ?? ''}</td><td>${c.known.map(link).join(', ') || '<span class="dim">nobody yet</span>'}</td><td>${
    c.path === null ? '<span class="dim">no chain yet: ask who they know there</span>' : c.path.length === 0 ? 'you have met someone there' : c.path.map(link).join(' → ')}</td></tr>`).join('\n')}
</tbody></table>` : '<p class="dim">No company is marked <code>target: true</code> yet.</p>'}
<h2>The week ahead</h2>
${r.agenda.length ? `<ul class="agenda">${r.agenda.map((a) => `<li><span class="date">${esc(a.date)}</span> <a href="${attr(options.linkOf(a.file))}">${esc(a.title)}</a></li>`).join('\n')}</ul>` : '<p class="dim">Nothing planned or falling due in the next seven days.</p>'}
</body>
</html>
`;
}

const W = 640;
const H = 160;
const PAD = 24;

/** Bars of meetings held and messages sent, side by side, a pair a week. */
function weeksChart(r: Report): string {
  const most = Math.max(1, ...r.weeks.map((w) => Math.max(w.meetings, w.outreach_sent)));
  const slot = (W - PAD) / r.weeks.length;
  const bar = Math.max(2, slot / 2 - 2);
  const y = (n: number) => H - PAD - (n / most) * (H - 2 * PAD);
  const bars = r.weeks.map((w, i) => {
    const x = PAD + i * slot;
    return `<rect class="meetings" x="${x.toFixed(1)}" y="${y(w.meetings).toFixed(1)}" width="${bar.toFixed(1)}" height="${(H - PAD - y(w.meetings)).toFixed(1)}"><title>Week of ${w.start}: ${w.meetings} meetings</title></rect>`
      + `<rect class="outreach" x="${(x + bar + 1).toFixed(1)}" y="${y(w.outreach_sent).toFixed(1)}" width="${bar.toFixed(1)}" height="${(H - PAD - y(w.outreach_sent)).toFixed(1)}"><title>Week of ${w.start}: ${w.outreach_sent} messages sent</title></rect>`;
  });
  return svg('Meetings held and messages sent per week', `${axis(r, slot)}${bars.join('')}<text class="label" x="${PAD}" y="12">${most}</text>`)
    + '<p class="legend"><span class="key meetings"></span> meetings held <span class="key outreach"></span> messages sent</p>';
}

function referralsChart(r: Report): string {
  const most = Math.max(1, ...r.weeks.map((w) => w.referrals_gained));
  const slot = (W - PAD) / r.weeks.length;
  const y = (n: number) => H - PAD - (n / most) * (H - 2 * PAD);
  const bars = r.weeks.map((w, i) => `<rect class="referrals" x="${(PAD + i * slot).toFixed(1)}" y="${y(w.referrals_gained).toFixed(1)}" width="${Math.max(2, slot - 4).toFixed(1)}" height="${(H - PAD - y(w.referrals_gained)).toFixed(1)}"><title>Week of ${w.start}: ${w.referrals_gained} referrals from ${w.meetings} meetings</title></rect>`);
  return svg('Referrals gained per week', `${axis(r, slot)}${bars.join('')}<text class="label" x="${PAD}" y="12">${most}</text>`);
}

/** The weeks' Mondays under the bars, every other one when there are many. */
function axis(r: Report, slot: number): string {
  const every = Math.ceil(r.weeks.length / 8);
  return `<line class="axis" x1="${PAD}" y1="${H - PAD}" x2="${W}" y2="${H - PAD}"/>`
    + r.weeks.map((w, i) => (i % every ? '' : `<text class="label" x="${(PAD + i * slot).toFixed(1)}" y="${H - 6}">${w.start.slice(5)}</text>`)).join('');
}

/** One bar, split into on time, late, undated, not sent and skipped. */
function thankYouChart(ty: Report['totals']['thank_you']): string {
  const parts: [keyof typeof ty, string][] = [['on_time', 'on time'], ['late', 'late'], ['undated', 'sent, no date'], ['pending', 'not sent yet'], ['skipped', 'skipped']];
  const total = parts.reduce((n, [k]) => n + ty[k], 0);
  if (!total) return '<p class="dim">No meetings held yet.</p>';
  let x = 0;
  const rects = parts.map(([k, label]) => {
    const w = (ty[k] / total) * W;
    const out = ty[k] ? `<rect class="ty-${k}" x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="28"><title>${ty[k]} ${label}</title></rect>` : '';
    x += w;
    return out;
  });
  return svg('The thank-you record', rects.join(''), 28)
    + `<p class="legend">${parts.map(([k, label]) => `<span class="key ty-${k}"></span> ${ty[k]} ${label}`).join(' ')}</p>`;
}

function svg(title: string, body: string, height = H): string {
  return `<svg role="img" aria-label="${attr(title)}" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}"><title>${esc(title)}</title>${body}</svg>`;
}

const CSS = `
body { font-family: var(--vscode-font-family, system-ui, sans-serif); color: var(--vscode-foreground, #1f2328); background: var(--vscode-editor-background, #fff); max-width: 760px; margin: 1.5em auto; padding: 0 1em; line-height: 1.45; }
a { color: var(--vscode-textLink-foreground, #0969da); }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
.totals, .dim, .label { color: var(--vscode-descriptionForeground, #59636e); }
.dim { font-style: italic; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.3em 0.6em; border-bottom: 1px solid var(--vscode-panel-border, #d1d9e0); vertical-align: top; }
td.n { text-align: right; }
svg { max-width: 100%; height: auto; display: block; }
svg .label { font-size: 10px; fill: var(--vscode-descriptionForeground, #59636e); }
svg .axis { stroke: var(--vscode-panel-border, #d1d9e0); }
.meetings { fill: var(--vscode-charts-blue, #1f6feb); background: var(--vscode-charts-blue, #1f6feb); }
.outreach { fill: var(--vscode-charts-orange, #d1750f); background: var(--vscode-charts-orange, #d1750f); }
.referrals { fill: var(--vscode-charts-purple, #8250df); }
.ty-on_time { fill: var(--vscode-charts-green, #1a7f37); background: var(--vscode-charts-green, #1a7f37); }
.ty-late { fill: var(--vscode-charts-orange, #d1750f); background: var(--vscode-charts-orange, #d1750f); }
.ty-undated { fill: var(--vscode-charts-blue, #1f6feb); background: var(--vscode-charts-blue, #1f6feb); }
.ty-pending { fill: var(--vscode-charts-red, #cf222e); background: var(--vscode-charts-red, #cf222e); }
.ty-skipped { fill: var(--vscode-disabledForeground, #8c959f); background: var(--vscode-disabledForeground, #8c959f); }
.legend { font-size: 0.9em; } .key { display: inline-block; width: 0.8em; height: 0.8em; margin: 0 0.2em 0 0.8em; vertical-align: -0.05em; }
.agenda { list-style: none; padding: 0; } .agenda .date { color: var(--vscode-descriptionForeground, #59636e); font-variant-numeric: tabular-nums; margin-right: 0.6em; }
`;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return esc(s).replace(/"/g, '&quot;');
}
