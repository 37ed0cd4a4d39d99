// Rapport: Import contacts…: LinkedIn's Connections.csv or a vCard file, picked in a
// dialog and read through workspace.fs (so in the web too); the core's plan shown as
// a preview (who will be created, updated and skipped, and the target companies'
// counts) before anything is written; the notes written with progress, each whole;
// a summary after.
//
// The preview is a quick pick, not a webview: it is VS Code's own list, read and
// searched from the keyboard (type a name to find them among hundreds), themed as
// everything else, and it opens at once in both hosts. A person's row is there to be
// read; only "Import" writes, and Escape or Cancel writes nothing.

import * as vscode from 'vscode';
import { planImport, skipChangedUpdates, sourceOf, type ImportPlan } from '../../core/import/plan.js';
import { importCounts, importSummary } from '../../core/import/summary.js';
import type { FolderNotes, WorkspaceNotes } from '../notes/workspace-notes.js';
import { planEdits, saveFiles } from '../edits.js';

export const IMPORT_COMMAND = 'rapport.importContacts';
const TARGETS_VIEW = 'rapport.targets';

export function register(context: vscode.ExtensionContext, notes: WorkspaceNotes): void {
  context.subscriptions.push(vscode.commands.registerCommand(IMPORT_COMMAND, (file?: vscode.Uri) => importContacts(notes, file)));
}

/** What an import did: the plan as written (undefined when nothing was written: Escape, Cancel, nothing to do). */
export interface ImportOutcome {
  plan: ImportPlan;
  /** The summary shown after (the text of "Show details"). */
  summary: string;
}

