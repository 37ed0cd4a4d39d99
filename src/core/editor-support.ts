// What the editor's helpers need to know about the text around the cursor:
// which `[[link]]` it is on, which frontmatter key it is typing a value for,
// which values that key takes, and the card a contact's link shows on hover.

import { formatWhen, type Clock } from './dates.js';
import { findLinks, type WikiLink } from './links.js';
import type { Diagnostic, NoteType } from './model.js';
import type { NoteIndex } from './note-index.js';
import { CONTACT_STATUSES, MEETING_KINDS, MEETING_STATUSES, OUTREACH_STATUSES, type Company, type Contact } from './notes.js';
import { NOTE_TYPES } from './model.js';
import { companyName, lastMet } from './views.js';
import { followUps } from './follow-ups.js';

/** The link whose `[[…]]` contains `offset`, if any (only the line is scanned). */
export function linkAt(text: string, offset: number): WikiLink | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const end = nl === -1 ? text.length : nl;
  return findLinks(text.slice(start, end), start).find((l) => l.start <= offset && offset <= l.end);
}

/** What completing a `[[` at the cursor replaces (offsets in the text), and how an id is written there. */
export interface LinkCompletion {
  /** What was typed of the id, from the `[[` to the cursor. */
  typed: string;
  /** The text to replace: from the `[[` (or the quote before it) to the end of what the editor auto-closed. */
  start: number;
  end: number;
  /** The replaced text before the id as the user typed it (`"[[`, `[[`), for the editor's filtering. */
  lead: string;
  /** The link is a whole frontmatter value: it is written quoted, so the YAML stays valid. */
  quoted: boolean;
  /** Write `]]`: false when the link goes on past the id (`|label]]`, `#heading]]`), which is kept. */
  close: boolean;
}

/**
 * When the cursor is after `[[` (and some of an id), what completing it replaces.
 * A link that is a whole frontmatter value (`company: [[x`, `company: "[[x]]"`,
 * `- [[x`) becomes `"[[id]]"`, whatever of `"`, `[[`, `]]`, `"` was typed or
 * auto-closed: unquoted, `[[x]]` is a YAML list in a list and an unclosed `"` a
 * broken note that leaves every view. Elsewhere (the body, or inside a longer
 * value) it becomes `[[id]]`.
 */
