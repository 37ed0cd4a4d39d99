// Time bounds a busy machine cannot break. A test that guards against a
// quadratic blow-up or a hang bounds the lesser of wall and CPU time: other
// processes on a loaded CI machine slow the wall clock, and the collector's
// helper threads add CPU time but not wall time. That is not enough on a
// shared virtual machine, where CPU time stretches too (a hostile note that
// takes 150 ms of CPU alone took 1,046 ms of CPU and 2-3x that of wall time at
// a load of 14 on 2 cores). So a bound that is passed is checked once more,
// scaled by how slow the machine is at that moment (../slowdown.ts); a blow-up
// (10-1000x) still fails it.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { slowdown } from '../slowdown.js';

/** Run `fn`, failing when it takes longer than `ms` (the lesser of wall and CPU time). */
export function within<T>(ms: number, what: string, fn: () => T): T {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const out = fn();
  check(ms, what, performance.now() - started, cpu);
  return out;
}

/** `within` for work that is awaited (e.g. `main()` in-process). */
export async function withinAsync<T>(ms: number, what: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const out = await fn();
  check(ms, what, performance.now() - started, cpu);
  return out;
}

function check(ms: number, what: string, wall: number, cpu: NodeJS.CpuUsage): void {
  const { user, system } = process.cpuUsage(cpu);
  const took = Math.min(wall, (user + system) / 1000);
  if (took < ms) return;
  const factor = slowdown();
  assert.ok(took < ms * factor, `${what} took ${took.toFixed(0)} ms (the lesser of wall and CPU time), over its bound of ${ms} ms `
    + `times ${factor.toFixed(1)}, how much slower than when quiet this machine is now`);
}

/**
 * CPU milliseconds used so far by this process's finished children (those it
 * waited for, as spawnSync does): fields cutime and cstime of /proc/self/stat,
 * in clock ticks of 10 ms. Undefined where there is no /proc (then callers fall
 * back to wall time).
 */
export function childrenCpuMs(): number | undefined {
  try {
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of the whole line are 14 and 15 here (field 3 is the first after the name).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}
