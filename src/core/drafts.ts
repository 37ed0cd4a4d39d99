// The messages Rapport drafts from a reminder: the thank-you after a meeting, the
// update to the person who made the introduction, the polite follow-up to a
// message without a reply. Each is an outreach note with a `kind`, written to pass
// every outreach check as created: no "informational interview", no resume, no
// job request, well under the word limit. A thank-you quotes a line of the
// meeting's notes, because a specific thank-you is the one remembered.

import { formatDay } from './dates.js';
import { yamlScalar } from './edit.js';
import type { Fix } from './model.js';
import { outreachPath, unsentDraftTo } from './new-notes.js';
import type { NoteIndex } from './note-index.js';
import type { Contact, Meeting, Outreach } from './notes.js';
import { hasUnwelcomePhrase } from './checks/phrases.js';
import { nameFromId, outreachTemplate, personName } from './templates.js';
import { companyName } from './views.js';
import { eolOf } from './text.js';

export interface Draft {
  path: string;
  content: string;
}

interface DraftContext {
  index: NoteIndex;
  /** Today, as a day number. */
  today: number;
}

/** Longest quote, in characters, taken from a meeting's notes. */
const QUOTE_MAX = 140;

/**
 * A line of what was said, from the meeting's notes: the first plain line of its
 * `## Notes` section (else of the body outside `## Questions`), not a heading, a
 * task or code, and none an outreach check would warn about. Links read as names.
 */
export function quoteFromMeeting(m: Meeting, index: NoteIndex): string | undefined {
  const body = m.text.slice(m.frontmatter.bodyStart).split(/\r?\n/);
  const sections: { title: string; lines: string[] }[] = [{ title: '', lines: [] }];
  let fence = false;
  for (const line of body) {
    if (/^ {0,3}(```|~~~)/.test(line)) {
      fence = !fence;
      continue;
    }
    if (fence) continue;
    const heading = /^ {0,3}#{1,6}\s+(.*)$/.exec(line);
    if (heading) sections.push({ title: heading[1].trim().toLowerCase(), lines: [] });
    else sections[sections.length - 1].lines.push(line);
  }
  const notes = sections.filter((s) => s.title.startsWith('notes'));
  const others = sections.filter((s) => !s.title.startsWith('notes') && !s.title.startsWith('questions'));
  for (const section of [...notes, ...others]) {
    for (const raw of section.lines) {
      if (/^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]/.test(raw)) continue; // a task: what you owe, not what was said
      const line = raw
        .replace(/^\s*(?:>\s*)*(?:[-*+]|\d+[.)])?\s*/, '')
        .replace(/\[\[([^\]|]+)\|([^\]]+)\]\]/g, '$2')
        .replace(/\[\[([^\]]+)\]\]/g, (_, id: string) => index.resolve({ id, text: id, start: 0, end: 0 }, 'contact')?.name ?? nameFromId(id))
        .replace(/[*_`]/g, '')
        .trim();
      if (line.length < 3 || hasUnwelcomePhrase(line)) continue;
      return shorten(line.replace(/[.;:,]+$/, ''), QUOTE_MAX);
    }
  }
  return undefined;
}

/**
 * The fix with its draft written: a `create` of the message, or an `open` of the unsent one
 * of that kind written since the fix was offered. Undefined when a note it needs is gone.
 */
export function writeDraft(fix: Fix, index: NoteIndex, today: number): Fix | undefined {
  const d = fix.draft;
  if (!d) return fix;
  const { draft: _, ...rest } = fix;
  const from = index.get(d.from);
  const to = index.get(d.to);
  if (to?.type !== 'contact') return undefined;
  const ctx = { index, today };
  const meeting = from?.type === 'meeting' ? from : undefined;
  const kind = d.kind === 'referral' ? undefined : d.kind;
  const existing = unsentDraftTo(index, to, kind, kind === 'thank-you' || kind === 'referrer-update' ? meeting : undefined);
  if (existing) return { ...rest, open: existing.path };
  switch (d.kind) {
    case 'thank-you':
      return meeting && { ...rest, create: thankYouDraft(meeting, to, ctx) };
    case 'referrer-update': {
      const met = d.met ? index.get(d.met) : undefined;
      return meeting && met?.type === 'contact' ? { ...rest, create: referrerUpdateDraft(meeting, met, to, ctx) } : undefined;
    }
    case 'follow-up':
      return from?.type === 'outreach' ? { ...rest, create: followUpDraft(from, to, ctx) } : undefined;
    case 'referral':
      return { ...rest, create: {
        path: outreachPath(formatDay(today), to, index),
        content: outreachTemplate({ id: to.id, name: to.name, company: companyName(index, to), referrer: d.referrer }, from ? eolOf(from.text ?? '') : '\n'),
      } };
  }
}

