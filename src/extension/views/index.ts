// Rapport's note views beside Follow-ups: This week, Contacts, Meetings, Target
// companies and the Referral tree.

import * as vscode from 'vscode';
import type { ContactGrouping } from '../../core/views.js';
import type { WorkspaceNotes } from '../notes/workspace-notes.js';
import { AgendaTree } from './agenda.js';
import { ContactsTree } from './contacts.js';
import { MeetingsTree } from './meetings.js';
import { ReferralsTree } from './referrals.js';
import { TargetsTree } from './targets.js';
import { registerTree } from './tree.js';

export interface Views {
  agenda: AgendaTree;
  contacts: ContactsTree;
  meetings: MeetingsTree;
  targets: TargetsTree;
  referrals: ReferralsTree;
}

const GROUPING_KEY = 'rapport.contactsGroupBy';

export function register(context: vscode.ExtensionContext, notes: WorkspaceNotes): Views {
  const views: Views = {
    agenda: new AgendaTree(notes),
    contacts: new ContactsTree(notes),
    meetings: new MeetingsTree(notes),
    targets: new TargetsTree(notes),
    referrals: new ReferralsTree(notes),
  };
  // This week runs the reminder checks as of a week ahead to draw: once per burst of typing, as Follow-ups.
  registerTree(context, notes, 'rapport.agenda', views.agenda, 250);
  registerTree(context, notes, 'rapport.contacts', views.contacts);
  registerTree(context, notes, 'rapport.meetings', views.meetings);
  registerTree(context, notes, 'rapport.targets', views.targets);
  registerTree(context, notes, 'rapport.referrals', views.referrals);

  const groupBy = (by: ContactGrouping) => {
    views.contacts.grouping = by;
    void context.workspaceState.update(GROUPING_KEY, by);
    void vscode.commands.executeCommand('setContext', GROUPING_KEY, by);
    views.contacts.refresh();
  };
  groupBy(context.workspaceState.get<ContactGrouping>(GROUPING_KEY) ?? 'company');
  context.subscriptions.push(
    vscode.commands.registerCommand('rapport.contacts.groupByCompany', () => groupBy('company')),
    vscode.commands.registerCommand('rapport.contacts.groupByStatus', () => groupBy('status')),
    vscode.commands.registerCommand('rapport.contacts.groupByTag', () => groupBy('tag')),
  );
  return views;
}
