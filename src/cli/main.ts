// `rapport`: the core in a terminal, a git hook or CI. Same index, same checks,
// same results as the editor.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clockFrom, systemClock, type Clock } from '../core/dates.js';
import { failed, humanLine, listHuman, listJson, summary, toJson } from './format.js';
import { watch } from './watch.js';
import { checkWorkspace, loadWorkspace, type Workspace } from './workspace.js';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const std: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

const HELP: Record<string, string> = {
  main: `rapport — a networking CRM in your Markdown notes

Usage:
  rapport check DIR [--json] [--today YYYY-MM-DD] [--no-cache]   print every diagnostic
  rapport list DIR [--json] [--no-cache]                          print the index of notes
  rapport watch DIR [--today YYYY-MM-DD]             re-check whenever a note changes
  rapport COMMAND --help                             help on one command

Exit codes: 0 fine, 1 an error or an overdue warning was found (check), 2 bad usage.
`,
  check: `rapport check DIR [--json] [--today YYYY-MM-DD] [--no-cache]

Checks every Markdown note under DIR and prints one line per diagnostic:
  file:line:column severity code message
Settings (rapport.checks.<code>: off | error | warning | information | hint) are read
from DIR/.vscode/settings.json, as the editor reads them.

  --json        one JSON array: {file, line, column, severity, code, message}
  --today D     evaluate as of day D (default: today), for reproducible runs
  --no-cache    read and parse every note, ignoring and not writing the cache

Parsed notes are cached in $XDG_CACHE_HOME/rapport (or ~/.cache/rapport), keyed by
each file's size and modification time, so a second run reads only what changed.

Exits 1 when there is an error or an overdue warning, 0 otherwise, 2 on bad usage.
`,
  list: `rapport list DIR [--json] [--no-cache]

Prints the contacts, meetings, companies and outreach found under DIR.
  --json   {"contacts": [...], "meetings": [...], "companies": [...], "outreach": [...]},
           each entry with id, file and its frontmatter as parsed
`,
  watch: `rapport watch DIR [--today YYYY-MM-DD]

Checks DIR, then checks again whenever a note is added, changed or removed.
Ctrl-C stops it.
`,
};

export async function main(argv: string[], io: Io = std): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean' }, today: { type: 'string' }, 'no-cache': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    io.err(`rapport: ${(e as Error).message}\n\n${HELP.main}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, dir, ...extra] = positionals;
  if (!command || command === 'help') {
    (values.help || command === 'help' ? io.out : io.err)(HELP.main);
    return values.help || command === 'help' ? 0 : 2;
  }
  if (!(command in HELP) || command === 'main') {
    io.err(`rapport: unknown command "${command}"\n\n${HELP.main}`);
    return 2;
  }
  if (values.help) {
    io.out(HELP[command]);
    return 0;
  }
  if (!dir || extra.length) {
    io.err(`rapport: ${dir ? `unexpected argument "${extra[0]}"` : 'which folder? give DIR'}\n\n${HELP[command]}`);
    return 2;
  }
  const root = resolve(dir);
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a folder');
  } catch {
    io.err(`rapport: ${dir} is not a folder\n`);
    return 2;
  }
  let clock: Clock = systemClock();
  if (values.today !== undefined) {
    const c = clockFrom(values.today);
    if (!c) {
      io.err(`rapport: --today ${values.today} is not a date; write it as YYYY-MM-DD\n`);
      return 2;
    }
    clock = c;
  }
  if (command === 'list' && values.today !== undefined) {
    io.err('rapport: list takes no --today\n');
    return 2;
  }
  if (command === 'watch') {
    if (values.json) {
      io.err('rapport: watch prints for people; use check --json for machines\n');
      return 2;
    }
    return watch(root, clock, io, values.today !== undefined);
  }

  if (command === 'list') {
    const ws = loadWorkspace(root, { cache: !values['no-cache'] });
    reportSkips(ws, io);
    io.out(values.json ? `${JSON.stringify(listJson(ws.index), null, 2)}\n` : `${listHuman(ws.index)}\n`);
    return 0;
  }
  const checked = checkWorkspace(root, clock, { cache: !values['no-cache'] });
  reportSkips(checked, io);
  const { diagnostics } = checked;
  if (values.json) io.out(`${JSON.stringify(diagnostics.map(toJson), null, 2)}\n`);
  else io.out(diagnostics.map((d) => `${humanLine(d)}\n`).join('') + `${summary(diagnostics)}\n`);
  return failed(diagnostics) ? 1 : 0;
}

/** What could not be read goes to stderr, so stdout stays the report (and valid JSON). */
export function reportSkips(ws: Pick<Workspace, 'skipped' | 'settingsProblems'>, io: Io): void {
  for (const s of ws.skipped) io.err(`rapport: skipped ${s.file}: ${s.reason}\n`);
  for (const p of ws.settingsProblems) io.err(`rapport: ${p}\n`);
}
