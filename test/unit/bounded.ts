// Time bounds a busy machine cannot break. A test that guards against a
// quadratic blow-up or a hang bounds the lesser of wall and CPU time: other
// processes on a loaded CI machine slow the wall clock but not our CPU time,
// and the collector's helper threads add CPU time but not wall time. Neither
// alone fails a test that is merely sharing the machine.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

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
  assert.ok(took < ms, `${what} took ${took.toFixed(0)} ms (bound ${ms} ms, the lesser of wall and CPU time)`);
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
