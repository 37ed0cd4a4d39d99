// The web run's stand-in for node:assert (test/web/assert.ts) must fail where
// Node's strict assert fails, or the web run's green would mean less: each case
// goes through both, and both must agree.

import { strict as node } from 'node:assert';
import { strict as worker } from '../web/assert.js';

type Assert = Pick<typeof node, 'ok' | 'equal' | 'notEqual' | 'deepEqual' | 'match' | 'doesNotMatch'>;

const cases: [string, (a: Assert) => void][] = [
  ['ok(1)', (a) => a.ok(1)],
  ['ok(0)', (a) => a.ok(0)],
  ['ok("")', (a) => a.ok('')],
  ['equal(1, 1)', (a) => a.equal(1, 1)],
  ['equal(1, "1")', (a) => a.equal(1, '1')],
  ['equal(NaN, NaN)', (a) => a.equal(NaN, NaN)],
  ['equal({}, {})', (a) => a.equal({}, {})],
  ['notEqual(1, 2)', (a) => a.notEqual(1, 2)],
  ['notEqual("a", "a")', (a) => a.notEqual('a', 'a')],
  ['deepEqual([1, [2]], [1, [2]])', (a) => a.deepEqual([1, [2]], [1, [2]])],
  ['deepEqual([1], ["1"])', (a) => a.deepEqual([1], ['1'])],
  ['deepEqual([1, 2], [1])', (a) => a.deepEqual([1, 2], [1])],
  ['deepEqual({a: 1}, {a: 1, b: undefined})', (a) => a.deepEqual({ a: 1 }, { a: 1, b: undefined })],
  ['deepEqual({a: {b: [1]}}, {a: {b: [1]}})', (a) => a.deepEqual({ a: { b: [1] } }, { a: { b: [1] } })],
  ['deepEqual({a: {b: [1]}}, {a: {b: [2]}})', (a) => a.deepEqual({ a: { b: [1] } }, { a: { b: [2] } })],
  ['deepEqual([], {})', (a) => a.deepEqual([], {})],
  ['deepEqual(null, {})', (a) => a.deepEqual(null, {})],
  ['deepEqual(new Set([1]), new Set([2]))', (a) => a.deepEqual(new Set([1]), new Set([2]))],
  ['deepEqual(new Map([[1, "a"]]), new Map([[1, "a"]]))', (a) => a.deepEqual(new Map([[1, 'a']]), new Map([[1, 'a']]))],
  ['deepEqual(new Map([[1, "a"]]), new Map([[1, "b"]]))', (a) => a.deepEqual(new Map([[1, 'a']]), new Map([[1, 'b']]))],
  ['deepEqual(true, true)', (a) => a.deepEqual(true, true)],
  ['deepEqual(0, -0)', (a) => a.deepEqual(0, -0)],
  ['match("abc", /b/)', (a) => a.match('abc', /b/)],
  ['match("abc", /x/)', (a) => a.match('abc', /x/)],
  ['doesNotMatch("abc", /x/)', (a) => a.doesNotMatch('abc', /x/)],
  ['doesNotMatch("abc", /b/)', (a) => a.doesNotMatch('abc', /b/)],
];

const passes = (a: Assert, f: (a: Assert) => void): boolean => {
  try {
    f(a);
    return true;
  } catch (e) {
    if ((e as Error).name !== 'AssertionError') throw e;
    return false;
  }
};

describe('the web run’s assert', () => {
  it('passes and fails exactly where node:assert/strict does', () => {
    for (const [name, f] of cases) node.equal(passes(worker, f), passes(node, f), name);
  });

  it('says what differed, and uses the message it is given', () => {
    node.throws(() => worker.equal(1, 2), /1 !== 2/);
    node.throws(() => worker.deepEqual(['a'], ['b']), /"a".*\n.*"b"/s);
    node.throws(() => worker.ok(false, 'my words'), { message: 'my words' });
  });
});
