// One-note re-check, in process: what the editor pays after each edit.
//
//   node bench/recheck.mjs DIR [--edits 200] [--seed S] [--today 2026-11-21] [--verify] [--dump N] [--out OUT]
//
// Loads DIR with the CLI's loadWorkspace, builds a LiveChecks over its index
// (the extension's incremental checker), runs checkAll() once, then applies
// single-note edits of the kinds people make (mark a thank-you sent or not,
// change a contact's status or name, change an outreach subject, add or remove
// a referral) and times each `live.change(path, text)` with performance.now().
// Only the change call is timed: producing the edited text is not; its wall time, and
// the process's CPU time over it (which other work on a busy machine changes least).
// --out OUT measures another build's compiled modules (its out/src; default this
// tree's): bench/run.mjs --baseline runs the same edits, timed the same way, on both.
// Prints one JSON object to stdout. --verify then compares the incremental
// result with a full check of the edited index (untimed).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const outArg = process.argv.indexOf('--out');
const OUT = outArg === -1 ? new URL('../out/src/', import.meta.url) : pathToFileURL(`${resolve(process.argv[outArg + 1])}/`);
const { findMarkdown, loadWorkspace } = await import(new URL('cli/workspace.js', OUT).href);
const { LiveChecks } = await import(new URL('core/live-checks.js', OUT).href);
const { checkAll } = await import(new URL('core/checks/index.js', OUT).href);
const { clockFrom } = await import(new URL('core/dates.js', OUT).href);

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const dir = args[0];
const edits = Number(opt('--edits', 200));
const seed = Number(opt('--seed', 7));
const today = opt('--today', '2026-11-21');
const verify = args.includes('--verify');
/** --dump N: show the first N edits (before and after) on stderr, to see that they are the edits described. */
const dump = Number(opt('--dump', 0));
if (!dir || dir.startsWith('--') || !Number.isInteger(edits) || edits < 1) {
  process.stderr.write('usage: node bench/recheck.mjs DIR [--edits 200] [--seed S] [--today YYYY-MM-DD] [--verify]\n');
  process.exit(2);
}
const root = resolve(dir);
const clock = clockFrom(today);

// Without the CLI's persisted cache: the editor reads and parses the notes itself.
let loadedVia = 'loadWorkspace(root, { cache: false })';
let t = performance.now();
let ws = loadWorkspace(root, { cache: false });
let loadMs = performance.now() - t;
if (ws.index.size === 0 && findMarkdown(root).length > 0) {
  // Seen while the persisted cache was new: with { cache: false } the index came back
  // empty. Say so, and load cold anyway through a cache folder of our own, empty.
  process.stderr.write('recheck: loadWorkspace(root, { cache: false }) returned an empty index for a folder of notes; ' +
    'loading through an empty private cache folder instead\n');
  const cacheHome = mkdtempSync(join(tmpdir(), 'rapport-recheck-'));
  process.env.XDG_CACHE_HOME = cacheHome;
  process.on('exit', () => rmSync(cacheHome, { recursive: true, force: true }));
  loadedVia = 'loadWorkspace(root) with an empty private cache (the { cache: false } load came back empty)';
  t = performance.now();
  ws = loadWorkspace(root);
  loadMs = performance.now() - t;
}
const live = new LiveChecks(ws.index, () => ({ clock, settings: ws.settings }));
t = performance.now();
live.checkAll();
const checkAllMs = performance.now() - t;
// What the editor and watch do once loaded, while nothing is asked: build who-links-where, so
// that no edit pays for it (at 100,000 notes the first edit took 0.46-1.0 s when one did).
t = performance.now();
ws.index.prepareForChanges();
const prepareMs = performance.now() - t;

// A small seeded random source, so the same edits are made on every run.
let s = seed >>> 0;
const rand = () => {
  s = (s + 0x6d2b79f5) >>> 0;
  let x = Math.imul(s ^ (s >>> 15), s | 1);
  x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const byType = { contact: [], meeting: [], company: [], outreach: [] };
for (const f of ws.index.allFiles()) if (f.type) byType[f.type].push(f.path);
const contactIds = byType.contact.map((p) => p.slice(p.lastIndexOf('/') + 1, -3));

/** The note's current text as on disk (with its BOM and line endings), edited in memory from then on. */
const current = new Map();
const textOf = (path) => {
  if (!current.has(path)) current.set(path, readFileSync(join(root, path), 'utf8'));
  return current.get(path);
};

/** Replace a top-level `key:` line of the frontmatter, or insert one after the `type:` line. */
function setKey(text, key, value) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const re = new RegExp(`^${key}:[^\\r\\n]*`, 'm');
  if (re.test(text)) return text.replace(re, `${key}: ${value}`);
  return text.replace(/^type:[^\r\n]*/m, (m) => `${m}${eol}${key}: ${value}`);
}
function removeKey(text, key) {
  // The key's line and any indented continuation lines (a block list).
  return text.replace(new RegExp(`^${key}:[^\\r\\n]*\\r?\\n(?:[ \\t]+[^\\r\\n]*\\r?\\n)*`, 'm'), '');
}
const keyValue = (text, key) => new RegExp(`^${key}:[ \\t]*([^\\r\\n]*)`, 'm').exec(text)?.[1];

