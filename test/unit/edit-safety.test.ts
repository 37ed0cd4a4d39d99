// Issue 6, "never lose a line": every edit Rapport can make, applied to notes
// generated in every shape a person writes frontmatter in, changes only the
// intended key's line(s) or adds only the intended block. What survives is
// checked byte for byte, line ending included; what changed is read back.
//
// The edits, enumerated from the code: each check's fixes (src/core/checks/:
// thank-you sent, referrer updated, stale meeting done / no-show / cancelled,
// ask for 30 minutes, the question bank, the referrer in the subject, create a
// missing note), the commands' Mark thank-you sent / Mark referrer updated
// (setKey on a meeting, src/extension/commands/), setKey itself with any value,
// and the creates' templates (new contact, log meeting, draft outreach). A fix
// this file does not know fails the test, so a new one cannot go unchecked.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CODES } from '../../src/core/checks/catalogue.js';
import { formatDay, parseDate } from '../../src/core/dates.js';
import { writeDraft } from '../../src/core/drafts.js';
import { setKey, type ScalarValue } from '../../src/core/edit.js';
import { readFrontmatter } from '../../src/core/parse/frontmatter.js';
import { slugify } from '../../src/core/links.js';
import type { Diagnostic, Fix, TextEdit } from '../../src/core/model.js';
import { parseBody } from '../../src/core/parse/body.js';
import { DEFAULT_FOLDERS, parseFile, type Note } from '../../src/core/notes.js';
import { contactTemplate, meetingTemplate, nameFromId, outreachTemplate, questionsSection } from '../../src/core/templates.js';
import { applyEdits, BOM, eolOf, LineMap, splitBom } from '../../src/core/text.js';
import {
  bodyArb, frontmatterArb, keyArb, linkListKey, literalKey, noteArb, render, stringKey, typeKey,
  type KeyLines, type NoteCase, type RenderedNote,
} from './edit-arbitraries.js';
import { CAST, check, indexOf, md, TODAY } from './helpers.js';

const SEED = 20261121;
const run = (runs: number) => ({ seed: SEED, numRuns: runs });

// --- the cast the generated notes point at -----------------------------------------

/** Referrers with names that need quoting in a subject, or none to resolve to. */
const PEOPLE: Record<string, string> = {
  ...CAST,
  'contacts/jean-luc.md': md(['type: contact', "name: Jean-Luc O'Brien"]),
  'contacts/zoe-darcy.md': md(['type: contact', 'name: Zoë D’Arcy', 'referred_by: "[[jean-luc]]"']),
  'contacts/erin-moss.md': md(['type: contact', 'name: Erin Moss', 'referred_by: "Ann #2: the return"']),
  'contacts/ravi-rao.md': md(['type: contact', 'name: Ravi Rao', 'referred_by: "[[hannah-o-neil]]"']),
};
const RECIPIENTS = ['bob-jones', 'zoe-darcy', 'erin-moss', 'ravi-rao', 'sally-smith'];
/** Link targets no note has: the create fix makes one. Some make awkward names or file names. */
const GHOSTS = ['carol-white', 'Ghost Writer', 'émile_zola', '0x10', 'yes', '12', 'null', 'what?', 'a.b', 'o’neil', '-', '__'];

// --- counting ------------------------------------------------------------------------

const counts = new Map<string, number>();
/** The codes seen offering a fix: each must be one the catalogue says has fixes, and each of those must be seen. */
const offeredFixes = new Set<string>();
const declaresFixes = new Set(CODES.filter((c) => c.fixes.length).map((c) => c.code));
let cases = 0;
function counted(kind: string): void {
  cases++;
  counts.set(kind, (counts.get(kind) ?? 0) + 1);
}

// --- reading and applying ---------------------------------------------------------------

/** Lines with their endings, so a comparison is byte for byte. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
const ending = (line: string) => (line.endsWith('\r\n') ? '\r\n' : line.endsWith('\n') ? '\n' : '');

/**
 * Apply text edits to a file's raw text, BOM and all, with nothing put back: a BOM survives
 * only because no edit reaches the first line, where it sits. (Positions count from after a
 * BOM, as VS Code counts them; on any line but the first they are the same either way.)
 */
