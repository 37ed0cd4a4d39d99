// A model of sentences, learned from the labelled set, for what the grammars miss.
//
// The grammars (phrases.ts) read job asks by how they are built, and each blind batch
// still held forms no rule covered: recall on text nobody tuned on stayed at 0.86–0.94.
// A logistic regression over the words of a sentence, and their pairs and triples (in
// the reading: lower-case, accents stripped, contractions spelt out), learned from the
// labelled sentences' tune part by scripts/train-sentence-model.mjs, reads the long tail
// the rules cannot list: it is asked only about a sentence no pattern matched, and it
// flags one only when it is sure (its threshold, chosen on held-apart folds of the tune
// part for precision). Its weights are data (job-ask-weights.ts): nothing runs
// but a sum of numbers, on every keystroke in microseconds.

import type { Reading } from './reading.js';

/** A token of the reading that is a mark, not a word. */
const MARK = /^[.!?,:]$/;

/** What training writes: the bias, the threshold, and each feature's weight as "feature weight" lines. */
export interface SentenceModelData {
  bias: number;
  threshold: number;
  weights: string;
  /** A hash of the sentences it was trained on, so a test can tell the model is the labelled set's. */
  trainedOn: string;
}

/** The features of tokens[from, to): each word, each pair and each triple, with the sentence's edges as words of their own. */
export function features(tokens: readonly string[], from = 0, to = tokens.length, edges = true): string[] {
  const t = edges ? ['<s>', ...tokens.slice(from, to), '</s>'] : tokens.slice(from, to);
  const out = new Set<string>();
  for (let i = 0; i < t.length; i++) {
    out.add(t[i]);
    if (i + 1 < t.length) out.add(`${t[i]} ${t[i + 1]}`);
    if (i + 2 < t.length) out.add(`${t[i]} ${t[i + 1]} ${t[i + 2]}`);
  }
  return [...out];
}

/** A word of the model's, its weight as a feature (if it is one), and the words that may follow it in a pair or triple. */
interface Node { id: number; weight: number; next?: Map<string, Node> }

export class SentenceModel {
  private trie: Map<string, Node> | undefined;
  /** Which features the sentence being scored has counted already (a feature counts once, as in training). */
  private seen = new Int32Array(0);
  private stamp = 0;

  constructor(private readonly data: SentenceModelData) {}

  /**
   * The weights as a tree of words, so that a sentence is scored by walking its words, without
   * making the string of each pair and triple, or a set of them.
   */
  private get words(): Map<string, Node> {
    if (!this.trie) {
      const root = new Map<string, Node>();
      let id = 0;
      for (const line of this.data.weights.split('\n')) {
        const cut = line.lastIndexOf(' ');
        if (cut <= 0) continue;
        let level = root;
        let node: Node | undefined;
        for (const word of line.slice(0, cut).split(' ')) {
          node = level.get(word);
          if (!node) level.set(word, (node = { id: -1, weight: 0 }));
          level = node.next ??= new Map();
        }
        node!.id = id++;
        node!.weight = Number(line.slice(cut + 1));
      }
      this.trie = root;
      this.seen = new Int32Array(id);
    }
    return this.trie;
  }

  /** The probability that tokens[from, to) ask (0–1): the sum of `features`' weights, each feature once. */
  score(tokens: readonly string[], from = 0, to = tokens.length, edges = true): number {
    const root = this.words;
    if (this.stamp > 1e9) (this.seen.fill(0), (this.stamp = 0));
    const stamp = ++this.stamp;
    const t = edges ? ['<s>', ...tokens.slice(from, to), '</s>'] : tokens.slice(from, to);
    let z = this.data.bias;
    const count = (node: Node) => {
      if (node.id >= 0 && this.seen[node.id] !== stamp) {
        this.seen[node.id] = stamp;
        z += node.weight;
      }
    };
    for (let i = 0; i < t.length; i++) {
      const one = root.get(t[i]);
      if (!one) continue;
      count(one);
      const two = i + 1 < t.length ? one.next?.get(t[i + 1]) : undefined;
      if (!two) continue;
      count(two);
      const three = i + 2 < t.length ? two.next?.get(t[i + 2]) : undefined;
      if (three) count(three);
    }
    return 1 / (1 + Math.exp(-z));
  }

  sure(tokens: readonly string[], from = 0, to = tokens.length, edges = true): boolean {
    return this.score(tokens, from, to, edges) > this.data.threshold;
  }

  /**
   * Each sentence of the reading the model is sure of, but those `taken` says a pattern has
   * quoted from already: as the token range of the shortest run of its words the model is sure
   * of by themselves (what the finding quotes), else of the whole sentence.
   */
  sentences(reading: Reading, taken: (start: number, end: number) => boolean): { from: number; to: number }[] {
    const out: { from: number; to: number }[] = [];
    const { norm, normStart } = reading;
    let token = 0;
    for (let start = 0; start < norm.length; ) {
      let end = norm.indexOf('\n', start);
      if (end < 0) end = norm.length;
      const first = token;
      while (token < normStart.length && normStart[token] < end) token++;
      // Its words (a "?" says much), and, to quote, without the marks that end it.
      const words = norm.slice(start, end).split(' ').filter(Boolean);
      let n = words.length;
      while (n > 0 && MARK.test(words[n - 1])) n--;
      if (n > 0 && !taken(first, first + n) && this.sure(words)) {
        let { from, to } = this.shortestRun(words.slice(0, n)) ?? { from: 0, to: n };
        // Quoted from a word to a word: not from or to a clause mark the run holds.
        while (from < to && MARK.test(words[from])) from++;
        while (to > from && MARK.test(words[to - 1])) to--;
        if (to > from) out.push({ from: first + from, to: first + to });
      }
      start = end + 1;
    }
    return out;
  }

  /** The shortest run of words (of up to 12) the model is sure of alone, or undefined. */
  private shortestRun(words: string[]): { from: number; to: number } | undefined {
    for (let len = 2; len <= Math.min(12, words.length); len++) {
      for (let from = 0; from + len <= words.length; from++) {
        if (this.sure(words, from, from + len, false)) return { from, to: from + len };
      }
    }
    return undefined;
  }
}
