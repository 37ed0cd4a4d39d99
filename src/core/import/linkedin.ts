// LinkedIn's "Connections.csv" (Settings → Data privacy → Get a copy of your data),
// read with csv-parse. The export opens with a few lines of notes ("Notes:", a
// quoted paragraph about missing emails) before its header row, may start with a
// BOM, writes dates as `04 Dec 2026`, and leaves Email Address empty for most
// people. Columns are found by the header's names, not by position: older exports
// have no URL column.
//
// csv-parse's browser build: the same parser, with what it needs of Node's Buffer
// inside it, so the core runs in VS Code for the Web's worker too.

import { parse } from 'csv-parse/browser/esm/sync';
import { emailAddress, exportDate, linkedinUrl, oneLine, type ImportedPerson, type ImportProblem, type ReadPeople } from './people.js';

const COLUMNS = {
  first: 'first name',
  last: 'last name',
  url: 'url',
  email: 'email address',
  company: 'company',
  position: 'position',
  connected: 'connected on',
} as const;

interface Row {
  /** 1-based line where the row starts, and its first byte. */
  line: number;
  start: number;
  cells: string[];
}

/** How far down the header row may be: LinkedIn's is on line 4. */
const HEADER_WITHIN = 200;

/** The people in a Connections.csv, and the rows that could not be read (each with its line). */
export function readLinkedIn(text: string): ReadPeople {
  // The BOM off here, and the bytes handed to the parser: its browser build turns a string
  // into bytes with a Buffer written in JavaScript, ten times slower than the parse itself.
  const bytes = new TextEncoder().encode(text.replace(/^\uFEFF/, ''));
  const lines = new ByteLines(bytes);
  // The header among the first lines; the rows from the header on. Read from the top, every
  // row after the one-column notes would be another number of fields than the first row,
  // and csv-parse makes an error (with its stack) for each before relaxing it.
  const top = csvRows(bytes, 0, lines, HEADER_WITHIN);
  const header = top.rows.find((r) => {
    const names = r.cells.map(columnName);
    return names.includes(COLUMNS.first) && names.includes(COLUMNS.last);
  });
  if (!header) {
    return { people: [], problems: [], unreadable: 'it has no header row with “First Name” and “Last Name”: is it LinkedIn’s Connections.csv?' };
  }
  const { rows, problems } = csvRows(bytes, header.start, lines);
  const names = rows[0].cells.map(columnName); // the header again, first of the rows from it on
  const col = (name: string) => names.indexOf(name);
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([k, name]) => [k, col(name)])) as Record<keyof typeof COLUMNS, number>;
  const people: ImportedPerson[] = [];
  const out = [...problems];
  for (const { line, cells } of rows.slice(1)) {
    if (cells.length !== names.length) {
      out.push({ line, reason: `${cells.length} fields where the header has ${names.length}: a comma outside quotes?` });
      continue;
    }
    const cell = (i: number) => (i === -1 ? '' : oneLine(cells[i]));
    const name = fullName(cell(at.first), cell(at.last));
    if (!name) {
      // LinkedIn leaves a row with no name for a member who has left or hides their name.
      out.push({ line, reason: 'no name (a member who left LinkedIn, or hides their name)' });
      continue;
    }
    const email = emailAddress(cell(at.email));
    people.push({
      line,
      name,
      company: cell(at.company) || undefined,
      role: cell(at.position) || undefined,
      email,
      emails: email ? [email] : [],
      linkedin: linkedinUrl(cell(at.url)),
      connected: exportDate(cell(at.connected)),
    });
  }
  return { people, problems: out.sort((a, b) => a.line - b.line) };
}

const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+$/u;

/**
 * "Sally" and "Smith" → "Sally Smith"; a name written in Chinese or Japanese characters
 * puts the family name first with no space, as it is written: "小龙" and "李" → "李小龙".
 */
function fullName(first: string, last: string): string {
  if (first && last && CJK.test(first) && CJK.test(last)) return last + first;
  return [first, last].filter(Boolean).join(' ');
}

/** A header cell as a column's name: `"Email Address "` → `email address`. */
const columnName = (cell: string) => oneLine(cell).toLowerCase();

/**
 * Every row of a CSV file from byte `from` (up to line `toLine`), with the line it starts on.
 * A row csv-parse refuses (a quote never closed, text after a closing quote) is reported at
 * its line and skipped, and reading goes on from the next line: one bad row costs that row,
 * not the file.
 */
function csvRows(bytes: Uint8Array, start: number, lines: ByteLines, toLine?: number): { rows: Row[]; problems: ImportProblem[] } {
  const rows: Row[] = [];
  const problems: ImportProblem[] = [];
  let from = start; // the byte where this pass starts
  while (from < bytes.length) {
    let end = from; // where the last row read ends, its line break included
    try {
      parse(bytes.subarray(from), {
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        ...(toLine ? { to_line: toLine } : {}),
        on_record: (record: string[], info: { bytes: number }) => {
          const first = lines.contentFrom(end);
          rows.push({ line: lines.lineAt(first), start: first, cells: record });
          end = from + info.bytes;
          return null; // kept above, with its line: csv-parse need not keep it too
        },
      });
      break;
    } catch (e) {
      const first = lines.contentFrom(end);
      if (first >= bytes.length) break;
      const line = lines.lineAt(first);
      if (toLine && line > toLine) break;
      problems.push({ line, reason: csvReason(e) });
      from = lines.nextLine(first);
    }
  }
  return { rows, problems };
}

function csvReason(e: unknown): string {
  const code = (e as { code?: string })?.code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quote that is never closed';
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'text right after a closing quote';
  return `not CSV (${String((e as Error)?.message ?? e).split('\n')[0]})`;
}

const LF = 10;
const CR = 13;

/** Line numbers of byte offsets in a file, counted once from the start and on as asked (offsets only grow). */
class ByteLines {
  private at = 0;
  private line = 1;

  constructor(private readonly bytes: Uint8Array) {}

  /** The first byte at or after `offset` that is not a line break (a row's first character). */
  contentFrom(offset: number): number {
    let i = offset;
    while (i < this.bytes.length && (this.bytes[i] === LF || this.bytes[i] === CR)) i++;
    return i;
  }

  /** The start of the line after the one `offset` is on. */
  nextLine(offset: number): number {
    let i = offset;
    while (i < this.bytes.length && this.bytes[i] !== LF && this.bytes[i] !== CR) i++;
    return i < this.bytes.length && this.bytes[i] === CR && this.bytes[i + 1] === LF ? i + 2 : i + 1;
  }

  /** 1-based line of the byte at `offset`: `\r\n`, `\n` and a lone `\r` each end a line. */
  lineAt(offset: number): number {
    if (offset < this.at) {
      this.at = 0;
      this.line = 1;
    }
    const b = this.bytes;
    for (let i = this.at; i < offset && i < b.length; i++) {
      if (b[i] === LF || (b[i] === CR && b[i + 1] !== LF)) this.line++;
    }
    this.at = Math.max(this.at, Math.min(offset, b.length));
    return this.line;
  }
}
