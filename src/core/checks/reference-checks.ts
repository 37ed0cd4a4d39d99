// Links that lead nowhere. A `[[id]]` resolves to any Markdown file with that
// id, Rapport note or not, so links into a user's other notes are fine.

import { safeFileId, uniqueId } from '../links.js';
import { NOTE_TYPES } from '../model.js';
import { DEFAULT_FOLDERS, type Finding } from '../notes.js';
import { companyTemplate, contactTemplate, nameFromId } from '../templates.js';
import { eolOf } from '../text.js';
import { defineCheck } from './check.js';

export const unknownReference = defineCheck({
  code: 'unknown-reference',
  severity: 'warning',
  description: 'A `[[link]]` that resolves to no note (any Markdown file with that id counts).',
  appliesTo: NOTE_TYPES,
  fixes: ['Create the missing note, in contacts/ (or companies/ for a link under `company:`)'],
  run(note, ctx) {
    const out: Finding[] = [];
    // One message and fix per missing note, shared by every link to it: a fix holds a whole note
    // template, and a 1 MB line of [[a]] (174,000 links) held 125 MB of copies.
    let made: Map<string, Pick<Finding, 'message' | 'fixes'>> | undefined; // only for a note with a missing link
    for (const link of note.links) {
      if (ctx.index.hasId(link.id)) continue;
      made ??= new Map();
      // A link under `company:` names a company; any other names a person.
      const kind = note.frontmatter.keys.keyAt(link.start) === 'company' ? 'company' : 'contact';
      let shared = made.get(`${kind}|${link.id}`);
      if (!shared) {
        const name = nameFromId(link.id);
        const eol = eolOf(note.text);
        // The link's own id, so the link resolves to the note; made safe for every OS when it is not.
        const fileName = uniqueId(safeFileId(link.id), ctx.index);
        shared = {
          message: `No note is called “${link.id}”: create it, or correct the link.`,
          fixes: [{
            title: `Create ${DEFAULT_FOLDERS[kind]}/${fileName}.md`,
            create: {
              path: `${DEFAULT_FOLDERS[kind]}/${fileName}.md`,
              content: kind === 'company' ? companyTemplate(name, eol) : contactTemplate(name, eol),
            },
          }],
        };
        made.set(`${kind}|${link.id}`, shared);
      }
      out.push({ code: 'unknown-reference', start: link.start, end: link.end, ...shared });
    }
    return out;
  },
});

export const REFERENCE_CHECKS = [unknownReference];
