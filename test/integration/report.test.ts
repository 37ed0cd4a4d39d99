// Rapport: Open report, in the real VS Code: the page has its charts and no script,
// allows nothing but its own style, links names to their notes, and a burst of changes
// draws it again once.

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { file, rapport, remove, waitFor, writeText } from './helpers.js';

describe('Open report', () => {
  const made = ['contacts/report-a.md', 'contacts/report-b.md', 'contacts/report-c.md', 'contacts/report-d.md', 'contacts/report-e.md'];
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const p of made) await remove(file(p));
  });

  it('shows the figures and charts under a strict policy, names opening their notes', async () => {
    const api = await rapport();
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('rapport.openReport');
    assert.equal(panel.title, 'Networking report');
    const html = api.report.html;
    assert.match(html, /<h1>Networking report, 2026-11-21<\/h1>/);
    assert.equal((html.match(/<svg /g) ?? []).length, 3, 'meetings and messages, referrals, the thank-you record');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    // The policy names the webview's own source (an https address of VS Code's); the page itself none.
    assert.ok(!/<script|https?:/i.test(html.replace(csp ?? '', '')), 'a script or an address outside');
    assert.match(csp ?? '', /^default-src 'none'; style-src 'nonce-[0-9a-f]{32}';/);
    assert.ok(html.includes(`<style nonce="${/nonce-([0-9a-f]+)/.exec(csp!)![1]}">`));
    // Globex is a target, Sally Smith someone met there: each links to its note.
    assert.match(html, /<a href="command:vscode\.open\?[^"]+">Globex<\/a>/);
    const link = decodeURIComponent(/<a href="command:vscode\.open\?([^"]+)">Sally Smith<\/a>/.exec(html)![1]);
    assert.equal(vscode.Uri.from(JSON.parse(link)[0]).toString(), file('contacts/sally-smith.md').toString());
  });

  it('a burst of changes draws it again once, with them', async () => {
    const api = await rapport();
    // Quiet for longer than the report waits after a change: nothing from earlier tests is still to be drawn.
    await api.notes.idle(1_500);
    const before = api.report.renders;
    const contacts = () => Number(/(\d+) contacts/.exec(api.report.html)?.[1]);
    const had = contacts();
    await Promise.all(made.map((p, i) => writeText(file(p), `---\ntype: contact\nname: Report Person ${i}\n---\n`)));
    await waitFor('the report to be drawn with the five new contacts', () => contacts() === had + 5, 15_000);
    // Quiet for a while after it: no second drawing follows.
    await api.notes.idle(1_500);
    await new Promise((r) => setTimeout(r, 1_200));
    assert.equal(api.report.renders - before, 1);
  });
});
