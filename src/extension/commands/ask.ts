// The questions the logging commands ask, each in one input box or quick pick.
// Escape at an optional question answers "skip" (the note is still made);
// Escape at one the note cannot be made without answers undefined (nothing is).

import * as vscode from 'vscode';
import { isAhead, readWhen, whenProblem, defaultWhen } from '../../core/logging.js';
import { nameKey } from '../../core/links.js';
import type { Clock, NoteDate } from '../../core/dates.js';
import type { NoteIndex } from '../../core/note-index.js';
import type { NoteOrName } from '../../core/templates.js';
import { companyName } from '../../core/views.js';

/** A note's name: asked first, and the only question whose Escape cancels New contact and New company. */
export async function askName(title: string, prompt: string, placeHolder: string, what: string): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({ title, prompt, placeHolder, validateInput: (v) => (v.trim() ? undefined : `${what} needs a name`) });
  return name?.trim() || undefined;
}

const SKIP = 'skip';
const TYPE_NEW = 'new';

/** Where a new contact works: a company note, a name typed, or nothing (skip, or Escape). */
export async function askCompany(index: NoteIndex, title: string): Promise<NoteOrName | undefined> {
  const companies = index.companies().sort((a, b) => a.name.localeCompare(b.name));
  const picked = await vscode.window.showQuickPick(
    [
      { label: '$(circle-slash) Skip', description: 'no company for now', alwaysShow: true, choice: SKIP },
      { label: '$(add) Type a new one…', description: 'a company without a note (written as its name)', alwaysShow: true, choice: TYPE_NEW },
      ...companies.map((c) => ({ label: c.name, description: c.target ? 'target' : undefined, choice: c.id })),
    ],
    { title, placeHolder: 'Where do they work? (optional)', matchOnDescription: false },
  );
  if (!picked || picked.choice === SKIP) return undefined;
  if (picked.choice !== TYPE_NEW) return { id: picked.choice };
  const typed = (await vscode.window.showInputBox({ title, prompt: 'The company’s name (Escape: no company)', placeHolder: 'Acme Corp' }))?.trim();
  if (!typed) return undefined;
  // A name a company note already has is that company: a link, not a second spelling of it.
  const known = companies.find((c) => nameKey(c.name) === nameKey(typed));
  return known ? { id: known.id } : { text: typed };
}

/** Who referred a new contact: a contact note, or nobody (skip, or Escape). */
export async function askReferrer(index: NoteIndex, title: string): Promise<NoteOrName | undefined> {
  const contacts = index.contacts().sort((a, b) => a.name.localeCompare(b.name));
  if (!contacts.length) return undefined; // nobody to pick: not a question worth asking
  const picked = await vscode.window.showQuickPick(
    [
      { label: '$(circle-slash) Skip', description: 'nobody referred them', alwaysShow: true, choice: SKIP },
      ...contacts.map((c) => ({ label: c.name, description: [c.role, companyName(index, c)].filter(Boolean).join(', '), choice: c.id })),
    ],
    { title, placeHolder: 'Who referred them? (optional)', matchOnDescription: true },
  );
  return picked && picked.choice !== SKIP ? { id: picked.choice } : undefined;
}

/** When the meeting is (default today); undefined on Escape. */
export async function askWhen(clock: Clock, title: string): Promise<NoteDate | undefined> {
  const value = defaultWhen(clock);
  const answer = await vscode.window.showInputBox({
    title,
    prompt: 'When is or was it? YYYY-MM-DD, or YYYY-MM-DD HH:MM',
    value,
    valueSelection: [0, value.length],
    validateInput: whenProblem,
  });
  return answer === undefined ? undefined : readWhen(answer);
}

/** Whether a meeting on `date` happened: a meeting still ahead is planned without asking; undefined on Escape. */
export async function askHappened(date: NoteDate, clock: Clock, title: string): Promise<'done' | 'planned' | undefined> {
  if (isAhead(date, clock)) return 'planned';
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'It happened', description: 'status: done — the thank-you is due next', status: 'done' as const },
      { label: 'It is planned', description: 'status: planned', status: 'planned' as const },
    ],
    { title, placeHolder: 'Has it happened?' },
  );
  return picked?.status;
}
