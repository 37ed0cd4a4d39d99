// `rapport`: the core in a terminal, a git hook or CI. Same index, same checks,
// same results as the editor.

import { accessSync, constants, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { clockFrom, systemClock, type Clock } from '../core/dates.js';
import { writeWhole } from '../node/cache-files.js';
import { code } from '../node/disk.js';
import { fromRepositoryRoot, listHuman, listJson, reportFormat } from './format.js';
import { std, type Io } from './io.js';
import { calendar } from '../core/calendar.js';
import { buildReport, DEFAULT_REPORT_WEEKS, nameOfId } from '../core/report.js';
import { reportHtml } from '../core/report-html.js';
import { reportMarkdown } from '../core/report-markdown.js';
import { importCommand, IMPORT_HELP } from './import.js';
import { RAPPORT_VERSION } from './version.generated.js';
import { watch } from './watch.js';
import { checkOutput, checkWorkspace, loadWorkspace, rendered, reportSkips, type Output, type Workspace } from './workspace.js';

export type { Io } from './io.js';

const HELP: Record<string, string> = {
  main: `rapport — a networking CRM in your Markdown notes

Usage:
  rapport check DIR [--format human|json|github] [--today YYYY-MM-DD] [--no-cache]
                                                   print every diagnostic
  rapport list DIR [--format human|json] [--no-cache]   print the index of notes
  rapport watch DIR [--today YYYY-MM-DD] [--full]    re-check whenever a note changes
  rapport export ics DIR [--today D]                 planned meetings and what falls due, for a calendar
  rapport report DIR [--today D] [--weeks N] [--md | --json | --html FILE]
                                                   how the search moves, and the week ahead
  rapport import linkedin|vcard FILE --into DIR [--dry-run] [--json]
                                                   a contact note for each person in an export
  rapport COMMAND --help                             help on one command
  rapport --version                                  which Rapport this is

Exit codes: 0 fine, 1 an error or an overdue warning was found (check), 2 bad usage
or a folder that cannot be read.
`,
  check: `rapport check DIR [--format human|json|github] [--today YYYY-MM-DD] [--no-cache]

Checks every Markdown note under DIR and prints one line per diagnostic:
  file:line:column severity code message
Settings (rapport.checks.<code>: off | error | warning | information | hint) are read
from DIR/.vscode/settings.json, as the editor reads them.

  --format human   the lines above, then a summary (the default)
  --format json    one JSON array: {file, line, column, severity, code, message}
  --json           the same as --format json
  --format github  GitHub Actions annotations, one per diagnostic:
                   ::warning file=F,line=L,col=C,title=CODE::MESSAGE (error, warning,
                   notice for information and hints), F from the repository's root
                   ($GITHUB_WORKSPACE, else the current folder)
  --today D        evaluate as of day D (default: today), for reproducible runs
  --no-cache       read and parse every note, ignoring and not writing the cache

Parsed notes are cached in $XDG_CACHE_HOME/rapport (or ~/.cache/rapport), keyed by
each file's size and modification time, so a second run reads only what changed.

Exits 1 when there is an error or an overdue warning, 0 otherwise, 2 on bad usage
or when DIR cannot be read (or vanishes during the run).
`,
  list: `rapport list DIR [--format human|json] [--no-cache]

Prints the contacts, meetings, companies and outreach found under DIR.
  --format json   {"contacts": [...], "meetings": [...], "companies": [...], "outreach": [...]},
                  each entry with id, file and its frontmatter as parsed (--json is the same)
`,
  report: `rapport report DIR [--today YYYY-MM-DD] [--weeks N] [--md | --json | --html FILE] [--no-cache]

How the search moves: meetings held, messages sent and referrals gained week by
week (the last N weeks, 12 by default, ending with this one), the thank-you record,
each target company with who you know there and the shortest chain of referrals to
it from someone you have met, and what is planned or falls due in the next 7 days.

  --md          Markdown, for a terminal or a pull request (the default)
  --json        the figures as JSON (see the README for each field)
  --html FILE   one page with charts, written to FILE: no script, nothing fetched, it
                opens offline in any browser; names link to their notes
`,
  export: `rapport export ics DIR [--today YYYY-MM-DD] [--no-cache] > rapport.ics

Writes an iCalendar file (RFC 5545) to stdout: an event for each planned meeting from
today on (at its time, for its duration or 30 minutes; all day when it has no time),
and an all-day event for each thing that falls due in the next 30 days. Each event
keeps its UID from run to run, so importing a newer file updates the events.
`,
  import: IMPORT_HELP,
  watch: `rapport watch DIR [--today YYYY-MM-DD] [--full]

Checks DIR and prints every diagnostic, then checks again whenever a note is added,
changed or removed, and prints what changed: "+" before a new diagnostic, "-" before
one that is gone, then the summary. Ctrl-C stops it.

  --full   print the whole report after every change, not only what changed
`,
};

/** What the `rapport` process itself (bin/rapport.js) adds around a run; tests calling main() in-process leave it out. */
export interface Hooks {
  /** Called once a run knows it will read and check notes, not just print what the cache holds. */
  beforeReading?: () => void;
  /** A full garbage collection, now: a large first run asks for one before it writes the note cache (workspace.ts). */
  collect?: () => void;
}

export async function main(argv: string[], io: Io = std, hooks: Hooks = {}): Promise<number> {
  const startup = performance.now(); // since the process started: Node's own start and loading this bundle
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' }, json: { type: 'boolean' }, md: { type: 'boolean' }, html: { type: 'string' }, weeks: { type: 'string' }, today: { type: 'string' },
        'no-cache': { type: 'boolean' }, into: { type: 'string' }, 'dry-run': { type: 'boolean' }, full: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'V' },
      },
      tokens: true,
    });
  } catch (e) {
    io.err(`rapport: ${(e as Error).message}\n\n${HELP.main}`);
    return 2;
  }
  const { values, positionals } = parsed;
  // `--today 2026-11-21 --today 2026-11-22` would quietly mean the last: say which one instead.
  const given = parsed.tokens.filter((t) => t.kind === 'option').map((t) => t.name);
  const twice = given.find((name, i) => given.indexOf(name) !== i);
  if (twice) {
    io.err(`rapport: --${twice} is given more than once; give it once\n`);
    return 2;
  }
  if (values.version) {
    io.out(`rapport ${RAPPORT_VERSION}\n`);
    return 0;
  }
  // `rapport export ics DIR`: what to export comes before the folder.
  const exporting = positionals[0] === 'export';
  const what = exporting ? positionals[1] : undefined;
  const [command, dir, ...extra] = exporting ? [positionals[0], ...positionals.slice(2)] : positionals;
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
  if (command === 'import') return runImport(positionals.slice(1), values, io);
  if (values.full && command !== 'watch') {
    io.err('rapport: --full is for rapport watch\n');
    return 2;
  }
  if (values.into !== undefined || values['dry-run']) {
    io.err(`rapport: ${values.into !== undefined ? '--into' : '--dry-run'} is for rapport import\n`);
    return 2;
  }
  if (exporting && what !== 'ics') {
    io.err(`rapport: export ${what ?? ''} — what to export? rapport export ics DIR\n\n${HELP.export}`);
    return 2;
  }
  if (!dir || extra.length) {
    io.err(`rapport: ${dir ? `unexpected argument "${extra[0]}"` : 'which folder? give DIR'}\n\n${HELP[command]}`);
    return 2;
  }
  const root = resolve(dir);
  const unfit = notAFolder(root);
  if (unfit) {
    io.err(`rapport: ${dir} ${unfit}\n`);
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
  const usage = command === 'report' ? reportUsage(values) : command === 'export' ? exportUsage(values)
    : values.md || values.weeks !== undefined || values.html !== undefined ? `${values.md ? '--md' : values.html !== undefined ? '--html' : '--weeks'} is for rapport report` : undefined;
  if (usage) {
    io.err(`rapport: ${usage}\n`);
    return 2;
  }
  const format = reportFormat(command, values); // report's and export's own options were checked above
  if (!format.ok) {
    io.err(`rapport: ${format.why}\n`);
    return 2;
  }
  if (command === 'watch') {
    return watch(root, clock, io, values.today !== undefined, { full: values.full === true });
  }

  // Nothing goes to stdout until the folder has been read to the end: a run that
  // fails (the folder vanished under it) prints one line to stderr, no report.
  let result: { skips: Pick<Workspace, 'skipped' | 'settingsProblems'>; out: Iterable<string>; code: number; write?: { file: string; text: string }; saved?: () => void } | undefined;
  try {
    if (command === 'list') {
      // The list does not depend on the day: it takes no part in the day's stored state.
      const ws = loadWorkspace(root, { cache: !values['no-cache'] });
      result = { skips: ws, out: [format.name === 'json' ? `${JSON.stringify(listJson(ws.index), null, 2)}\n` : `${listHuman(ws.index)}\n`], code: 0 };
    } else {
      const output = command === 'report' ? reportOutput(root, clock, values) : command === 'export' ? calendarOutput(clock) : checkOutput(format.name, fromRepositoryRoot(root));
      const checked = checkWorkspace(root, clock, { cache: !values['no-cache'], output, beforeReading: hooks.beforeReading, saveLater: true, collect: hooks.collect });
      const report = checked.report!;
      // Only what saving needs is kept for it: the diagnostics and the output can go once printed.
      const { save, timings, how, skipped, settingsProblems } = checked;
      const saved = () => {
        save?.();
        if (process.env.RAPPORT_TIMINGS) {
          // For the benchmark and for a bug report: where the time went.
          const ms = Object.entries({ startup, ...timings }).map(([phase, t]) => `${phase} ${t.toFixed(1)} ms`);
          io.err(`rapport: ${how} ${command}: ${ms.join(', ')}\n`);
        }
      };
      const skips = { skipped, settingsProblems };
      const { code } = report;
      result = values.html !== undefined ? { skips, out: [], code, write: { file: resolve(values.html), text: report.text }, saved } : { skips, out: report.parts(), code, saved };
    }
  } catch (e) {
    const why = notAFolder(root);
    io.err(`rapport: ${why ? changed(dir, why) : `could not read ${dir}: ${String((e as Error)?.message ?? e).split('\n')[0]}`}\n`);
    return 2;
  }
  const why = notAFolder(root);
  if (why) {
    io.err(`rapport: ${changed(dir, why)}\n`);
    return 2;
  }
  reportSkips(result.skips, io);
  if (result.write) {
    const { file, text } = result.write;
    try {
      writeWhole(file, [text]);
    } catch (e) {
      io.err(`rapport: could not write ${values.html}: ${String((e as Error)?.message ?? e).split('\n')[0]}\n`);
      return 2;
    }
    io.err(`rapport: wrote the report to ${values.html}\n`);
  }
  for (const part of result.out) io.out(part);
  const { saved, code } = result;
  result = undefined; // the output is out: saving has no need of it
  if (saved) {
    // The caches for the next run once the output is out: a pipe takes it only while the event loop is free.
    await io.flushed?.();
    saved();
  }
  return code;
}