export function linkCompletionAt(text: string, offset: number): LinkCompletion | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const line = text.slice(lineStart, nl === -1 ? text.length : nl).replace(/\r$/, '');
  const col = offset - lineStart;
  if (col > line.length) return undefined;
  const m = /\[\[([^[\]|#]*)$/.exec(line.slice(0, col));
  if (!m) return undefined;
  const open = m.index;
  const quote = /["']$/.exec(line.slice(0, open))?.[0];
  const valueStart = quote ? open - 1 : open;
  const quoted = inFrontmatter(text, offset) && VALUE_START.test(line.slice(0, valueStart));
  const start = quoted ? valueStart : open;
  // After the cursor: the rest of the id, then what closes the link (and the quote).
  const after = /^([^[\]|#"'\r\n]*)(\]\]|[|#])?/.exec(line.slice(col))!;
  let end = col;
  let close = true;
  if (after[2] === ']]') {
    end = col + after[0].length;
    if (quoted && quote && line[end] === quote) end++;
  } else if (after[2]) {
    end = col + after[1].length; // `|label]]` or `#heading]]` follows: keep it, and its closing
    close = false;
  } else if (quoted && quote && line[col] === quote) {
    end = col + 1; // the quote the editor closed: `"[[x|"`
  }
  return { typed: m[1], start: lineStart + start, end: lineStart + end, lead: line.slice(start, open + 2), quoted: quoted && close, close };
}

/** The text a link completion puts in place of its range, for a note of this id. */
export function linkCompletionText(at: LinkCompletion, id: string): string {
  if (!at.close) return `${at.lead}${id}`;
  if (!at.quoted) return `[[${id}]]`;
  return `"[[${id.replace(/["\\]/g, (c) => `\\${c}`)}]]"`;
}

/** Where a YAML value begins: after `key: `, a list's `- `, or `[`/`, ` inside a `key: [` flow list. */
const VALUE_START = /^[ \t]*(?:-[ \t]+)*(?:[A-Za-z_][\w-]*:[ \t]+(?:-[ \t]+)*(?:\[(?:.*,)?[ \t]*)?)?$/;

/** Is `offset` inside the note's frontmatter (after the opening `---`, before the closing one)? */
function inFrontmatter(text: string, offset: number): boolean {
  if (!/^---[ \t]*\r?\n/.test(text)) return false;
  const close = text.slice(3).search(/\r?\n---[ \t]*(\r?\n|$)/);
  return offset > 3 && (close === -1 || offset <= close + 3);
}

/** Values a frontmatter key takes, for a note of `type` (undefined when the key is free text). */
export function enumValues(type: NoteType | undefined, key: string): readonly string[] | undefined {
  switch (key) {
    case 'type':
      return NOTE_TYPES;
    case 'kind':
      return type === 'meeting' ? MEETING_KINDS : undefined;
    case 'channel':
      return type === 'outreach' ? ['email', 'phone', 'linkedin', 'in person'] : undefined;
    case 'target':
      return type === 'company' ? ['true', 'false'] : undefined;
    case 'thank_you':
      return type === 'meeting' ? ['true', 'skip'] : undefined;
    case 'status':
      return type === 'contact' ? CONTACT_STATUSES : type === 'meeting' ? MEETING_STATUSES : type === 'outreach' ? OUTREACH_STATUSES : undefined;
    default:
      return undefined;
  }
}

/**
 * If `offset` is on a top-level frontmatter line `key: partial`, after the colon,
 * the key and what was typed of the value.
 */
export function frontmatterValueAt(text: string, offset: number): { key: string; typed: string } | undefined {
  if (!text.startsWith('---')) return undefined;
  const close = text.search(/\r?\n---\s*(\r?\n|$)/);
  if (close !== -1 && offset > close) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (lineStart === 0) return undefined; // the opening ---
  const m = /^([A-Za-z_][\w-]*):[ \t]*(.*)$/.exec(text.slice(lineStart, offset));
  return m ? { key: m[1], typed: m[2].replace(/^["']/, '') } : undefined;
}

/** The note type a text declares, read cheaply from its `type:` line. */
export function declaredType(text: string): NoteType | undefined {
  const m = /^type:[ \t]*["']?(contact|meeting|company|outreach)\b/im.exec(text.slice(0, 2000));
  return m ? (m[1].toLowerCase() as NoteType) : undefined;
}

/** The hover card of a contact: who they are, where, when you last met, and what is due with them. */
export function contactCard(index: NoteIndex, c: Contact, clock: Clock, diagnostics: Diagnostic[]): string {
  const company = companyName(index, c);
  const met = lastMet(index, c, clock);
  const upcoming = index
    .meetingsWith(c)
    .filter((m) => m.date && m.date.day >= clock.today && (m.status === undefined || m.status === 'planned'))
    .pop();
  const referrer = c.referredBy && (index.resolve(c.referredBy, 'contact')?.name ?? c.referredBy.text);
  const lines = [`**${c.name}**${c.role || company ? ` — ${[c.role, company].filter(Boolean).join(', ')}` : ''}`, ''];
  const facts = [
    c.status && `Status: ${c.status}`,
    `Last met: ${met ? formatWhen(met) : 'not yet'}`,
    upcoming?.date && `Next meeting: ${formatWhen(upcoming.date)}`,
    referrer && `Referred by ${referrer}`,
    c.email && `Email: ${c.email}`,
  ].filter(Boolean);
  lines.push(facts.join('  \n'));
  const mine = new Set([c.path, ...index.meetingsWith(c).map((m) => m.path)]);
  const due = followUps(diagnostics.filter((d) => mine.has(d.file))).filter((f) => f.label.includes(c.name));
  if (due.length) lines.push('', '**Due:** ' + due.map((f) => `${f.label} (${f.detail})`).join('; '));
  return lines.join('\n');
}

/** The hover card of a company. */
export function companyCard(index: NoteIndex, co: Company): string {
  const people = index.contactsAt(co).map((c) => c.name);
  return [
    `**${co.name}**${co.target ? ' — target' : ''}${co.priority !== undefined ? `, priority ${co.priority}` : ''}`,
    '',
    people.length ? `You know: ${people.join(', ')}` : 'You know nobody here yet: ask your contacts who they know.',
  ].join('\n');
}

