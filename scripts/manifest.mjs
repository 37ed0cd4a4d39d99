// Makes what the catalogue of checks (src/core/checks/catalogue.ts) implies: the
// `rapport.checks.<code>` settings in package.json's contributes.configuration, and
// docs/checks.md; and from the Follow-ups actions (src/core/follow-up-actions.ts),
// their commands and menus. Run by `npm run build` after tsc, from the compiled catalogue in
// out/. It rewrites only those settings (every other key keeps its place and text)
// and writes a file only when it changed.
//
// test/unit/manifest.test.ts fails when the files differ from what this makes, and
// when this build had to make them again (it says so in out/regenerated.txt): in a
// clean clone, as in CI, that means the committed files were out of date, and the
// build's fresh copy must not hide it. Commit them, and the next build clears it.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const ROOT = new URL('../', import.meta.url);
/** Which files this build made again: their committed copies were out of date. */
export const REGENERATED = new URL('out/regenerated.txt', ROOT);
const PREFIX = 'rapport.checks.';
export const CHECK_SETTING_VALUES = ['default', 'off', 'error', 'warning', 'information', 'hint'];

/** The settings for the codes, in the catalogue's order. */
export function checkSettings(codes) {
  const out = {};
  for (const c of codes) {
    out[PREFIX + c.code] = {
      type: 'string',
      enum: CHECK_SETTING_VALUES,
      default: 'default',
      scope: 'resource',
      markdownDescription: `${c.description} Default severity: ${c.severity}.`,
    };
  }
  return out;
}

/** package.json's text with its check settings made from `codes`, where the old ones were (else first). */
export function manifestWithCheckSettings(text, codes) {
  const manifest = JSON.parse(text);
  const old = manifest.contributes.configuration.properties;
  const keys = Object.keys(old);
  const at = Math.max(0, keys.findIndex((k) => k.startsWith(PREFIX)));
  const others = keys.filter((k) => !k.startsWith(PREFIX));
  const before = others.filter((k) => keys.indexOf(k) < at);
  const properties = {};
  for (const k of before) properties[k] = old[k];
  Object.assign(properties, checkSettings(codes));
  for (const k of others.slice(before.length)) properties[k] = old[k];
  manifest.contributes.configuration.properties = properties;
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

const ACTION_PREFIX = 'rapport.followUp.';

/**
 * package.json's text with the Follow-ups actions made from `actions` (core/follow-up-actions.ts):
 * a command each, a button on the rows it is inline for, an entry in every row's context menu,
 * and none in the command palette (an action needs its row). Other entries keep their place.
 */
export function manifestWithFollowUpActions(text, actions, commandOf) {
  const manifest = JSON.parse(text);
  const c = manifest.contributes;
  const ours = (e) => e.command.startsWith(ACTION_PREFIX);
  c.commands = [
    ...c.commands.filter((e) => !ours(e)),
    ...actions.map((a) => ({ command: commandOf(a.id), title: a.title, category: 'Rapport', icon: `$(${a.icon})` })),
  ];
  const items = c.menus['view/item/context'].filter((e) => !ours(e));
  const rank = new Map();
  for (const a of actions) {
    const n = (rank.get(a.code) ?? 0) + 1;
    rank.set(a.code, n);
    const when = `view == rapport.followUps && viewItem == followUp.${a.code}`;
    if (a.inline) items.push({ command: commandOf(a.id), when, group: `inline@${n}` });
    items.push({ command: commandOf(a.id), when, group: `1_actions@${n}` });
  }
  c.menus['view/item/context'] = items;
  c.menus.commandPalette = [
    ...c.menus.commandPalette.filter((e) => !ours(e)),
    ...actions.map((a) => ({ command: commandOf(a.id), when: 'false' })),
  ];
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

const TYPES = ['contact', 'meeting', 'company', 'outreach'];

function appliesTo(c) {
  if (c.appliesTo === 'parser') return 'the parser, reading any note';
  if (c.appliesTo === 'rapport') return 'Rapport itself, on any note';
  if (TYPES.every((t) => c.appliesTo.includes(t))) return 'every note';
  return c.appliesTo.join(', ');
}

/** A table cell: one line, no column breaks. */
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** docs/checks.md for the codes. */
export function checksDoc(codes) {
  const rows = codes.map((c) =>
    `| \`${c.code}\` | ${c.severity} | ${appliesTo(c)} | ${cell(c.description)} | ${c.fixes.length ? c.fixes.map(cell).join('; ') : '—'} |`);
  return [
    '# Checks',
    '',
    '<!-- Made from src/core/checks/ by scripts/manifest.mjs (npm run build): change a check\'s declaration, not this file. -->',
    '',
    'Every code Rapport reports, in the Problems panel and from `rapport check`. Each can be switched off or',
    're-graded per workspace in `.vscode/settings.json`, which the CLI reads too:',
    '',
    '```jsonc',
    '{',
    `  "rapport.checks.${codes[0].code}": "off" // ${CHECK_SETTING_VALUES.slice(1).join(' | ')} | default`,
    '}',
    '```',
    '',
    'A check’s severity may rise where its description says so (an overdue thank-you is a warning).',
    '',
    '| code | default severity | applies to | when | quick fixes |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

async function main() {
  const catalogue = new URL('out/src/core/checks/catalogue.js', ROOT);
  const { CODES } = await import(catalogue.href);
  const { FOLLOW_UP_ACTIONS, actionCommand } = await import(new URL('out/src/core/follow-up-actions.js', ROOT).href);
  const files = [
    ['package.json', (text) => manifestWithFollowUpActions(manifestWithCheckSettings(text, CODES), FOLLOW_UP_ACTIONS, actionCommand)],
    ['docs/checks.md', () => checksDoc(CODES)],
  ];
  const regenerated = [];
  for (const [path, make] of files) {
    const url = new URL(path, ROOT);
    let old = '';
    try {
      old = readFileSync(url, 'utf8');
    } catch {
      // docs/checks.md not made yet
    }
    const made = make(old);
    if (made !== old) {
      writeFileSync(url, made);
      regenerated.push(path);
      console.log(`manifest: ${path} made again from the catalogue of checks: commit it`);
    }
  }
  if (regenerated.length) {
    mkdirSync(new URL('out/', ROOT), { recursive: true });
    writeFileSync(REGENERATED, `${regenerated.join('\n')}\n`);
  } else {
    rmSync(REGENERATED, { force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
