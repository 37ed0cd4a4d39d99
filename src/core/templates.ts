// Texts of new notes. They follow the practice Rapport encodes: a meeting note
// starts with open-ended questions, never yes/no ones.

import { yamlScalar } from './edit.js';
import type { NoteIndex } from './note-index.js';
import type { Ref } from './notes.js';

/** Open-ended questions for an informational meeting (none opens with a yes/no word). */
export const QUESTION_BANK: readonly string[] = [
  'What does a typical day or week look like for you?',
  'How did you get into this role, and what experience helped you most?',
  'What education or training makes the biggest difference in this field?',
  'What are the most rewarding parts of the job, and the most challenging?',
  'What do you wish you had known when you started?',
  'Which companies would you add to my target list?',
  'Who else would you suggest I talk to?',
];

/** "sally-smith" → "Sally Smith": a readable name for a note created from a link (the id itself if it has no words). */
export function nameFromId(id: string): string {
  return id
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ') || id;
}

/** The name of the person a reference names: their note's name, else one read from the id, else the text as written. */
export function personName(index: NoteIndex, ref: Ref): string {
  return index.resolve(ref, 'contact')?.name ?? (ref.id ? nameFromId(ref.id) : ref.text);
}

/** Where a new contact works, or who referred them: a note's id (written as a link) or a name with no note (written as text). */
export type NoteOrName = { id: string } | { text: string };

/** What New contact asked beyond the name; each is left out when not answered. */
export interface ContactFacts {
  company?: NoteOrName;
  referredBy?: NoteOrName;
}

function refValue(ref: NoteOrName): string {
  return 'id' in ref ? `"[[${ref.id}]]"` : yamlScalar(ref.text);
}

export function contactTemplate(name: string, eol = '\n', facts: ContactFacts = {}): string {
  return [
    '---',
    'type: contact',
    `name: ${yamlScalar(name)}`,
    ...(facts.company ? [`company: ${refValue(facts.company)}`] : []),
    ...(facts.referredBy ? [`referred_by: ${refValue(facts.referredBy)}`] : []),
    'status: lead',
    '---',
    '',
    '',
  ].join(eol);
}

/** A company note; a target unless said otherwise (a company named in a link is one you are looking at). */
export function companyTemplate(name: string, eol = '\n', target = true): string {
  return ['---', 'type: company', `name: ${yamlScalar(name)}`, `target: ${target}`, '---', '', ''].join(eol);
}

/** A `## Questions` section with the question bank, to append to a meeting note. */
export function questionsSection(eol = '\n'): string {
  return ['## Questions', '', ...QUESTION_BANK.map((q) => `- ${q}`), ''].join(eol);
}

/**
 * A new meeting note: the frontmatter and the question bank, ready for the conversation.
 * `date` is a day or a day and time (`2026-11-21 14:00`); `status`, when given, says
 * whether it happened (`done` starts the thank-you clock) or is still `planned`.
 */
export function meetingTemplate(contactId: string, date: string, eol = '\n', status?: 'done' | 'planned'): string {
  return [
    '---',
    'type: meeting',
    `with: "[[${contactId}]]"`,
    `date: ${yamlScalar(date)}`,
    ...(status ? [`status: ${status}`] : []),
    'kind: informational',
    'duration: 30',
    '---',
    '',
    questionsSection(eol).replace(/(\r?\n)$/, ''),
    '',
    '## Notes',
    '',
    '',
  ].join(eol);
}

export interface OutreachFacts {
  /** The recipient's note id and name. */
  id: string;
  name: string;
  company?: string;
  /** Who referred you to them, when someone did. */
  referrer?: string;
}

/**
 * A first message that follows the practice: the referrer first (and in the
 * subject), a short synopsis, their perspective asked for, 15–30 minutes — no
 * "informational interview", no resume, no job request, well under 150 words.
 */
export function outreachTemplate(to: OutreachFacts, eol = '\n'): string {
  const first = to.name.split(/\s+/)[0];
  const subject = to.referrer
    ? `${to.referrer} suggested I contact you`
    : `A question about your work${to.company ? ` at ${to.company}` : ''}`;
  const opening = to.referrer
    ? `${to.referrer} suggested I get in touch with you.`
    : `I came across your work${to.company ? ` at ${to.company}` : ''} and hoped you might share a little of your experience.`;
  return [
    '---',
    'type: outreach',
    `to: "[[${to.id}]]"`,
    `subject: ${yamlScalar(subject)}`,
    'channel: email',
    'status: draft',
    '---',
    `Hi ${first},`,
    '',
    opening,
    '',
    'A quick word about me: (two sentences on your background and what you are exploring).',
    '',
    `I would value your perspective on how you got where you are${to.company ? ` and what the work at ${to.company} is really like` : ''}. Could you spare 20 minutes for a call in the next couple of weeks? I'm happy to fit your schedule.`,
    '',
    'Thank you,',
    '',
    '',
  ].join(eol);
}
