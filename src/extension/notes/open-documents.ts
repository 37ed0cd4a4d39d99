// The open-documents layer: an open note's text, not its file, is what the
// user sees, so it is what the index holds. Typing is debounced (the note is
// re-read once the keys are quiet); an edit or a quick fix first syncs the
// document's exact text, skipping the debounce; and an unsaved document keeps
// its note against anything the disk says until it is saved or reverted.

import * as vscode from 'vscode';
import { isNote } from './source.js';

/** Quiet time after the last keystroke before a document is re-read. */
export const TYPING_DEBOUNCE_MS = 150;

type Timer = ReturnType<typeof setTimeout>;

/** Where documents' texts go: the façade. */
export interface DocumentSink {
  /** Whether the document is a note in a workspace folder Rapport reads. */
  accepts(uri: vscode.Uri): boolean;
  /** The document's text is now the note's; tell listeners after `delay` ms unless `notify` is false. */
  text(uri: vscode.Uri, text: string, notify: boolean, delay: number): void;
  /** The document was closed: the file on disk (if any) has the note again. */
  closed(uri: vscode.Uri): void;
  /** Any event about a note, for the quiet moments the cache and the reconcile wait for. */
  touched(): void;
}

export class OpenDocuments implements vscode.Disposable {
  private readonly typing = new Map<string, Timer>();
  /** The document version last put in the index, per URI, so sync() is free when nothing changed. */
  private readonly versions = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly sink: DocumentSink) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isNote(e.document.uri)) sink.touched();
        this.typed(e.document);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (isNote(d.uri)) sink.touched();
        this.put(d);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (!isNote(d.uri)) return;
        sink.touched();
        this.cancelTyping(d.uri.toString());
        this.versions.delete(d.uri.toString());
        sink.closed(d.uri);
      }),
    ];
  }

  dispose(): void {
    for (const t of this.typing.values()) clearTimeout(t);
    this.typing.clear();
    for (const s of this.subscriptions) s.dispose();
  }

  /** True while a keystroke waits out its debounce. */
  get typingPending(): boolean {
    return this.typing.size > 0;
  }

  /**
   * Every note document with unsaved changes into the index, without telling listeners (the
   * first read does, once). A document without any holds the file's text, which the read
   * found (or its file's events bring): VS Code keeps a closed or deleted file's document for
   * a while, and put here it brought back notes whose files were gone.
   */
  putAll(): void {
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) this.put(doc, false);
  }

  /**
   * Bring a document's current text into the index now, skipping the typing
   * debounce: an edit must be computed on exactly the text the user sees.
   * False when the document is not a note Rapport reads.
   */
  sync(doc: vscode.TextDocument): boolean {
    if (!isNote(doc.uri) || !this.sink.accepts(doc.uri)) return false;
    if (this.versions.get(doc.uri.toString()) !== doc.version) {
      this.cancelTyping(doc.uri.toString());
      this.put(doc);
    }
    return true;
  }

  /** The file was read from disk: what the index holds is no longer this document's version. */
  superseded(uri: vscode.Uri): void {
    this.versions.delete(uri.toString());
  }

  /** The URIs of open documents with unsaved changes: they, not the disk, hold their notes. */
  unsaved(): Set<string> {
    return new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isClosed).map((d) => d.uri.toString()));
  }

  private typed(doc: vscode.TextDocument): void {
    if (!isNote(doc.uri) || !this.sink.accepts(doc.uri)) return;
    const key = doc.uri.toString();
    clearTimeout(this.typing.get(key));
    this.typing.set(
      key,
      setTimeout(() => {
        this.typing.delete(key);
        this.put(doc, true, 0);
      }, TYPING_DEBOUNCE_MS),
    );
  }

  private put(doc: vscode.TextDocument, notify = true, delay = 30): void {
    if (!isNote(doc.uri) || doc.isClosed || !this.sink.accepts(doc.uri)) return;
    this.sink.text(doc.uri, doc.getText(), notify, delay);
    this.versions.set(doc.uri.toString(), doc.version);
  }

  private cancelTyping(key: string): void {
    clearTimeout(this.typing.get(key));
    this.typing.delete(key);
  }
}
