// Texts of new notes. They follow the practice Rapport encodes: a meeting note
// starts with open-ended questions, never yes/no ones.

import { yamlScalar } from './edit.js';

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

/** "sally-smith" → "Sally Smith": a readable name for a note created from a link. */
export function nameFromId(id: string): string {
  return id
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

export function contactTemplate(name: string, eol = '\n'): string {
  return ['---', 'type: contact', `name: ${yamlScalar(name)}`, 'status: lead', '---', '', ''].join(eol);
}

export function companyTemplate(name: string, eol = '\n'): string {
  return ['---', 'type: company', `name: ${yamlScalar(name)}`, 'target: true', '---', '', ''].join(eol);
}

/** A `## Questions` section with the question bank, to append to a meeting note. */
export function questionsSection(eol = '\n'): string {
  return ['## Questions', '', ...QUESTION_BANK.map((q) => `- ${q}`), ''].join(eol);
}
