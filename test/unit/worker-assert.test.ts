// The web run's stand-in for node:assert (test/web/assert.ts) must fail where
// Node's strict assert fails, or the web run's green would mean less: each case
// goes through both, and both must agree.

import { strict as node } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { strict as worker } from '../web/assert.js';

type Assert = Pick<typeof node, 'ok' | 'equal' | 'notEqual' | 'deepEqual' | 'notDeepEqual' | 'match' | 'doesNotMatch' | 'throws'>;
const INTEGRATION = new URL('../../../test/integration/', import.meta.url);

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
  ['notDeepEqual([1], [2])', (a) => a.notDeepEqual([1], [2])],
  ['notDeepEqual({a: [1]}, {a: [1]})', (a) => a.notDeepEqual({ a: [1] }, { a: [1] })],
  ['throws(() => throw)', (a) => a.throws(() => { throw new Error('x'); })],
  ['throws(() => 1)', (a) => a.throws(() => 1)],
  ['throws(() => throw, /x/)', (a) => a.throws(() => { throw new Error('x'); }, /x/)],
  ['throws(() => throw TypeError, TypeError)', (a) => a.throws(() => { throw new TypeError('x'); }, TypeError)],
  ['throws(() => throw, (e) => false)', (a) => a.throws(() => { throw new Error('x'); }, () => false)],
  ['throws(() => throw, { message: /x/ })', (a) => a.throws(() => { throw new Error('x'); }, { message: /x/ })],
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
    for (const [name, f] of cases) node.equal(passes(worker as unknown as Assert, f), passes(node, f), name);
  });

  it('rejects as node:assert does', async () => {
    const outcome = async (a: Pick<typeof node, 'rejects'>, p: () => Promise<unknown>, e?: RegExp) =>
      a.rejects(p(), e as RegExp).then(() => 'passed', (err: Error) => (err.name === 'AssertionError' ? 'failed' : `threw ${err.message}`));
    const cases: [() => Promise<unknown>, RegExp?][] = [[() => Promise.reject(new Error('gone'))], [() => Promise.resolve(1)], [() => Promise.reject(new Error('gone')), /gone/], [() => Promise.reject(new Error('gone')), /here/]];
    for (const [p, e] of cases) node.equal(await outcome(worker as unknown as typeof node, p, e), await outcome(node, p, e), `${p} ${e}`);
  });

  it('has every assertion the integration tests use', () => {
    const used = new Set<string>();
    for (const f of readdirSync(INTEGRATION).filter((n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(new URL(f, INTEGRATION), 'utf8').matchAll(/\bassert\.(\w+)/g)) used.add(m[1]);
    }
    node.ok(used.size > 5, [...used].join(', '));
    node.deepEqual([...used].filter((name) => typeof (worker as Record<string, unknown>)[name] !== 'function'), []);
  });

  it('says what differed, and uses the message it is given', () => {
    node.throws(() => worker.equal(1, 2), /1 !== 2/);
    node.throws(() => worker.deepEqual(['a'], ['b']), /"a".*\n.*"b"/s);
    node.throws(() => worker.ok(false, 'my words'), { message: 'my words' });
  });
});
