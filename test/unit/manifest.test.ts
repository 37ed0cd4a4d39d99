import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { CODES } from '../../src/core/codes.js';

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
const props = manifest.contributes.configuration.properties as Record<string, { default: unknown; enum?: string[] }>;

describe('the extension manifest', () => {
  it('has a setting for every check, and none for a check that does not exist', () => {
    const settings = Object.keys(props).filter((k) => k.startsWith('rapport.checks.')).sort();
    assert.deepEqual(settings, CODES.map((c) => `rapport.checks.${c.code}`).sort());
    for (const k of settings) assert.deepEqual(props[k].enum, ['default', 'off', 'error', 'warning', 'information', 'hint']);
  });

  it('has the delays with the core’s defaults', () => {
    assert.equal(props['rapport.thankYouDays'].default, 1);
    assert.equal(props['rapport.referralDays'].default, 7);
    assert.equal(props['rapport.outreachMaxWords'].default, 150);
  });

  it('activates lazily and supports untrusted workspaces, and virtual ones saying what is limited', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.ok(!manifest.activationEvents.includes('onStartupFinished'));
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.virtualWorkspaces.description, /not cached/);
  });

  it('has a desktop and a web entry, and renders [[links]] in the Markdown preview', () => {
    assert.equal(manifest.main, './dist/extension.cjs');
    assert.equal(manifest.browser, './dist/web/extension.cjs');
    assert.equal(manifest.contributes['markdown.markdownItPlugins'], true);
  });
});
