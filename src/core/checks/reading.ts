// Reading a message as words, not characters: the outreach checks' grammars
// (phrases.ts) match on a normalised copy of the text, and every match maps back
// to the exact words of the original, so a finding's range and the words it
// quotes are the user's own.
//
// The normalised copy ("the reading"):
// - words are lower-case, accents stripped (NFKD without marks: "Résumé" is
//   "resume"), curly apostrophes straight;
// - contractions are spelt out ("I'm" is "i am", "don't" is "do not", "there's"
//   is "there is"), so a grammar names each form once;
// - words are separated by one space whatever stood between them (spaces, a
//   line break inside a sentence, a hyphen or slash: "informational-interview",
//   "info\ninterview");
// - clause marks become one token: "," for , ; ( ) [ ] and dashes set apart by
//   spaces, ":" for a colon; ".", "!" and "?" are kept;
// - each sentence is a line of its own: a sentence ends after . ! ? (not after
//   a single letter or a title such as "Dr."), at a blank line, and before a
//   line that opens a list item or a heading.
// So `^` (with the m flag) is a sentence's start and a gap of words
// `(?:[\p{L}\p{N}']+ ){0,3}` never crosses a clause mark.

export interface Reading {
  /** The normalised text: sentences one per line, tokens separated by one space. */
  norm: string;
  /** For each character of `norm`, the index of its token in `tokens` (-1 for the spaces and line breaks between). */
  tokenAt: Int32Array;
  /** Each token's span in the original text. */
  tokens: { start: number; end: number }[];
}

/** A word: letters and digits (with combining accents), with inner apostrophes ("don't", "o'brien"). */
const TOKEN = /([\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*['’]?)|(\n[ \t]*(?:\n|(?=(?:[-*+>#]|\d{1,3}[.)])[ \t])))|([.!?]+)|([,;:()[\]{}]|[—–]|(?<=\s)-+(?=\s))/gu;

/** Contractions spelt out; the rest of the word ("you'll" → "you will"). */
const CONTRACTIONS: [RegExp, string][] = [
  [/^(can)'t$/, 'can not'],
  [/^won't$/, 'will not'],
  [/^shan't$/, 'shall not'],
  [/^ain't$/, 'am not'],
  [/^(\p{L}+)n't$/u, '$1 not'],
  [/^(\p{L}+)'m$/u, '$1 am'],
  [/^(\p{L}+)'re$/u, '$1 are'],
  [/^(\p{L}+)'ve$/u, '$1 have'],
  [/^(\p{L}+)'ll$/u, '$1 will'],
  [/^(\p{L}+)'d$/u, '$1 would'],
  // 's is "is" only after the words where it cannot be a possessive ("Globex's team" stays).
  [/^(it|that|there|here|what|who|where|how|he|she|this|everyone|someone|nobody)'s$/, '$1 is'],
  [/^let's$/, 'let us'],
];

/** Titles and initials whose full stop ends no sentence. */
const NOT_SENTENCE_END = /^(?:\p{L}|dr|mr|mrs|ms|prof|st|jr|sr|vs|etc|e\.g|i\.e|inc|ltd|co|approx|no)$/u;

/** The words of `word`, normalised (see the file's comment). */
function normaliseWord(word: string): string {
  let w = word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'")) w = w.slice(0, -1);
  if (!w.includes("'")) return w;
  for (const [re, to] of CONTRACTIONS) if (re.test(w)) return w.replace(re, to);
  return w;
}

/** The reading of `text` (see the file's comment). Linear in the text's length. */
export function read(text: string): Reading {
  const parts: string[] = [];
  const owners: number[] = []; // the token index of each part, -1 for a separator
  const tokens: { start: number; end: number }[] = [];
  let lastWord = '';
  const push = (s: string, start: number, end: number, sep: string) => {
    if (parts.length && parts[parts.length - 1] !== '\n') (parts.push(sep), owners.push(-1));
    tokens.push({ start, end });
    parts.push(s);
    owners.push(tokens.length - 1);
  };
  const endSentence = () => {
    if (parts.length && parts[parts.length - 1] !== '\n') (parts.push('\n'), owners.push(-1));
  };
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      const w = normaliseWord(m[1]);
      push(w, start, end, ' ');
      lastWord = w;
    } else if (m[2] !== undefined) {
      endSentence();
    } else if (m[3] !== undefined) {
      const mark = m[3].includes('?') ? '?' : m[3].includes('!') ? '!' : '.';
      // "Dr. Smith", "e.g. this": a full stop after a title or a single letter ends nothing.
      if (mark === '.' && m[3].length === 1 && NOT_SENTENCE_END.test(lastWord) && /^\s*\p{Ll}/u.test(text.slice(end, end + 3))) continue;
      push(mark, start, end, ' ');
      endSentence();
    } else {
      push(m[4] === ':' ? ':' : ',', start, end, ' ');
    }
  }
  const norm = parts.join('');
  const tokenAt = new Int32Array(norm.length);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    tokenAt.fill(owners[i], at, at + parts[i].length);
    at += parts[i].length;
  }
  return { norm, tokenAt, tokens };
}

/** The original span of `norm.slice(from, to)`: from its first token's start to its last token's end. */
export function spanOf(r: Reading, from: number, to: number): { start: number; end: number } {
  while (from < to && r.tokenAt[from] < 0) from++;
  while (to > from && r.tokenAt[to - 1] < 0) to--;
  return { start: r.tokens[r.tokenAt[from]].start, end: r.tokens[r.tokenAt[to - 1]].end };
}

/** Words that deny what follows them in their clause. */
const NEGATORS = new Set(['not', 'never', 'no', 'nor', 'without', 'instead', 'rather', 'hardly', 'neither', 'nothing']);
/** A negator before one of these denies the frame ("I'm not sure whether…"), not the ask that follows. */
const UNDENIED = new Set(['if', 'whether', 'but', 'sure', 'know', 'mind', 'hesitate', 'wonder']);

/**
 * Is the match `norm.slice(from, to)` denied? A negator among the last eight
 * words of its clause up to the match's end ("I'm not looking for a job", "no
 * resume attached"), unless a word after the negator opens a question or an
 * aside ("I'm not sure whether you have openings" still asks).
 */
export function denied(r: Reading, from: number, to: number): boolean {
  const { norm } = r;
  let start = from;
  // Back to the clause's start: a line break (sentence), a comma or a colon.
  for (let i = from - 1, seen = 0; i >= 0 && seen < 160; i--, seen++) {
    const c = norm[i];
    if (c === '\n' || c === ',' || c === ':') break;
    start = i;
  }
  const words = norm.slice(start, to).split(' ').filter(Boolean).slice(-8);
  for (let i = words.length - 1; i >= 0; i--) {
    if (UNDENIED.has(words[i])) return false;
    if (NEGATORS.has(words[i])) return true;
  }
  return false;
}

/** Is the sentence holding `norm[at]` a question (it ends with "?")? */
export function inQuestion(r: Reading, at: number): boolean {
  let end = r.norm.indexOf('\n', at);
  if (end < 0) end = r.norm.length;
  return r.norm.slice(Math.max(at, end - 2), end).includes('?');
}
