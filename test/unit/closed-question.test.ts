import { strict as assert } from 'node:assert';
import { closedQuestion } from '../../src/core/checks/closed-questions.js';
import { CAST, check, md, only } from './helpers.js';

// closed-question recognises a yes/no question whatever its markup (issue 16),
// and leaves open questions alone: "Do you think…" is closed, "What do you think…" open.

/** The closed-question hints of a meeting two days ahead whose Questions list is `body`. */
function hints(body: string) {
  const files = { ...CAST, 'meetings/m.md': md(['type: meeting', 'with: "[[sally-smith]]"', 'date: 2026-11-28'], `## Questions\n\n${body}\n`) };
  return only(check(files), 'closed-question');
}

describe('closed-question, whatever the markup', () => {
  const CLOSED: [string, string][] = [
    ['- **Do you enjoy the work?**', 'Do you enjoy the work?'],
    ['1. Do you enjoy the work?', 'Do you enjoy the work?'],
    ['2) Is the pay good?', 'Is the pay good?'],
    ['- So, do you think the market will recover?', 'do you think the market will recover?'],
    ['- And is remote work here to stay?', 'is remote work here to stay?'],
    ['- _So_ are you glad you switched?', 'are you glad you switched?'],
    ['- Q3: Would you do it again?', 'Would you do it again?'],
    ['- Career path: do you regret leaving law?', 'do you regret leaving law?'],
    ['- “Did you study finance?”', 'Did you study finance?'],
    ['- Tell me about your first year. Was it hard?', 'Was it hard?'],
    ['- (a) Am I too old to switch?', 'Am I too old to switch?'],
    ['- [ ] **1.** Could I shadow you for a day?', 'Could I shadow you for a day?'],
    ['- May I ask about pay?', 'May I ask about pay?'],
    ['- Q1) Is it remote?', 'Is it remote?'],
    ['- #1 Do you travel?', 'Do you travel?'],
    ['- Out of curiosity, do you code?', 'do you code?'],
    ['- In hindsight, would you do it again?', 'would you do it again?'],
    ['- Do you enjoy the work', 'Do you enjoy the work'],
  ];

  it('hints at a yes/no question in bold, numbered, after “So,” or “And”, after a topic, in quotes', () => {
    for (const [item, question] of CLOSED) {
      const ds = hints(item);
      assert.equal(ds.length, 1, `not flagged: ${item}`);
      assert.ok(ds[0].message.startsWith(`“${question}”`), `${item}: ${ds[0].message}`);
    }
  });

  it('leaves open questions alone, whatever their markup', () => {
    for (const item of [
      '- **What do you think of bootcamps?**', '1. How did you get started?', '- So, what would you do differently?',
      '- And why did you leave consulting?', '- Q3: Which skills matter most?', '- Career path: how did yours unfold?',
      '- Walk me through a typical week.', '- Tell me about your first year.', '- What do you think — is it worth it?',
      '- Doing what, exactly?', '- Willing to relocate: how much does it matter?', '- Do not forget to ask about the team offsite',
      '- Have a look at their blog first', '- Would love to hear about your day.', '- Can’t wait to hear about it',
      '- Do tell me about your first job.', '- In what way did it help?', '- If you could change one thing, what would it be?',
      '- Looking back, what surprised you?',
    ]) assert.deepEqual(hints(item).map((d) => d.message), [], `flagged: ${item}`);
  });

  it('reads the question, not the item’s other words', () => {
    assert.equal(closedQuestion('Isolation: how do remote teams cope?'), undefined);
    assert.equal(closedQuestion('Canada or the US: where is it easier?'), undefined);
    assert.equal(closedQuestion('Do you think the field is growing?'), 'Do you think the field is growing?');
    assert.equal(closedQuestion('What do you think? Is the field growing?'), 'Is the field growing?');
  });
});
