// How much slower than when it is quiet this machine runs right now: for the few
// tests that must bound a time (a blow-up in the unit suite, a latency in the
// perf suite), so that a CI machine busy with other work does not fail them
// while a real regression (10-1000x) still does. Measured, not configured: a
// fixed piece of work much like a check's (strings, regular expressions, small
// objects) is timed now against what it takes on the project's 2-core machine
// when nothing else runs. Plain TypeScript: it runs in Node and in VS Code's
// extension host alike.

/** The reference work's time on a quiet 2-core machine (the fastest of 100 runs there was 18.6 ms). */
const QUIET_MS = 18;

function referenceWork(): number {
  const started = performance.now();
  let found = 0;
  for (let i = 0; i < 4000; i++) {
    const line = `- [[person-${i}]] met on 2026-11-${(i % 28) + 1} about ${'payments '.repeat(i % 7)}`;
    const m = /\[\[([^\]]+)\]\] met on (\d{4})-(\d{2})-(\d+)/.exec(line);
    found += JSON.parse(JSON.stringify({ id: m?.[1], day: Number(m?.[4]), words: line.split(' ') })).words.length;
  }
  if (found < 0) throw new Error('unreachable'); // keeps the work from being optimised away
  return performance.now() - started;
}

/** The factor (at least 1) by which this machine is slower now than when quiet: the median of five runs. */
export function slowdown(): number {
  referenceWork(); // warm: the first run also compiles
  const runs = [referenceWork(), referenceWork(), referenceWork(), referenceWork(), referenceWork()].sort((a, b) => a - b);
  return Math.max(1, runs[2] / QUIET_MS);
}
