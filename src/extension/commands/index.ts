// Commands under the "Rapport" category. A new note takes an id no Markdown file
// in the workspace has (see core/new-notes.ts), and never overwrites a file: one
// that appears on disk first is opened instead, and nothing is written.

import * as vscode from 'vscode';
import { formatDay } from '../../core/dates.js';
import { setKey } from '../../core/edit.js';
import { idKey, type IdsInUse } from '../../core/links.js';
import { meetingPath, namedNotePath, outreachPath, unsentDraftTo } from '../../core/new-notes.js';
import type { Contact, Note } from '../../core/notes.js';
import { contactTemplate, meetingTemplate, outreachTemplate, personName } from '../../core/templates.js';
import { companyName } from '../../core/views.js';
import { VIEW_ID } from '../follow-ups/index.js';
import { currentClock } from '../notes/settings.js';
import type { FolderNotes, WorkspaceNotes } from '../notes/workspace-notes.js';
import { applyFix, exists } from '../edits.js';

/** What a command may be invoked on: a tree node with a note, a Follow-ups entry, or nothing (the active editor). */
type Target = { note?: Note; folder?: FolderNotes; uri?: vscode.Uri } | undefined;

export function register(context: vscode.ExtensionContext, notes: WorkspaceNotes): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('rapport.newContact', (name?: string) => newContact(notes, name)),
    vscode.commands.registerCommand('rapport.logMeeting', (target?: Target) => logMeeting(notes, target)),
    vscode.commands.registerCommand('rapport.draftOutreach', (target?: Target) => draftOutreach(notes, target)),
    vscode.commands.registerCommand('rapport.markThankYouSent', (target?: Target) => mark(notes, target, 'thank_you')),
    vscode.commands.registerCommand('rapport.markReferrerUpdated', (target?: Target) => mark(notes, target, 'referrer_updated')),
    vscode.commands.registerCommand('rapport.refresh', () => notes.refresh()),
    vscode.commands.registerCommand('rapport.showFollowUps', () => vscode.commands.executeCommand(`${VIEW_ID}.focus`)),
  );
}

/** Create `contacts/<name>.md` (in the name's own letters, `-2` for a namesake) from the template and open it. */
export async function newContact(notes: WorkspaceNotes, name?: string): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder();
  if (!folder) return undefined;
  name ??= await vscode.window.showInputBox({
    title: 'New contact',
    prompt: 'Their name, as you would write it',
    placeHolder: 'Sally Smith',
    validateInput: (v) => (v.trim() ? undefined : 'A contact needs a name'),
  });
  if (!name?.trim()) return undefined;
  const path = await freePath(notes, folder.uri, (taken) => namedNotePath('contact', name!, taken));
  return createNote(folder.uri, path, contactTemplate(name.trim()));
}

/** Create `meetings/<today>-<contact>.md` (`-2` for a second that day) with the question bank, for a contact picked or given. */
export async function logMeeting(notes: WorkspaceNotes, target?: Target): Promise<vscode.Uri | undefined> {
  const picked = await pickContact(notes, target, 'Log a meeting with…');
  if (!picked) return undefined;
  const today = formatDay(currentClock().today);
  const root = picked.folder.folder.uri;
  const path = await freePath(notes, root, (taken) => meetingPath(today, picked.contact, taken));
  return createNote(root, path, meetingTemplate(picked.contact.id, today));
}

/**
 * Open the unsent draft to a contact, or create one that follows the practice: the
 * referrer in the subject and first line. One draft per person: a second would be
 * two first messages.
 */
