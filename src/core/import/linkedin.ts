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
  /** 1-based line where the row starts. */
  line: number;
  cells: string[];
}

/** The people in a Connections.csv, and the rows that could not be read (each with its line). */
export function readLinkedIn(text: string): ReadPeople {
  const { rows, problems } = csvRows(text);
  const headerAt = rows.findIndex((r) => {
    const names = r.cells.map(columnName);
    return names.includes(COLUMNS.first) && names.includes(COLUMNS.last);
  });
  if (headerAt === -1) {
    return { people: [], problems: [], unreadable: 'it has no header row with “First Name” and “Last Name”: is it LinkedIn’s Connections.csv?' };
  }
  const header = rows[headerAt].cells.map(columnName);
  const col = (name: string) => header.indexOf(name);
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([k, name]) => [k, col(name)])) as Record<keyof typeof COLUMNS, number>;
  const people: ImportedPerson[] = [];
  const out = problems.filter((p) => p.line > rows[headerAt].line);
  for (const { line, cells } of rows.slice(headerAt + 1)) {
    if (cells.length !== header.length) {
      out.push({ line, reason: `${cells.length} fields where the header has ${header.length}: a comma outside quotes?` });
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
 * Every row of a CSV file with the line it starts on. A row csv-parse refuses (a quote
 * never closed, text after a closing quote) is reported at its line and skipped, and
 * reading goes on from the next line: one bad row costs that row, not the file.
 */
function csvRows(text: string): { rows: Row[]; problems: ImportProblem[] } {
  const bytes = new TextEncoder().encode(text);
  const lines = new ByteLines(bytes);
  const rows: Row[] = [];
  const problems: ImportProblem[] = [];
  let from = 0; // the byte where this pass starts
  while (from < bytes.length) {
    let end = from; // where the last row read ends, its line break included
    try {
      // As text: the browser build's parse wants its own Buffer or a string, not a Uint8Array.
      parse(from === 0 ? text : new TextDecoder().decode(bytes.subarray(from)), {
        bom: from === 0,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        on_record: (record: string[], info: { bytes: number }) => {
          rows.push({ line: lines.lineAt(lines.contentFrom(end)), cells: record });
          end = from + info.bytes;
          return null; // kept above, with its line: csv-parse need not keep it too
        },
      });
      break;
    } catch (e) {
      const start = lines.contentFrom(end);
      if (start >= bytes.length) break;
      problems.push({ line: lines.lineAt(start), reason: csvReason(e) });
      from = lines.nextLine(start);
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
