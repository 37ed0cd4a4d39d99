// A storm: `git checkout` of another branch rewrites hundreds of notes at once,
// behind VS Code's back (created, changed, renamed, deleted, whole folders
// moved). After each storm Rapport must settle to exactly what a fresh start on
// the resulting files gives: the index, every file's diagnostics and every view,
// with no duplicates and nothing logged as an error.
//
// The notes (1,000, from bench/generate.mjs) live in a git repository in a temp
// folder added as a second workspace folder, so the demo notes the other tests
// read are untouched. The fresh answer is computed here with the core
// (loadFolder + LiveChecks) and the extension's own tree classes over it.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { followUps } from '../../src/core/follow-ups.js';
import { LiveChecks } from '../../src/core/live-checks.js';
import { loadFolder } from '../../src/node/load-folder.js';
import { toVscodeDiagnostic } from '../../src/extension/diagnostics/index.js';
import type { RapportApi } from '../../src/extension/extension.js';
import { FollowUpsProvider } from '../../src/extension/follow-ups/index.js';
import { DiskSource } from '../../src/extension/notes/disk-source.js';
import { currentClock, readSettings } from '../../src/extension/notes/settings.js';
import { WorkspaceNotes, type FileWatcher, type FolderNotes } from '../../src/extension/notes/workspace-notes.js';
import { ContactsTree } from '../../src/extension/views/contacts.js';
import { MeetingsTree } from '../../src/extension/views/meetings.js';
import { ReferralsTree } from '../../src/extension/views/referrals.js';
import { TargetsTree } from '../../src/extension/views/targets.js';
import type { Node, NotesTree } from '../../src/extension/views/tree.js';
import { rng } from '../unit/helpers.js';
import { rapport, waitFor } from './helpers.js';

const NOTES = 1000;
const GENERATOR = join(__dirname, '../../bench/generate.mjs'); // the bundle runs from dist/test
const MARKER = 'storm-marker.md';

// ---------------------------------------------------------------------------
// The repository and its two branches

