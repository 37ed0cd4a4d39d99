// Every check's findings in the Problems panel, with the core's ranges, codes
// and severities; quick fixes come later from the same findings' `fixes`.

import * as vscode from 'vscode';
import type { Diagnostic, Range, Severity } from '../../core/model.js';
import type { NotesChange, WorkspaceNotes } from '../notes/workspace-notes.js';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toVscodeDiagnostic(d: Diagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
  out.source = 'rapport';
  out.code = d.code;
  return out;
}

export function register(context: vscode.ExtensionContext, notes: WorkspaceNotes): void {
  const collection = vscode.languages.createDiagnosticCollection('rapport');
  context.subscriptions.push(collection);
  const publishAll = () => {
    const { diagnostics, folder } = notes.diagnostics();
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    for (const d of diagnostics) {
      const uri = notes.uriOf(folder.get(d)!, d.file);
      const key = uri.toString();
      let entry = byUri.get(key);
      if (!entry) byUri.set(key, (entry = { uri, list: [] }));
      entry.list.push(toVscodeDiagnostic(d));
    }
    // Replace the whole set at once: files that became clean lose their entries.
    collection.set([...byUri.values()].map((e): [vscode.Uri, vscode.Diagnostic[]] => [e.uri, e.list]));
    const stale: vscode.Uri[] = [];
    collection.forEach((uri) => {
      if (!byUri.has(uri.toString())) stale.push(uri);
    });
    for (const uri of stale) collection.delete(uri);
  };
  // After a keystroke or a file event, only the files the change reached: sending every
  // file's diagnostics again would cost more than the change itself in a large workspace.
  const publish = (change: NotesChange) => {
    if (!change.files) return publishAll();
    for (const { notes: folder, path } of change.files) {
      const uri = notes.uriOf(folder, path);
      const ds = notes.diagnosticsOf(folder, path);
      if (ds.length) collection.set(uri, ds.map(toVscodeDiagnostic));
      else collection.delete(uri);
    }
  };
  context.subscriptions.push(notes.onDidChange(publish));
}
