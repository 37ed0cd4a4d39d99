import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { CODES } from '../../src/core/checks/catalogue.js';
import { actionCommand, FOLLOW_UP_ACTIONS } from '../../src/core/follow-up-actions.js';
import { FOLLOW_UP_ORDER } from '../../src/core/follow-ups.js';

const ROOT = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');
const text = read('package.json');
const manifest = JSON.parse(text);
const props = manifest.contributes.configuration.properties as Record<string, { default: unknown; enum?: string[]; markdownDescription?: string }>;

/** scripts/manifest.mjs: what `npm run build` makes from the catalogue (plain JS, so imported by URL). */
interface Maker {
  manifestWithCheckSettings(text: string, codes: typeof CODES): string;
  checksDoc(codes: typeof CODES): string;
  manifestWithFollowUpActions(text: string, actions: typeof FOLLOW_UP_ACTIONS, commandOf: typeof actionCommand): string;
}
const maker = (): Promise<Maker> => import(new URL('scripts/manifest.mjs', ROOT).href);

describe('the files made from the catalogue of checks', () => {
  it('were up to date before this build (in a clean clone: as committed)', () => {
    const stale = new URL('out/regenerated.txt', ROOT);
    const which = existsSync(stale) ? readFileSync(stale, 'utf8').trim().split('\n').join(' and ') : '';
    assert.equal(which, '', `out of date with the catalogue of checks until this build made them again: ${which}; commit, and the next build clears this`);
  });
});

describe('the extension manifest', () => {
  it('has a setting for every check, and none for a check that does not exist', () => {
    const settings = Object.keys(props).filter((k) => k.startsWith('rapport.checks.')).sort();
    assert.deepEqual(settings, CODES.map((c) => `rapport.checks.${c.code}`).sort());
    for (const k of settings) assert.deepEqual(props[k].enum, ['default', 'off', 'error', 'warning', 'information', 'hint']);
    assert.match(props['rapport.checks.internal-error'].markdownDescription!, /Default severity: error\./);
  });

  it('holds the check settings the catalogue makes (run `npm run build` and commit package.json if not)', async () => {
    const { manifestWithCheckSettings } = await maker();
    assert.equal(text, manifestWithCheckSettings(text, CODES), 'package.json is not what the catalogue of checks makes: run `npm run build`');
  });

  it('holds a command for every Follow-ups action, a button or menu entry on its rows, none in the palette', async () => {
    const { manifestWithFollowUpActions } = await maker();
    assert.equal(text, manifestWithFollowUpActions(text, FOLLOW_UP_ACTIONS, actionCommand), 'package.json is not what the Follow-ups actions make: run `npm run build`');
    const menus = manifest.contributes.menus['view/item/context'] as { command: string; when: string; group: string }[];
    for (const code of FOLLOW_UP_ORDER) {
      const rows = menus.filter((m) => m.when === `view == rapport.followUps && viewItem == followUp.${code}`);
      assert.ok(rows.some((m) => m.group.startsWith('inline')), `no button on ${code} rows`);
      assert.ok(rows.some((m) => m.group.startsWith('1_actions')), `no context menu on ${code} rows`);
    }
    for (const a of FOLLOW_UP_ACTIONS) {
      const command = manifest.contributes.commands.find((c: { command: string }) => c.command === actionCommand(a.id));
      assert.ok(command?.icon && command.title === a.title, `${a.id} has no command with its title and icon`);
    }
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

describe('docs/checks.md', () => {
  it('is what the catalogue makes (run `npm run build` and commit docs/checks.md if not)', async () => {
    const { checksDoc } = await maker();
    assert.equal(read('docs/checks.md'), checksDoc(CODES), 'docs/checks.md is not what the catalogue of checks makes: run `npm run build`');
  });

  it('lists every code with its default severity, and each check’s quick fixes', () => {
    const doc = read('docs/checks.md');
    for (const c of CODES) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${c.code}\` |`));
      assert.ok(row, `${c.code} is missing`);
      assert.ok(row.includes(`| ${c.severity} |`), `${c.code}: no default severity`);
      for (const f of c.fixes) assert.ok(row.includes(f.replace(/\|/g, '\\|')), `${c.code}: fix “${f}” not listed`);
    }
  });
});
