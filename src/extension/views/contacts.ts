// The Contacts view: grouped by company, status or tag (switched from the view's
// title bar); each contact shows status and when you last met, and expands to
// its meetings, newest first.

import * as vscode from 'vscode';
import { formatDay, formatWhen, type Clock } from '../../core/dates.js';
import { meetingStatus } from '../../core/note-index.js';
import type { Contact, Meeting } from '../../core/notes.js';
import { companyName, groupContacts, lastMet, meetingLabel, type ContactGrouping } from '../../core/views.js';
import type { FolderNotes } from '../notes/workspace-notes.js';
import { NotesTree, type Node } from './tree.js';

export const STATUS_ICONS: Record<string, string> = {
  lead: 'circle-large-outline',
  contacted: 'mail',
  scheduled: 'calendar',
  met: 'pass',
  dormant: 'debug-pause',
};

export class ContactsTree extends NotesTree {
  grouping: ContactGrouping = 'company';

  protected roots(folder: FolderNotes, clock: Clock): Node[] {
    return groupContacts(folder.index, this.grouping).map((g) =>
      this.groupNode(g.label, () => g.contacts.map((c) => this.contactNode(folder, c, clock)), String(g.contacts.length)),
    );
  }

  contactNode(folder: FolderNotes, c: Contact, clock: Clock): Node {
    const meetings = folder.index.meetingsWith(c);
    const node = this.noteNode(folder, c, c.name, meetings.length ? () => meetings.map((m) => meetingNode(this, folder, m, clock)) : undefined);
    const met = lastMet(folder.index, c, clock);
    const company = this.grouping === 'company' ? undefined : companyName(folder.index, c);
    node.item.description = [company, c.status, met ? `last met ${formatDay(met.day)}` : undefined].filter(Boolean).join(' · ');
    node.item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[c.status ?? ''] ?? 'person');
    node.item.tooltip = [c.name, c.role && company ? `${c.role}, ${company}` : (c.role ?? company), c.status && `status: ${c.status}`, met && `last met ${formatWhen(met)}`, c.path]
      .filter(Boolean)
      .join('\n');
    node.item.contextValue = 'contact';
    return node;
  }
}

/** A meeting as a tree node: date and who, kind and status; used by Contacts and Meetings. */
export function meetingNode(tree: NotesTree, folder: FolderNotes, m: Meeting, clock: Clock, showWho = false): Node {
  const node = tree.noteNode(folder, m, meetingLabel(folder.index, m, showWho));
  const status = meetingStatus(m, clock);
  const stale = status === 'planned' && m.date && m.date.day < clock.today;
  node.item.description = [m.kind, stale ? 'planned — date passed' : status].filter(Boolean).join(' · ');
  node.item.iconPath = new vscode.ThemeIcon(
    stale ? 'warning' : status === 'planned' ? 'calendar' : status === 'done' ? 'check' : 'circle-slash',
  );
  node.item.contextValue = `meeting.${status}${status === 'done' && m.thankYou === 'pending' ? '.thankYouPending' : ''}`;
  return node;
}
