// `rapport import linkedin|vcard FILE --into DIR`: the core's plan, written note by
// note, each whole or not at all: a new note is written beside its place and linked
// in (never over a file that appeared meanwhile); an existing note gets its new lines
// the same way, and only if it still holds what was read. A failure stops the run with
// every note either as it was or as planned; a second run picks up the rest.

import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { applyUpdate, planImport, skipChangedUpdates, type ImportPlan, type ImportSource } from '../core/import/plan.js';
import { importJson, importSummary } from '../core/import/summary.js';
import { splitBom } from '../core/text.js';
import { code } from '../node/disk.js';
import type { Io } from './io.js';
import { loadWorkspace, reportSkips } from './workspace.js';

export const IMPORT_HELP = `rapport import linkedin FILE --into DIR [--dry-run] [--json] [--no-cache]
rapport import vcard FILE --into DIR [--dry-run] [--json] [--no-cache]

Makes a contact note under DIR/contacts/ for each person in LinkedIn's
Connections.csv (your LinkedIn data export) or a vCard file (.vcf, from a phone,
Google Contacts or Apple Contacts): name, company (a link to the company's note
when one has that name), role, email, linkedin, source, connected (the day you
connected on LinkedIn) and status: lead.

A person already in your notes (the same email, ignoring case; the same LinkedIn
address; or the same name at the same company) is not made again: their note only
gains the keys it lacks, as new lines, and no line of it changes. Running the same
file again changes nothing. A row or card that cannot be read is reported with its
line and skipped. Each note is written whole: a failure leaves no half-written note.

Then it prints what was created, updated and skipped, and for each target company
how many people you now know there.

  --into DIR   the folder of notes to import into
  --dry-run    print what it would do, and write nothing
  --json       {source, file, dry_run, counts, created, updated, skipped, targets}

Exits 0 when the import ran (skipped rows are reported, not failures), 2 on bad
usage, a file that cannot be read or is not an export of that kind, or a note that
could not be written.
`;

export interface ImportOptions {
  into: string;
  dryRun: boolean;
  json: boolean;
  cache: boolean;
}

export function importCommand(source: ImportSource, file: string, root: string, options: ImportOptions, io: Io): number {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
    text = readFileSync(file, 'utf8');
  } catch (e) {
    io.err(`rapport: could not read ${file}: ${code(e) === 'ENOENT' ? 'no such file' : String((e as Error)?.message ?? e).split('\n')[0]}\n`);
    return 2;
  }
  const ws = loadWorkspace(root, { cache: options.cache });
  reportSkips(ws, io);
  // Files the index did not read (excluded, unreadable) still hold their names.
  const plan = planImport(ws.index, source, text, { hasId: (id) => existsSync(join(root, 'contacts', `${id}.md`)) });
  if (plan.unreadable) {
    io.err(`rapport: ${file}: ${plan.unreadable}\n`);
    return 2;
  }
  if (!options.dryRun) {
    const failure = writePlan(root, plan);
    if (failure) {
      io.err(`rapport: ${failure}\n`);
      return 2;
    }
  }
  io.out(options.json ? `${JSON.stringify(importJson(plan, file, { dryRun: options.dryRun }), null, 2)}\n` : importSummary(plan, file, { dryRun: options.dryRun }));
  return 0;
}

const TMP = '.rapport-tmp';

/**
 * Write the plan's notes, each whole; undefined when all were written, else what failed
 * (the notes before it are written, it and those after are not). Existing notes that
 * changed since they were read are left alone and dropped from the plan's updates.
 */
export function writePlan(root: string, plan: ImportPlan, onWritten: (done: number) => void = () => {}): string | undefined {
  const total = plan.created.length + plan.updated.length;
  let done = 0;
  const fail = (path: string, e: unknown) =>
    `could not write ${path}: ${String((e as Error)?.message ?? e).split('\n')[0]}. ${done} of ${total} notes were written; the others are as they were. Run the import again to finish.`;
  const folders = new Set<string>();
  for (const c of plan.created) {
    const dest = join(root, ...c.path.split('/'));
    const tmp = dest + TMP;
    try {
      if (!folders.has(dirname(dest))) mkdirSync(dirname(dest), { recursive: true });
      folders.add(dirname(dest));
      writeFileSync(tmp, c.text);
      placeNew(tmp, dest);
    } catch (e) {
      removeQuietly(tmp);
      return fail(c.path, code(e) === 'EEXIST' ? new Error('a file appeared at that name') : e);
    }
    onWritten(++done);
  }
  const changed = new Set<string>();
  for (const u of plan.updated) {
    const dest = join(root, ...u.path.split('/'));
    const tmp = dest + TMP;
    try {
      const { text, bom } = splitBom(readFileSync(dest, 'utf8'));
      if (text !== u.before) {
        changed.add(u.path); // edited while the import ran: the next run plans it afresh
        continue;
      }
      writeFileSync(tmp, (bom ? '\uFEFF' : '') + applyUpdate(text, u), { mode: statSync(dest).mode });
      renameSync(tmp, dest);
    } catch (e) {
      removeQuietly(tmp);
      return fail(u.path, e);
    }
    onWritten(++done);
  }
  skipChangedUpdates(plan, (u) => changed.has(u.path));
  return undefined;
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // not a file of ours (a folder in the way): left as it is
  }
}

/** Move a written file to where it goes, never over another: a hard link fails on an existing name. */
function placeNew(tmp: string, dest: string): void {
  try {
    linkSync(tmp, dest);
    rmSync(tmp);
  } catch (e) {
    const c = code(e);
    if (c === 'EEXIST') throw e;
    // A file system without hard links: look, then move (a far narrower window than writing in place).
    if (existsSync(dest)) throw Object.assign(new Error('a file appeared at that name'), { code: 'EEXIST' });
    renameSync(tmp, dest);
  }
}
