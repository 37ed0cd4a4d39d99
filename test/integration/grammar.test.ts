// The wiki-link injection grammar (syntaxes/wikilink.tmLanguage.json), in the
// running VS Code: `[[links]]` in the body and in frontmatter values get
// Rapport's scopes, links in code do not, and the default themes show them.
//
// Tokens come from `_workbench.captureSyntaxTokens` (VS Code's own colorization
// test command) when the workbench has it. Only the desktop workbench registers
// it (workbench.desktop.main imports themes.test.contribution; the browser
// workbench that code-server serves does not), so elsewhere the same tokens are
// computed the way the workbench's TextMate service computes them: with the
// vscode-textmate and vscode-oniguruma that this VS Code ships (under
// `vscode.env.appRoot`), the grammars every installed extension contributes
// (markdown-basics' Markdown, the YAML grammar its frontmatter includes, ours),
// and each grammar's `injectTo`.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { root } from './helpers.js';

/** A token as `_workbench.captureSyntaxTokens` reports it: its text and its scopes, space-separated. */
interface Token {
  c: string;
  t: string;
}

const CONTENT = [
  '---',
  'title: Wiki links in colour',
  'with: "[[sally-smith]]"',
  'referrals:',
  '  - "[[bob-jones|Bob]]"',
  '---',
  'Met [[sally-smith]] today; see [[globex#people|the Globex team]].',
  '',
  'In code: `[[inline-code-link]]`.',
  '',
  '```',
  '[[fenced-code-link]]',
  '```',
  '',
].join('\n');

const LINK = 'meta.link.wikilink.rapport';
const TARGET = 'markup.underline.link.wikilink.rapport string.other.link.wikilink.rapport';

// ------------------------------------------------------------ TextMate, as the workbench runs it

interface RawToken {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}
interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: RawToken[]; ruleStack: unknown };
  tokenizeLine2(line: string, state: unknown): { tokens: Uint32Array; ruleStack: unknown };
}
interface RawTheme {
  settings: { scope?: string | string[]; settings: Record<string, unknown> }[];
}
interface TextMate {
  INITIAL: unknown;
  Registry: new (options: {
    onigLib: Promise<unknown>;
    theme?: RawTheme;
    loadGrammar(scope: string): Promise<unknown>;
    getInjections(scope: string): string[] | undefined;
  }) => Registry;
  parseRawGrammar(content: string, filePath?: string): unknown;
}
interface Registry {
  loadGrammar(scope: string): Promise<Grammar | null>;
  setTheme(theme: RawTheme): void;
  getColorMap(): string[];
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (sources: string[]) => unknown;
  OnigString: new (content: string) => unknown;
}

let engine: Promise<{ tm: TextMate; onigLib: Promise<unknown> }> | undefined;
/** VS Code's own TextMate engine, from its application folder. */
function textMate(): Promise<{ tm: TextMate; onigLib: Promise<unknown> }> {
  engine ??= (async () => {
    const req = createRequire(join(vscode.env.appRoot, 'package.json'));
    const tm = req('vscode-textmate') as TextMate;
    const onig = req('vscode-oniguruma') as Oniguruma;
    const wasm = readFileSync(join(dirname(req.resolve('vscode-oniguruma')), 'onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const onigLib = Promise.resolve({
      createOnigScanner: (sources: string[]) => new onig.OnigScanner(sources),
      createOnigString: (s: string) => new onig.OnigString(s),
    });
    return { tm, onigLib };
  })();
  return engine;
}

