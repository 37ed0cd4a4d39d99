// `rapport watch` as a user meets it: how long until its first report, and how long from
// saving a note to seeing what changed, measured from outside the process (spawn to the
// report's summary line; write to the next summary line). One contact note is saved
// `saves` times, alternately with and without a follow-up date that is due, so every save
// changes the report; the note's bytes and mtime are put back at the end.

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const SUMMARY = /^(No problems: nothing is due\.|\d+ diagnostics?: )/;
/** Between saves: past watch's 100 ms quiet wait, so that each save is a burst of its own. */
const PAUSE_MS = 300;

export async function benchWatch({ node, rapport, dir, today, saves, env }) {
  const contacts = join(dir, 'contacts');
  const note = join(contacts, readdirSync(contacts).filter((f) => f.endsWith('.md')).sort()[0]);
  const original = readFileSync(note);
  const { atime, mtime } = statSync(note);
  const started = performance.now();
  const child = spawn(node, [rapport, 'watch', dir, '--today', today], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let pending = '';
  let inReport = false;
  const reports = []; // when each report's summary line arrived
  let waiting;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) {
      if (line.startsWith('── ')) inReport = true;
      else if (inReport && SUMMARY.test(line)) {
        inReport = false;
        reports.push(performance.now());
        waiting?.();
      }
    }
  });
  let err = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s) => (err += s));
  const reportsAtLeast = (n, limitMs) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`rapport watch printed no report ${n} within ${limitMs / 1000} s; stderr: ${err.slice(-500)}`)), limitMs);
    waiting = () => {
      if (reports.length >= n) {
        clearTimeout(timer);
        waiting = undefined;
        resolve(reports[n - 1]);
      }
    };
    waiting();
  });
  try {
    const first = (await reportsAtLeast(1, 300_000)) - started;
    while (!/watching .* Ctrl-C to stop/.test(err)) await sleep(50);
    const latencies = [];
    const text = original.toString('utf8');
    const due = text.replace(/^type: contact$/m, 'type: contact\nnext_follow_up: 2026-11-01');
    for (let i = 0; i < saves; i++) {
      await sleep(PAUSE_MS);
      const before = reports.length;
      const at = performance.now();
      writeFileSync(note, i % 2 === 0 ? due : text);
      latencies.push((await reportsAtLeast(before + 1, 60_000)) - at);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const q = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    return { firstMs: Math.round(first), saves, p50Ms: Math.round(q(0.5)), p95Ms: Math.round(q(0.95)), maxMs: Math.round(sorted.at(-1)) };
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    writeFileSync(note, original);
    utimesSync(note, atime, mtime);
  }
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
