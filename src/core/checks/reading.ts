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
// - common misspellings of the words the grammars turn on are spelt right
//   ("positon" is "position", "atached" is "attached");
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

import { lastAtOrBefore } from '../text.js';

export interface Reading {
  /** The normalised text: sentences one per line, tokens separated by one space. */
  norm: string;
  /** Where each token begins in `norm`, in order. */
  normStart: Int32Array;
  /** Each token's span in the original text. */
  starts: Int32Array;
  ends: Int32Array;
}

/** Letters, digits and combining marks beyond ASCII (a word's characters). */
const WIDE_WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const WIDE_WORD_START = /^[\p{L}\p{N}]$/u;

/** Is the character at `i` part of a word (a letter, a digit, or, after the first, a combining mark)? Its length in UTF-16 units, or 0. */
function wordChar(text: string, i: number, first: boolean): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  return (first ? WIDE_WORD_START : WIDE_WORD_CHAR).test(ch) ? ch.length : 0;
}
/**
 * The UTF-16 unit at `i`, or -1 past the end. The reading looks one past a word or a
 * line's end; `charCodeAt` there is a read out of bounds, and each one, met first in
 * optimised code, threw `readNew` back to the interpreter: the first 800 drafts of a folder
 * were read 8x slower than the rest (issue 17).
 */
function codeAt(text: string, i: number): number {
  return i < text.length ? text.charCodeAt(i) : -1;
}

/** An ASCII letter. */
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const isBlank = (c: number) => c === 32 || c === 9;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
/** , ; : ( ) [ ] { } and the dashes — – */
const CLAUSE = new Set([44, 59, 58, 40, 41, 91, 93, 123, 125, 0x2014, 0x2013]);