const grammarTexts = new Map<string, Promise<string>>();
/** The Markdown grammar with what the installed extensions contribute: embedded grammars and injections. */
async function markdownGrammar(): Promise<{ grammar: Grammar; registry: Registry; tm: TextMate }> {
  const { tm, onigLib } = await textMate();
  const byScope = new Map<string, vscode.Uri>();
  const injections = new Map<string, string[]>();
  for (const ext of vscode.extensions.all) {
    for (const g of (ext.packageJSON?.contributes?.grammars ?? []) as { scopeName?: string; path?: string; language?: string; injectTo?: string[] }[]) {
      if (!g.scopeName || !g.path) continue;
      if (!byScope.has(g.scopeName) || g.language) byScope.set(g.scopeName, vscode.Uri.joinPath(ext.extensionUri, g.path));
      for (const target of g.injectTo ?? []) injections.set(target, [...(injections.get(target) ?? []), g.scopeName]);
    }
  }
  assert.deepEqual(injections.get('text.html.markdown')?.includes('rapport.wikilink.injection'), true, 'Rapport injects into Markdown');
  const registry = new tm.Registry({
    onigLib,
    async loadGrammar(scope) {
      const uri = byScope.get(scope);
      if (!uri) return null;
      if (!grammarTexts.has(uri.toString())) grammarTexts.set(uri.toString(), Promise.resolve(vscode.workspace.fs.readFile(uri)).then((b) => new TextDecoder().decode(b)));
      return tm.parseRawGrammar(await grammarTexts.get(uri.toString())!, uri.path);
    },
    getInjections: (scope) => injections.get(scope),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar, 'the Markdown grammar is installed');
  return { grammar, registry, tm };
}

/** Tokens in the shape `_workbench.captureSyntaxTokens` gives: neighbours with the same scopes merged. */
async function tokenizeLikeTheWorkbench(text: string): Promise<Token[]> {
  const { grammar, tm } = await markdownGrammar();
  const out: Token[] = [];
  let state = tm.INITIAL;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const r = grammar.tokenizeLine(line, state);
    let last: string | undefined;
    for (const tk of r.tokens) {
      const c = line.substring(tk.startIndex, tk.endIndex);
      const t = tk.scopes.join(' ');
      if (t === last) out[out.length - 1].c += c;
      else out.push({ c, t });
      last = t;
    }
    state = r.ruleStack;
  }
  return out.filter((t) => t.c.length > 0);
}

// ------------------------------------------------------------ the tests

