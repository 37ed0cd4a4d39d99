// Editor help inside notes: `[[` completion of contacts and companies,
// completion of enumerated frontmatter values, a hover card on a link, and
// `[[links]]` that open their note (document links and go to definition).

import * as vscode from 'vscode';
import { companyCard, contactCard, declaredType, enumValues, frontmatterValueAt, linkAt, openLinkBefore } from '../../core/editor-support.js';
import { companyName } from '../../core/views.js';
import { toRange } from '../diagnostics/index.js';
import { currentClock } from '../notes/settings.js';
import type { WorkspaceNotes } from '../notes/workspace-notes.js';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

export class LinkCompletion implements vscode.CompletionItemProvider {
  constructor(private readonly notes: WorkspaceNotes) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] {
    const prefix = doc.lineAt(pos.line).text.slice(0, pos.character);
    const typed = openLinkBefore(prefix);
    if (typed !== undefined) return this.links(doc, pos, typed);
    const value = frontmatterValueAt(doc.getText(), doc.offsetAt(pos));
    if (value) return this.values(doc, pos, value.key, value.typed);
    return [];
  }

  private links(doc: vscode.TextDocument, pos: vscode.Position, typed: string): vscode.CompletionItem[] {
    const folder = this.notes.locate(doc.uri)?.notes ?? this.notes.allFolders()[0];
    if (!folder) return [];
    const start = pos.translate(0, -typed.length);
    const after = doc.lineAt(pos.line).text.slice(pos.character);
    const close = after.startsWith(']]') ? '' : ']]';
    const range = new vscode.Range(start, pos);
    const items: vscode.CompletionItem[] = [];
    for (const c of folder.index.contacts()) {
      const item = new vscode.CompletionItem({ label: c.name, description: c.id }, vscode.CompletionItemKind.User);
      item.detail = [c.role, companyName(folder.index, c)].filter(Boolean).join(', ') || 'contact';
      item.insertText = c.id + close;
      item.filterText = `${c.name} ${c.id}`;
      item.sortText = `0 ${c.name}`;
      item.range = range;
      items.push(item);
    }
    for (const co of folder.index.companies()) {
      const item = new vscode.CompletionItem({ label: co.name, description: co.id }, vscode.CompletionItemKind.Module);
      item.detail = co.target ? 'target company' : 'company';
      item.insertText = co.id + close;
      item.filterText = `${co.name} ${co.id}`;
      item.sortText = `1 ${co.name}`;
      item.range = range;
      items.push(item);
    }
    return items;
  }

  private values(doc: vscode.TextDocument, pos: vscode.Position, key: string, typed: string): vscode.CompletionItem[] {
    const values = enumValues(declaredType(doc.getText()), key);
    if (!values) return [];
    const range = new vscode.Range(pos.translate(0, -typed.length), pos);
    return values.map((v, i) => {
      const item = new vscode.CompletionItem(v, vscode.CompletionItemKind.EnumMember);
      item.detail = `${key}`;
      item.sortText = String(i).padStart(2, '0');
      item.range = range;
      return item;
    });
  }
}

export class LinkHover implements vscode.HoverProvider {
  constructor(private readonly notes: WorkspaceNotes) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const link = linkAt(doc.getText(), doc.offsetAt(pos));
    const folder = this.notes.locate(doc.uri)?.notes;
    if (!link || !folder) return undefined;
    const ref = { id: link.id, text: link.id, start: link.start, end: link.end };
    const contact = folder.index.resolve(ref, 'contact');
    const company = contact ? undefined : folder.index.resolve(ref, 'company');
    const range = new vscode.Range(doc.positionAt(link.start), doc.positionAt(link.end));
    if (contact) {
      const card = contactCard(folder.index, contact, currentClock(), this.notes.folderDiagnostics(folder));
      return new vscode.Hover(new vscode.MarkdownString(card), range);
    }
    if (company) return new vscode.Hover(new vscode.MarkdownString(companyCard(folder.index, company)), range);
    return undefined;
  }
}

export class Links implements vscode.DocumentLinkProvider, vscode.DefinitionProvider {
  constructor(private readonly notes: WorkspaceNotes) {}

  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    const at = this.notes.sync(doc);
    const note = at && at.notes.index.get(at.path);
    if (!at || !note || !('links' in note) || !note.links) return [];
    const out: vscode.DocumentLink[] = [];
    for (const l of note.links) {
      const path = at.notes.index.pathOf(l.id);
      if (!path) continue;
      const link = new vscode.DocumentLink(toRange(note.lines.range(l.start, l.end)), this.notes.uriOf(at.notes, path));
      link.tooltip = `Open ${path}`;
      out.push(link);
    }
    return out;
  }

  provideDefinition(doc: vscode.TextDocument, pos: vscode.Position): vscode.Location | undefined {
    const link = linkAt(doc.getText(), doc.offsetAt(pos));
    const folder = this.notes.locate(doc.uri)?.notes;
    const path = link && folder?.index.pathOf(link.id);
    return path && folder ? new vscode.Location(this.notes.uriOf(folder, path), new vscode.Position(0, 0)) : undefined;
  }
}

export function register(context: vscode.ExtensionContext, notes: WorkspaceNotes): void {
  const links = new Links(notes);
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new LinkCompletion(notes), '[', ':', ' '),
    vscode.languages.registerHoverProvider(MARKDOWN, new LinkHover(notes)),
    vscode.languages.registerDocumentLinkProvider(MARKDOWN, links),
    vscode.languages.registerDefinitionProvider(MARKDOWN, links),
  );
}
