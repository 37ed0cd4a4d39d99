// How the CLI writes what the core found: a compiler-like line per diagnostic,
// the JSON contract of shared/design/product.md, and GitHub Actions annotations.

import { relative, sep } from 'node:path';
import { plural } from '../core/dates.js';
import type { Diagnostic } from '../core/model.js';
import type { NoteIndex } from '../core/note-index.js';
import type { Note } from '../core/notes.js';

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
}

/** Exactly the contract's keys, 1-based positions. */
export function toJson(d: Diagnostic): JsonDiagnostic {
  return {
    file: d.file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
}

export function humanLine(d: Diagnostic): string {
  return `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`;
}

/** What `rapport check --format` prints: lines for people, the JSON contract, or GitHub Actions annotations. */
export type ReportFormat = 'human' | 'json' | 'github';
export const REPORT_FORMATS: readonly ReportFormat[] = ['human', 'json', 'github'];

/** `--format` (or its alias `--json`), checked against what the command prints. */
export function reportFormat(command: string, values: { format?: string; json?: boolean }): { ok: true; name: ReportFormat } | { ok: false; why: string } {
  if (values.json && values.format !== undefined && values.format !== 'json') return { ok: false, why: `--json is --format json; it cannot go with --format ${values.format}` };
  const name = values.json ? 'json' : (values.format ?? 'human');
  if (command === 'watch' && name !== 'human') return { ok: false, why: 'watch prints for people; use check --format json or github for machines' };
  const allowed = command === 'check' ? REPORT_FORMATS : REPORT_FORMATS.filter((f) => f !== 'github');
  if (!(allowed as readonly string[]).includes(name)) return { ok: false, why: `--format ${name}: ${command} prints ${allowed.join(', ')}` };
  return { ok: true, name: name as ReportFormat };
}

/** The path from the repository's root to `root`, as GitHub names files: from $GITHUB_WORKSPACE, or else the current folder. */
export function fromRepositoryRoot(root: string): string {
  return relative(process.env.GITHUB_WORKSPACE || process.cwd(), root).split(sep).join('/');
}

/** GitHub shows three levels of annotation: information and hints are notices. */
const GITHUB_LEVEL: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

// The escaping GitHub's runner reads back (docs: "Workflow commands for GitHub Actions", and the
// toolkit's command.ts): a message may not hold a raw line break or `%`; a property value
// neither, nor the `:` and `,` that end it.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * One GitHub Actions workflow command, which the runner turns into an annotation
 * on the file's line in the run and the pull request. `folder` is the checked
 * folder's path from the repository's root (`''` when it is the root), since
 * GitHub resolves `file=` from there.
 */
export function githubLine(d: Diagnostic, folder = ''): string {
  const file = folder ? `${folder.replace(/\/+$/, '')}/${d.file}` : d.file;
  const props = { file, line: d.range.start.line + 1, col: d.range.start.character + 1, title: d.code };
  const list = Object.entries(props).map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${GITHUB_LEVEL[d.severity]} ${list}::${escapeData(d.message)}`;
}

/** The whole report in `format`: stdout of `rapport check`. The summary closes the human and GitHub reports (GitHub logs it as a plain line). */
export function reportText(ds: Diagnostic[], format: ReportFormat, folder = ''): string {
  return [...reportParts(ds, format, folder)].join('');
}

/** About how long a part of the report is: long enough to be few, short enough never to matter. */
const PART = 1 << 16;

/**
 * The report of reportText, part by part, never whole: at 100,000 notes the JSON report is
 * 17 million characters, two bytes each (a curly quote in any message makes the whole
 * string two-byte), and made whole it was ~90 MB of a cold check's peak memory. The JSON is
 * JSON.stringify's with an indent of 2, written one diagnostic at a time.
 */
export function* reportParts(ds: Diagnostic[], format: ReportFormat, folder = ''): Generator<string> {
  if (format === 'json' && !ds.length) {
    yield '[]\n';
    return;
  }
  const piece = format === 'json'
    ? (d: Diagnostic, i: number) => `${i ? ',\n' : '[\n'}  ${JSON.stringify(toJson(d), null, 2).replace(/\n/g, '\n  ')}`
    : format === 'github' ? (d: Diagnostic) => `${githubLine(d, folder)}\n` : (d: Diagnostic) => `${humanLine(d)}\n`;
  let part = '';
  for (let i = 0; i < ds.length; i++) {
    part += piece(ds[i], i);
    if (part.length >= PART) {
      yield part;
      part = '';
    }
  }
  yield format === 'json' ? `${part}\n]\n` : `${part}${summary(ds)}\n`;
}

export function summary(ds: Diagnostic[]): string {
  return summaryOf(countsOf(ds));
}

/** How many diagnostics of each severity, and how many warnings overdue: what the summary says. */
export type Counts = Record<Diagnostic['severity'] | 'overdue' | 'all', number>;

export function countsOf(ds: Iterable<Diagnostic>, into: Counts = { error: 0, warning: 0, information: 0, hint: 0, overdue: 0, all: 0 }, sign = 1): Counts {
  for (const d of ds) {
    into[d.severity] += sign;
    into.all += sign;
    if (d.severity === 'warning' && d.overdue) into.overdue += sign;
  }
  return into;
}

export function summaryOf(n: Counts): string {
  if (!n.all) return 'No problems: nothing is due.';
  return `${n.all} ${n.all === 1 ? 'diagnostic' : 'diagnostics'}: ${n.error} errors, ${n.warning} warnings (${n.overdue} overdue), ${n.information} information, ${n.hint} hints.`;
}

/** `rapport check` fails on any error, and on a warning that is overdue. */
export function failed(ds: Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error' || (d.severity === 'warning' && d.overdue));
}

/** The index as the contract's JSON: notes by type, each with id, file and its frontmatter as parsed. */
export function listJson(index: NoteIndex): Record<'contacts' | 'meetings' | 'companies' | 'outreach', Record<string, unknown>[]> {
  const entry = (n: Note) => {
    const data = jsonSafe(n.data) as Record<string, unknown>;
    delete data.id;
    delete data.file;
    return { id: n.id, file: n.path, ...data };
  };
  const byFile = (a: Note, b: Note) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return {
    contacts: index.contacts().sort(byFile).map(entry),
    meetings: index.meetings().sort(byFile).map(entry),
    companies: index.companies().sort(byFile).map(entry),
    outreach: index.outreach().sort(byFile).map(entry),
  };
}

/** A JSON-safe copy with a bounded number of nodes: shared or cyclic YAML aliases cannot blow up the output. */
export function jsonSafe(value: unknown, budget = { nodes: 10_000 }, depth = 0): unknown {
  if (--budget.nodes < 0 || depth > 32) return null;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map((v) => jsonSafe(v, budget, depth + 1));
  if (value instanceof Map) return jsonSafe(Object.fromEntries(value), budget, depth);
  if (value instanceof Set) return jsonSafe([...value], budget, depth);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as object)) out[k] = jsonSafe(v, budget, depth + 1);
    return out;
  }
  return null;
}

export function listHuman(index: NoteIndex): string {
  const lines: string[] = [];
  const contacts = index.contacts().sort((a, b) => a.name.localeCompare(b.name));
  lines.push(`Contacts (${contacts.length})`);
  for (const c of contacts) {
    const company = c.company ? (index.resolve(c.company, 'company')?.name ?? c.company.text) : '';
    lines.push(`  ${c.name}${company ? ` — ${company}` : ''}${c.role ? `, ${c.role}` : ''}${c.status ? ` [${c.status}]` : ''}  ${c.path}`);
  }
  const meetings = index.meetings().sort((a, b) => (a.date?.day ?? 0) - (b.date?.day ?? 0));
  lines.push('', `Meetings (${meetings.length})`);
  for (const m of meetings) {
    const who = m.with.map((r) => index.resolve(r, 'contact')?.name ?? r.text).join(', ');
    lines.push(`  ${m.date?.text ?? '(no date)'}  ${who}${m.kind ? ` (${m.kind})` : ''}${m.status ? ` [${m.status}]` : ''}  ${m.path}`);
  }
  const companies = index.companies().sort((a, b) => a.name.localeCompare(b.name));
  lines.push('', `Companies (${companies.length})`);
  for (const co of companies) {
    lines.push(`  ${co.name}${co.target ? ' (target)' : ''} — ${plural(index.contactsAt(co).length, 'contact')}  ${co.path}`);
  }
  const outreach = index.outreach().sort((a, b) => (a.path < b.path ? -1 : 1));
  lines.push('', `Outreach (${outreach.length})`);
  for (const o of outreach) {
    const to = o.to ? (index.resolve(o.to, 'contact')?.name ?? o.to.text) : '?';
    lines.push(`  to ${to}: ${o.subject ?? '(no subject)'} [${o.status ?? 'draft'}]  ${o.path}`);
  }
  return lines.join('\n');
}