/** `rapport import linkedin|vcard FILE --into DIR`: its own arguments, then the import. */
function runImport(args: string[], values: ReportValues & { into?: string; 'dry-run'?: boolean; today?: string; 'no-cache'?: boolean }, io: Io): number {
  const [kind, file, ...extra] = args;
  const usage =
    kind !== 'linkedin' && kind !== 'vcard' ? `import ${kind ?? ''} — import what? linkedin (Connections.csv) or vcard (.vcf)`
    : !file ? 'which file? rapport import ' + kind + ' FILE --into DIR'
    : extra.length ? `unexpected argument "${extra[0]}"`
    : values.into === undefined || values.into === '' ? 'into which folder of notes? give --into DIR'
    : values.format !== undefined || values.md || values.html !== undefined || values.weeks !== undefined || values.today !== undefined ? 'import takes only --into, --dry-run, --json and --no-cache'
    : undefined;
  if (usage) {
    io.err(`rapport: ${usage}\n\n${HELP.import}`);
    return 2;
  }
  const root = resolve(values.into!);
  const unfit = notAFolder(root);
  if (unfit) {
    io.err(`rapport: ${values.into} ${unfit}\n`);
    return 2;
  }
  return importCommand(kind as 'linkedin' | 'vcard', file!, root, { into: values.into!, dryRun: Boolean(values['dry-run']), json: Boolean(values.json), cache: !values['no-cache'] }, io);
}

