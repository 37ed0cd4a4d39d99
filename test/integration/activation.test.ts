import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { codes, file, problems, rapport, waitFor } from './helpers.js';

describe('after activation', () => {
  before(async () => {
    await rapport();
    await waitFor('diagnostics', () => problems(file('meetings/2026-11-18-sally-smith.md')).length > 0);
  });

  it('shows every due thing in the Problems panel with its code, severity and range', () => {
    const [thanks] = problems(file('meetings/2026-11-18-sally-smith.md'));
    assert.equal(thanks.code, 'thank-you-pending');
    assert.equal(thanks.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(thanks.message, 'Thank-you note to Sally Smith is 2 days overdue: it was due 2026-11-19.');
    assert.deepEqual([thanks.range.start.line, thanks.range.start.character, thanks.range.end.line, thanks.range.end.character], [3, 0, 3, 16]);

    const [late] = problems(file('contacts/dana-lee.md'));
    assert.equal(late.code, 'follow-up-due');
    assert.equal(late.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(late.range.start.line, 6);

    const [stale] = problems(file('meetings/2026-11-19-globex-panel.md'));
    assert.equal(stale.code, 'meeting-status-stale');
    assert.equal(stale.severity, vscode.DiagnosticSeverity.Information);
  });

  it('says nothing about healthy notes or plain Markdown', () => {
    for (const p of ['contacts/sally-smith.md', 'contacts/bob-jones.md', 'companies/globex.md', 'meetings/2026-11-20-bob-jones.md', 'README.md']) {
      assert.deepEqual(codes(file(p)), [], p);
    }
  });

  it('declares that it runs nothing from notes, so untrusted workspaces are supported, and virtual ones with limits', () => {
    const manifest = vscode.extensions.getExtension('rapport.rapport')!.packageJSON;
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
  });
});