/** Every Markdown file under `dir`, relative, forward slashes (no .git). */
function markdownFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (e.name !== '.git') out.push(...markdownFiles(dir, p));
    } else if (e.name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

function shuffled<T>(xs: T[], r: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const idOf = (p: string) => p.slice(p.lastIndexOf('/') + 1, -3);

/** Rewrites every `[[from]]` link in the repository to `[[to]]`; returns the files it changed. */
function relink(dir: string, from: string, to: string): number {
  let n = 0;
  for (const p of markdownFiles(dir)) {
    const text = readFileSync(join(dir, p), 'utf8');
    const next = text.split(`[[${from}]]`).join(`[[${to}]]`);
    if (next !== text) {
      writeFileSync(join(dir, p), next);
      n++;
    }
  }
  return n;
}

/** Every Markdown file's bytes, by path (the marker left out). */
function snapshot(dir: string): Map<string, string> {
  return new Map(markdownFiles(dir).filter((p) => p !== MARKER).map((p) => [p, readFileSync(join(dir, p), 'latin1')]));
}

/** Files created, changed or deleted from one snapshot to the next (a rename is two). */
function changedFiles(before: Map<string, string>, after: Map<string, string>): number {
  let n = 0;
  for (const [p, text] of after) if (before.get(p) !== text) n++;
  for (const p of before.keys()) if (!after.has(p)) n++;
  return n;
}

function write(dir: string, p: string, text: string): void {
  mkdirSync(dirname(join(dir, p)), { recursive: true });
  writeFileSync(join(dir, p), text);
}

/** A change to a note of the kind a week of networking makes; always changes the text. */
function edit(text: string, i: number): string {
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const swaps: [RegExp, string][] = [
    [/^thank_you: .*$/m, 'thank_you: false'],
    [/^status: planned$/m, 'status: done'],
    [/^status: done$/m, 'status: no-show'],
    [/^status: lead$/m, 'status: contacted'],
    [/^status: met$/m, 'status: dormant'],
    [/^status: draft$/m, 'status: sent'],
    [/^target: true$/m, 'target: false'],
    [/^target: false$/m, 'target: true'],
    [/^referrals: \[\]$/m, `referrals:${nl}  - "[[someone-new-${i}]]"`],
    [/^name: (.*)$/m, 'name: $1 Jr'],
  ];
  const [re, to] = swaps[i % swaps.length];
  if (re.test(text)) return text.replace(re, to);
  return `${text}${nl}Update ${i}: talked again; see [[${i % 3 ? 'adele-ramirez' : 'nobody-by-that-name'}]].${nl}`;
}

const contactNote = (name: string, extra: string[] = []) =>
  ['---', 'type: contact', `name: ${name}`, ...extra, '---', '', `Met ${name} at a meetup.`, ''].join('\n');

/**
 * Branch b, made from branch a's working tree: most of the 1,000 notes
 * touched (875 files differ). Deleted (a whole year of meetings among them), changed, renamed (a
 * contact's id with and without its links following, two contacts swapping
 * names, meetings archived, companies/ moved to orgs/), and created (a new
 * folder of contacts and one of meetings, some re-using deleted ids).
 */
function makeBranchB(dir: string): void {
  const r = rng(1121);
  const files = markdownFiles(dir).filter((p) => p !== 'README.md');
  const of = (folder: string) => shuffled(files.filter((p) => p.startsWith(`${folder}/`)), r);
  const contacts = of('contacts');
  const meetings = of('meetings').filter((p) => !p.startsWith('meetings/2024/'));
  const outreach = of('outreach');
  const companies = of('companies');

  rmSync(join(dir, 'meetings/2024'), { recursive: true });
  for (const p of [...contacts.slice(0, 20), ...outreach.slice(0, 20), ...companies.slice(0, 3), ...meetings.slice(0, 30)]) unlinkSync(join(dir, p));
  contacts.slice(20, 50).forEach((p, i) => {
    const to = p.replace(/\.md$/, '-b.md');
    renameSync(join(dir, p), join(dir, to));
    if (i < 15) relink(dir, idOf(p), idOf(to)); // the rest leave links dangling
  });
  const [x, y] = contacts.slice(50, 52).map((p) => join(dir, p));
  const xText = readFileSync(x);
  writeFileSync(x, readFileSync(y));
  writeFileSync(y, xText);
  mkdirSync(join(dir, 'meetings/archive'));
  for (const p of meetings.slice(30, 70)) renameSync(join(dir, p), join(dir, p.replace(/^meetings\/\d+\//, 'meetings/archive/')));
  renameSync(join(dir, 'companies'), join(dir, 'orgs'));
  [...meetings.slice(70, 270), ...contacts.slice(52, 152), ...outreach.slice(20, 80)].forEach((p, i) => {
    writeFileSync(join(dir, p), edit(readFileSync(join(dir, p), 'utf8'), i));
  });
  const known = contacts.slice(152).map(idOf);
  for (let i = 0; i < 80; i++) {
    // Some take the id of a contact deleted above: the links to it resolve again.
    const id = i < 10 ? idOf(contacts[i]) : `new-contact-${i}`;
    write(dir, `contacts/new/${id}.md`, contactNote(`New Contact ${i}`, [`referred_by: "[[${known[i]}]]"`, 'status: lead', i % 4 ? '' : 'next_follow_up: 2026-11-01'].filter(Boolean)));
  }
  for (let i = 0; i < 40; i++) {
    write(dir, `meetings/new/2026-11-${String((i % 20) + 1).padStart(2, '0')}-new-${i}.md`, [
      '---', 'type: meeting', `with: "[[new-contact-${10 + i}]]"`, `date: 2026-11-${String((i % 20) + 1).padStart(2, '0')}`,
      'kind: informational', ...(i % 2 ? ['referrals:', `  - "[[new-contact-${11 + i}]]"`] : []), '---', '', '## Questions', '', '- Is this a closed question?', '',
    ].join('\n'));
  }
  for (let i = 0; i < 20; i++) {
    write(dir, `outreach/draft-new-${i}.md`, ['---', 'type: outreach', `to: "[[new-contact-${20 + i}]]"`, 'subject: Quick question', 'status: draft', '---', '', 'Hi, I have attached my resume. Any openings?', ''].join('\n'));
  }
}

function git(dir: string, ...args: string[]): string {
  const opts = ['-c', 'user.name=Storm', '-c', 'user.email=storm@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false'];
  // VS Code's git extension may be reading the same repository; wait out its lock.
  for (let attempt = 0; ; attempt++) {
    try {
      return execFileSync('git', [...opts, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      if (attempt < 50 && /index\.lock/.test(String((e as { stderr?: string }).stderr))) {
        execFileSync('sleep', ['0.1']);
        continue;
      }
      throw e;
    }
  }
}

// ---------------------------------------------------------------------------
// What Rapport shows, and what a fresh start shows

const SEVERITY = ['error', 'warning', 'information', 'hint'];

/** A fresh start on the folder as it is now: disk, overridden by unsaved editors (as the extension's load does). */
function freshStart(folder: vscode.WorkspaceFolder): FolderNotes {
  const { index } = loadFolder(folder.uri.fsPath, { cache: false });
  for (const doc of vscode.workspace.textDocuments) {
    const rel = relative(folder, doc.uri);
    if (doc.isDirty && rel?.endsWith('.md')) index.set(rel, doc.getText());
  }
  const notes = { folder, index, settings: readSettings(folder), loaded: true } as FolderNotes;
  notes.live = new LiveChecks(index, () => ({ clock: currentClock(), settings: notes.settings }));
  notes.live.checkAll();
  return notes;
}

function relative(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  const base = `${folder.uri.toString()}/`;
  return uri.toString().startsWith(base) ? decodeURIComponent(uri.toString().slice(base.length)) : undefined;
}

function indexLines(notes: FolderNotes): string[] {
  const { index } = notes;
  const lines = [...index.allFiles()].map((f) => `${f.path} ${f.type ?? '-'} ${f.id} ${JSON.stringify(f.text ?? null)}`);
  lines.push(`counts: ${index.size} files, ${index.contacts().length} contacts, ${index.meetings().length} meetings, ${index.companies().length} companies, ${index.outreach().length} outreach`);
  for (const f of index.allFiles()) lines.push(`id ${f.id} -> ${index.pathOf(f.id)}`);
  return lines.sort();
}

/** Where a file's text in the index differs from the fresh start's, for the failure message. */
function textDifferences(mine: FolderNotes, fresh: FolderNotes): string {
  const out: string[] = [];
  for (const f of fresh.index.allFiles()) {
    const a = mine.index.get(f.path)?.text ?? '';
    const e = f.text ?? '';
    if (a === e) continue;
    let i = 0;
    while (a[i] === e[i]) i++;
    out.push(`${f.path} (${a.length} chars here, ${e.length} fresh) from char ${i}: here ${JSON.stringify(a.slice(i - 20, i + 40))}, fresh ${JSON.stringify(e.slice(i - 20, i + 40))}`);
  }
  return out.length ? ` (texts differ: ${out.slice(0, 5).join('; ')})` : '';
}

/** Every Rapport diagnostic VS Code holds for files in the folder, one line each. */
function publishedDiagnostics(folder: vscode.WorkspaceFolder): string[] {
  const out: string[] = [];
  for (const [uri, ds] of vscode.languages.getDiagnostics()) {
    const rel = relative(folder, uri);
    if (rel === undefined) continue;
    for (const d of ds) if (d.source === 'rapport') out.push(diagnosticLine(rel, d));
  }
  return out;
}

function diagnosticLine(file: string, d: vscode.Diagnostic): string {
  const r = d.range;
  return `${file}:${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${SEVERITY[d.severity]} ${String(d.code)} ${d.message}`;
}

function freshDiagnostics(fresh: FolderNotes): string[] {
  return fresh.live.all().map((d) => diagnosticLine(d.file, toVscodeDiagnostic(d)));
}

function followUpLines(provider: FollowUpsProvider, folder: vscode.WorkspaceFolder): string[] {
  return provider
    .getChildren()
    .filter((e) => relative(folder, e.uri) !== undefined)
    .map((e) => `${e.item.code} ${e.item.label} — ${e.item.detail}${e.item.overdue ? ' (overdue)' : ''} @ ${e.item.diagnostic.file}:${e.item.diagnostic.range.start.line}`);
}

function freshFollowUpLines(fresh: FolderNotes): string[] {
  return followUps(fresh.live.all()).map(
    (f) => `${f.code} ${f.label} — ${f.detail}${f.overdue ? ' (overdue)' : ''} @ ${f.diagnostic.file}:${f.diagnostic.range.start.line}`,
  );
}

/** A tree, all of it, one line per node: label, description, tooltip, what it opens. */
function renderTree(tree: NotesTree, nodes: Node[], indent = '', depth = 12): string[] {
  return nodes.flatMap((n) => {
    const t = n.item;
    const label = typeof t.label === 'string' ? t.label : t.label?.label;
    const tooltip = typeof t.tooltip === 'string' ? t.tooltip : t.tooltip?.value;
    const icon = t.iconPath instanceof vscode.ThemeIcon ? t.iconPath.id : '';
    const line = [label, t.description, tooltip?.replace(/\n/g, ' / '), t.contextValue, icon, t.collapsibleState, t.resourceUri?.path.split('/').slice(-2).join('/')].join(' | ');
    return [`${indent}${line}`, ...(depth > 0 ? renderTree(tree, tree.getChildren(n), `${indent}  `, depth - 1) : [])];
  });
}

/** The live view's nodes for one folder (under its folder node, in a multi-root workspace). */
function liveRoots(tree: NotesTree, folder: vscode.WorkspaceFolder): Node[] {
  const top = tree.getChildren();
  const mine = top.find((n) => n.folder?.folder.uri.toString() === folder.uri.toString() && n.item.contextValue === 'folder');
  return mine ? tree.getChildren(mine) : top;
}

/** Nodes that stand for the same note twice under one parent. */
function duplicateSiblings(tree: NotesTree, nodes: Node[], path = ''): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of nodes) {
    const key = n.item.resourceUri?.toString() ?? `group ${String(n.item.label)}`;
    if (seen.has(key)) out.push(`${path}/${key}`);
    seen.add(key);
    out.push(...duplicateSiblings(tree, tree.getChildren(n), `${path}/${String(typeof n.item.label === 'string' ? n.item.label : n.item.label?.label)}`));
  }
  return out;
}

function duplicates(lines: string[]): string[] {
  const seen = new Set<string>();
  return lines.filter((l) => (seen.has(l) ? true : (seen.add(l), false)));
}

function firstDifference(a: string[], e: string[]): string {
  const i = a.findIndex((x, k) => x !== e[k]);
  const around = (xs: string[]) => xs.slice(Math.max(0, i - 3), i + 3).map((x) => `      ${x.slice(0, 200)}`).join('\n');
  return `${i}:\n    here:\n${around(a)}\n    fresh start:\n${around(e)}`;
}

/** Equal as lists; on failure, says what is missing and what is extra instead of dumping both. */
function sameLines(actual: string[], expected: string[], what: string, sorted = true): void {
  const a = sorted ? [...actual].sort() : actual;
  const e = sorted ? [...expected].sort() : expected;
  if (a.join('\n') === e.join('\n')) return;
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const ca = count(a);
  const ce = count(e);
  const missing = [...ce].filter(([x, n]) => (ca.get(x) ?? 0) < n).map(([x]) => x);
  const extra = [...ca].filter(([x, n]) => (ce.get(x) ?? 0) < n).map(([x]) => x);
  const show = (xs: string[]) => xs.slice(0, 8).map((x) => `    ${x.slice(0, 300)}`).join('\n') + (xs.length > 8 ? `\n    … ${xs.length - 8} more` : '');
  assert.fail(
    `${what}: ${a.length} lines, a fresh start has ${e.length}` +
      (missing.length ? `\n  missing (${missing.length}):\n${show(missing)}` : '') +
      (extra.length ? `\n  extra (${extra.length}):\n${show(extra)}` : '') +
      (!missing.length && !extra.length ? `\n  same lines, another order; first difference at line ${firstDifference(a, e)}` : ''),
  );
}

/**
 * A watcher as one overwhelmed by a burst may be: 'counted' says that something happened at
 * each event, but never what (every URI it gives is outside the workspace); 'silent' says
 * nothing at all; 'faithful' passes every event on.
 */
class LossyWatcher implements FileWatcher {
  mode: 'faithful' | 'counted' | 'silent' = 'faithful';
  private readonly real = vscode.workspace.createFileSystemWatcher('**/*');
  private readonly created = new vscode.EventEmitter<vscode.Uri>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly deleted = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidCreate = this.created.event;
  readonly onDidChange = this.changed.event;
  readonly onDidDelete = this.deleted.event;
  private readonly subs = [
    this.real.onDidCreate((u) => this.pass(this.created, u)),
    this.real.onDidChange((u) => this.pass(this.changed, u)),
    this.real.onDidDelete((u) => this.pass(this.deleted, u)),
  ];

  private pass(to: vscode.EventEmitter<vscode.Uri>, uri: vscode.Uri): void {
    if (this.mode === 'silent') return;
    to.fire(this.mode === 'counted' ? vscode.Uri.file(join(tmpdir(), 'rapport-lost-event', 'lost.md')) : uri);
  }

  dispose(): void {
    for (const d of [...this.subs, this.real, this.created, this.changed, this.deleted]) d.dispose();
  }
}

/** A second Rapport index of the workspace, exactly as the extension builds its own, but fed by a watcher that loses events. */
async function notesWithLossyWatcher(): Promise<{ notes: WorkspaceNotes; watcher: LossyWatcher; log: vscode.LogOutputChannel }> {
  const log = vscode.window.createOutputChannel('Rapport (storm test)', { log: true });
  const watcher = new LossyWatcher();
  const notes = new WorkspaceNotes({ log, watcher, sourceFor: (f) => new DiskSource(f) });
  await notes.ready;
  await notes.idle(300);
  return { notes, watcher, log };
}

// ---------------------------------------------------------------------------

describe('a storm: hundreds of 1,000 notes rewritten at once behind VS Code’s back (git checkout; desktop host only: it runs git and the CLI’s loadFolder)', function () {
  this.timeout(240_000);
  let api: RapportApi;
  let root: string;
  let dir: string;
  let folder: vscode.WorkspaceFolder;
  const errors: string[] = [];
  const onRejection = (e: unknown) => errors.push(`unhandled rejection: ${e instanceof Error ? e.stack : String(e)}`);
  const onException = (e: unknown) => errors.push(`uncaught exception: ${e instanceof Error ? e.stack : String(e)}`);
  const settleTimes: string[] = [];

  const live = () => api.notes.allFolders().find((f) => f.folder.uri.toString() === folder.uri.toString())!;

  /** Throws away unsaved edits and closes every editor. */
  async function revertAll(): Promise<void> {
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }

  /**
   * Waits until Rapport has had every file event of the burst, and is quiet; returns the ms since `since`.
   * File events reach the extension in order, but a batch of them in any order: a marker written after
   * the burst may come before some of its events. A second marker, written once the first was seen,
   * comes after all of them.
   */
  async function settle(storm: number, since: number): Promise<number> {
    for (const round of [1, 2]) {
      const text = `storm: ${storm}.${round}`;
      writeFileSync(join(dir, MARKER), `---\n${text}\n---\n`);
      await waitFor(`Rapport to see marker ${text}`, () => live()?.index.get(MARKER)?.text?.includes(text) === true, 60_000);
    }
    await api.notes.idle(100);
    return performance.now() - since;
  }

  /**
   * Runs `burst` (blocking: the extension sees nothing until it is over), waits for Rapport
   * to settle, records how long that took and how many files the burst touched, and checks
   * every view was told to refresh.
   */
  async function storm(n: number, name: string, burst: () => void): Promise<void> {
    const before = snapshot(dir);
    const refreshed = new Set<string>();
    const trees: [string, vscode.TreeDataProvider<unknown>][] = [
      ['Follow-ups', api.followUps], ['Contacts', api.views.contacts], ['Meetings', api.views.meetings],
      ['Target companies', api.views.targets], ['Referral tree', api.views.referrals],
    ];
    const subs = trees.map(([view, t]) => t.onDidChangeTreeData!(() => refreshed.add(view)));
    try {
      const started = performance.now();
      burst();
      const ms = await settle(n, started);
      const touched = changedFiles(before, snapshot(dir));
      settleTimes.push(`${name}: ${touched} files in ${(ms / 1000).toFixed(1)} s`);
      await waitFor('every view to refresh', () => refreshed.size === trees.length, 5000);
    } finally {
      for (const s of subs) s.dispose();
    }
  }

  /** Everything Rapport shows for the storm folder equals a fresh start on its files. */
  async function assertLikeFreshStart(): Promise<void> {
    const fresh = freshStart(folder);
    assertNotesLikeFreshStart(api.notes, fresh, { followUps: api.followUps, ...api.views });

    const published = publishedDiagnostics(folder);
    assert.deepEqual(duplicates(published), [], 'no diagnostic twice');
    sameLines(published, freshDiagnostics(fresh), 'the diagnostics in VS Code');
    for (const [uri, ds] of vscode.languages.getDiagnostics()) {
      const rel = relative(folder, uri);
      if (rel !== undefined && ds.some((d) => d.source === 'rapport')) {
        assert.ok(existsSync(uri.fsPath) || vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === uri.toString()), `diagnostics on ${rel}, which is gone`);
      }
    }

    const total = api.followUps.getChildren().length - followUpLines(api.followUps, folder).length + freshFollowUpLines(fresh).length;
    await waitFor(`the status bar to say ${total} due`, () => api.statusBar.text === (total ? `$(bell) ${total} due` : '$(check) nothing due'));
  }

  /** An index of the workspace (the extension's, or a second one), its diagnostics, Follow-ups and views for the storm folder equal a fresh start's. */
  function assertNotesLikeFreshStart(
    notes: WorkspaceNotes,
    fresh: FolderNotes,
    views: { followUps: FollowUpsProvider; contacts: NotesTree; meetings: NotesTree; targets: NotesTree; referrals: NotesTree },
  ): void {
    const mine = notes.allFolders().find((f) => f.folder.uri.toString() === folder.uri.toString())!;
    assert.equal(notes.allFolders().filter((f) => f.folder.uri.toString() === folder.uri.toString()).length, 1, 'one index for the folder');
    sameLines(indexLines(mine), indexLines(fresh), `the index${textDifferences(mine, fresh)}`);
    sameLines(notes.folderDiagnostics(mine).map((d) => diagnosticLine(d.file, toVscodeDiagnostic(d))), freshDiagnostics(fresh), 'the diagnostics Rapport keeps', false);

    const due = followUpLines(views.followUps, folder);
    assert.deepEqual(duplicates(due), [], 'no follow-up twice');
    sameLines(due, freshFollowUpLines(fresh), 'Follow-ups', false);

    const freshNotes = {
      allFolders: () => [fresh],
      uriOf: (f: FolderNotes, p: string) => vscode.Uri.joinPath(f.folder.uri, ...p.split('/')),
    } as unknown as WorkspaceNotes;
    const pairs: [string, NotesTree, NotesTree][] = [
      ['Contacts', views.contacts, new ContactsTree(freshNotes)],
      ['Meetings', views.meetings, new MeetingsTree(freshNotes)],
      ['Target companies', views.targets, new TargetsTree(freshNotes)],
      ['Referral tree', views.referrals, new ReferralsTree(freshNotes)],
    ];
    for (const [name, tree, freshTree] of pairs) {
      const groupings = name === 'Contacts' ? (['company', 'status', 'tag'] as const) : [undefined];
      for (const g of groupings) {
        const before = (tree as ContactsTree).grouping;
        if (g) (tree as ContactsTree).grouping = (freshTree as ContactsTree).grouping = g;
        try {
          const roots = liveRoots(tree, folder);
          assert.deepEqual(duplicateSiblings(tree, roots), [], `${name}${g ? ` by ${g}` : ''}: no entry twice`);
          sameLines(renderTree(tree, roots), renderTree(freshTree, freshTree.getChildren()), `${name}${g ? ` by ${g}` : ''}`, false);
        } finally {
          if (g) (tree as ContactsTree).grouping = before;
        }
      }
    }
  }

  before(async () => {
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
    api = await rapport();
    root = mkdtempSync(join(tmpdir(), 'rapport-storm-'));
    dir = join(root, 'notes');
    execFileSync(process.execPath, [GENERATOR, String(NOTES), '--seed', '6', '--out', dir], { stdio: 'ignore' });
    git(dir, 'init', '-q');
    git(dir, 'checkout', '-q', '-b', 'a');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'a');
    git(dir, 'checkout', '-q', '-b', 'b');
    makeBranchB(dir);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'b');
    git(dir, 'checkout', '-q', 'a');

    const added = new Promise<void>((r) => {
      const sub = vscode.workspace.onDidChangeWorkspaceFolders(() => (sub.dispose(), r()));
    });
    const at = vscode.workspace.workspaceFolders?.length ?? 0;
    assert.ok(vscode.workspace.updateWorkspaceFolders(at, 0, { uri: vscode.Uri.file(dir), name: 'storm' }));
    await added;
    folder = vscode.workspace.workspaceFolders![at];
    await waitFor('the storm folder to be read', () => live()?.loaded === true, 60_000);
    await api.notes.idle(300);
    await assertLikeFreshStart();
  });

  after(async () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    await revertAll();
    if (folder) {
      const removed = new Promise<void>((r) => {
        const sub = vscode.workspace.onDidChangeWorkspaceFolders(() => (sub.dispose(), r()));
      });
      vscode.workspace.updateWorkspaceFolders(folder.index, 1);
      await removed;
    }
    if (root) rmSync(root, { recursive: true, force: true });
    if (settleTimes.length) console.log(`      (settled: ${settleTimes.join('; ')})`);
  });

  // Editors open on notes the checkout rewrites: one clean that changes, one clean that is
  // deleted, and one with unsaved edits whose file is deleted, then restored.
  const opened = { changed: '', deleted: '', dirty: '' };

  it('git checkout a → b: notes deleted, changed, renamed and created by the hundred; same as a fresh start', async () => {
    const a = new Set(markdownFiles(dir));
    const bFiles = git(dir, 'ls-tree', '-r', '--name-only', 'b').split('\n').filter((p) => p.endsWith('.md'));
    const b = new Set(bFiles);
    const changedInB = git(dir, 'diff', '--name-only', 'a', 'b').split('\n').filter((p) => a.has(p) && b.has(p));
    opened.changed = changedInB.find((p) => p.startsWith('meetings/'))!;
    const gone = [...a].filter((p) => !b.has(p) && p.startsWith('contacts/'));
    opened.deleted = gone[0];
    opened.dirty = gone[1];
    for (const p of [opened.changed, opened.deleted]) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, p), { preview: false });
    const dirtyEditor = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, opened.dirty), { preview: false });
    await dirtyEditor.edit((e) => e.insert(new vscode.Position(dirtyEditor.document.lineCount, 0), 'Unsaved: see [[nobody-unsaved]].\n'));
    assert.ok(dirtyEditor.document.isDirty);
    await api.notes.idle(300);

    await storm(1, 'git checkout a → b', () => git(dir, 'checkout', '-q', 'b'));
    await assertLikeFreshStart();
    assert.ok(!live().index.get(opened.deleted), 'the deleted note, open in a clean editor, is gone');
    assert.match(live().index.get(opened.dirty)?.text ?? '', /Unsaved/, 'the unsaved editor still holds its note');
  });

  it('git checkout b → a: back again, same as a fresh start', async () => {
    await storm(2, 'git checkout b → a', () => git(dir, 'checkout', '-q', 'a'));
    await assertLikeFreshStart();
    assert.ok(live().index.get(opened.deleted), 'the restored note is back');
    assert.match(live().index.get(opened.dirty)?.text ?? '', /Unsaved/, 'the unsaved editor still wins over disk');
  });

  it('by hand with node:fs: swaps, renamed ids, folders moved in and out, edits and deletes; same as a fresh start', async () => {
    await revertAll(); // clean editors only from here
    const r = rng(77);
    const contacts = shuffled(markdownFiles(dir).filter((p) => p.startsWith('contacts/')), r);
    const meetings = shuffled(markdownFiles(dir).filter((p) => p.startsWith('meetings/')), r);
    const renamedAway = contacts[0];
    const editedOpen = meetings[0];
    for (const p of [renamedAway, editedOpen]) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, p), { preview: false });
    // A folder of notes made outside the workspace, to be moved in whole.
    const incoming = join(root, 'incoming');
    // Five of them share an id with a contact already there (so a [[link]] has two candidates).
    for (let i = 0; i < 60; i++) {
      const id = i < 5 ? idOf(contacts.filter((p) => idOf(p) > 'incoming')[i]) : `incoming-${i}`;
      write(incoming, `${id}.md`, contactNote(`Incoming Person ${i}`, [`referred_by: "[[${idOf(contacts[100 + i])}]]"`]));
    }
    // Namesakes of people referred to by plain name, filed before them.
    const byPlainName = markdownFiles(dir)
      .map((p) => /^referred_by: ([^"[].*)$/m.exec(readFileSync(join(dir, p), 'utf8'))?.[1])
      .filter((n): n is string => !!n)
      .slice(0, 5);
    assert.equal(byPlainName.length, 5);
    await api.notes.idle(300);

    const at = (p: string) => join(dir, p);
    await storm(3, 'by hand', () => {
      // Two contacts swap names, five times over (a → tmp, b → a, tmp → b).
      for (let i = 1; i <= 10; i += 2) {
        renameSync(at(contacts[i]), at('contacts/swap.tmp'));
        renameSync(at(contacts[i + 1]), at(contacts[i]));
        renameSync(at('contacts/swap.tmp'), at(contacts[i + 1]));
      }
      // A contact's id changes: for some, the links follow; the open one's do not.
      for (let i = 11; i < 21; i++) {
        renameSync(at(contacts[i]), at(contacts[i].replace(/\.md$/, '-renamed.md')));
        if (i < 16) relink(dir, idOf(contacts[i]), `${idOf(contacts[i])}-renamed`);
      }
      renameSync(at(renamedAway), at(renamedAway.replace(/\.md$/, '-moved.md')));
      // Whole folders: renamed, moved out of the workspace, moved in.
      renameSync(at('companies'), at('orgs'));
      renameSync(at('outreach'), join(root, 'outreach-moved-out'));
      renameSync(incoming, at('contacts/incoming'));
      // Edits, deletes and new notes.
      for (const [i, p] of meetings.slice(0, 150).entries()) writeFileSync(at(p), edit(readFileSync(at(p), 'utf8'), i));
      for (const p of meetings.slice(150, 200)) unlinkSync(at(p));
      for (let i = 0; i < 50; i++) write(dir, `meetings/2026/2026-11-${String((i % 20) + 1).padStart(2, '0')}-storm-${i}.md`, ['---', 'type: meeting', `with: "[[${idOf(contacts[30 + i])}]]"`, 'date: 2026-11-19', '---', ''].join('\n'));
      byPlainName.forEach((name, i) => write(dir, `contacts/0-namesake-${i}.md`, contactNote(name, ['company: Elsewhere Inc'])));
    });
    await assertLikeFreshStart();
    assert.ok(!live().index.get(renamedAway), 'the renamed note, open in an editor, is gone under its old name');
    assert.deepEqual([...live().index.allFiles()].filter((f) => /^(companies|outreach)\//.test(f.path)), [], 'nothing left under the folders moved away');
  });

  it('git reset --hard and git clean: back to branch a, same as a fresh start', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await storm(4, 'git reset --hard + clean', () => {
      git(dir, 'reset', '-q', '--hard');
      git(dir, 'clean', '-fdq');
    });
    await assertLikeFreshStart();
    assert.equal(statSync(join(dir, 'outreach')).isDirectory(), true);
  });

  /** The views and Follow-ups of a second index, to compare with a fresh start's. */
  const viewsOf = (notes: WorkspaceNotes) => ({
    followUps: new FollowUpsProvider(notes),
    contacts: new ContactsTree(notes),
    meetings: new MeetingsTree(notes),
    targets: new TargetsTree(notes),
    referrals: new ReferralsTree(notes),
  });

  it('a checkout whose file events are all lost: the reconcile after the burst catches up', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { notes, watcher, log } = await notesWithLossyWatcher();
    const mine = () => notes.allFolders().find((f) => f.folder.uri.toString() === folder.uri.toString())!;
    try {
      watcher.mode = 'counted';
      git(dir, 'checkout', '-q', 'b');
      // The events still arrive and count as a burst, but say nothing of what changed: only the reconcile can bring the index to branch b.
      const onDisk = markdownFiles(dir).sort().join('\n');
      const indexed = () => [...mine().index.allFiles()].map((f) => f.path).sort().join('\n');
      await waitFor('the reconcile to bring the index to branch b', () => indexed() === onDisk, 60_000);
      await notes.idle(300);
      assertNotesLikeFreshStart(notes, freshStart(folder), viewsOf(notes));
    } finally {
      notes.dispose();
      watcher.dispose();
      log.dispose();
    }
    // The extension's own index followed the checkout by its events.
    await storm(5, 'git checkout b → a', () => git(dir, 'checkout', '-q', 'a'));
    await assertLikeFreshStart();
  });

  it('a checkout the watcher says nothing about: the next single file event still catches up', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { notes, watcher, log } = await notesWithLossyWatcher();
    const mine = () => notes.allFolders().find((f) => f.folder.uri.toString() === folder.uri.toString())!;
    try {
      watcher.mode = 'silent';
      try {
        git(dir, 'checkout', '-q', 'b'); // renames, creates and deletes: the folders' mtimes move
        await new Promise((r) => setTimeout(r, 1000)); // the checkout's events, if any come, come now and are lost
      } finally {
        watcher.mode = 'faithful';
      }
      const onDisk = markdownFiles(dir).sort().join('\n');
      const indexed = () => [...mine().index.allFiles()].map((f) => f.path).sort().join('\n');
      assert.notEqual(indexed(), onDisk, 'nothing has told Rapport about the checkout yet');
      writeFileSync(join(dir, MARKER), '---\nstorm: one event\n---\n'); // one file event, for a file the checkout left alone
      await waitFor('one event to bring the index to branch b', () => indexed() === onDisk, 60_000);
      await notes.idle(300);
      assertNotesLikeFreshStart(notes, freshStart(folder), viewsOf(notes));
    } finally {
      notes.dispose();
      watcher.dispose();
      log.dispose();
    }
    // And the extension's own index, which had every event.
    await api.notes.idle(300);
    await assertLikeFreshStart();
  });

  it('logged no error, and left no promise rejected unhandled', () => {
    // Rapport's output channel, and the extension host's log (where VS Code puts what a listener threw).
    const logs = api.logUri.fsPath;
    const host = ['remoteexthost.log', 'exthost.log'].map((f) => join(dirname(logs), f)).find(existsSync);
    assert.ok(host, `the extension host's log, beside ${logs}`);
    const entries = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split(/\n(?=\d{4}-\d\d-\d\d )/) : []);
    const logged = [
      ...entries(join(logs, 'Rapport.log')).filter((e) => /\[error\]/.test(e)),
      ...entries(host).filter((e) => /\[error\]/.test(e) && /rapport|extension\.cjs/i.test(e)),
    ];
    assert.deepEqual([...errors, ...logged], []);
  });
});
