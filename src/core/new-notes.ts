// Where a new note goes. Its id (the file name without `.md`) comes from the
// person's or company's name in whatever script it is written, and is never one
// already used by any Markdown file: a namesake, or a second meeting the same day,
// gets `-2`. A meeting and an outreach note about the same person on the same day
// differ by kind: `2026-12-01-sally-smith` and `2026-12-01-sally-smith-outreach`.

import { idKey, slugify, uniqueId, type IdsInUse } from './links.js';
import { DEFAULT_FOLDERS, outreachSent, type Contact, type Outreach } from './notes.js';
import type { NoteIndex } from './note-index.js';
import type { NoteType } from './model.js';

/** `contacts/李小龙.md`, `companies/globex-2.md`: for a note named `name`. A name with no letter or digit is named by its type. */
export function namedNotePath(type: 'contact' | 'company', name: string, taken: IdsInUse): string {
  return pathFor(type, uniqueId(slugify(name) || type, taken));
}

/** `meetings/2026-12-01-sally-smith.md` (or `-2` for a second one that day). */
export function meetingPath(day: string, contact: Pick<Contact, 'id'>, taken: IdsInUse): string {
  return pathFor('meeting', uniqueId(`${day}-${contact.id}`, taken));
}

/** `outreach/2026-12-01-sally-smith-outreach.md`; `kind` names other messages (`thank-you`, `follow-up`). */
export function outreachPath(day: string, contact: Pick<Contact, 'id'>, taken: IdsInUse, kind = 'outreach'): string {
  return pathFor('outreach', uniqueId(`${day}-${contact.id}-${kind}`, taken));
}

function pathFor(type: NoteType, id: string): string {
  return `${DEFAULT_FOLDERS[type]}/${id}.md`;
}

/**
 * A message to this person not sent yet (status draft, or no status and no `sent` date), the
 * newest by path, of one kind: a first message by default (no `kind`, or `outreach`); with
 * `meeting`, only one about that meeting (a thank-you, a referrer update).
 */
export function unsentDraftTo(index: NoteIndex, contact: Contact, kind?: string, meeting?: { id: string }): Outreach | undefined {
  return unsentOf(index.outreachTo(contact), kind, meeting);
}

/** The newest unsent first message among these (a person's outreach, already looked up). */
export function unsentFirstMessage(outreach: Outreach[]): Outreach | undefined {
  return unsentOf(outreach);
}

/** A message still to send: status draft, or no status and no `sent` date. */
export function isUnsentDraft(o: Outreach): boolean {
  return !outreachSent(o) && (o.status === 'draft' || o.status === undefined);
}

function unsentOf(outreach: Outreach[], kind?: string, meeting?: { id: string }): Outreach | undefined {
  const drafts = outreach.filter((o) => isUnsentDraft(o) && sameKind(o.kind, kind) && (!meeting || aboutMeeting(o, meeting)));
  return drafts[drafts.length - 1];
}

/** Is this outreach about that meeting (its `meeting: "[[id]]"`)? */
export function aboutMeeting(o: Outreach, meeting: { id: string }): boolean {
  return o.meeting?.id !== undefined && idKey(o.meeting.id) === idKey(meeting.id);
}

const sameKind = (a: string | undefined, b: string | undefined) => (a ?? 'outreach').toLowerCase() === (b ?? 'outreach').toLowerCase();