describe('the [[wiki link]] grammar (desktop host only: it loads VS Code’s TextMate engine from its install folder)', () => {
  const uri = () => vscode.Uri.joinPath(root(), 'wikilink-grammar-test.md');
  let tokens: Token[] = [];
  let via = '';

  before(async () => {
    await vscode.workspace.fs.writeFile(uri(), new TextEncoder().encode(CONTENT));
    const doc = await vscode.workspace.openTextDocument(uri());
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'markdown');
    if ((await vscode.commands.getCommands(true)).includes('_workbench.captureSyntaxTokens')) {
      tokens = (await vscode.commands.executeCommand<Token[]>('_workbench.captureSyntaxTokens', uri())) ?? [];
      via = '_workbench.captureSyntaxTokens';
    } else {
      tokens = await tokenizeLikeTheWorkbench(CONTENT);
      via = `VS Code ${vscode.version}'s vscode-textmate with the installed grammars (no _workbench.captureSyntaxTokens in this workbench)`;
    }
    console.log(`      (tokens from ${via})`);
    assert.ok(tokens.length > 0, `tokens from ${via}`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri());
  });

  /** The tokens of the nth `[[…]]` with this text, in document order. */
  function link(text: string, nth = 0): Token[] {
    const starts = tokens.flatMap((t, i) => (t.c === '[[' && t.t.includes(LINK) && tokens[i + 1]?.c === text ? [i] : []));
    assert.ok(starts.length > nth, `[[${text}]] #${nth + 1} is tokenized as a wiki link; tokens: ${JSON.stringify(tokens.filter((t) => t.c.includes(text)))}`);
    const from = starts[nth];
    let to = from;
    while (tokens[to].c !== ']]') to++;
    return tokens.slice(from, to + 1);
  }

  it('gives [[sally-smith]] in a frontmatter value its scopes, inside the YAML string', () => {
    const [open, target, close] = link('sally-smith', 0);
    assert.match(target.t, /meta\.embedded\.block\.frontmatter/);
    assert.match(target.t, /string\.quoted\.double\.yaml/);
    assert.ok(target.t.endsWith(`${LINK} ${TARGET}`), target.t);
    assert.ok(open.t.endsWith(`${LINK} punctuation.definition.link.begin.wikilink.rapport`), open.t);
    assert.ok(close.t.endsWith(`${LINK} punctuation.definition.link.end.wikilink.rapport`), close.t);
  });

  it('gives [[sally-smith]] in the body the same scopes', () => {
    const [open, target, close] = link('sally-smith', 1);
    assert.match(target.t, /^text\.html\.markdown meta\.paragraph\.markdown /);
    assert.doesNotMatch(target.t, /frontmatter/);
    assert.ok(target.t.endsWith(`${LINK} ${TARGET}`), target.t);
    assert.match(open.t, /punctuation\.definition\.link\.begin\.wikilink\.rapport$/);
    assert.match(close.t, /punctuation\.definition\.link\.end\.wikilink\.rapport$/);
  });

  it('tells the target from a label and a heading: [[id|label]] and [[id#heading|label]]', () => {
    const bob = link('bob-jones');
    assert.deepEqual(bob.map((t) => t.c), ['[[', 'bob-jones', '|', 'Bob', ']]']);
    assert.ok(bob[1].t.endsWith(TARGET));
    assert.match(bob[2].t, /punctuation\.separator\.label\.wikilink\.rapport$/);
    assert.match(bob[3].t, /string\.other\.link\.title\.wikilink\.rapport$/);

    const globex = link('globex');
    assert.deepEqual(globex.map((t) => t.c), ['[[', 'globex', '#', 'people', '|', 'the Globex team', ']]']);
    assert.ok(globex[1].t.endsWith(TARGET));
    assert.match(globex[2].t, /punctuation\.separator\.heading\.wikilink\.rapport$/);
    assert.match(globex[3].t, /markup\.underline\.link\.heading\.wikilink\.rapport string\.other\.link\.heading\.wikilink\.rapport$/);
    assert.match(globex[5].t, /string\.other\.link\.title\.wikilink\.rapport$/);
  });

  it('leaves a [[link]] in inline code alone', () => {
    const code = tokens.filter((t) => t.c.includes('inline-code-link'));
    assert.deepEqual(code.map((t) => t.c), ['[[inline-code-link]]']);
    assert.match(code[0].t, /markup\.inline\.raw\.string\.markdown$/);
    assert.doesNotMatch(code[0].t, /wikilink/);
  });

  it('leaves a [[link]] in a fenced code block alone', () => {
    const code = tokens.filter((t) => t.c.includes('fenced-code-link'));
    assert.deepEqual(code.map((t) => t.c), ['[[fenced-code-link]]']);
    assert.match(code[0].t, /markup\.fenced_code\.block\.markdown/);
    assert.doesNotMatch(code[0].t, /wikilink/);
  });

  it('is shown, not just scoped: every default theme colours and underlines the target', async function () {
    const themes = vscode.extensions.getExtension('vscode.theme-defaults');
    if (!themes) return this.skip();
    try {
      await textMate();
    } catch (err) {
      // Desktop VS Code may keep its node_modules in an asar archive.
      console.log(`      (skipped: VS Code's vscode-textmate is not loadable here: ${err})`);
      return this.skip();
    }
    const lines = CONTENT.split('\n');
    const fmLine = lines.indexOf('with: "[[sally-smith]]"');
    const bodyLine = lines.findIndex((l) => l.startsWith('Met [[sally-smith]]'));
    const { grammar, registry, tm } = await markdownGrammar();
    const checked: string[] = [];
    for (const t of themes.packageJSON.contributes.themes as { id?: string; label: string; path: string }[]) {
      const { colors, tokenColors } = await readTheme(vscode.Uri.joinPath(themes.extensionUri, t.path));
      const theme: RawTheme = {
        settings: [{ settings: { foreground: colors['editor.foreground'] ?? '#808080', background: colors['editor.background'] ?? '#000000' } }, ...tokenColors],
      };
      registry.setTheme(theme);
      const colorMap = registry.getColorMap();
      const styled: ((offset: number) => { fg: string; underline: boolean })[] = [];
      let state = tm.INITIAL;
      for (const line of lines) {
        const r = grammar.tokenizeLine2(line, state);
        state = r.ruleStack;
        styled.push((offset) => {
          let meta = 0;
          for (let i = 0; i < r.tokens.length; i += 2) if (r.tokens[i] <= offset) meta = r.tokens[i + 1];
          return { fg: colorMap[(meta & 0x00ff8000) >>> 15], underline: (((meta & 0x7800) >>> 11) & 4) !== 0 };
        });
      }
      const name = t.id ?? t.label;
      const body = styled[bodyLine];
      const plain = body(0); // "Met"
      const target = body('Met [['.length);
      assert.notEqual(target.fg, plain.fg, `${name}: the target has its own colour in the body`);
      assert.ok(target.underline && !plain.underline, `${name}: the target is underlined in the body`);
      const fm = styled[fmLine];
      assert.ok(fm('with: "[['.length).underline && !fm('with: '.length).underline, `${name}: the target is underlined in the frontmatter string`);
      checked.push(name);
    }
    assert.ok(checked.length >= 4, `checked ${checked.join(', ')}`);
  });
});

/** A theme's colours and token colours, following `include` as the workbench does. */
async function readTheme(uri: vscode.Uri): Promise<{ colors: Record<string, string>; tokenColors: RawTheme['settings'] }> {
  const data = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  const base = data.include ? await readTheme(vscode.Uri.joinPath(uri, '..', data.include)) : { colors: {}, tokenColors: [] };
  return {
    colors: { ...base.colors, ...(data.colors ?? {}) },
    tokenColors: [...base.tokenColors, ...(Array.isArray(data.tokenColors) ? data.tokenColors : [])],
  };
}
