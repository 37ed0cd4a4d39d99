// Commands under the "Rapport" category. A new note takes an id no Markdown file
// in the workspace has (see core/new-notes.ts), and never overwrites a file: one
// that appears on disk first is opened instead, and nothing is written.

import * as vscode from 'vscode';
import { formatDay } from '../../core/dates.js';
import { setKey } from '../../core/edit.js';
import { idKey, nameKey, type IdsInUse } from '../../core/links.js';
import { markSentEdits } from '../../core/logging.js';
import { meetingPath, namedNotePath, outreachPath, unsentDraftTo } from '../../core/new-notes.js';
import { outreachSent, type Contact, type Note, type Outreach } from '../../core/notes.js';
import { companyTemplate, contactTemplate, meetingTemplate, outreachTemplate, personName, type ContactFacts } from '../../core/templates.js';
import { companyName } from '../../core/views.js';
import { VIEW_ID } from '../follow-ups/index.js';
import { currentClock } from '../notes/settings.js';
import type { FolderNotes, WorkspaceNotes } from '../notes/workspace-notes.js';
import { applyFix, exists } from '../edits.js';
import { askCompany, askHappened, askName, askReferrer, askWhen } from './ask.js';

/** What a command may be invoked on: a tree node with a note, a Follow-ups entry, or nothing (the active editor). */
type Target = { note?: Note; folder?: FolderNotes; uri?: vscode.Uri } | undefined;

export function register(context: vscode.ExtensionContext, notes: WorkspaceNotes): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('rapport.newContact', (name?: string) => newContact(notes, name)),
    vscode.commands.registerCommand('rapport.newCompany', (name?: string) => newCompany(notes, name)),
    vscode.commands.registerCommand('rapport.logMeeting', (target?: Target) => logMeeting(notes, target)),
    vscode.commands.registerCommand('rapport.markOutreachSent', (target?: Target) => markOutreachSent(notes, target)),
    vscode.commands.registerCommand('rapport.draftOutreach', (target?: Target) => draftOutreach(notes, target)),
    vscode.commands.registerCommand('rapport.markThankYouSent', (target?: Target) => mark(notes, target, 'thank_you')),
    vscode.commands.registerCommand('rapport.markReferrerUpdated', (target?: Target) => mark(notes, target, 'referrer_updated')),
    vscode.commands.registerCommand('rapport.refresh', () => notes.refresh()),
    vscode.commands.registerCommand('rapport.showFollowUps', () => vscode.commands.executeCommand(`${VIEW_ID}.focus`)),
  );
}

/**
 * Create `contacts/<name>.md` (in the name's own letters, `-2` for a namesake) and open it.
 * Asked: the name, then where they work and who referred them. Those two are optional:
 * Escape there skips the question and the contact is still made; only Escape at the
 * name makes nothing. Given a name (a link's fix, a test), nothing is asked.
 */
export async function newContact(notes: WorkspaceNotes, name?: string): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder();
  if (!folder) return undefined;
  const title = 'New contact';
  let facts: ContactFacts = {};
  if (name === undefined) {
    name = await askName(title, 'Their name, as you would write it', 'Sally Smith', 'A contact');
    if (!name) return undefined;
    const index = folderNotes(notes, folder)?.index;
    if (index) {
      const company = await askCompany(index, `${title}: ${name}`);
      const referredBy = await askReferrer(index, `${title}: ${name}`);
      facts = { company, referredBy };
    }
  }
  if (!name.trim()) return undefined;
  const path = await freePath(notes, folder.uri, (taken) => namedNotePath('contact', name!, taken));
  return createNote(folder.uri, path, contactTemplate(name.trim(), '\n', facts));
}

/**
 * Create `companies/<name>.md` and open it; asked: the name, then whether it is a
 * target (Escape: the template's `target: true`). A company already in the notes
 * under that name is opened instead: a second note would split its contacts.
 */
