// Rapport in VS Code, whatever the host: a thin adapter over the core.
// Activation reads notes in the background and never blocks the window; each
// feature registers itself. The desktop (extension.ts) and the web (web.ts)
// differ only in the platform they pass: where each folder's notes come from.

import * as vscode from 'vscode';
import * as commands from './commands/index.js';
import * as diagnostics from './diagnostics/index.js';
import * as edits from './edits.js';
import * as editor from './editor/index.js';
import * as calendar from './calendar/index.js';
import * as importContacts from './import/index.js';
import * as report from './report/index.js';
import * as followUps from './follow-ups/index.js';
import type { Platform } from './notes/source.js';
import { WorkspaceNotes } from './notes/workspace-notes.js';
import { wikiLinks, type MarkdownIt } from './preview/index.js';
import * as quickFixes from './quick-fixes/index.js';
import * as rename from './rename/index.js';
import * as snippets from './snippets/index.js';
import * as statusBar from './status-bar/index.js';
import * as views from './views/index.js';

/** What activate() returns: used by the integration tests to reach the real view and status bar. */
export interface RapportApi {
  ready: Promise<void>;
  /** Resolves once what is due has been checked (the drafts' wording is checked after). */
  due: Promise<void>;
  notes: WorkspaceNotes;
  followUps: followUps.FollowUpsProvider;
  statusBar: vscode.StatusBarItem;
  views: views.Views;
  quickFixes: quickFixes.QuickFixes;
  /** Where VS Code keeps this extension's logs (the Rapport output channel's file among them). */
  logUri: vscode.Uri;
  /** The report's webview (Rapport: Open report). */
  report: report.ReportView;
  /** performance.now() at activation, when what is due had been checked (Follow-ups filled), and when every note had been read and checked. */
  timings: { activated: number; due?: number; ready?: number };
  /** VS Code's Markdown preview calls this with its markdown-it (contributes.markdown.markdownItPlugins). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function activateRapport(context: vscode.ExtensionContext, platform: Platform): RapportApi {
  const timings: RapportApi['timings'] = { activated: performance.now() };
  const log = vscode.window.createOutputChannel('Rapport', { log: true });
  const notes = new WorkspaceNotes({ log, sourceFor: (folder) => platform.sourceFor(folder) });
  context.subscriptions.push(log, notes);
  edits.register(context);
  diagnostics.register(context, notes);
  const provider = followUps.register(context, notes);
  const item = statusBar.register(context, notes, provider);
  const trees = views.register(context, notes);
  const fixes = quickFixes.register(context, notes);
  editor.register(context, notes);
  commands.register(context, notes);
  rename.register(context, notes);
  snippets.register(context);
  calendar.register(context, notes);
  importContacts.register(context, notes);
  const reportView = report.register(context, notes);

  const setContext = () => {
    void vscode.commands.executeCommand('setContext', 'rapport.hasNotes', notes.noteCount() > 0);
  };
  context.subscriptions.push(notes.onDidChange(setContext));
  void notes.due.then(() => (timings.due = performance.now()));
  void notes.ready.then(() => {
    timings.ready = performance.now();
    setContext();
    void vscode.commands.executeCommand('setContext', 'rapport.ready', true);
  });

  // What is due changes with the calendar too: look again when the day turns.
  let day = new Date().getDate();
  const timer = setInterval(() => {
    if (new Date().getDate() !== day) {
      day = new Date().getDate();
      notes.refresh();
    }
  }, 60_000);
  context.subscriptions.push({ dispose: () => clearInterval(timer) });

  return { ready: notes.ready, due: notes.due, notes, followUps: provider, statusBar: item, views: trees, quickFixes: fixes, report: reportView, logUri: context.logUri, timings, extendMarkdownIt: wikiLinks(notes) };
}
