// The people an export names, as the importers read them: one shape whatever the
// file (LinkedIn's Connections.csv, a vCard file), each with the line it starts on,
// so a problem or a choice can be traced back to the export.

/** Where the people came from: the contact note's `source`. */
export type ImportSource = 'linkedin' | 'vcard';

export interface ImportedPerson {
  /** 1-based line of the file where this person's row or card starts. */
  line: number;
  name: string;
  company?: string;
  role?: string;
  /** The email to write (a vCard's preferred one, else its first). */
  email?: string;
  /** Every email the export gives for them: any of them matches a contact already in the notes. */
  emails: string[];
  linkedin?: string;
  /** When they connected (`YYYY-MM-DD`): LinkedIn's "Connected On". */
  connected?: string;
}

/** A row or card that was not read, and why: reported with its line, and skipped. */
export interface ImportProblem {
  line: number;
  reason: string;
}

export interface ReadPeople {
  people: ImportedPerson[];
  problems: ImportProblem[];
  /** Why nothing in the file could be read at all (not an export of that kind); then both lists are empty. */
  unreadable?: string;
}

/**
 * One line of text from a field of an export: line breaks, tabs and control
 * characters become single spaces, and the ends are trimmed. A name or a title
 * split over lines in a quoted CSV cell is one line in a note.
 */
export function oneLine(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  return typeof value === 'string' ? value.replace(/[\s\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim() : '';
}

/**
 * A LinkedIn profile address as a lookup key: the scheme, `www.` (or a country's
 * `uk.`), a query, a fragment and trailing slashes do not matter, nor case, nor
 * percent-encoding. Undefined for anything that is not a linkedin.com address.
 */
export function linkedinKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let u = url.trim().toLowerCase();
  u = u.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  u = u.replace(/[?#].*$/, '');
  const slash = u.indexOf('/');
  const host = (slash === -1 ? u : u.slice(0, slash)).replace(/^([a-z]{2,3}|www|m)\./, '');
  if (host !== 'linkedin.com') return undefined;
  let path = slash === -1 ? '' : u.slice(slash);
  try {
    path = decodeURIComponent(path);
  } catch {
    // a stray % in the address: compared as written
  }
  path = path.replace(/\/+$/, '');
  return path ? `linkedin.com${path}` : undefined;
}

/** A LinkedIn address to write in a note: as the export gives it, with `https://` when it has no scheme. */
export function linkedinUrl(url: string): string | undefined {
  const u = oneLine(url);
  if (!linkedinKey(u)) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(u) ? u : `https://${u}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as an export writes it, as `YYYY-MM-DD`: LinkedIn's `04 Dec 2026` (and
 * `4 December 2026`), an ISO date, or the older export's US `12/4/26`. Undefined
 * for anything else or a day that does not exist.
 */
export function exportDate(text: string | undefined): string | undefined {
  const t = oneLine(text);
  let m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -,]*(\d{4})$/.exec(t);
  if (m) return isoDate(Number(m[3]), MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1, Number(m[1]));
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (m) return isoDate(Number(m[3]), MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1, Number(m[2]));
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (m) return isoDate(m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[1]), Number(m[2]));
  return undefined;
}

function isoDate(y: number, mo: number, d: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** An email address as written, or undefined when the text is not one (`--`, a name, nothing). */
export function emailAddress(text: unknown): string | undefined {
  const t = oneLine(text).replace(/^mailto:/i, '');
  return /^[^\s@]+@[^\s@]+$/.test(t) ? t : undefined;
}
