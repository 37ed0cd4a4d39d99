// The user's `rapport.*` settings for one workspace folder, as the core's Settings.

import * as vscode from 'vscode';
import { CODES } from '../../core/checks/catalogue.js';
import { clockFrom, systemClock, type Clock } from '../../core/dates.js';
import { SETTING_NAMES, settingsFrom, type Settings } from '../../core/settings.js';

export function readSettings(folder: vscode.WorkspaceFolder): Settings {
  const config = vscode.workspace.getConfiguration('rapport', folder.uri);
  const raw: Record<string, unknown> = {};
  const keys = [...CODES.map((c) => `checks.${c.code}`), ...SETTING_NAMES]; // the same names the CLI reads
  for (const key of keys) {
    const value = config.get(key);
    if (value !== undefined && value !== null) raw[`rapport.${key}`] = value;
  }
  return settingsFrom(raw).settings;
}

/**
 * "Today". RAPPORT_TODAY (YYYY-MM-DD) pins it, for the tests and the demo, as the
 * CLI's --today does; otherwise it is the system clock, read at every check.
 * A web worker has no environment: there the pin is the setting `rapport.today`
 * (not contributed: the web test run writes it into its profile).
 */
export function currentClock(): Clock {
  const pinned = typeof process === 'undefined' ? vscode.workspace.getConfiguration('rapport').get<string>('today') : process.env?.RAPPORT_TODAY;
  return (pinned && clockFrom(pinned)) || systemClock();
}