function applyToRaw(raw: string, edits: TextEdit[]): string {
  return applyEdits(raw, edits);
}

function parsed(path: string, raw: string): Note {
  const f = parseFile(path, raw);
  assert.ok(f.type, `${path} is not a note`);
  return f as Note;
}

/** What setKey needs, for any text with frontmatter (a note or not: setting `type` may unmake one). */
function editable(raw: string) {
  const { text } = splitBom(raw);
  return { text, lines: new LineMap(text), frontmatter: readFrontmatter(text)! };
}

const show = (raw: string) => JSON.stringify(raw);

/** The generated note is itself valid: otherwise a test would prove nothing about it. */
function assertValidInput(path: string, raw: string): Note {
  const note = parsed(path, raw);
  assert.deepEqual(note.problems.map((p) => p.message), [], `generated note is invalid: ${show(raw)}`);
  return note;
}

function dataOf(raw: string, simple: boolean): Record<string, unknown> {
  const fm = readFrontmatter(splitBom(raw).text, { simple })!;
  assert.deepEqual(fm.problems.map((p) => p.message), [], `the edited note does not parse: ${show(raw)}`);
  return fm.data!;
}

/**
 * The core property of a key edit: `out` is `raw` with only `key`'s lines
 * replaced (or one line added before the closing `---`), BOM and line endings
 * kept, and reads back with `key` = `value` and every other key as it was.
 */
function assertKeyEdit(note: RenderedNote, c: NoteCase, out: string, key: string, value: ScalarValue): void {
  const why = `setting ${key} to ${JSON.stringify(value)} in ${show(note.raw)} gave ${show(out)}`;
  assert.equal(out.startsWith(BOM), c.bom, `BOM not preserved: ${why}`);
  const before = linesOf(splitBom(note.raw).text);
  const after = linesOf(splitBom(out).text);
  const owned = note.lines.flatMap((l, i) => (l.owner === key ? [i] : []));
  const [i, j] = owned.length ? [owned[0], owned[owned.length - 1] + 1] : [note.closeLine, note.closeLine];
  assert.equal(owned.length, j - i, 'the generator wrote a key on lines that are not together');
  const tail = before.length - j;
  // (a) everything outside the key's lines survives, byte for byte and in order.
  assert.deepEqual(after.slice(0, i), before.slice(0, i), `a line before the key changed: ${why}`);
  assert.deepEqual(after.slice(after.length - tail), before.slice(j), `a line after the key changed: ${why}`);
  const mid = after.slice(i, after.length - tail);
  assert.ok(mid.length >= 1 && mid.length <= Math.max(1, j - i), `the key became ${mid.length} lines: ${why}`);
  assert.ok(mid[0].startsWith(`${key}:`), `the changed line is not the key's: ${why}`);
  // (c) line endings: the key's own, or for a new line the file's.
  const allowed = owned.length ? new Set(before.slice(i, j).map(ending)) : new Set([eolOf(splitBom(note.raw).text)]);
  for (const l of mid) assert.ok(allowed.has(ending(l)), `line ending ${JSON.stringify(ending(l))} not the file's: ${why}`);
  if (c.eolStyle !== 'mixed') for (const l of after) if (ending(l)) assert.equal(ending(l), c.eolStyle === 'crlf' ? '\r\n' : '\n', why);
  // Quoting and a trailing comment on a one-line value survive.
  if (owned.length === 1) {
    const was = note.lines[i];
    const line = mid[0].replace(/\r?\n$/, '');
    if (was.comment) assert.ok(line.endsWith(was.comment), `trailing comment lost: ${why}`);
    if (was.quote && typeof value === 'string' && !/[\r\n]/.test(value)) {
      assert.equal(line.slice(key.length + 1).trimStart()[0], was.quote, `quoting changed: ${why}`);
    }
  }
  // (b) it parses, with the key at its value and the rest as they were (both YAML readers).
  const beforeData = dataOf(note.raw, false);
  for (const simple of [true, false]) {
    const data = dataOf(out, simple);
    assert.deepEqual(data[key], value, `read back ${JSON.stringify(data[key])}: ${why}`);
    const { [key]: _a, ...rest } = data;
    const { [key]: _b, ...restBefore } = beforeData;
    assert.deepEqual(rest, restBefore, `another key's value changed: ${why}`);
  }
}

