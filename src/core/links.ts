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

/** A file-name-safe id for a name: "Sally Smith" → "sally-smith". */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'note'
  );
}