/** What opens a list item or a heading at a line's start. */
const LINE_OPENER = /^(?:[-*+>#]|\d{1,3}[.)])[ \t]/;

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
  [/^(it|that|there|here|what|who|where|how|he|she|this|everyone|someone|nobody|resume|cv)'s$/, '$1 is'],
  [/^let's$/, 'let us'],
];

/**
 * Where initials with full stops that begin at `start` end ("C.V.", "U.S.": read as one word,
 * "cv"), or 0. Their last stop is theirs, not a sentence's end, before a lower-case word or a
 * comma ("my C.V. and…"); before anything else it is left to end the sentence.
 */
function initialsEnd(text: string, start: number): number {
  let i = start + 1;
  while (codeAt(text, i) === 46 && isLetter(codeAt(text, i + 1)) && !wordChar(text, i + 2, false)) i += 2;
  if (i < start + 3) return 0;
  if (codeAt(text, i) === 46 && /^(?:\s*[\p{Ll},;:)]|$)/u.test(text.slice(i + 1, i + 4))) i++;
  return i;
}

/** Titles and initials whose full stop ends no sentence. */
const NOT_SENTENCE_END = /^(?:\p{L}|dr|mr|mrs|ms|prof|st|jr|sr|vs|etc|e\.g|i\.e|inc|ltd|co|approx|no)$/u;

/**
 * Misspellings of the words the outreach grammars turn on, spelt right ("reffer me for the
 * positon", "I've atached my CV"): people write drafts fast, and a typo should not hide an ask.
 * Only words that are no other word.
 */
const MISSPELT = new Map<string, string>(
  Object.entries({
    position: 'positon postion possition posistion postition poisition positoin',
    positions: 'positons postions possitions',
    opportunity: 'oppurtunity opportunty oportunity opertunity oppertunity opporunity oppotunity opportuntiy oppourtunity',
    opportunities: 'oppurtunities opportunites oportunities oppertunities opportunties oppotunities',
    interested: 'intrested intersted interseted interessted',
    interview: 'interveiw intervew interivew inteview intrview intreview interiew inerview',
    interviews: 'interveiws intervews',
    attached: 'atached attatched attachted attched attacted atteched attachd',
    attaching: 'ataching attatching attching',
    attach: 'atach attatch',
    enclosed: 'enlcosed encolsed enclsoed',
    resume: 'resmue reusme rseume',
    reference: 'referance refrence refference',
    // Chat shorthand.
    you: 'u',
    your: 'ur',
    please: 'pls plz',
    'let me know': 'lmk',
    refer: 'reffer refere',
    referral: 'referal refferal reffereal referall',
    recommend: 'recomend reccomend reccommend',
    vacancy: 'vacency vacansy vaccancy vacancey',
    vacancies: 'vacencies vaccancies',
    applying: 'appling aplying applyng',
    application: 'aplication applicaton appliction',
    hiring: 'hirring hirng',
    recruiting: 'recuriting recrutting recruting',
    opening: 'oppening',
    openings: 'opennings oppenings oppennings',
    beginner: 'begginer beginer',
    internship: 'internhsip intership internshp',
    internships: 'interships',
    candidate: 'canidate candiate',
    employment: 'employement',
    considered: 'concidered',
    consider: 'concider',
  }).flatMap(([right, wrongs]) => wrongs.split(' ').map((w): [string, string] => [w, right])),
);
/** The shortest misspelling: a shorter word is not looked up (most words are short). */
const MISSPELT_MIN = Math.min(...[...MISSPELT.keys()].map((w) => w.length));

/** Words already normalised: a message repeats its words, and most are plain lower-case ASCII. */
const NORMALISED = new Map<string, string>();

/** The words of `word`, normalised (see the file's comment). */
function normaliseWord(word: string): string {
  let plain = true;
  for (let k = 0; k < word.length && plain; k++) {
    const c = word.charCodeAt(k);
    plain = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  }
  if (plain) return word.length < MISSPELT_MIN ? word : (MISSPELT.get(word) ?? word);
  let w = NORMALISED.get(word);
  if (w === undefined) {
    if (NORMALISED.size > 20_000) NORMALISED.clear();
    NORMALISED.set(word, (w = normaliseNew(word)));
  }
  return w;
}

function normaliseNew(word: string): string {
  let w = word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'")) w = w.slice(0, -1);
  if (!w.includes("'")) return MISSPELT.get(w) ?? w;
  for (const [re, to] of CONTRACTIONS) if (re.test(w)) return w.replace(re, to);
  return w;
}

/** The last few texts read: the three outreach checks read the same subject and body in turn. */
const RECENT: { text: string; reading: Reading }[] = [];

/** The reading of `text` (see the file's comment). Linear in the text's length. */
export function read(text: string): Reading {
  const known = RECENT.find((r) => r.text === text);
  if (known) return known.reading;
  const reading = readNew(text);
  RECENT.unshift({ text, reading });
  if (RECENT.length > 4) RECENT.pop();
  return reading;
}

function readNew(text: string): Reading {
  // Token offsets in typed arrays, the normalised words in one array joined at the end: a
  // 10 MB draft has millions of words, and a string grown word by word kept the collector
  // busy for seconds.
  const parts: string[] = [];
  let length = 0;
  let tokens = 0;
  const room = Math.max(64, text.length >> 2); // a word is rarely shorter than three letters and a space
  let normStart = new Int32Array(room);
  let starts = new Int32Array(room);
  let ends = new Int32Array(room);
  let lineStart = true;
  let lastWord = '';
  const push = (s: string, start: number, end: number) => {
    if (!lineStart) (parts.push(' '), length++);
    if (tokens === starts.length) {
      const grow = (a: Int32Array) => {
        const more = new Int32Array(a.length * 2);
        more.set(a);
        return more;
      };
      (normStart = grow(normStart)), (starts = grow(starts)), (ends = grow(ends));
    }
    normStart[tokens] = length;
    starts[tokens] = start;
    ends[tokens++] = end;
    parts.push(s);
    length += s.length;
    lineStart = false;
  };
  const endSentence = () => {
    if (!lineStart) (parts.push('\n'), length++, (lineStart = true));
  };
  // One pass over the characters, no regular expression per token: a 10 MB draft has millions of words.
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let n = wordChar(text, i, true);
    if (n) {
      const start = i;
      i += n;
      for (;;) {
        const d = codeAt(text, i);
        if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57)) i++; // the common case, inline
        else if (isApostrophe(d) && wordChar(text, i + 1, true)) i += 1;
        else if (d >= 128 && (n = wordChar(text, i, false))) i += n;
        else break;
      }
      if (isApostrophe(codeAt(text, i))) i++; // "students'"
      const initials = i - start === 1 && codeAt(text, i) === 46 ? initialsEnd(text, start) : 0;
      if (initials) (i = initials), push((lastWord = normaliseWord(text.slice(start, i).replace(/\./g, ''))), start, i);
      else push((lastWord = normaliseWord(text.slice(start, i))), start, i);
    } else if (c === 10) {
      // A blank line, or a line that opens a list item or a heading, ends the sentence.
      let j = i + 1;
      while (isBlank(codeAt(text, j)) || codeAt(text, j) === 13) j++;
      if (codeAt(text, j) === 10) (endSentence(), (i = j + 1));
      else {
        if (LINE_OPENER.test(text.slice(j, j + 5))) endSentence();
        i = j;
      }
    } else if (c === 46 || c === 33 || c === 63) {
      const start = i;
      let mark = '.';
      for (; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 63) mark = '?';
        else if (d === 33 && mark !== '?') mark = '!';
        else if (d !== 46) break;
      }
      // "Dr. Smith", "e.g. this": a full stop after a title or a single letter ends nothing.
      if (mark === '.' && i - start === 1 && NOT_SENTENCE_END.test(lastWord) && /^\s*\p{Ll}/u.test(text.slice(i, i + 3))) continue;
      push(mark, start, i);
      endSentence();
    } else if (CLAUSE.has(c)) {
      push(c === 58 ? ':' : ',', i, i + 1);
      i++;
    } else if (c === 45 && i > 0 && isSpace(text.charCodeAt(i - 1))) {
      // A dash set apart by spaces (" - ", " -- ") is a clause mark; a hyphen inside a word is a space.
      let j = i;
      while (codeAt(text, j) === 45) j++;
      if (j >= text.length || isSpace(codeAt(text, j))) push(',', i, j);
      i = j;
    } else {
      i++;
    }
  }
  return { norm: oneByte(parts.join(''), text), normStart: normStart.subarray(0, tokens), starts: starts.subarray(0, tokens), ends: ends.subarray(0, tokens) };
}

