// Rapport: Open report: the report (core/report.ts, drawn by core/report-html.ts) in a
// webview, in the editor's theme colours. No script runs in it: its Content Security
// Policy allows its one <style> element (by nonce) and nothing else, and names open
// their notes through command links limited to vscode.open. It is drawn again once a
// burst of changes is over, and only while it is visible.

import * as vscode from 'vscode';
import { buildReport, nameOfId } from '../../core/report.js';
import { reportHtml } from '../../core/report-html.js';
import { afterQuiet } from '../follow-ups/index.js';
import { currentClock } from '../notes/settings.js';
import type { FolderNotes, WorkspaceNotes } from '../notes/workspace-notes.js';

export class ReportView {
  private panel: vscode.WebviewPanel | undefined;
  private stale = false;
  /** How many times the page was drawn (a burst of changes draws it once). */
  renders = 0;
  /** The page as last drawn. */
  html = '';

  constructor(private readonly notes: WorkspaceNotes) {}

  open(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel('rapport.report', 'Networking report', vscode.ViewColumn.Active, {
      enableScripts: false,
      enableCommandUris: ['vscode.open'],
      localResourceRoots: [],
    });
    this.panel = panel;
    panel.onDidDispose(() => (this.panel = undefined));
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) this.draw();
    });
    this.draw();
    return panel;
  }

  /** The notes changed (once per burst): draw now if shown, else when next shown. */
  changed(): void {
    if (!this.panel) return;
    if (this.panel.visible) this.draw();
    else this.stale = true;
  }

  private draw(): void {
    const panel = this.panel!;
    const folder = this.folder();
    this.stale = false;
    this.renders++;
    if (!folder) {
      this.html = '<!DOCTYPE html><html><body><p>Open a folder of notes first.</p></body></html>';
      panel.webview.html = this.html;
      return;
    }
    const clock = currentClock();
    const r = buildReport(folder.index, clock, folder.settings);
    const nonce = newNonce();
    const nameOf = (id: string) => nameOfId(folder.index, id);
    const linkOf = (path: string) => `command:vscode.open?${encodeURIComponent(JSON.stringify([this.notes.uriOf(folder, path)]))}`;
    this.html = reportHtml(r, nameOf, (id) => folder.index.pathOf(id), {
      linkOf,
      nonce,
      csp: `default-src 'none'; style-src 'nonce-${nonce}'; img-src ${panel.webview.cspSource} data:;`,
    });
    panel.webview.html = this.html;
    panel.title = `Networking report${this.notes.allFolders().length > 1 ? ` · ${folder.folder.name}` : ''}`;
  }

  /** The folder of the active editor's note, else the first. */
  private folder(): FolderNotes | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const at = uri && this.notes.locate(uri);
    return at?.notes ?? this.notes.allFolders()[0];
  }
}

function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function register(context: vscode.ExtensionContext, notes: WorkspaceNotes): ReportView {
  const view = new ReportView(notes);
  context.subscriptions.push(
    vscode.commands.registerCommand('rapport.openReport', () => view.open()),
    // A report needs no keystroke speed: a second of quiet makes a checkout or a pull one burst.
    notes.onDidChange(afterQuiet(() => view.changed(), 1_000)),
  );
  return view;
}
