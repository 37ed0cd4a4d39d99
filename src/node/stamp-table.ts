// Each file's size and mtime when a set of diagnostics was computed (Node only): what
// the CLI's warm start and the editor's snapshot compare with the disk before using
// what they stored.

import type { ScannedFolder } from './load-folder.js';
import type { FileStamp } from './note-cache.js';

/**
 * Each file's size and mtime when the diagnostics were computed: the paths as one
 * string (NUL-separated: no file name holds a NUL) and two arrays. The warm start
 * reads this and compares it with the disk; 10,000 path strings, or small arrays,
 * or a Map made of them, each cost a good part of that start. The paths are split,
 * and the Map built, only when a path is looked up (an incremental check).
 */
export class StampTable {
  private byPath: Map<string, FileStamp> | undefined;
  private list: string[] | undefined;

  constructor(
    /** The paths, joined with NUL. */
    readonly joined: string,
    readonly mtimes: number[],
    readonly sizes: number[],
  ) {}

  static of(stamps: Map<string, FileStamp>): StampTable {
    const paths: string[] = [];
    const mtimes: number[] = [];
    const sizes: number[] = [];
    for (const [p, s] of stamps) {
      paths.push(p);
      mtimes.push(s.mtimeMs);
      sizes.push(s.size);
    }
    const t = new StampTable(paths.join('\0'), mtimes, sizes);
    t.list = paths;
    return t;
  }

  /** The paths, in order. */
  keys(): string[] {
    this.list ??= split(this.joined);
    return this.list;
  }

  get(path: string): FileStamp | undefined {
    if (!this.byPath) {
      const paths = this.keys();
      this.byPath = new Map();
      for (let i = 0; i < paths.length; i++) this.byPath.set(paths[i], { mtimeMs: this.mtimes[i], size: this.sizes[i] });
    }
    return this.byPath.get(path);
  }

  /** Exactly the files of this scan (those it could stat), in its order, each with this size and mtime? */
  matchesScan(scan: ScannedFolder): boolean {
    const files: string[] = [];
    let j = 0;
    for (let i = 0; i < scan.files.length; i++) {
      const mtime = scan.mtimes[i];
      if (Number.isNaN(mtime)) continue;
      if (j >= this.mtimes.length || this.mtimes[j] !== mtime || this.sizes[j] !== scan.sizes[i]) return false;
      files.push(scan.files[i]);
      j++;
    }
    return j === this.mtimes.length && files.join('\0') === this.joined;
  }

  /**
   * The same as matchesScan, in any order: a table kept while files came and went (the
   * editor's, whose new files are stamped after the first read's) is not in a walk's order.
   */
  matchesScanInAnyOrder(scan: ScannedFolder): boolean {
    let n = 0;
    for (let i = 0; i < scan.files.length; i++) {
      if (Number.isNaN(scan.mtimes[i])) continue;
      const was = this.get(scan.files[i]);
      if (!was || was.mtimeMs !== scan.mtimes[i] || was.size !== scan.sizes[i]) return false;
      n++;
    }
    return n === this.mtimes.length;
  }
}

/** NUL-joined paths, split (no path is empty, so '' is none). */
export function split(joined: string): string[] {
  return joined ? joined.split('\0') : [];
}
