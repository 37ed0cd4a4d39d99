import { strict as assert } from 'node:assert';
import type { Diagnostic } from '../../src/core/model.js';
import { parseFile, type Outreach } from '../../src/core/notes.js';
import { applyEdits } from '../../src/core/text.js';
import { CAST, check, md, only } from './helpers.js';

const FILE = 'outreach/draft.md';

/** An outreach note to `to` (Sally by default, who was referred by nobody) with a subject and body. */
function outreach(opts: { to?: string; subject?: string; body?: string; extra?: string[] } = {}): string {
  const fm = ['type: outreach', `to: "${opts.to ?? '[[sally-smith]]'}"`];
  if (opts.subject !== undefined) fm.push(`subject: ${opts.subject}`);
  fm.push(...(opts.extra ?? []));
  return md(fm, opts.body ?? '');
}
const run = (text: string, settings = {}) => check({ ...CAST, [FILE]: text }, undefined, settings).filter((d) => d.file === FILE);
const codes = (text: string, code: string) => only(run(text), code);

/** 1-based line and column of `needle`'s first occurrence in `text`, counted here independently of the checker. */
function where(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `fixture holds ${needle}`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
const at = (d: Diagnostic) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1 });

const SYNOPSIS = 'I spent six years in retail operations and I am moving into product design.';

describe('outreach-informational-interview', () => {
  const CODE = 'outreach-informational-interview';

  it('fires in the subject, pointing at the phrase', () => {
    const text = outreach({ subject: 'Request for an informational interview', body: SYNOPSIS });
    const ds = codes(text, CODE);
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'warning');
    assert.deepEqual(at(ds[0]), where(text, 'informational interview'));
    assert.deepEqual(at(ds[0]), { line: 4, column: 25 });
  });

  it('fires in the body, pointing at the phrase, whatever its case', () => {
    const body = `Hi Sally,\n\n${SYNOPSIS}\nWould you have time for an Informational Interview next week?\n`;
    const text = outreach({ subject: 'Your path into design', body });
    const ds = codes(text, CODE);
    assert.equal(ds.length, 1);
    assert.deepEqual(at(ds[0]), where(text, 'Informational Interview'));
    assert.equal(ds[0].range.end.character - ds[0].range.start.character, 'Informational Interview'.length);
  });

  it('reports each place once: subject and body both', () => {
    const text = outreach({ subject: 'informational interview?', body: 'Could we do an informational interview?' });
    const ds = codes(text, CODE);
    assert.deepEqual(ds.map((d) => at(d).line), [4, 6]);
  });

  it('is silent for a message that asks for advice instead', () => {
    const text = outreach({ subject: 'Your advice on moving into design', body: `${SYNOPSIS} I would value your perspective on the field.` });
    assert.deepEqual(codes(text, CODE), []);
    assert.deepEqual(codes(outreach({ subject: 'Some information about interviewing at Globex' }), CODE), []);
  });
});

describe('outreach-resume-attached', () => {
  const CODE = 'outreach-resume-attached';
  const fires = (body: string) => codes(outreach({ subject: 'Your path into design', body }), CODE);

  it('fires when the message says a resume, CV or résumé is attached', () => {
    for (const body of [
      'I have attached my resume for your reference.',
      'My CV is attached.',
      'Please find my résumé enclosed.',
      'I am including my curriculum vitae below.',
      'Résumé attached!',
    ]) {
      const ds = fires(body);
      assert.equal(ds.length, 1, body);
      assert.equal(ds[0].severity, 'warning', body);
    }
  });

  it('points at the line where the resume is attached', () => {
    const body = `Hi Sally,\n\n${SYNOPSIS}\nI've attached my resume so you can see my background.\n`;
    const text = outreach({ subject: 'Your path into design', body });
    const [d] = codes(text, CODE);
    assert.ok(d);
    assert.equal(at(d).line, where(text, "I've attached").line);
    assert.equal(at(d).line, 9); // ---, type, to, subject, ---, "Hi Sally,", "", synopsis, then this line
  });

  it('is silent for a message that merely offers to share a resume', () => {
    for (const body of [
      'Happy to share my resume if useful.',
      'I can send my CV if that would help.',
      'My résumé is available on request.',
      'I have not attached my resume; a short synopsis is below.',
    ]) {
      assert.deepEqual(fires(body), [], body);
    }
  });

  it('is silent when a writing sample is attached and the resume only offered after it', () => {
    // The message attaches a writing sample; the resume is only offered. Nothing says a resume is attached.
    assert.deepEqual(fires("I've attached a short writing sample; happy to share my resume if useful."), []);
  });

  it('is silent when the resume is only offered and something else is included after it', () => {
    assert.deepEqual(fires("Happy to share my resume if useful, and I've included a few questions below."), []);
  });

  it('still fires when an unrelated "no" comes earlier in the sentence', () => {
    // "No pressure" does not negate "attached my resume".
    assert.equal(fires("No pressure at all, but I've attached my resume in case it helps.").length, 1);
  });
});