const STATUSES = ['lead', 'contacted', 'scheduled', 'met', 'dormant'];
const SUBJECTS = ['Advice on moving into fintech', 'A question from a fellow designer', 'Twenty minutes of advice?'];

const EDITS = [
  ['toggle thank_you', 30, 'meeting', (text) =>
    keyValue(text, 'thank_you') !== undefined ? removeKey(text, 'thank_you') : setKey(text, 'thank_you', today)],
  ['contact status', 20, 'contact', (text) => setKey(text, 'status', pick(STATUSES.filter((x) => x !== keyValue(text, 'status'))))],
  ['contact name', 15, 'contact', (text) => {
    const name = keyValue(text, 'name') ?? 'Someone';
    return setKey(text, 'name', / II$/.test(name) ? name.replace(/ II$/, '') : `${name} II`);
  }],
  ['outreach subject', 20, 'outreach', (text) => setKey(text, 'subject', pick(SUBJECTS.filter((x) => x !== keyValue(text, 'subject'))))],
  ['add/remove referral', 15, 'meeting', (text) => {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const v = keyValue(text, 'referrals');
    if (v !== undefined && rand() < 0.5) return removeKey(text, 'referrals');
    const item = `"[[${pick(contactIds)}]]"`;
    if (v === undefined || v === '[]') return removeKey(text, 'referrals').replace(/^type:[^\r\n]*/m, (m) => `${m}${eol}referrals:${eol}  - ${item}`);
    if (v === '') return text.replace(/^referrals:[ \t]*\r?\n/m, (m) => `${m}  - ${item}${eol}`);
    return setKey(text, 'referrals', `[${v.replace(/^\[|\]$/g, '').trim()}${v.trim() === '[]' ? '' : ', '}${item}]`);
  }],
];
const totalWeight = EDITS.reduce((a, e) => a + e[1], 0);
const chooseEdit = () => {
  let x = rand() * totalWeight;
  for (const e of EDITS) if ((x -= e[1]) < 0) return e;
  return EDITS[0];
};

const times = [];
const cpuTimes = [];
const affected = [];
const byKind = {};
const log = [];
for (let i = 0; i < edits; i++) {
  const [kind, , type, edit] = chooseEdit();
  const path = pick(byType[type]);
  const before = textOf(path);
  const next = edit(before);
  if (dump && i < dump) process.stderr.write(`--- ${kind}: ${path}\n${before.slice(0, 400)}\n+++\n${next.slice(0, 400)}\n`);
  current.set(path, next);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const recomputed = live.change(path, next);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  times.push(ms);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  affected.push(recomputed.length);
  log.push({ kind, path, ms, affected: recomputed.length });
  (byKind[kind] ??= []).push(ms);
}

const quantile = (xs, q) => {
  const a = [...xs].sort((x, y) => x - y);
  return a[Math.min(a.length - 1, Math.max(0, Math.ceil(q * a.length) - 1))];
};
const round = (x, d = 3) => Number(x.toFixed(d));
const result = {
  dir: root,
  files: ws.index.size,
  loadedVia,
  loadMs: round(loadMs, 1),
  checkAllMs: round(checkAllMs, 1),
  prepareMs: round(prepareMs, 1),
  edits,
  p50Ms: round(quantile(times, 0.5)),
  p95Ms: round(quantile(times, 0.95)),
  maxMs: round(Math.max(...times)),
  p50CpuMs: round(quantile(cpuTimes, 0.5)),
  p95CpuMs: round(quantile(cpuTimes, 0.95)),
  meanMs: round(times.reduce((a, b) => a + b, 0) / times.length),
  affectedMedian: quantile(affected, 0.5),
  affectedMax: Math.max(...affected),
  slowest: log.sort((a, b) => b.ms - a.ms).slice(0, 5).map((e) => ({ ...e, ms: round(e.ms) })),
  byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, { n: v.length, p50Ms: round(quantile(v, 0.5)), p95Ms: round(quantile(v, 0.95)) }])),
};
if (verify) {
  const show = (ds) => ds.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`).join('\n');
  const full = checkAll(ws.index.allFiles(), { index: ws.index, clock, settings: ws.settings });
  result.verified = show(live.all()) === show(full);
  result.diagnostics = full.length;
}
process.stdout.write(`${JSON.stringify(result)}\n`);