/** Import a file (the one given, else one picked) into a folder's notes, after a preview. */
export async function importContacts(notes: WorkspaceNotes, file?: vscode.Uri): Promise<ImportOutcome | undefined> {
  const folder = await pickFolder(notes);
  if (!folder) return undefined;
  const uri = file ?? (await vscode.window.showOpenDialog({
    title: 'Import contacts: LinkedIn’s Connections.csv, or a vCard file (.vcf)',
    openLabel: 'Preview import',
    canSelectMany: false,
    defaultUri: folder.folder.uri,
    filters: { 'LinkedIn connections or vCards': ['csv', 'vcf', 'vcard'], 'All files': ['*'] },
  }))?.[0];
  if (!uri) return undefined;
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    void vscode.window.showErrorMessage(`Could not read ${name}: ${(e as Error)?.message ?? e}`);
    return undefined;
  }
  const source = sourceOf(name, text);
  if (!source) {
    void vscode.window.showErrorMessage(`${name} is neither LinkedIn’s Connections.csv nor a vCard file (.vcf).`);
    return undefined;
  }
  await notes.idle(); // every note read, so nobody already there is made again
  const first = planImport(folder.index, source, text);
  if (first.unreadable) {
    void vscode.window.showErrorMessage(`${name}: ${first.unreadable}`);
    return undefined;
  }
  if (!first.created.length && !first.updated.length) {
    const summary = importSummary(first, name);
    void vscode.window.showInformationMessage(`Nothing to import from ${name}: ${importCounts(first)}.`, 'Show details').then((b) => b && showDetails(summary));
    return { plan: first, summary };
  }
  if (!(await preview(first, name))) return undefined;
  // Planned afresh: a note may have changed while the preview was open.
  const plan = planImport(folder.index, source, text);
  const failure = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Importing ${name}` },
    (progress) => write(notes, folder, plan, progress),
  );
  const summary = importSummary(plan, name);
  if (failure) {
    void vscode.window.showErrorMessage(failure, 'Show details').then((b) => b && showDetails(summary));
    return { plan, summary };
  }
  const targets = plan.targets.map((t) => `${t.name} ${t.known}`).join(', ');
  void vscode.window
    .showInformationMessage(`Imported ${name}: ${importCounts(plan)}.${targets ? ` People you know at your targets: ${targets}.` : ''}`, 'Show details', 'Target companies')
    .then((b) => (b === 'Show details' ? showDetails(summary) : b === 'Target companies' ? vscode.commands.executeCommand(`${TARGETS_VIEW}.focus`) : undefined));
  return { plan, summary };
}

type PreviewItem = vscode.QuickPickItem & { go?: boolean };

/** The plan as a list: Import and Cancel first, then who is created, updated, skipped, and the targets. True for Import. */
async function preview(plan: ImportPlan, name: string): Promise<boolean> {
  const section = (label: string): PreviewItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const items: PreviewItem[] = [
    { label: `$(check) Import: create ${plan.created.length}, update ${plan.updated.length}`, description: `skip ${plan.skipped.length}`, go: true },
    { label: '$(close) Cancel', description: 'write nothing', go: false },
  ];
  if (plan.created.length) items.push(section(`To create: ${plan.created.length}`));
  for (const c of plan.created) {
    items.push({ label: `$(person-add) ${c.name}`, description: c.path, detail: [`line ${c.line}`, c.facts.role, c.company].filter(Boolean).join(' · ') });
  }
  if (plan.updated.length) items.push(section(`To update, only keys they lack: ${plan.updated.length}`));
  for (const u of plan.updated) items.push({ label: `$(edit) ${u.name}`, description: u.path, detail: `line ${u.line} · adds ${u.added.join(', ')}` });
  if (plan.skipped.length) items.push(section(`Skipped: ${plan.skipped.length}`));
  for (const s of plan.skipped) {
    items.push(s.why === 'malformed'
      ? { label: `$(warning) line ${s.line}`, description: s.reason }
      : { label: `$(circle-slash) ${s.name ?? `line ${s.line}`}`, description: s.path, detail: `line ${s.line} · ${s.reason}` });
  }
  if (plan.targets.length) items.push(section('Target companies: people you will know there'));
  for (const t of plan.targets) items.push({ label: `$(star-full) ${t.name}`, description: `${t.known}${t.added ? ` (${t.added} from this import)` : ''}` });
  for (;;) {
    const picked = await vscode.window.showQuickPick(items, {
      title: `Import ${name}: ${plan.created.length} to create, ${plan.updated.length} to update, ${plan.skipped.length} to skip`,
      placeHolder: 'Nothing is written until you choose Import. Type to find someone.',
      matchOnDescription: true,
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
    if (!picked || picked.go === false) return false;
    if (picked.go) return true;
    // A person's row is for reading: the preview stays until Import or Cancel.
  }
}

/** How many notes are written at once: enough to keep the file system busy, few enough to stop soon after a failure. */
const BATCH = 16;
const TMP = '.rapport-tmp';

/**
 * Write the plan: each new note whole (to a temporary name, then moved into place,
 * never over a file), then the added keys as one edit through the fix path, saved.
 * What failed, or undefined. Updates whose note changed since it was planned are
 * dropped from the plan (and listed as skipped).
 */
async function write(notes: WorkspaceNotes, folder: FolderNotes, plan: ImportPlan, progress: vscode.Progress<{ message?: string; increment?: number }>): Promise<string | undefined> {
  const total = plan.created.length + plan.updated.length;
  let done = 0;
  const step = () => {
    done++;
    progress.report({ increment: 100 / total, message: `${done} of ${total} notes` });
  };
  let failure: string | undefined;
  const written: string[] = [];
  for (let i = 0; i < plan.created.length && !failure; i += BATCH) {
    await Promise.all(plan.created.slice(i, i + BATCH).map(async (c) => {
      const target = notes.uriOf(folder, c.path);
      const tmp = target.with({ path: target.path + TMP });
      try {
        await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(c.text));
        await vscode.workspace.fs.rename(tmp, target, { overwrite: false });
        written.push(c.path);
        step();
      } catch (e) {
        await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
        failure ??= `Could not write ${c.path}: ${(e as Error)?.message ?? e}. The notes written are whole; run the import again to finish.`;
      }
    }));
  }
  if (failure) {
    const made = new Set(written);
    plan.created = plan.created.filter((c) => made.has(c.path));
    plan.updated = [];
    return failure;
  }
  skipChangedUpdates(plan, (u) => folder.index.get(u.path)?.text !== u.before);
  const current = plan.updated;
  if (current.length) {
    const planned = planEdits(current.map((u) => ({ uri: notes.uriOf(folder, u.path), edits: u.edits })));
    if (!(await vscode.workspace.applyEdit(planned.edit))) {
      plan.updated = [];
      return `Could not add the new keys to ${current.length} notes: nothing was changed in them. Run the import again.`;
    }
    await saveFiles(planned.save);
    for (let i = 0; i < current.length; i++) step();
  }
  return undefined;
}

async function showDetails(summary: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ content: summary, language: 'plaintext' });
  await vscode.window.showTextDocument(doc, { preview: true });
}

async function pickFolder(notes: WorkspaceNotes): Promise<FolderNotes | undefined> {
  const folders = notes.allFolders();
  if (folders.length <= 1) {
    if (!folders.length) void vscode.window.showInformationMessage('Open a folder for your notes first: the contacts are written into it.');
    return folders[0];
  }
  const picked = await vscode.window.showQuickPick(folders.map((f) => ({ label: f.folder.name, f })), { title: 'Import contacts into which folder?' });
  return picked?.f;
}
