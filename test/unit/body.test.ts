import { strict as assert } from 'node:assert';
import { bodyLinks, bodyQuestions, linksOutsideCode, parseBody, questionsOfPlainBody } from '../../src/core/parse/body.js';
import { linkTarget } from '../../src/core/links.js';
import { rng } from './helpers.js';

/** Pieces of Markdown where a [[link]] is or is not code, by CommonMark's rules. */
const FRAGMENTS = [
  'Talked with [[ann]] about design.',
  'Inline `[[code-a]]` is code, [[real-b]] is not.',
  '``double `[[code-c]]` ticks`` then [[real-d]]',
  'an unclosed `tick [[real-e]] stays text',
  '```\n[[code-f]]\n```',
  '~~~js\nconst x = "[[code-g]]";\n~~~~',
  '````\n```\n[[code-h]]\n````',
  '- [[list-i]] item',
  '- `[[code-j]]` item',
  '1. first [[list-k]]',
  '## Heading [[head-l]]',
  '\\`[[escaped-m]]\\` is text',
  'a `span\ncrossing [[code-n]] lines` ends',
  '    indented [[maybe-o]]',
  '> quoted [[quote-p]]',
  '> `[[quote-code-q]]`',
  '<div>[[html-r]]</div>',
  '<!-- [[comment-s]] -->',
  '- item\n\n  ```\n  [[nested-t]]\n  ```',
  '```unclosed\n[[code-u]]',
  'tick ` alone, [[real-v]] and `[[code-w]]`',
  '- [ ] task for [[task-x]]',
  '',
  '',
];


const ids = (ls: { id: string; start: number; end: number }[]) => ls.map((l) => `${l.id}@${l.start}-${l.end}`);

describe('links in a body, outside code', () => {
  it('agree with remark on 3,000 generated bodies (the scanner declines what it cannot tell)', function () {
    this.timeout(300_000);
    const r = rng(7);
    let scanned = 0;
    for (let i = 0; i < 3000; i++) {
      const parts = Array.from({ length: 1 + Math.floor(r() * 6) }, () => FRAGMENTS[Math.floor(r() * FRAGMENTS.length)]);
      const body = parts.join(r() < 0.5 ? '\n' : '\n\n') + (r() < 0.3 ? '\r\n' : '\n');
      const truth = ids(parseBody(body, 0).links);
      const fast = linksOutsideCode(body, 0);
      if (fast) {
        scanned++;
        assert.deepEqual(ids(fast), truth, JSON.stringify(body));
      }
      assert.deepEqual(ids(bodyLinks(body, 0)), truth, JSON.stringify(body));
    }
    assert.ok(scanned > 1000, `the fast path served only ${scanned} of 3000`);
  });

  it('shifts offsets into the note', () => {
    assert.deepEqual(ids(bodyLinks('see `x` and [[ann]]', 100)), ['ann@112-119']);
  });
});

/** Lines of meeting bodies, plain and not: what could make remark read a `## Questions` list differently. */
const QUESTION_LINES = [
  // plain: the scanner reads these itself
  '## Questions', '## Questions to ask', '## questions', '##Questions', '### Questions', '# Questions', '## Notes', '### Follow-up',
  'Questions', '- What does a typical day look like?', '* Why this team?', '+ What would you change?', '-   Four spaces after the marker',
  '- [ ] Ask about the roadmap', '- [x] Asked already', '- [link](https://example.com) first', 'Plain text line.', 'Text then',
  'lazy continuation', '',
  // not plain: each sends the body to remark
  '## *Questions*', '## Questions ##', '## Questions &amp; more', '===', '---', '***', '* * *', '- How did you get here?  ',
  '-      five: code in the item', '-', '- ', '- # heading in an item', '- > quote in an item', '- 3 things to ask', '- - nested at once',
  '1. Ordered question?', '2) Another?', '  - indented item', '    code line', '\tTabbed', '> - quoted item',
  '```', '~~~', '<div>', '[ref]: https://example.com', 'Q&A with `code`', 'Ends with a backslash\\', 'a lone\rreturn',
];
const PLAIN_LINES = 20;

describe('the `## Questions` list, with and without remark', () => {
  it('agrees with remark on 5,000 generated meeting bodies (the scanner declines what it cannot tell)', function () {
    this.timeout(300_000);
    const r = rng(11);
    let scanned = 0;
    for (let i = 0; i < 5000; i++) {
      // Mostly plain lines, so that the scanner's own answers are tested often.
      const pick = () => QUESTION_LINES[Math.floor(r() * (r() < 0.93 ? PLAIN_LINES : QUESTION_LINES.length))];
      const lines = Array.from({ length: 1 + Math.floor(r() * 10) }, pick);
      const body = lines.join(r() < 0.3 ? '\r\n' : '\n') + (r() < 0.5 ? '\n' : '');
      const truth = parseBody(body, 40).questions;
      const fast = questionsOfPlainBody(body, 40);
      if (fast) {
        scanned++;
        assert.deepEqual(fast.questions, truth, JSON.stringify(body));
      }
      assert.deepEqual(bodyQuestions(body, 40), truth, JSON.stringify(body));
    }
    assert.ok(scanned > 1000, `the scanner served only ${scanned} of 5000`);
  });

  it('reads a typical meeting body without remark, tasks included', () => {
    const body = 'Coffee near their office.\n\n## Questions\n\n- How does research reach the roadmap?\n- [x] What does a day look like?\n\n## Notes\n- not a question\n';
    assert.deepEqual(questionsOfPlainBody(body, 0), {
      questions: { headingStart: 27, headingEnd: 39, items: [
        { text: 'How does research reach the roadmap?', start: 43, end: 79 },
        { text: 'What does a day look like?', start: 86, end: 112, done: true },
      ] },
    });
  });
});

describe('link targets', () => {
  it('take the shortcut for a plain id only where the full rule gives the same answer (20,000 generated)', () => {
    const full = (inner: string) => {
      let t = inner.split('|')[0].split('#')[0].trim();
      t = t.slice(t.lastIndexOf('/') + 1);
      if (t.toLowerCase().endsWith('.md')) t = t.slice(0, -3);
      return t.trim();
    };
    const r = rng(5);
    const alphabet = ['a', 'Z', '-', ' ', '|', '#', '/', '.', 'm', 'd', 'M', '\t', 'é'];
    for (let i = 0; i < 20_000; i++) {
      const inner = Array.from({ length: 1 + Math.floor(r() * 8) }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
      assert.equal(linkTarget(inner), full(inner), JSON.stringify(inner));
    }
  });
});
