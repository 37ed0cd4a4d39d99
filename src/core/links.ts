// Wiki links `[[id]]`, `[[id|label]]`, `[[id#heading]]`, `[[folder/id]]`.
// A note's id is its file name without `.md`, so a link resolves by its last
// path segment, ignoring case.

export interface WikiLink {
  /** The id it points to, as written (case kept). */
  id: string;
  /** Offsets of the whole `[[…]]` in the scanned text. */
  start: number;
  end: number;
}

const LINK_RE = /\[\[([^[\]\r\n]+?)\]\]/g;
const PLAIN_ID = /^[^|#/\s](?:[^|#/]*[^|#/\s])?$/;
const MD_EXT = /\.md$/i;

/** Find wiki links in `text`, with offsets shifted by `offset`. */
export function findLinks(text: string, offset = 0): WikiLink[] {
  return findLinksIn(text, 0, text.length, offset);
}

/** Find wiki links in `text` between `start` and `end`, without copying the region; offsets shifted by `shift`. */
export function findLinksIn(text: string, start: number, end: number, shift = 0): WikiLink[] {
  const first = text.indexOf('[[', start);
  if (first === -1 || first >= end) return [];
  const out: WikiLink[] = [];
  const re = LINK_RE; // shared: used to the end of the loop with nothing in between that could use it too
  re.lastIndex = first;
  for (let m = re.exec(text); m && m.index + m[0].length <= end; m = re.exec(text)) {
    const id = linkTarget(m[1]);
    if (id) out.push({ id, start: shift + m.index, end: shift + m.index + m[0].length });
  }
  re.lastIndex = 0;
  return out;
}

/** `folder/sally-smith.md#notes|Sally` → `sally-smith`. */
export function linkTarget(inner: string): string {
  if (PLAIN_ID.test(inner) && !MD_EXT.test(inner)) return inner; // the usual `[[sally-smith]]`: nothing to strip
  let t = inner.split('|')[0].split('#')[0].trim();
  t = t.slice(t.lastIndexOf('/') + 1);
  if (t.toLowerCase().endsWith('.md')) t = t.slice(0, -3);
  return t.trim();
}

/** The id of a note at a path: its file name without `.md`. */
export function idOfPath(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.toLowerCase().endsWith('.md') ? name.slice(0, -3) : name;
}

/** Lookup key for ids: case and surrounding space do not matter. */
export function idKey(id: string): string {
  return id.trim().toLowerCase();
}

const NAME_KEYS = new Map<string, string>();

/** Lookup key for names ("Globex", " globex inc ") as a user would match them by eye. */
export function nameKey(name: string): string {
  let key = NAME_KEYS.get(name);
  if (key === undefined) {
    key = name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
    if (NAME_KEYS.size > 200_000) NAME_KEYS.clear(); // a bound, not a policy: names repeat
    NAME_KEYS.set(name, key);
  }
  return key;
}

/** Most names are plain ASCII: slugged without the Unicode passes (the index slugs every plain-text reference). */
const ASCII = /^[\x20-\x7e]*$/;
/** Longest slug, in UTF-8 bytes: room under the usual 255-byte file-name limit for a date, a kind, a `-N` and `.md`. */
const MAX_SLUG_BYTES = 100;

/**
 * A file-name-safe id for a name, in any script: "Sally Smith" → "sally-smith",
 * "José Ñúñez" → "jose-nunez", "李小龙" → "李小龙", "Иван Петров" → "иван-петров".
 * Letters, digits and their marks are kept (accents are dropped from Latin letters
 * only: elsewhere a mark is part of the letter), everything else becomes one `-`,
 * so no slug holds `/ \ : * ? " < > |`, a control character, a dot or a space.
 * Empty when the name has no letter or digit at all.
 */
export function slugify(name: string): string {
  if (ASCII.test(name)) return bound(name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''));
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[\u200c\u200d]/g, '') // joiners shape a word (Persian, Indic); they are not a break
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '');
  return bound(slug);
}

/** Cut a slug to MAX_SLUG_BYTES of UTF-8, never inside a letter and its marks, never ending on `-`. */
function bound(slug: string): string {
  let bytes = 0;
  let cut = 0;
  for (const ch of slug) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes > MAX_SLUG_BYTES) break;
    cut += ch.length;
  }
  if (cut === slug.length) return slug;
  while (cut > 0 && /\p{M}/u.test(slug[cut])) cut--;
  return slug.slice(0, cut).replace(/-+$/, '');
}

/** Anything that can say whether an id is taken: a NoteIndex, or several. */
export interface IdsInUse {
  hasId(id: string): boolean;
}

// Names Windows refuses for a file whatever its extension (`con.md` too).
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * `base`, or `base-2`, `base-3`… : the first id no Markdown file in `taken` has
 * (compared as the index compares ids, ignoring case), and that every OS accepts
 * as a file name.
 */
export function uniqueId(base: string, taken: IdsInUse): string {
  const free = (id: string) => !RESERVED.test(id) && !taken.hasId(id);
  if (free(base)) return base;
  for (let n = 2; ; n++) if (free(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * An id as a file name every OS accepts, for an id written by the user (a `[[link]]`
 * to a note not yet made): what no file name may hold becomes `-`, and it is
 * bounded like a slug. The same id when it is already safe, as most are.
 */
export function safeFileId(id: string): string {
  // A trailing dot or space is harmless here: the file name ends in `.md`.
  // eslint-disable-next-line no-control-regex
  const safe = bound(id.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '-').trim());
  return safe || 'untitled';
}
