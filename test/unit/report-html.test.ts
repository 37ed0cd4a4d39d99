// The report's page: charts as SVG, nothing that runs or fetches, text escaped, and the
// CLI's --html writing it with links relative to where it is written.

import { strict as assert } from 'node:assert';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../../src/core/report.js';
import { reportHtml } from '../../src/core/report-html.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { repo, run } from './cli-helpers.js';
import { clock, indexOf, md } from './helpers.js';

const FILES = {
  'contacts/ann.md': md(['type: contact', 'name: Ann <b>Lee</b> & Co', 'company: "[[zeta]]"']),
  'companies/zeta.md': md(['type: company', 'name: Zeta', 'target: true']),
  'meetings/m.md': md(['type: meeting', 'with: "[[ann]]"', 'date: 2026-11-18', 'thank_you: 2026-11-19', 'referrals: []']),
};

describe('the report as HTML', () => {
  const index = indexOf(FILES);
  const r = buildReport(index, clock(), { ...DEFAULT_SETTINGS, checks: {} });
  const names = (id: string) => (id === 'ann' ? 'Ann <b>Lee</b> & Co' : id === 'zeta' ? 'Zeta' : id);
  const html = reportHtml(r, names, (id) => index.pathOf(id), { linkOf: (p) => `notes/${p}` });

  it('draws its three charts as SVG, with no script, no address outside, no policy unless given', () => {
    assert.equal((html.match(/<svg /g) ?? []).length, 3);
    assert.ok(!/<script|https?:|@import|url\(/i.test(html));
    assert.ok(!html.includes('Content-Security-Policy'));
    assert.match(html, /<title>Week of 2026-11-16: 1 meetings<\/title>/);
    assert.match(html, /<title>1 on time<\/title>/);
  });

  it('escapes names, and links them to their notes', () => {
    assert.ok(html.includes('<a href="notes/contacts/ann.md">Ann &lt;b&gt;Lee&lt;/b&gt; &amp; Co</a>'));
    assert.ok(!html.includes('<b>Lee'));
  });

  it('declares the policy and the style nonce it is given (the webview)', () => {
    const page = reportHtml(r, names, (id) => index.pathOf(id), { linkOf: (p) => p, nonce: 'abc', csp: "default-src 'none'; style-src 'nonce-abc';" });
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc';">/);
    assert.match(page, /<style nonce="abc">/);
    assert.equal((page.match(/<style/g) ?? []).length, 1);
    assert.ok(!/ style="/.test(page), 'an inline style attribute the policy would block');
  });

  it('rapport report --html FILE writes the page with links relative to FILE, and nothing to stdout', async () => {
    const dir = repo(FILES);
    try {
      const { code, out, err } = await run('report', dir, '--today', '2026-11-21', '--html', join(dir, 'out', 'report.html'));
      assert.equal(code, 0);
      assert.equal(out, '');
      assert.match(err, /wrote the report to/);
      const page = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
      assert.match(page, /<a href="\.\.\/contacts\/ann\.md">/);
      assert.equal((await run('report', dir, '--html', join(dir, 'r.html'), '--json')).code, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
