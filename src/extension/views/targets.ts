// The Target companies view: targets first; under each, who you know there and
// who is one referral away — or, when nobody, the question to ask your contacts.

import * as vscode from 'vscode';
import type { Clock } from '../../core/dates.js';
import { targetCompanies } from '../../core/views.js';
import type { FolderNotes } from '../notes/workspace-notes.js';
import { NotesTree, type Node } from './tree.js';

export class TargetsTree extends NotesTree {
  protected roots(folder: FolderNotes, _clock: Clock): Node[] {
    return targetCompanies(folder.index, _clock).map(({ company, known, oneAway }) => {
      const node = this.noteNode(folder, company, company.name, () => {
        const people: Node[] = [
          ...known.map((c) => {
            const n = this.noteNode(folder, c, c.name);
            n.item.description = [c.role, 'you know them'].filter(Boolean).join(' · ');
            n.item.iconPath = new vscode.ThemeIcon('person');
            n.item.contextValue = 'contact.known';
            return n;
          }),
          ...oneAway.map(({ contact, via }) => {
            const n = this.noteNode(folder, contact, contact.name);
            n.item.description = via ? `one referral away, via ${via.name}` : 'not reached yet';
            n.item.iconPath = new vscode.ThemeIcon('person-add');
            n.item.contextValue = 'contact.oneAway';
            return n;
          }),
        ];
        if (people.length) return people;
        const hint = new vscode.TreeItem('Ask your contacts who they know here', vscode.TreeItemCollapsibleState.None);
        hint.iconPath = new vscode.ThemeIcon('comment-discussion');
        hint.contextValue = 'hint';
        return [{ item: hint }];
      });
      node.item.collapsibleState = company.target ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
      node.item.iconPath = new vscode.ThemeIcon(company.target ? 'star-full' : 'organization');
      node.item.description = [company.target ? 'target' : undefined, company.priority !== undefined ? `priority ${company.priority}` : undefined, `${known.length} known`]
        .filter(Boolean)
        .join(' · ');
      node.item.contextValue = company.target ? 'company.target' : 'company';
      return node;
    });
  }
}
