// The editor's snapshot of a folder's checks (Node only): every diagnostic as last
// checked, fixes and follow-ups included, with the key it was checked under (day,
// minutes, settings: check-key.ts) and each file's size and mtime. At the next start,
// when the disk and the key are as they were, the Follow-ups view and the Problems
// panel are filled from it at once, while the notes are read (~1.5 s at 10,000 notes
// in the editor, even from the cache of parsed notes) and checked again; that check
// then replaces it. A second snapshot, checked with the next morning's clock, is for the
// start after a night with the window closed, when the day's no longer holds. Its version
// is a hash of the sources that make diagnostics
// (scripts/source-version.mjs): a change to any check makes every snapshot unread.
// Anything wrong with it (missing, corrupt, another version, a file changed) means
// the usual start, never a wrong answer.

import { join } from 'node:path';
import { sameKey, type CheckKey } from '../core/check-key.js';
import type { Diagnostic } from '../core/model.js';
import { cacheId, jsonText, readJson, writeParts } from './cache-files.js';
import type { ScannedFolder } from './load-folder.js';
import type { FileStamp } from './note-cache.js';
import { StampTable } from './stamp-table.js';
import { SNAPSHOT_VERSION } from './snapshot-version.generated.js';

interface StoredSnapshot {
  version: string;
  root: string;
  key: CheckKey;
  stamps: { paths: string; mtimes: number[]; sizes: number[] };
  diagnostics: [string, Diagnostic[]][];
}

/**
 * Which snapshot: of the day it was stored, or of the next day (checked with the next morning's
 * clock, for the start after a night with the window closed, when the day's no longer holds).
 */
export type SnapshotDay = 'today' | 'next day';
const DAYS: readonly SnapshotDay[] = ['today', 'next day'];

export function snapshotPath(root: string, dir: string, day: SnapshotDay = 'today'): string {
  return join(dir, `${cacheId(root)}.checks-snapshot${day === 'today' ? '' : '-next-day'}.json`);
}

/**
 * Write the snapshot of a folder (`root`, its real path) into `dir`: the diagnostics of
 * its notes as stamped, checked under `key` (with its window of minutes). False when it
 * could not be written.
 */
export function saveSnapshot(root: string, dir: string, s: { key: CheckKey; stamps: Map<string, FileStamp>; diagnostics: Iterable<[string, Diagnostic[]]> }, day: SnapshotDay = 'today'): boolean {
  const table = StampTable.of(s.stamps);
  const head: Omit<StoredSnapshot, 'diagnostics'> = { version: SNAPSHOT_VERSION, root, key: s.key, stamps: { paths: table.joined, mtimes: table.mtimes, sizes: table.sizes } };
  // Written file by file, not as one string of megabytes.
  function* parts(): Generator<string> {
    yield `${jsonText(head).slice(0, -1)},"diagnostics":[`;
    let first = true;
    for (const entry of s.diagnostics) {
      yield `${first ? '' : ','}${jsonText(entry)}`;
      first = false;
    }
    yield ']}';
  }
  return writeParts(snapshotPath(root, dir, day), parts());
}

/**
 * The diagnostics stored for `root`, when they give the answers for `key` and every file
 * of `scan()` (the folder as it is now) has the size and mtime it had, none added or gone:
 * the day's snapshot, or else the one stored for the next day. The folder is scanned (once)
 * only when a stored file could be used: a first session (none stored) or a day neither is
 * for pays no walk and stat of every file (0.1–0.4 s at 10,000 notes in the editor's start)
 * before its notes are read.
 */
export function loadSnapshot(root: string, dir: string, key: CheckKey, scan: () => ScannedFolder): Map<string, Diagnostic[]> | undefined {
  let scanned: ScannedFolder | undefined;
  for (const day of DAYS) {
    const raw = readJson(snapshotPath(root, dir, day)) as StoredSnapshot | undefined;
    if (raw?.version !== SNAPSHOT_VERSION || raw.root !== root || !raw.key || !sameKey(raw.key, key)) continue;
    if (typeof raw.stamps?.paths !== 'string' || !Array.isArray(raw.stamps.mtimes) || !Array.isArray(raw.stamps.sizes) || !Array.isArray(raw.diagnostics)) continue;
    if (!new StampTable(raw.stamps.paths, raw.stamps.mtimes, raw.stamps.sizes).matchesScanInAnyOrder((scanned ??= scan()))) continue;
    const out = new Map<string, Diagnostic[]>();
    for (const entry of raw.diagnostics) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1]) || !entry[1].every(isDiagnostic)) return undefined;
      out.set(entry[0], entry[1]);
    }
    return out;
  }
  return undefined;
}

/** Enough of a diagnostic's shape that a feature showing it cannot fail on it. */
function isDiagnostic(d: Diagnostic): boolean {
  const r = d?.range;
  return typeof d?.file === 'string' && typeof d.code === 'string' && typeof d.message === 'string' && typeof d.severity === 'string' &&
    typeof r?.start?.line === 'number' && typeof r.start.character === 'number' && typeof r.end?.line === 'number' && typeof r.end.character === 'number';
}