describe('outreach-asks-for-job', () => {
  const CODE = 'outreach-asks-for-job';
  const fires = (body: string, subject = 'Your path into design') => codes(outreach({ subject, body }), CODE);

  it('fires when the message asks about open positions, pointing at the ask', () => {
    const body = `Hi Sally,\n\n${SYNOPSIS}\nAre there any open positions on your team?\n`;
    const text = outreach({ subject: 'Your path into design', body });
    const ds = codes(text, CODE);
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'warning');
    assert.equal(at(ds[0]).line, where(text, 'Are there any open positions').line);
    assert.equal(at(ds[0]).line, 9); // ---, type, to, subject, ---, "Hi Sally,", "", synopsis, then this line
    // The range covers the words "open positions" on that line.
    const line = text.split('\n')[8];
    const covered = line.slice(ds[0].range.start.character, ds[0].range.end.character);
    assert.match(covered, /open positions/);
  });

  it('fires for "are you hiring", in the body or in the subject', () => {
    assert.equal(fires(`${SYNOPSIS} By the way, are you hiring?`).length, 1);
    assert.equal(fires(SYNOPSIS, 'Are you hiring designers?').length, 1);
    assert.equal(fires('I am looking for a job in product design.').length, 1);
    assert.equal(fires('Could you hire me?').length, 1);
  });

  it('is silent when the job is explicitly not asked for', () => {
    assert.deepEqual(fires(`${SYNOPSIS} I'm not asking for a job, only for your perspective.`), []);
    assert.deepEqual(fires("I'm not looking for a job at Globex right now."), []);
  });

  it('is silent for benign uses of "role" and "position"', () => {
    assert.deepEqual(fires("I'd value your perspective on the role of design in fintech."), []);
    assert.deepEqual(fires('How did you get into your current role?'), []);
    assert.deepEqual(fires('I admire the position Globex has taken on accessibility.'), []);
  });

  it('still fires when a negation belongs to another clause of the sentence', () => {
    // "don't" negates taking time, not the question about openings.
    assert.equal(fires("I don't want to take much of your time, but are there any open positions on your team?").length, 1);
  });
});

