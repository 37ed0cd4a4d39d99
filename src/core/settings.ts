// Per-workspace settings, the same for the editor and the CLI. The CLI reads
// them from the workspace's `.vscode/settings.json`, so `rapport check` in a
// terminal or CI gives the results the editor shows.

import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { CheckSetting, Settings } from './model.js';
import { CHECK_CODES } from './checks/catalogue.js';
import { globsProblem } from './scope.js';

// The shape lives in model.ts, so the checks can name it without importing this reader of the catalogue.
export type { CheckSetting, Settings } from './model.js';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  checks: {},
  thankYouDays: 1,
  referralDays: 7,
  outreachMaxWords: 150,
  promiseDays: 3,
  replyDays: 7,
  keepInTouchByTag: Object.freeze({}) as Record<string, number>,
  include: Object.freeze([]) as readonly string[],
  exclude: Object.freeze([]) as readonly string[],
});

/** Every `rapport.*` setting besides the per-check ones, as named under `rapport.` (the editor reads these). */
export const SETTING_NAMES = ['thankYouDays', 'referralDays', 'outreachMaxWords', 'promiseDays', 'replyDays', 'keepInTouchByTag', 'include', 'exclude'] as const;

const WHOLE_NUMBERS = new Set<string>(['thankYouDays', 'referralDays', 'outreachMaxWords', 'promiseDays', 'replyDays']);

const CHECK_SETTINGS = new Set<string>(['off', 'default', 'error', 'warning', 'information', 'hint']);

/**
 * Settings from a VS Code settings object (`"rapport.checks.thank-you-pending": "off"`,
 * or nested objects). Unknown or malformed values are reported and ignored.
 */
export function settingsFrom(raw: Record<string, unknown>): { settings: Settings; problems: string[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS, checks: {}, keepInTouchByTag: {} };
  const problems: string[] = [];
  // `keepInTouchByTag` is an object of its own (tag → days): taken whole, before flattening.
  const byTag = raw['rapport.keepInTouchByTag'] ?? (raw.rapport as Record<string, unknown> | undefined)?.keepInTouchByTag;
  if (byTag !== undefined) {
    if (byTag && typeof byTag === 'object' && !Array.isArray(byTag)) {
      for (const [tag, days] of Object.entries(byTag)) {
        if (typeof days === 'number' && Number.isInteger(days) && days > 0) settings.keepInTouchByTag[tag.toLowerCase()] = days;
        else problems.push(`rapport.keepInTouchByTag.${tag}: should be a whole number of days`);
      }
    } else problems.push('rapport.keepInTouchByTag: should be an object of tags and days, {"mentor": 30}');
  }
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
    } else if (name === 'include' || name === 'exclude') {
      const problem = globsProblem(value);
      if (problem) problems.push(`${key}: ${problem}`);
      else settings[name] = (value as string[]).map((g) => g.trim());
    } else if (WHOLE_NUMBERS.has(name)) {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0) settings[name as 'thankYouDays'] = value;
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
    return { settings: { ...DEFAULT_SETTINGS, checks: {}, keepInTouchByTag: {} }, problems: ['.vscode/settings.json could not be read as JSON; using the defaults'] };
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
