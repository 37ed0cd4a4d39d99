// Links that lead nowhere. A `[[id]]` resolves to any Markdown file with that
// id, Rapport note or not, so links into a user's other notes are fine.

import type { Fix } from '../model.js';
import { DEFAULT_FOLDERS, type Finding } from '../notes.js';
import { companyTemplate, contactTemplate, nameFromId } from '../templates.js';
import { eolOf } from '../text.js';
import { defineCheck } from './check.js';
import type { NoteType } from '../model.js';

function unknownReferenceIn<T extends NoteType>(type: T) {
  return defineCheck({
    code: 'unknown-reference',
    appliesTo: type,
    run(note, ctx) {
      const out: Finding[] = [];
      // One fix per missing id, shared by every link to it (a note may link the same name thousands of times).
      const fixes = new Map<string, Fix[]>();
      for (const link of note.links) {
        if (ctx.index.hasId(link.id)) continue;
        // A link under `company:` names a company; any other names a person.
        const kind = note.frontmatter.keys.keyAt(link.start) === 'company' ? 'company' : 'contact';
        let fix = fixes.get(`${kind}:${link.id}`);
        if (!fix) {
          const name = nameFromId(link.id);
          const eol = eolOf(note.text);
          const fileName = link.id.replace(/[\\/:*?"<>|]/g, '-');
          fix = [{
            title: `Create ${DEFAULT_FOLDERS[kind]}/${fileName}.md`,
            create: {
              path: `${DEFAULT_FOLDERS[kind]}/${fileName}.md`,
              content: kind === 'company' ? companyTemplate(name, eol) : contactTemplate(name, eol),
            },
          }];
          fixes.set(`${kind}:${link.id}`, fix);
        }
        out.push({
          code: 'unknown-reference',
          start: link.start,
          end: link.end,
          message: `No note is called “${link.id}”: create it, or correct the link.`,
          fixes: fix,
        });
      }
      return out;
    },
  });
}

export const REFERENCE_CHECKS = (['contact', 'meeting', 'company', 'outreach'] as const).map(unknownReferenceIn);
