// What an import did (or, in a dry run or the editor's preview, would do), as text
// for a person and as JSON for a script: created, updated and skipped (each with
// its line in the export), then what the practice needs next: for each target
// company, how many people the user now knows there.

import type { ImportPlan, PlannedSkip } from './plan.js';

const KIND = { linkedin: 'LinkedIn connections', vcard: 'vCards' } as const;

/** "3 created, 1 updated, 2 skipped" (or "would be" in a dry run). */
export function importCounts(plan: ImportPlan): string {
  return `${plan.created.length} created, ${plan.updated.length} updated, ${plan.skipped.length} skipped`;
}

/** People already in the notes with nothing to add: counted, not listed (a second run would list everyone). */
const alreadyThere = (s: PlannedSkip) => s.why === 'in-notes';

/** The summary a person reads: the CLI prints it, the editor shows it after an import. */
export function importSummary(plan: ImportPlan, file: string, options: { dryRun?: boolean } = {}): string {
  const out: string[] = [];
  const would = options.dryRun ? 'would be ' : '';
  out.push(`${file} (${KIND[plan.source]}): ${plan.created.length} ${would}created, ${plan.updated.length} ${would}updated, ${plan.skipped.length} skipped.${options.dryRun ? ' A dry run: nothing was written.' : ''}`);
  if (plan.created.length) {
    out.push('', options.dryRun ? 'To create:' : 'Created:');
    for (const c of plan.created) out.push(`  ${c.path}  ${c.name} (line ${c.line})`);
  }
  if (plan.updated.length) {
    out.push('', options.dryRun ? 'To update (keys each note lacks):' : 'Updated (keys each note lacked):');
    for (const u of plan.updated) out.push(`  ${u.path}  ${u.name}: + ${u.added.join(', ')} (line ${u.line})`);
  }
  const listed = plan.skipped.filter((s) => !alreadyThere(s));
  const there = plan.skipped.length - listed.length;
  if (plan.skipped.length) {
    out.push('', 'Skipped:');
    if (there) out.push(`  ${there} already in your notes, with nothing to add`);
    for (const s of listed) out.push(`  line ${s.line}: ${s.name ? `${s.name}: ` : ''}${s.reason}`);
  }
  if (plan.targets.length) {
    out.push('', options.dryRun ? 'Target companies, people you would know there:' : 'Target companies, people you now know there:');
    const width = Math.max(...plan.targets.map((t) => t.name.length));
    for (const t of plan.targets) {
      const added = t.added ? ` (${t.added} from this import)` : '';
      out.push(`  ${t.name.padEnd(width)}  ${t.known}${added}${t.known ? '' : ': ask your contacts who they know there'}`);
    }
  } else {
    out.push('', 'No target companies yet: mark the companies you want to work for `target: true`, and this shows who you know at each.');
  }
  return `${out.join('\n')}\n`;
}

/** `--json`: the plan without its texts and offsets. */
export function importJson(plan: ImportPlan, file: string, options: { dryRun?: boolean } = {}): object {
  return {
    source: plan.source,
    file,
    dry_run: Boolean(options.dryRun),
    counts: { created: plan.created.length, updated: plan.updated.length, skipped: plan.skipped.length },
    created: plan.created.map((c) => ({ line: c.line, name: c.name, file: c.path })),
    updated: plan.updated.map((u) => ({ line: u.line, name: u.name, file: u.path, added: u.added })),
    skipped: plan.skipped.map((s) => ({ line: s.line, ...(s.name ? { name: s.name } : {}), ...(s.path ? { file: s.path } : {}), reason: s.reason, why: s.why })),
    targets: plan.targets.map((t) => ({ id: t.id, name: t.name, known: t.known, added: t.added })),
  };
}
