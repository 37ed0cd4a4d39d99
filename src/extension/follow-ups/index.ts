// The Follow-ups view: everything due, most urgent first, each opening its note
// at the line, with its actions (actions.ts). The order is the core's (followUps),
// so the CLI could show the same.

import * as vscode from 'vscode';
import { followUps, type FollowUp, type FollowUpCode } from '../../core/follow-ups.js';
import type { Diagnostic } from '../../core/model.js';
import { toRange } from '../diagnostics/index.js';
import type { WorkspaceNotes } from '../notes/workspace-notes.js';
import * as actions from './actions.js';

export const VIEW_ID = 'rapport.followUps';

/** Each kind of reminder's icon (This week shows the same). */
export const FOLLOW_UP_ICONS: Record<FollowUpCode, string> = {
  'thank-you-pending': 'mail',
  'follow-up-due': 'bell',
  'referrer-update-pending': 'megaphone',
  'referral-not-contacted': 'person-add',
  'meeting-status-stale': 'calendar',
  'promise-open': 'tasklist',
  'outreach-no-reply': 'comment-unresolved',
  'status-behind': 'arrow-up',
};

export interface FollowUpEntry {
  item: FollowUp;
  uri: vscode.Uri;
  folderName: string;
}

export class FollowUpsProvider implements vscode.TreeDataProvider<FollowUpEntry> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly notes: WorkspaceNotes) {}

  refresh(): void {
    this.changed.fire();
  }

  /** What is due, derived once per set of diagnostics: the view, its badge and the status bar all ask. */
  private derived: { from: Diagnostic[]; entries: FollowUpEntry[] } | undefined;

  entries(): FollowUpEntry[] {
    const { diagnostics, folder } = this.notes.diagnostics();
    if (this.derived?.from !== diagnostics) {
      const entries = followUps(diagnostics).map((item) => {
        const f = folder.get(item.diagnostic)!;
        return { item, uri: this.notes.uriOf(f, item.diagnostic.file), folderName: f.folder.name };
      });
      this.derived = { from: diagnostics, entries };
    }
    return this.derived.entries;
  }

  getChildren(parent?: FollowUpEntry): FollowUpEntry[] {
    return parent ? [] : this.entries();
  }

  getTreeItem({ item, uri, folderName }: FollowUpEntry): vscode.TreeItem {
    const t = new vscode.TreeItem(item.label, vscode.TreeItemCollapsibleState.None);
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    t.description = multiRoot ? `${item.detail} · ${folderName}` : item.detail;
    t.tooltip = new vscode.MarkdownString(`${item.diagnostic.message}\n\n\`${item.diagnostic.file}\``);
    t.iconPath = new vscode.ThemeIcon(
      FOLLOW_UP_ICONS[item.code],
      item.overdue ? new vscode.ThemeColor('list.warningForeground') : undefined,
    );
    t.resourceUri = uri;
    t.contextValue = `followUp.${item.code}`;
    t.command = {
      command: 'vscode.open',
      title: 'Open note',
      arguments: [uri, { selection: toRange(item.diagnostic.range) } satisfies vscode.TextDocumentShowOptions],
    };
    return t;
  }
}

export function register(context: vscode.ExtensionContext, notes: WorkspaceNotes): FollowUpsProvider {
  const provider = new FollowUpsProvider(notes);
  actions.register(context, notes);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider });
  const update = () => {
    provider.refresh();
    const n = provider.entries().length;
    view.badge = n ? { value: n, tooltip: `${n} due` } : undefined;
  };
  context.subscriptions.push(view, notes.onDidChange(afterQuiet(update)));
  return provider;
}

/**
 * Run `f` once changes have been quiet for a moment. What is due is recomputed
 * from every diagnostic; doing that on each keystroke would delay the
 * diagnostics of the note being typed in, which matter more.
 */
export function afterQuiet(f: () => void, ms = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(f, ms);
  };
}