export async function draftOutreach(notes: WorkspaceNotes, target?: Target): Promise<vscode.Uri | undefined> {
  const picked = await pickContact(notes, target, 'Draft outreach to…');
  if (!picked) return undefined;
  const { contact, folder } = picked;
  const draft = unsentDraftTo(folder.index, contact);
  if (draft) {
    const uri = notes.uriOf(folder, draft.path);
    await vscode.window.showTextDocument(uri);
    void vscode.window.showInformationMessage(`Your draft to ${contact.name} is not sent yet: it is open (${draft.path}).`);
    return uri;
  }
  const ref = contact.referredBy;
  const referrer = ref && personName(folder.index, ref);
  const today = formatDay(currentClock().today);
  const text = outreachTemplate({ id: contact.id, name: contact.name, company: companyName(folder.index, contact), referrer });
  const path = await freePath(notes, folder.folder.uri, (taken) => outreachPath(today, contact, taken));
  return createNote(folder.folder.uri, path, text);
}

/**
 * Set `thank_you` or `referrer_updated` to today on a meeting note, as an undoable edit;
 * saved unless the note has unsaved changes of the user's (see edits.ts).
 */
export async function mark(notes: WorkspaceNotes, target: Target, key: 'thank_you' | 'referrer_updated'): Promise<boolean> {
  const uri = target?.uri ?? (target?.note && target.folder ? notes.uriOf(target.folder, target.note.path) : vscode.window.activeTextEditor?.document.uri);
  if (!uri) return false;
  const doc = await vscode.workspace.openTextDocument(uri);
  const at = notes.sync(doc);
  const note = at?.notes.index.get(at.path);
  if (note?.type !== 'meeting') {
    void vscode.window.showInformationMessage('Open a meeting note to mark it.');
    return false;
  }
  return applyFix(uri, at!.notes.folder.uri, { edits: setKey(note, key, formatDay(currentClock().today)) });
}

async function pickContact(notes: WorkspaceNotes, target: Target, title: string): Promise<{ contact: Contact; folder: FolderNotes } | undefined> {
  if (target?.note?.type === 'contact' && target.folder) return { contact: target.note, folder: target.folder };
  const items = notes.allFolders().flatMap((folder) =>
    folder.index
      .contacts()
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((contact) => ({
        label: contact.name,
        description: [contact.role, companyName(folder.index, contact)].filter(Boolean).join(', '),
        detail: notes.allFolders().length > 1 ? folder.folder.name : undefined,
        contact,
        folder,
      })),
  );
  if (!items.length) {
    void vscode.window.showInformationMessage('No contacts yet: create one with “Rapport: New contact”.');
    return undefined;
  }
  return vscode.window.showQuickPick(items, { title, placeHolder: 'Type a name', matchOnDescription: true });
}

/**
 * The path `choose` picks for a new note, with every id in the workspace taken (any
 * folder's index), and any file on disk the index does not hold (an excluded folder,
 * a file not read yet) taken too.
 */
async function freePath(notes: WorkspaceNotes, root: vscode.Uri, choose: (taken: IdsInUse) => string): Promise<string> {
  const onDisk = new Set<string>();
  const folders = notes.allFolders();
  const taken: IdsInUse = { hasId: (id) => onDisk.has(idKey(id)) || folders.some((f) => f.index.hasId(id)) };
  for (;;) {
    const path = choose(taken);
    if (!(await exists(vscode.Uri.joinPath(root, ...path.split('/'))))) return path;
    onDisk.add(idKey(path.slice(path.lastIndexOf('/') + 1, -'.md'.length)));
  }
}

/** Write a new note and open it; if the file exists, open it and write nothing. */
export async function createNote(root: vscode.Uri, path: string, content: string): Promise<vscode.Uri | undefined> {
  const uri = vscode.Uri.joinPath(root, ...path.split('/'));
  if (await exists(uri)) {
    await vscode.window.showTextDocument(uri);
    void vscode.window.showWarningMessage(`${path} already exists: it is open, and nothing was overwritten.`);
    return uri;
  }
  // Fails, writing nothing, if the file appeared since the check above.
  if (!(await applyFix(undefined, root, { create: { path, content } }))) return undefined;
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  return uri;
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) {
    void vscode.window.showInformationMessage('Open a folder first: Rapport keeps notes in your workspace.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder keeps your notes?' });
}