/** Any character past ASCII. */
const NOT_ASCII = /[^\u0000-\u007f]/;

/**
 * `norm` stored as V8 stores a text of Latin-1 characters, one byte each. V8 compiles each
 * regular expression once for one-byte texts and again, on first use, for two-byte ones, and
 * the outreach grammars take ~70 ms to compile (issue 17). A word sliced from a text with
 * any character past Latin-1 (a curly quote, a dash, an emoji) is two-byte, as is an accented
 * word after `normalize`, and so is every string joined from one, whatever its characters:
 * without this, the first draft with a "’", an "é" or a name with "ł" paid the second compile.
 * So a letter past Latin-1 that is left after accents are stripped ("ł", "đ", "я") is read
 * as "ÿ": the grammars name English words only, and to them any such letter is only a
 * letter of some word, as "ÿ" is. A character stays a character (UTF-16 unit for unit), so
 * the offsets hold.
 */
function oneByte(norm: string, text: string): string {
  if (!NOT_ASCII.test(text)) return norm;
  const chunks: string[] = [];
  const codes = new Uint16Array(Math.min(norm.length, 8192));
  for (let i = 0; i < norm.length; i += codes.length) {
    const n = Math.min(codes.length, norm.length - i);
    for (let k = 0; k < n; k++) codes[k] = Math.min(norm.charCodeAt(i + k), 0xff);
    chunks.push(String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]));
  }
  return chunks.join('');
}

/** The token holding `norm[at]` (or the last before it, for a space). */
function tokenAt(r: Reading, at: number): number {
  return lastAtOrBefore(r.normStart, at);
}

/** The original span of `norm.slice(from, to)`: from its first token's start to its last token's end. */
export function spanOf(r: Reading, from: number, to: number): { start: number; end: number } {
  while (from < to && /\s/.test(r.norm[from])) from++;
  while (to > from && /\s/.test(r.norm[to - 1])) to--;
  return { start: r.starts[tokenAt(r, from)], end: r.ends[tokenAt(r, to - 1)] };
}

/** Words that deny what follows them in their clause. */
const NEGATORS = new Set(['not', 'never', 'no', 'nor', 'without', 'instead', 'rather', 'hardly', 'neither', 'nothing']);
/** A negator before one of these denies the frame ("I'm not sure whether…"), not the ask that follows. */
const UNDENIED = new Set(['if', 'whether', 'but', 'sure', 'know', 'mind', 'hesitate', 'wonder']);

/**
 * Is the match `norm.slice(from, to)` denied? A negator among the last eight
 * words of its clause up to the match's end, eight more past each "or" ("I'm not looking for a job", "no
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
  const words = norm.slice(start, to).split(' ').filter(Boolean);
  // "or" and "nor" carry a denial on to the words they join ("I don't expect you to have
  // openings or to pass my name anywhere"): eight more words for each.
  for (let i = words.length - 1, left = 8; i >= 0 && left > 0; i--, left--) {
    if (UNDENIED.has(words[i])) return false;
    if (NEGATORS.has(words[i])) return true;
    if (words[i] === 'or' || words[i] === 'nor') left += 8;
  }
  return false;
}

/** Is the sentence holding `norm[at]` a question (it ends with "?")? */
export function inQuestion(r: Reading, at: number): boolean {
  let end = r.norm.indexOf('\n', at);
  if (end < 0) end = r.norm.length;
  return r.norm.slice(Math.max(at, end - 2), end).includes('?');
}
