// The Referral tree: people nobody referred at the root, and under each the
// people they led you to. Built by the core, which shows each person once.

import * as vscode from 'vscode';
import type { Clock } from '../../core/dates.js';
import { referralTree, type ReferralNode } from '../../core/views.js';
import type { FolderNotes } from '../notes/workspace-notes.js';
import { NotesTree, type Node } from './tree.js';

export class ReferralsTree extends NotesTree {
  protected roots(folder: FolderNotes, _clock: Clock): Node[] {
    return referralTree(folder.index).map((r) => this.personNode(folder, r));
  }

  private personNode(folder: FolderNotes, r: ReferralNode): Node {
    const node = this.noteNode(folder, r.contact, r.contact.name, r.children.length ? () => r.children.map((c) => this.personNode(folder, c)) : undefined);
    if (r.children.length) node.item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    if (r.repeat === 'cycle') {
      node.item.description = 'cycle: referred back to someone above';
      node.item.iconPath = new vscode.ThemeIcon('sync');
    } else if (r.repeat === 'elsewhere') {
      node.item.description = 'also referred elsewhere in this tree';
      node.item.iconPath = new vscode.ThemeIcon('references');
    } else {
      node.item.description = r.children.length ? `led to ${r.children.length}` : undefined;
      node.item.iconPath = new vscode.ThemeIcon('person');
    }
    node.item.contextValue = 'contact.referral';
    return node;
  }
}