describe('outreach-missing-referrer', () => {
  const CODE = 'outreach-missing-referrer';
  const toBob = (subject?: string, body = SYNOPSIS) => outreach({ to: '[[bob-jones]]', subject, body });

  it('warns when the recipient was referred by Sally Smith and the subject does not say so', () => {
    const text = toBob('Question about Initech');
    const ds = codes(text, CODE);
    assert.equal(ds.length, 1);
    const [d] = ds;
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /Sally Smith/);
    assert.match(d.message, /Bob Jones/);
    assert.equal(at(d).line, 4); // the subject line
  });

  it('has a fix that puts "Sally Smith suggested I contact you" into the subject, and nothing else changes', () => {
    const text = toBob('Question about Initech');
    const [d] = codes(text, CODE);
    const edits = d.fixes?.[0]?.edits;
    assert.ok(edits && edits.length, 'a fix with edits');
    const fixed = applyEdits(text, edits);
    const note = parseFile(FILE, fixed) as Outreach;
    assert.equal(note.type, 'outreach');
    assert.match(note.subject ?? '', /Sally Smith suggested I contact you/);
    assert.match(note.subject ?? '', /Question about Initech/);
    // Only the subject line changed.
    const before = text.split('\n');
    const after = fixed.split('\n');
    assert.equal(after.length, before.length);
    assert.deepEqual(after.filter((_, i) => i !== 3), before.filter((_, i) => i !== 3));
    // And the check is satisfied afterwards.
    assert.deepEqual(codes(fixed, CODE), []);
  });

  it('adds the subject when there is none', () => {
    const text = toBob(undefined);
    const [d] = codes(text, CODE);
    assert.ok(d);
    const fixed = applyEdits(text, d.fixes![0].edits!);
    assert.equal((parseFile(FILE, fixed) as Outreach).subject, 'Sally Smith suggested I contact you');
    assert.deepEqual(codes(fixed, CODE), []);
  });

  it('is silent when the subject names her', () => {
    assert.deepEqual(codes(toBob('Sally Smith suggested I contact you'), CODE), []);
    assert.deepEqual(codes(toBob('sally smith suggested I reach out'), CODE), []);
    assert.deepEqual(codes(toBob('Introduction via Sally'), CODE), []);
  });

  it('is not fooled by a referrer\'s first name used as an ordinary word in the subject', () => {
    // Will Turner referred Dana; "Will you…" does not name him.
    const files = {
      ...CAST,
      'contacts/will-turner.md': md(['type: contact', 'name: Will Turner', 'company: Globex']),
      'contacts/dana-reyes.md': md(['type: contact', 'name: Dana Reyes', 'referred_by: "[[will-turner]]"']),
      [FILE]: outreach({ to: '[[dana-reyes]]', subject: 'Will you share your advice on design?', body: SYNOPSIS }),
    };
    const ds = only(check(files), CODE).filter((d) => d.file === FILE);
    assert.equal(ds.length, 1);
    assert.match(ds[0].message, /Will Turner/);
  });

  it('is silent for a recipient who was referred by nobody', () => {
    assert.deepEqual(codes(outreach({ subject: 'Question about Globex', body: SYNOPSIS }), CODE), []);
    // Nothing at all is wrong with that draft.
    assert.deepEqual(run(outreach({ subject: 'Question about Globex', body: SYNOPSIS })), []);
  });
});

describe('outreach-too-long', () => {
  const CODE = 'outreach-too-long';
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  const msg = (n: number) => outreach({ subject: 'Your path into design', body: `${words(n)}\n` });

  it('is silent at 150 words and fires at 151', () => {
    assert.deepEqual(codes(msg(150), CODE), []);
    const ds = codes(msg(151), CODE);
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'information');
    assert.match(ds[0].message, /151 words/);
    assert.equal(at(ds[0]).line, 6); // the body's first line, after ---, type, to, subject, ---
  });

  it('does not count the frontmatter', () => {
    const text = outreach({ subject: words(20), body: `${words(140)}\n` });
    assert.deepEqual(codes(text, CODE), []);
  });

  it('follows the outreachMaxWords setting', () => {
    assert.deepEqual(only(run(msg(151), { outreachMaxWords: 200 }), CODE), []);
    assert.equal(only(run(msg(151), { outreachMaxWords: 200 }), CODE).length, 0);
    assert.equal(only(run(msg(51), { outreachMaxWords: 50 }), CODE).length, 1);
    assert.deepEqual(only(run(msg(50), { outreachMaxWords: 50 }), CODE), []);
  });
});

describe('sent outreach', () => {
  const everythingWrong = (extra: string[]) =>
    outreach({
      to: '[[bob-jones]]',
      subject: 'Informational interview request',
      extra,
      body: `I've attached my resume. Are you hiring? ${Array.from({ length: 200 }, () => 'more').join(' ')}\n`,
    });
  const outreachCodes = (text: string) => run(text).map((d) => d.code).filter((c) => c.startsWith('outreach-'));

  it('checks a draft with everything wrong for every outreach code', () => {
    assert.deepEqual([...new Set(outreachCodes(everythingWrong(['status: draft'])))].sort(), [
      'outreach-asks-for-job',
      'outreach-informational-interview',
      'outreach-missing-referrer',
      'outreach-resume-attached',
      'outreach-too-long',
    ]);
  });

  it('never checks the content of a sent message', () => {
    assert.deepEqual(outreachCodes(everythingWrong(['status: sent', 'sent: 2026-11-20'])), []);
    assert.deepEqual(outreachCodes(everythingWrong(['status: sent'])), []);
    assert.deepEqual(outreachCodes(everythingWrong(['sent: 2026-11-01'])), [], 'a sent date without status is sent');
    assert.deepEqual(outreachCodes(everythingWrong(['status: replied'])), []);
  });
});
