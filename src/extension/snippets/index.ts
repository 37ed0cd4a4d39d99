// Rapport's snippets as the user types their prefix. VS Code leaves quick
// suggestions off in Markdown, so a contributed snippet shows only on Ctrl+Space
// or Insert Snippet; turning quick suggestions on for Markdown (configurationDefaults)
// would pop a word list at every word of every Markdown file, Rapport's or not.
// Instead this offers the snippets on the `-` of `rapport-` only (a trigger
// character), and nowhere else; Ctrl+Space keeps VS Code's own list (no doubles).
// The bodies are read from snippets/markdown.json, the same file VS Code reads.

import * as vscode from 'vscode';
import { snippetPrefixStart } from '../../core/snippet-prefix.js';

interface Snippet { prefix: string; description: string; body: string | string[] }

export function register(context: vscode.ExtensionContext): void {
  let snippets: Promise<[string, Snippet][]> | undefined;
  const load = () => (snippets ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'snippets', 'markdown.json')))
    .then((bytes) => Object.entries(JSON.parse(new TextDecoder().decode(bytes)) as Record<string, Snippet>))
    .catch(() => [])); // a broken install offers no snippets rather than an error at every `-`
  void load(); // read once at activation, so that the first `-` is answered at once
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, {
    async provideCompletionItems(doc, pos, _token, ctx) {
      if (ctx.triggerKind !== vscode.CompletionTriggerKind.TriggerCharacter) return undefined;
      const start = snippetPrefixStart(doc.lineAt(pos.line).text.slice(0, pos.character));
      if (start === undefined) return undefined;
      const range = new vscode.Range(pos.line, start, pos.line, pos.character);
      return (await load()).map(([name, s], i) => {
        const item = new vscode.CompletionItem({ label: s.prefix, description: name.replace(/^Rapport: /, '') }, vscode.CompletionItemKind.Snippet);
        item.insertText = new vscode.SnippetString(Array.isArray(s.body) ? s.body.join('\n') : s.body);
        item.documentation = s.description;
        item.range = range;
        item.filterText = s.prefix;
        item.sortText = String(i).padStart(3, '0'); // the file's order: note frontmatter first
        return item;
      });
    },
  }, '-'));
}
