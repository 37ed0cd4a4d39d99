// What the four note views share: nodes that open their note, a folder level
// in multi-root workspaces, and a refresh whenever the notes change.

import * as vscode from 'vscode';
import type { Clock } from '../../core/dates.js';
import type { Note } from '../../core/notes.js';
import { afterQuiet } from '../follow-ups/index.js';
import { currentClock } from '../notes/settings.js';
import type { FolderNotes, WorkspaceNotes } from '../notes/workspace-notes.js';

/** A node of any Rapport view: its tree item, and how to get its children. */
export interface Node {
  item: vscode.TreeItem;
  children?: () => Node[];
  /** The note it stands for, when it stands for one. */
  note?: Note;
  folder?: FolderNotes;
}

export abstract class NotesTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(protected readonly notes: WorkspaceNotes) {}

  /** The top-level nodes for one folder. */
  protected abstract roots(folder: FolderNotes, clock: Clock): Node[];

  refresh(): void {
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (node) return node.children?.() ?? [];
    const folders = this.notes.allFolders();
    const clock = currentClock();
    if (folders.length === 1) return this.roots(folders[0], clock);
    return folders.map((f) => {
      const item = new vscode.TreeItem(f.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = vscode.ThemeIcon.Folder;
      item.contextValue = 'folder';
      return { item, children: () => this.roots(f, clock), folder: f };
    });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node.item;
  }

  /** A node for a note that opens it when chosen. */
  noteNode(folder: FolderNotes, note: Note, label: string, children?: () => Node[]): Node {
    const item = new vscode.TreeItem(
      label,
      children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    const uri = this.notes.uriOf(folder, note.path);
    item.tooltip = note.path;
    item.command = { command: 'vscode.open', title: 'Open note', arguments: [uri] };
    item.resourceUri = uri;
    return { item, children, note, folder };
  }

  groupNode(label: string, children: () => Node[], description?: string, icon?: string): Node {
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.description = description;
    item.contextValue = 'group';
    if (icon) item.iconPath = new vscode.ThemeIcon(icon);
    return { item, children };
  }
}

/** `quietMs`: redraw only once changes have been quiet that long (a view that runs checks to draw). */
export function registerTree(context: vscode.ExtensionContext, notes: WorkspaceNotes, id: string, tree: NotesTree, quietMs?: number): vscode.TreeView<Node> {
  const view = vscode.window.createTreeView(id, { treeDataProvider: tree, showCollapseAll: true });
  const refresh = () => tree.refresh();
  context.subscriptions.push(view, notes.onDidChange(quietMs ? afterQuiet(refresh, quietMs) : refresh));
  return view;
}
