import { strict as assert } from 'node:assert';
import { bodyLinks, linksOutsideCode, parseBody } from '../../src/core/body.js';
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
    this.timeout(60_000);
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