export async function newCompany(notes: WorkspaceNotes, name?: string): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder();
  if (!folder) return undefined;
  const title = 'New company';
  name ??= await askName(title, 'The company’s name', 'Globex', 'A company');
  if (!name?.trim()) return undefined;
  name = name.trim();
  const at = folderNotes(notes, folder);
  const known = at?.index.companies().find((c) => nameKey(c.name) === nameKey(name!));
  if (at && known) {
    const uri = notes.uriOf(at, known.path);
    await vscode.window.showTextDocument(uri);
    void vscode.window.showInformationMessage(`${known.name} is already in your notes: ${known.path} is open.`);
    return uri;
  }
  const target = await vscode.window.showQuickPick(
    [
      { label: 'A target', description: 'a company I would like to work for: listed in Target companies', target: true },
      { label: 'Not a target', description: 'where someone works, nothing more', target: false },
    ],
    { title: `${title}: ${name}`, placeHolder: 'Is it one of your target companies?' },
  );
  const path = await freePath(notes, folder.uri, (taken) => namedNotePath('company', name!, taken));
  return createNote(folder.uri, path, companyTemplate(name, '\n', target?.target ?? true));
}

/**
 * Create `meetings/<day>-<contact>.md` (`-2` for a second that day) with the question
 * bank, named for the meeting's day. Asked: the contact (unless given), the date and
 * time (default today), and, unless it is still ahead, whether it happened. Escape at
 * any of them makes nothing: the note's name and status depend on the answers.
 */
export async function logMeeting(notes: WorkspaceNotes, target?: Target): Promise<vscode.Uri | undefined> {
  const picked = await pickContact(notes, target, 'Log a meeting with…');
  if (!picked) return undefined;
  const title = `Meeting with ${picked.contact.name}`;
  const clock = currentClock();
  const date = await askWhen(clock, title);
  if (!date) return undefined;
  const status = await askHappened(date, clock, title);
  if (!status) return undefined;
  const root = picked.folder.folder.uri;
  const path = await freePath(notes, root, (taken) => meetingPath(formatDay(date.day), picked.contact, taken));
  return createNote(root, path, meetingTemplate(picked.contact.id, date.text, '\n', status));
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

/**
 * Mark a message sent today: `status: sent` and `sent: <today>`, saved like every
 * action. On the note given (a view's item), the outreach note in the active editor,
 * or else one picked from the unsent drafts.
 */
export async function markOutreachSent(notes: WorkspaceNotes, target?: Target): Promise<boolean> {
  let uri = target?.uri ?? (target?.note && target.folder ? notes.uriOf(target.folder, target.note.path) : undefined);
  if (!uri) {
    const active = vscode.window.activeTextEditor?.document;
    const at = active && notes.sync(active);
    uri = at?.notes.index.get(at.path)?.type === 'outreach' ? active!.uri : await pickDraft(notes);
  }
  if (!uri) return false;
  const doc = await vscode.workspace.openTextDocument(uri);
  const at = notes.sync(doc);
  const note = at?.notes.index.get(at.path);
  if (note?.type !== 'outreach') {
    void vscode.window.showInformationMessage('Open an outreach note to mark it sent.');
    return false;
  }
  if (outreachSent(note)) {
    void vscode.window.showInformationMessage(`This message is already marked ${note.status ?? 'sent'}${note.sent ? ` (sent ${note.sent.text})` : ''}.`);
    return false;
  }
  return applyFix(uri, at!.notes.folder.uri, { edits: markSentEdits(note, formatDay(currentClock().today)) });
}

/** An unsent draft, picked; undefined when there is none or on Escape. */
async function pickDraft(notes: WorkspaceNotes): Promise<vscode.Uri | undefined> {
  const multi = notes.allFolders().length > 1;
  const items = notes.allFolders().flatMap((folder) =>
    folder.index
      .outreach()
      .filter((o: Outreach) => !outreachSent(o))
      .map((o) => ({
        label: o.to ? personName(folder.index, o.to) : o.path,
        description: o.subject,
        detail: multi ? `${folder.folder.name}: ${o.path}` : o.path,
        uri: notes.uriOf(folder, o.path),
      })),
  );
  if (!items.length) {
    void vscode.window.showInformationMessage('No unsent drafts: every outreach note is marked sent.');
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title: 'Mark outreach sent', placeHolder: 'Which message did you send?', matchOnDescription: true }))?.uri;
}

function folderNotes(notes: WorkspaceNotes, folder: vscode.WorkspaceFolder): FolderNotes | undefined {
  return notes.allFolders().find((f) => f.folder.uri.toString() === folder.uri.toString());
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