/** The question bank: `raw` followed by one block, nothing else touched, in the file's line ending. */
function assertAppended(note: RenderedNote, c: NoteCase, out: string): void {
  const why = `${show(note.raw)} gave ${show(out)}`;
  assert.ok(out.startsWith(note.raw), `the note before the question bank changed: ${why}`);
  const added = out.slice(note.raw.length);
  const eol = eolOf(splitBom(note.raw).text);
  // One blank line before the heading: the last line gets its ending if it had none.
  const lead = note.raw.endsWith('\n') ? eol : eol + eol;
  assert.equal(added, lead + questionsSection(eol), `unexpected block: ${why}`);
  if (c.eolStyle === 'crlf') assert.ok(!/(^|[^\r])\n/.test(added), `LF in a CRLF file: ${why}`);
  if (c.eolStyle === 'lf') assert.ok(!added.includes('\r'), `CR in an LF file: ${why}`);
  const body = parsed(c.path, out);
  assert.equal(parseBody(body.text.slice(body.frontmatter.bodyStart), 0).questions?.items.length, 7, `no questions read back: ${why}`);
}

// --- every fix a check offers -----------------------------------------------------------

type FixKind =
  | { kind: string; key: string; value: ScalarValue; code: string }
  | { kind: 'add the question bank'; code: string }
  | { kind: 'create'; code: string }
  | { kind: 'create outreach'; code: string }
  | { kind: 'tick a promise'; code: string }
  | { kind: 'mark replied'; code: string }
  | { kind: 'open draft'; code: string };