type ReportValues = { json?: boolean; md?: boolean; html?: string; format?: string; weeks?: string };

/** What is wrong with `rapport report`'s options, or undefined. */
function reportUsage(values: ReportValues): string | undefined {
  if (values.format !== undefined || [values.json, values.md, values.html !== undefined].filter(Boolean).length > 1) return 'report prints --md (the default), --json or --html FILE: one of them';
  if (values.html === '') return '--html needs the file to write';
  if (!(reportWeeks(values) >= 1 && reportWeeks(values) <= MAX_REPORT_WEEKS)) return `--weeks ${values.weeks} should be a number of weeks from 1 to ${MAX_REPORT_WEEKS}`;
  return undefined;
}

function exportUsage(values: ReportValues): string | undefined {
  return values.format !== undefined || values.json || values.md || values.weeks !== undefined || values.html !== undefined ? 'export ics takes only --today and --no-cache' : undefined;
}

const reportWeeks = (values: ReportValues) => (values.weeks === undefined ? DEFAULT_REPORT_WEEKS : /^\d+$/.test(values.weeks) ? Number(values.weeks) : NaN);

/** `rapport report`'s output: Markdown or JSON to print, or (--html) a page to write, with links relative to it. */
function reportOutput(root: string, clock: Clock, values: ReportValues): Output {
  const weeks = reportWeeks(values);
  const file = values.html === undefined ? undefined : resolve(values.html);
  return {
    key: `report ${values.json ? 'json' : file ? `html ${file}` : 'md'} ${weeks}`,
    checks: false,
    make: ({ index, settings }) => {
      const r = buildReport(index, clock, settings, weeks);
      const nameOf = (id: string) => nameOfId(index, id);
      if (!file) return rendered(values.json ? `${JSON.stringify(r, null, 2)}\n` : reportMarkdown(r, nameOf), 0);
      const linkOf = (path: string) => relative(dirname(file), join(root, path)).split(sep).map(encodeURIComponent).join('/');
      return rendered(reportHtml(r, nameOf, (id) => index.pathOf(id), { linkOf }), 0);
    },
  };
}

/** `rapport export ics`'s output. */
function calendarOutput(clock: Clock): Output {
  return { key: 'export ics', checks: false, make: ({ index, settings }) => rendered(calendar(index, clock, settings), 0) };
}

/** Ten years of weeks: more is not a report anyone reads. */
const MAX_REPORT_WEEKS = 520;

function changed(dir: string, why: string): string {
  return why === 'does not exist' ? `${dir} disappeared while it was being read` : `${dir} ${why} (it changed while it was being read)`;
}

/** Why `root` cannot be checked (it is missing, a file, or cannot be listed), or undefined when it can. */
function notAFolder(root: string): string | undefined {
  try {
    if (!statSync(root).isDirectory()) return 'is a file, not a folder';
    accessSync(root, constants.R_OK | constants.X_OK);
    return undefined;
  } catch (e) {
    const c = code(e);
    return c === 'ENOENT' ? 'does not exist' : c === 'ENOTDIR' ? 'is not a folder' : `is not readable (${c})`;
  }
}
