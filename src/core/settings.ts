// Per-workspace settings, the same for the editor and the CLI. The CLI reads
// them from the workspace's `.vscode/settings.json`, so `rapport check` in a
// terminal or CI gives the results the editor shows.

import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { CheckSetting, Settings } from './model.js';
import { CHECK_CODES } from './checks/catalogue.js';

// The shape lives in model.ts, so the checks can name it without importing this reader of the catalogue.
export type { CheckSetting, Settings } from './model.js';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  checks: {},
  thankYouDays: 1,
  referralDays: 7,
  outreachMaxWords: 150,
});

const CHECK_SETTINGS = new Set<string>(['off', 'default', 'error', 'warning', 'information', 'hint']);

/**
 * Settings from a VS Code settings object (`"rapport.checks.thank-you-pending": "off"`,
 * or nested objects). Unknown or malformed values are reported and ignored.
 */
export function settingsFrom(raw: Record<string, unknown>): { settings: Settings; problems: string[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS, checks: {} };
  const problems: string[] = [];
  const flat = flatten(raw);
  for (const [key, value] of Object.entries(flat)) {
    if (!key.startsWith('rapport.')) continue;
    const name = key.slice('rapport.'.length);
    if (name.startsWith('checks.')) {
      const code = name.slice('checks.'.length);
      if (!CHECK_CODES.has(code)) problems.push(`${key}: no check has the code "${code}"`);
      else if (typeof value !== 'string' || !CHECK_SETTINGS.has(value)) {
        problems.push(`${key}: use off, default, error, warning, information or hint`);
      } else settings.checks[code] = value as CheckSetting;
    } else if (name === 'thankYouDays' || name === 'referralDays' || name === 'outreachMaxWords') {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0) settings[name] = value;
      else problems.push(`${key}: should be a whole number`);
    }
  }
  return { settings, problems };
}

/** Settings from the text of a `.vscode/settings.json` (JSON with comments). */
export function settingsFromJsonc(text: string): { settings: Settings; problems: string[] } {
  const errors: ParseError[] = [];
  const raw = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length || typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings: { ...DEFAULT_SETTINGS, checks: {} }, problems: ['.vscode/settings.json could not be read as JSON; using the defaults'] };
  }
  return settingsFrom(raw as Record<string, unknown>);
}

function flatten(obj: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}, depth = 0): Record<string, unknown> {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && depth < 4) flatten(v as Record<string, unknown>, key, out, depth + 1);
    else out[key] = v;
  }
  return out;
}