/** A thank-you to the first person of the meeting, for the day after it. */
export function thankYouDraft(m: Meeting, to: Contact, ctx: DraftContext): Draft {
  const quote = quoteFromMeeting(m, ctx.index);
  const when = m.date ? ` on ${formatDay(m.date.day)}` : '';
  const eol = eolOf(m.text);
  return {
    path: outreachPath(formatDay(ctx.today), to, ctx.index, 'thank-you'),
    content: outreachNote({ to, kind: 'thank-you', meeting: m, subject: 'Thank you for your time' }, [
      `Hi ${firstName(to.name)},`,
      '',
      `Thank you for taking the time to talk with me${when}.`,
      quote
        ? `I have been thinking about what we discussed, especially this: “${quote}”.`
        : 'I have been thinking about what we discussed, especially (something specific from the conversation).',
      '',
      '(One sentence on what you will do with their advice.)',
      '',
      'Thank you again,',
      '',
    ], eol),
  };
}

/** A note to the person who made the introduction, on how the meeting went. */
export function referrerUpdateDraft(m: Meeting, met: Contact, referrer: Contact, ctx: DraftContext): Draft {
  const quote = quoteFromMeeting(m, ctx.index);
  const when = m.date ? ` on ${formatDay(m.date.day)}` : '';
  return {
    path: outreachPath(formatDay(ctx.today), referrer, ctx.index, 'update'),
    content: outreachNote({ to: referrer, kind: 'referrer-update', meeting: m, subject: `My conversation with ${met.name}` }, [
      `Hi ${firstName(referrer.name)},`,
      '',
      `Thank you again for introducing me to ${met.name}. We talked${when}, and it was a real help${quote ? `: “${quote}”` : ''}.`,
      '',
      'I will let you know how things go from here.',
      '',
      'Thank you,',
      '',
    ], eolOf(m.text)),
  };
}

/** A short, polite follow-up to an unanswered message. */
export function followUpDraft(o: Outreach, contact: Contact, ctx: DraftContext): Draft {
  let subject = `Following up on my note of ${o.sent?.text ?? 'last week'}`;
  if (contact.referredBy) {
    const referrer = personName(ctx.index, contact.referredBy);
    subject = `${referrer} suggested I contact you: ${subject[0].toLowerCase()}${subject.slice(1)}`;
  }
  return {
    path: outreachPath(formatDay(ctx.today), contact, ctx.index, 'follow-up'),
    content: outreachNote({ to: contact, kind: 'follow-up', channel: o.channel, subject }, [
      `Hi ${firstName(contact.name)},`,
      '',
      `I wanted to follow up on my message of ${o.sent?.text ?? 'last week'} ([[${o.id}]]) in case it got buried. I know you are busy,`,
      'so no pressure: if you have 20 minutes in the next few weeks, I would value your perspective.',
      '',
      'Thank you,',
      '',
    ], eolOf(o.text)),
  };
}

function outreachNote(
  head: { to: Contact; kind: string; meeting?: Meeting; channel?: string; subject: string },
  body: string[],
  eol: string,
): string {
  return [
    '---',
    'type: outreach',
    `to: "[[${head.to.id}]]"`,
    `kind: ${head.kind}`,
    ...(head.meeting ? [`meeting: "[[${head.meeting.id}]]"`] : []),
    `channel: ${yamlScalar(head.channel ?? 'email')}`,
    `subject: ${yamlScalar(head.subject)}`,
    'status: draft',
    '---',
    '',
    ...body,
  ].join(eol);
}

const firstName = (name: string) => name.split(/\s+/)[0] || name;

/** Cut a text at a word boundary. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max)}…`;
}