/** What a fix is meant to do, from its title: an unknown fix fails, so none goes untested. */
function intentOf(fix: Fix, d: Diagnostic, note: Note): FixKind {
  const t = fix.title;
  let m: RegExpExecArray | null;
  if (t === `Mark thank-you sent today (${TODAY})`) return { kind: 'fix: thank-you sent', key: 'thank_you', value: TODAY, code: d.code };
  if (/^Mark .+ updated today$/.test(t)) return { kind: 'fix: referrer updated', key: 'referrer_updated', value: TODAY, code: d.code };
  if ((m = /^Mark the meeting (done|no-show|cancelled)$/.exec(t))) return { kind: `fix: meeting ${m[1]}`, key: 'status', value: m[1], code: d.code };
  if (t === 'Ask for 30 minutes') return { kind: 'fix: ask for 30 minutes', key: 'duration', value: 30, code: d.code };
  if ((m = /^Put “(.+)” in the subject$/.exec(t))) {
    const subject = note.type === 'outreach' ? note.subject : undefined;
    return { kind: 'fix: referrer in subject', key: 'subject', value: subject ? `${m[1]}: ${subject}` : m[1], code: d.code };
  }
  if (t === 'Add the question bank') return { kind: 'add the question bank', code: d.code };
  if (/^Create /.test(t) && fix.create) return { kind: 'create', code: d.code };
  if (/^Done: tick “.+”$/.test(t)) return { kind: 'tick a promise', code: d.code };
  if (t === `Mark replied today (${TODAY})`) return { kind: 'mark replied', code: d.code };
  if (/^Draft (a polite follow-up|the thank-you|the update|the outreach) to /.test(t) && fix.draft) return { kind: 'create outreach', code: d.code };
  if (/^Open your (follow-up|thank-you|update|draft) to .+ \(not sent yet\)$/.test(t) && fix.open) return { kind: 'open draft', code: d.code };
  if (t === 'Mark thank-you sent on another date…' && fix.ask?.kind === 'date') return { kind: 'fix: thank-you sent on', key: 'thank_you', value: fix.ask.value, code: d.code };
  if (t === 'Skip the thank-you for this meeting') return { kind: 'fix: thank-you skipped', key: 'thank_you', value: 'skip', code: d.code };
  if (/^Followed up with .+ today \(/.test(t)) return { kind: 'fix: followed up today', key: 'last_contact', value: TODAY, code: d.code };
  if (t === 'Snooze…' && fix.ask?.kind === 'days') return { kind: 'fix: snooze', key: 'next_follow_up', value: formatDay(parseDate(TODAY)!.day + Number(fix.ask.value)), code: d.code };
  if ((m = /^Set .+’s status to (contacted|scheduled|met)$/.exec(t))) return { kind: 'fix: status', key: 'status', value: m[1], code: d.code };
  assert.fail(`a fix this test does not know: “${t}” (${d.code}); add it here`);
}

/** Is the fix offered again where it was (two identical tasks each have their own)? */
const hasFix = (ds: Diagnostic[], path: string, title: string, line: number) =>
  ds.some((d) => d.file === path && d.range.start.line === line && d.fixes?.some((f) => f.title === title));

/** Apply every fix offered on the note, each to the original, and check each. */
function checkEveryFix(c: NoteCase, others: Record<string, string> = PEOPLE): void {
  const note = render(c);
  const before = assertValidInput(c.path, note.raw);
  const files = { ...others, [c.path]: note.raw };
  const ds = check(files).filter((d) => d.file === c.path);
  for (const d of ds) {
    for (const fix of d.fixes ?? []) {
      const intent = intentOf(fix, d, before);
      assert.ok(declaresFixes.has(d.code), `${d.code} offers “${fix.title}”, and its declaration names no fix (docs/checks.md lists them)`);
      offeredFixes.add(d.code);
      if (intent.kind === 'create') {
        checkCreate(files, c.path, fix, d);
        counted(`fix: create ${fix.create!.path.split('/')[0]} note`);
        continue;
      }
      if (intent.kind === 'create outreach') {
        const written = writeDraft(fix, indexOf(files), parseDate(TODAY)!.day)!;
        checkCreateOutreach(files, written);
        counted(`fix: draft a ${/^kind: (.+)$/m.exec(written.create!.content)?.[1].trim() ?? 'first message'}`);
        continue;
      }
      if (intent.kind === 'open draft') {
        assert.ok(fix.open! in files && !fix.edits && !fix.create, `“${fix.title}” opens ${fix.open}, which is not a note here`);
        counted('open draft');
        continue;
      }
      assert.ok(fix.edits?.length && !fix.create, `${fix.title} has no edits`);
      const out = applyToRaw(note.raw, fix.edits);
      if ('key' in intent) assertKeyEdit(note, c, out, intent.key, intent.value);
      else if (intent.kind === 'tick a promise') assertTicked(note.raw, out);
      else if (intent.kind === 'mark replied') assertMarkedReplied(note, out);
      else assertAppended(note, c, out);
      // (d) applied, the fix is not offered again (and the diagnostic it answered is gone).
      const again = check({ ...files, [c.path]: out });
      assert.ok(!hasFix(again, c.path, fix.title, d.range.start.line), `“${fix.title}” is offered again after it was applied: ${show(out)}`);
      assert.ok(!again.some((x) => x.file === c.path && x.code === d.code && x.range.start.line === d.range.start.line),
        `${d.code} still reported after “${fix.title}”: ${show(out)}`);
      counted(intent.kind);
    }
  }
}

/** A promise ticked: one character, the space of a `[ ]`, became `x`; nothing else moved. */
function assertTicked(raw: string, out: string): void {
  const why = `${show(raw)} gave ${show(out)}`;
  assert.equal(out.length, raw.length, `the note changed length: ${why}`);
  let at = 0;
  while (at < raw.length && raw[at] === out[at]) at++;
  assert.equal(raw.slice(at - 1, at + 2), '[ ]', `not a task's box: ${why}`);
  assert.equal(out, `${raw.slice(0, at)}x${raw.slice(at + 1)}`, why);
}

/** Mark replied: status becomes replied and `replied` today; every other key and line as it was. */
function assertMarkedReplied(note: RenderedNote, out: string): void {
  const why = `${show(note.raw)} gave ${show(out)}`;
  const before = dataOf(note.raw, false);
  for (const simple of [true, false]) {
    const data = dataOf(out, simple);
    assert.deepEqual(data, { ...before, status: 'replied', replied: TODAY }, why);
  }
  // Every line but the status's own survives, in order.
  const statusLines = new Set(note.lines.flatMap((l, i) => (l.owner === 'status' ? [i] : [])));
  const kept = linesOf(splitBom(note.raw).text).filter((_, i) => !statusLines.has(i));
  const after = linesOf(splitBom(out).text);
  let j = 0;
  for (const l of after) if (j < kept.length && l === kept[j]) j++;
  assert.equal(j, kept.length, `a line was lost or changed: ${why}`);
}

/** A follow-up draft: a new outreach note at a free path that passes every check. */
function checkCreateOutreach(files: Record<string, string>, fix: Fix): void {
  const { path, content } = fix.create!;
  const why = `creating ${path}: ${show(content)}`;
  assert.equal(fix.edits, undefined, 'a create also edits the note');
  assert.equal(fix.draft, undefined, 'the draft is written');
  assert.ok(!Object.keys(files).some((p) => p.toLowerCase() === path.toLowerCase()), `would overwrite ${path}`);
  assert.match(path, /^outreach\/\d{4}-\d{2}-\d{2}-.+-(follow-up|thank-you|update|outreach)(-\d+)?\.md$/, why);
  assert.equal(assertValidInput(path, content).type, 'outreach', why);
  assert.deepEqual(check({ ...files, [path]: content }).filter((x) => x.file === path).map((x) => x.code), [], why);
}

/** A create: a valid note of the link's kind, at a path no file has, that makes the link resolve. */
function checkCreate(files: Record<string, string>, from: string, fix: Fix, d: Diagnostic): void {
  const { path, content } = fix.create!;
  const id = /“(.+)”/.exec(d.message)![1];
  const why = `creating ${path} for [[${id}]]: ${show(content)}`;
  assert.equal(fix.edits, undefined, 'a create also edits the note');
  assert.ok(!Object.keys(files).some((p) => p.toLowerCase() === path.toLowerCase()), `would overwrite ${path}`);
  assert.match(path, /^(contacts|companies)\/[^/\\:*?"<>|]+\.md$/, why);
  const created = assertValidInput(path, content);
  assert.equal(created.type, path.startsWith('companies/') ? 'company' : 'contact', why);
  assert.equal((created as { name: string }).name, nameFromId(id), why);
  const after = check({ ...files, [path]: content });
  assert.deepEqual(after.filter((x) => x.file === path && (x.severity === 'error' || x.code === 'invalid-frontmatter')), [], why);
  // The link now resolves, unless its id holds a character no file name may (then the file is named with '-').
  if (!/[\\/:*?"<>|]/.test(id)) {
    assert.ok(!after.some((x) => x.file === from && x.code === 'unknown-reference' && x.message.includes(`“${id}”`)), `the link still leads nowhere: ${why}`);
  }
}

/** The commands Mark thank-you sent and Mark referrer updated: setKey on any meeting, to today; twice is once. */
function checkMarkCommands(c: NoteCase): void {
  const note = render(c);
  for (const key of ['thank_you', 'referrer_updated']) {
    const out = applyToRaw(note.raw, setKey(assertValidInput(c.path, note.raw), key, TODAY));
    assertKeyEdit(note, c, out, key, TODAY);
    assert.equal(applyToRaw(out, setKey(parsed(c.path, out), key, TODAY)), out, `marking twice is not marking once: ${show(out)}`);
    counted(`command: mark ${key === 'thank_you' ? 'thank-you sent' : 'referrer updated'}`);
  }
}

// --- the notes ------------------------------------------------------------------------

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { freq: 3 });
const emptyKey = (key: string) => fc.constantFrom(literalKey(key, `${key}:`), literalKey(key, `${key}:   # not yet`), literalKey(key, `${key}: ~`));
const present = (ks: (KeyLines | null)[]) => ks.filter((k): k is KeyLines => k !== null);

const meetingCase = fc
  .record({
    who: fc.constantFrom(...RECIPIENTS, ...GHOSTS),
    date: fc.constantFrom('2026-11-10', '2026-11-17', '2026-11-20 09:30', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-12-15'),
  })
  .chain(({ who, date }) =>
    fc.tuple(
      typeKey('meeting'),
      linkListKey('with', [who]),
      stringKey('date', date),
      opt(fc.oneof(stringKey('status', 'planned'), stringKey('status', 'done'))),
      opt(fc.oneof(stringKey('thank_you', 'false'), stringKey('thank_you', 'no'), fc.constant(literalKey('thank_you', 'thank_you: false  # soon')), emptyKey('thank_you'))),
      opt(fc.oneof(stringKey('referrer_updated', 'false'), emptyKey('referrer_updated'))),
      opt(fc.oneof(fc.constantFrom(literalKey('duration', 'duration: 45'), literalKey('duration', 'duration: 90 # long')), stringKey('duration', '60', false))),
      opt(stringKey('kind', 'informational')),
      opt(fc.oneof(fc.constant(literalKey('referrals', 'referrals: []')), linkListKey('referrals', ['sally-smith']), linkListKey('referrals', ['erin-moss']))),
    ),
  )
  .map(([type, ...rest]) => [type, ...present(rest)]);

const meetingNote = fc
  .tuple(fc.constantFrom('meetings/m.md', 'notes/2026/m.md'), fc.boolean())
  .chain(([path, typeFirst]) =>
    noteArb(path, frontmatterArb(meetingCase, { keepFirst: typeFirst }), bodyArb(['## Questions', '## Questions', '- Do you like it?', '[[sally-smith]]', '- [ ] Send her the deck'])),
  );

const subjectKey = fc.oneof(
  stringKey('subject', 'Coffee next week?'),
  stringKey('subject', "It's about Q4"),
  stringKey('subject', 'Re: a question'),
  stringKey('subject', 'Café 日本 #1'),
  fc.constantFrom(
    literalKey('subject', 'subject: Coffee', '  next week'),
    literalKey('subject', "subject: 'Coffee", '', "  next week'"),
    literalKey('subject', 'subject: "Coffee\\nnext week"'),
    literalKey('subject', 'subject: Sally Smith suggested I contact you'),
  ),
  emptyKey('subject'),
);

const outreachNote = fc
  .tuple(
    typeKey('outreach'),
    fc.constantFrom(...RECIPIENTS).chain((to) => linkListKey('to', [to])),
    opt(subjectKey),
    opt(fc.oneof(stringKey('status', 'draft'), stringKey('status', 'sent'))),
    opt(stringKey('channel', 'email')),
    opt(stringKey('sent', '2026-11-01')),
  )
  .map(([type, ...rest]) => [type, ...present(rest)])
  .chain((keys) => noteArb('outreach/o.md', frontmatterArb(fc.constant(keys)), bodyArb(['Hi Bob,', 'I would value your perspective.'])));

const contactNote = fc
  .tuple(
    typeKey('contact'),
    stringKey('name', 'Dana Lee'),
    opt(fc.oneof(stringKey('company', 'Globex'), fc.constantFrom(...GHOSTS).chain((g) => linkListKey('company', [g])))),
    opt(fc.constantFrom(...GHOSTS, 'sally-smith').chain((g) => linkListKey('referred_by', [g]))),
    opt(fc.constantFrom(literalKey('tags', 'tags: [design, fintech]'), literalKey('tags', 'tags:', '  - design'))),
    opt(fc.oneof(stringKey('status', 'met'), stringKey('status', 'lead'))),
    opt(stringKey('next_follow_up', '2026-11-10')),
    opt(fc.constantFrom(literalKey('keep_in_touch_days', 'keep_in_touch_days: 14'), literalKey('keep_in_touch_days', 'keep_in_touch_days: 7 # a week'))),
  )
  .map(([type, ...rest]) => [type, ...present(rest)])
  .chain((keys) => noteArb('contacts/dana-lee.md', frontmatterArb(fc.constant(keys)), bodyArb(['See [[carol-white]].', 'And [[0x10]].'])));

const companyNote = fc
  .tuple(typeKey('company'), stringKey('name', 'Hooli'), opt(keyArb('target', fc.constant({ head: 'true', more: [] }))))
  .map(([type, ...rest]) => [type, ...present(rest)])
  .chain((keys) => noteArb('companies/hooli.md', frontmatterArb(fc.constant(keys)), bodyArb(['Ask [[Ghost Writer]] about it.', 'Or [[yes]].'])));

// --- the tests ------------------------------------------------------------------------

describe('edit safety: every edit changes only its key or adds only its block', function () {
  this.timeout(300_000);

  after(() => {
    const kinds = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
    console.log(`      edit safety: ${cases} cases across ${kinds.length} edits`);
    for (const [k, n] of kinds) console.log(`        ${String(n).padStart(5)}  ${k}`);
  });

  it('every fix on a meeting note (thank-you, referrer, stale, 30 minutes, question bank, create)', () => {
    fc.assert(fc.property(meetingNote, (c) => checkEveryFix(c)), run(350));
    // Only done meetings three days past have promises due: fewer cases, each exact.
    assert.ok((counts.get('tick a promise') ?? 0) >= 10, `only ${counts.get('tick a promise') ?? 0} cases of tick a promise`);
    for (const k of ['fix: thank-you sent', 'fix: thank-you sent on', 'fix: thank-you skipped', 'fix: draft a thank-you', 'fix: referrer updated', 'fix: meeting done', 'fix: meeting no-show', 'fix: meeting cancelled', 'fix: ask for 30 minutes', 'add the question bank', 'fix: create contacts note']) {
      assert.ok((counts.get(k) ?? 0) >= 20, `only ${counts.get(k) ?? 0} cases of ${k}: the generator misses it`);
    }
  });

  it('every fix on an outreach draft (the referrer in the subject)', () => {
    fc.assert(fc.property(outreachNote, (c) => checkEveryFix(c)), run(300));
    assert.ok((counts.get('fix: referrer in subject') ?? 0) >= 50);
    for (const k of ['mark replied', 'fix: draft a follow-up']) assert.ok((counts.get(k) ?? 0) >= 20, `only ${counts.get(k) ?? 0} cases of ${k}`);
  });

  it('every fix on contacts and companies (create the missing contact or company)', () => {
    // Dana met once, long ago: her follow-up is due and a `lead` status is behind.
    const withDana = { ...PEOPLE, 'meetings/dana.md': md(['type: meeting', 'with: "[[dana-lee]]"', 'date: 2026-10-01', 'referrals: []', 'thank_you: true']) };
    fc.assert(fc.property(fc.oneof(contactNote, companyNote), (c) => checkEveryFix(c, withDana)), run(250));
    assert.ok((counts.get('fix: create companies note') ?? 0) >= 20);
    for (const k of ['fix: followed up today', 'fix: snooze', 'fix: status']) assert.ok((counts.get(k) ?? 0) >= 20, `only ${counts.get(k) ?? 0} cases of ${k}`);
  });

  it('saw a fix from every check whose declaration names one', () => {
    assert.deepEqual([...offeredFixes].sort(), [...declaresFixes].sort());
  });

  it('Mark thank-you sent and Mark referrer updated, on any meeting, once or twice', () => {
    fc.assert(fc.property(meetingNote, (c) => checkMarkCommands(c)), run(300));
  });

  it('setKey: any key, present or not, to any value, in any note', () => {
    const value: fc.Arbitrary<ScalarValue> = fc.oneof(
      fc.constantFrom('2026-11-21', 'done', 'yes', 'No', 'null', '~', '0x10', '0o17', '1e3', '42', '3.14', '', ' ', 'a: b', 'a #b', '#hash', '- dash',
        '[[link]]', '{x}', "it's", 'say "hi"', 'trailing ', ' leading', 'Café 日本', 'line\nbreak', 'two\n\nparagraphs', 'tab\there', 'back\\slash',
        '@at', '`tick`', '%pct', '!bang', '&amp', '*star', '|pipe', '>gt', '?q', ',comma', 'x,y', 'a:b', 'http://x.y/z#f', '---', '...'),
      fc.string({ unit: 'grapheme', maxLength: 10 }),
      fc.string({ unit: 'binary-ascii', maxLength: 10 }),
      fc.integer({ min: 0, max: 100_000 }),
      fc.boolean(),
    );
    const anyNote = fc.oneof(meetingNote, outreachNote, contactNote, companyNote);
    const target = anyNote.chain((c) => {
      const keys = [...new Set(c.frontmatter.flatMap((l) => (l.owner ? [l.owner] : [])))];
      return fc.tuple(fc.constant(c), fc.oneof(fc.constantFrom(...keys), fc.constantFrom('thank_you', 'new_key', 'referrer_updated')), value);
    });
    fc.assert(
      fc.property(target, ([c, key, v]) => {
        const note = render(c);
        const n = assertValidInput(c.path, note.raw);
        const out = applyToRaw(note.raw, setKey(n, key, v));
        assertKeyEdit(note, c, out, key, v);
        assert.equal(applyToRaw(out, setKey(editable(out), key, v)), out, `setting twice is not setting once: ${show(out)}`);
        counted(`setKey (${n.frontmatter.keys.has(key) ? 'replace' : 'add'})`);
      }),
      run(800),
    );
  });

  it('new contact, log meeting, draft outreach: valid notes that pass their own checks', () => {
    const name = fc.oneof(
      fc.constantFrom('Erin Moss', "Zoë O'Neil", 'Jean-Luc Picard', 'Dr: Who', 'Ann #2', 'Yes', 'Null', '0x10', '12', ' padded ', 'José Ñúñez', '李小龍', 'A. B. Cé'),
      fc.array(fc.constantFrom('Ada', 'Lovelace', 'Bo', 'Ng', 'O’Hara', 'van', 'der', 'Berg', 'Ana-Maria'), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
    );
    const eol = fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n');
    fc.assert(
      fc.property(name, name, fc.option(name), fc.option(fc.constantFrom('Globex', 'Initech', 'Café Ltd')), eol, (person, referrer, maybeRef, company, e) => {
        const trimmed = person.trim();
        // New contact: `contacts/<slug>.md`, a contact with the name as typed.
        const slug = slugify(trimmed);
        assert.match(slug, /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{M}\p{N}]*(-[\p{Ll}\p{Lo}\p{M}\p{N}]+)*$/u);
        const contactPath = `${DEFAULT_FOLDERS.contact}/${slug}.md`;
        const contactText = contactTemplate(trimmed, e);
        const contact = assertValidInput(contactPath, contactText);
        assert.equal((contact as { name: string }).name, trimmed);
        counted('create: new contact');

        // Log meeting with them: the question bank, no question-missing, closed-question or too-long hint.
        const files: Record<string, string> = { ...CAST, [contactPath]: contactText };
        const meetingPath = `${DEFAULT_FOLDERS.meeting}/${TODAY}-${slug}.md`;
        const meeting = meetingTemplate(slug, TODAY, e);
        assertValidInput(meetingPath, meeting);
        assert.deepEqual(check({ ...files, [meetingPath]: meeting }).filter((d) => d.file === meetingPath).map((d) => d.code), [], meeting);
        counted('create: log meeting');

        // Draft outreach: passes every outreach check, the referrer (if any) named in the subject.
        const ref = maybeRef === null ? undefined : referrer.trim();
        const refPath = 'contacts/the-referrer.md';
        const withRef = { ...files, [refPath]: contactTemplate(ref ?? 'Nobody', e),
          [contactPath]: ref ? contactText.replace(`status: lead${e}`, `status: lead${e}referred_by: "[[the-referrer]]"${e}`) : contactText };
        const outPath = `${DEFAULT_FOLDERS.outreach}/${TODAY}-${slug}.md`;
        const draft = outreachTemplate({ id: slug, name: trimmed, company: company ?? undefined, referrer: ref }, e);
        const o = assertValidInput(outPath, draft);
        if (ref) assert.ok((o as { subject?: string }).subject?.startsWith(ref), draft);
        assert.deepEqual(check({ ...withRef, [outPath]: draft }).filter((d) => d.file === outPath).map((d) => `${d.code}: ${d.message}`), [], draft);
        counted('create: draft outreach');
      }),
      run(200),
    );
  });

  it('a create is never offered over a note that exists, whatever its case or folder', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GHOSTS), fc.constantFrom('contacts', 'companies', 'archive/old', ''), fc.boolean(),
        fc.constantFrom('', '---\ntype: contact\nname: X\n---\n', 'just text, not a Rapport note\n'), (id, folder, upper, content) => {
          const file = `${folder ? `${folder}/` : ''}${upper ? id.toUpperCase() : id}.md`;
          const meeting = md(['type: meeting', `with: "[[${id}]]"`, 'date: 2026-11-17', 'thank_you: true', 'referrals: []']);
          const ds = check({ ...PEOPLE, [file]: content, 'meetings/m.md': meeting });
          assert.deepEqual(ds.filter((d) => d.file === 'meetings/m.md' && d.fixes?.some((f) => f.create)), [], file);
          counted('create: refused over an existing note');
        }),
      run(150),
    );
  });
});
