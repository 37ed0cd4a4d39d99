// `node:assert`'s strict mode, the part the integration tests use, for the web
// worker extension host, which has no Node. The web test bundle resolves
// `node:assert` here (scripts/build.mjs); the desktop run uses Node's own.

export class AssertionError extends Error {
  override name = 'AssertionError';
  constructor(
    message: string,
    readonly actual?: unknown,
    readonly expected?: unknown,
  ) {
    super(message);
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Map) return `Map(${show([...value])})`;
  if (value instanceof Set) return `Set(${show([...value])})`;
  try {
    const text = JSON.stringify(value, (_k, v: unknown) => (v === undefined ? '<undefined>' : typeof v === 'bigint' ? `${v}n` : v));
    return text ?? String(value);
  } catch {
    return String(value); // cycles
  }
}

function fail(message?: string | Error, actual?: unknown, expected?: unknown, why = 'Failed'): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? why, actual, expected);
}

/** Node's isDeepStrictEqual, for what tests compare: primitives, arrays, plain objects, Maps, Sets, Dates, RegExps. */
function deepStrictEqual(a: unknown, b: unknown, seen = new Map<object, object>()): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map) {
    const m = b as Map<unknown, unknown>;
    if (a.size !== m.size) return false;
    for (const [k, v] of a) if (!m.has(k) || !deepStrictEqual(v, m.get(k), seen)) return false;
    return true;
  }
  if (a instanceof Set) {
    const s = b as Set<unknown>;
    if (a.size !== s.size) return false;
    for (const v of a) if (!s.has(v)) return false;
    return true;
  }
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const k of keysA) {
    if (!Object.hasOwn(b, k) || !deepStrictEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], seen)) return false;
  }
  return true;
}

type Expected = RegExp | (new (...args: never[]) => unknown) | ((err: unknown) => boolean) | Record<string, unknown>;

/** Does a thrown `err` match what throws()/rejects() were told to expect, as Node decides it. */
function matches(err: unknown, expected: Expected | undefined): boolean {
  if (expected === undefined) return true;
  if (expected instanceof RegExp) return expected.test(String(err));
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && err instanceof (expected as new () => unknown)) return true;
    if (expected === Error || Object.prototype.isPrototypeOf.call(Error, expected)) return false;
    return (expected as (err: unknown) => boolean)(err) === true;
  }
  const actual = err as Record<string, unknown>;
  return Object.entries(expected).every(([k, v]) =>
    v instanceof RegExp && typeof actual?.[k] === 'string' ? v.test(actual[k] as string) : deepStrictEqual(actual?.[k], v));
}

/** throws()/rejects()'s arguments: `error` may be the message. */
function expectation(error?: Expected | string, message?: string | Error): { expected?: Expected; message?: string | Error } {
  return typeof error === 'string' ? { message: error } : { expected: error, message };
}

/** An error that is not the one expected: of another class, it is thrown again; else the check fails. */
function unexpected(err: unknown, want: { expected?: Expected; message?: string | Error }): never {
  if (want.expected === Error || (typeof want.expected === 'function' && Object.prototype.isPrototypeOf.call(Error, want.expected))) throw err;
  fail(want.message, err, want.expected, `The error is not the one expected: ${show(String(err))}`);
}

function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, value, true, `The expression evaluated to a falsy value: ${show(value)}`);
}

export const strict = {
  AssertionError,
  fail: (message?: string | Error): never => fail(message),
  ok,
  equal(actual: unknown, expected: unknown, message?: string | Error): void {
    if (!Object.is(actual, expected)) fail(message, actual, expected, `Expected values to be strictly equal:\n${show(actual)} !== ${show(expected)}`);
  },
  notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
    if (Object.is(actual, expected)) fail(message, actual, expected, `Expected "actual" to be strictly unequal to: ${show(expected)}`);
  },
  deepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
    if (!deepStrictEqual(actual, expected)) fail(message, actual, expected, `Expected values to be strictly deep-equal:\nactual:   ${show(actual)}\nexpected: ${show(expected)}`);
  },
  notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
    if (deepStrictEqual(actual, expected)) fail(message, actual, expected, `Expected "actual" not to be strictly deep-equal to: ${show(expected)}`);
  },
  throws(fn: () => unknown, error?: Expected | string, message?: string | Error): void {
    const want = expectation(error, message);
    try {
      fn();
    } catch (err) {
      if (!matches(err, want.expected)) unexpected(err, want);
      return;
    }
    fail(want.message, undefined, want.expected, 'Missing expected exception.');
  },
  async rejects(promise: Promise<unknown> | (() => Promise<unknown>), error?: Expected | string, message?: string | Error): Promise<void> {
    const want = expectation(error, message);
    try {
      await (typeof promise === 'function' ? promise() : promise);
    } catch (err) {
      if (!matches(err, want.expected)) unexpected(err, want);
      return;
    }
    fail(want.message, undefined, want.expected, 'Missing expected rejection.');
  },
  match(text: string, re: RegExp, message?: string | Error): void {
    if (typeof text !== 'string' || !re.test(text)) fail(message, text, re, `The input did not match the regular expression ${re}. Input:\n${show(text)}`);
  },
  doesNotMatch(text: string, re: RegExp, message?: string | Error): void {
    if (typeof text !== 'string' || re.test(text)) fail(message, text, re, `The input was expected to not match the regular expression ${re}. Input:\n${show(text)}`);
  },
};

export default strict;
