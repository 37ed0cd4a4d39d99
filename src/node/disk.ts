// Reading notes from a local disk (Node only): the CLI's way in, and the
// extension's for local folders, where one workspace.fs call per note would be
// an RPC. Every file is read on its own terms: one that cannot be read is
// skipped with a reason, and the rest of the folder still loads.

import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { textOrBinary } from '../core/text.js';

export interface Skipped {
  file: string;
  reason: string;
}

const SKIP_DIRS = new Set(['.git', 'node_modules']);
/** Larger than any note a person writes; reading it would only stall the run. */
export const MAX_NOTE_BYTES = 32 * 1024 * 1024;
/** Opening a FIFO for reading waits for a writer; without blocking, it opens and is then refused as not a file. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Every `.md` file below `root` (relative paths, forward slashes), following symlinks but never in a loop. */
export function findMarkdown(root: string, skipped: Skipped[] = []): string[] {
  return walkFolder(root, skipped).files;
}

/**
 * The same, with each file's absolute path too, as two parallel arrays (at 10,000
 * notes, no object per file for the warm start to make and collect). Paths are built
 * as the walk descends, not by path.join/relative per file: at 10,000 notes those
 * calls cost more than the directory reads. And each folder read, with its stamp taken
 * just before it was listed: a folder whose stamp is still that has had no file added,
 * removed or renamed since (the editor's check for file events a watcher dropped, and
 * the CLI's warm start, which then lists no folder at all).
 */
export function walkFolder(root: string, skipped: Skipped[] = []): { files: string[]; abs: string[]; folders: Map<string, number> } {
  const out = { files: [] as string[], abs: [] as string[], folders: new Map<string, number>() };
  const seen = new Set<string>([realpathSync(root)]);
  /** Where in `out.files` a file reached through a symlink is. */
  const links: number[] = [];
  const walk = (dir: string, relDir: string): void => {
    let entries: Dirent[];
    try {
      out.folders.set(dir, folderStamp(dir));
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      skipped.push({ file: relDir || '.', reason: `folder not readable (${code(e)})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = dir + sep + entry.name;
      const file = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.name.includes('\uFFFD') && (entry.isDirectory() || entry.name.toLowerCase().endsWith('.md'))) {
        // A name that is not UTF-8 comes back with U+FFFD for its odd bytes, and no file has
        // that name: opening it said ENOENT. Say so, by a name the user can find.
        const shown = relDir ? `${relDir}/${findableName(dir, entry.name)}` : findableName(dir, entry.name);
        skipped.push({ file: shown, reason: `its name is not valid UTF-8 (the bytes shown as \\xNN): rename it to read it` });
        continue;
      }
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (e) {
          if (entry.name.toLowerCase().endsWith('.md')) skipped.push({ file, reason: `broken symlink (${code(e)})` });
          continue;
        }
      }
      if (isDir) {
        if (SKIP_DIRS.has(entry.name)) continue;
        let real: string;
        try {
          real = realpathSync(abs);
        } catch (e) {
          skipped.push({ file, reason: `folder not readable (${code(e)})` });
          continue;
        }
        if (seen.has(real)) {
          if (entry.isSymbolicLink()) skipped.push({ file, reason: 'symlink to a folder already read (a loop or a duplicate)' });
          continue;
        }
        seen.add(real);
        walk(abs, file);
      } else if (entry.name.toLowerCase().endsWith('.md')) {
        if (isFile) {
          if (entry.isSymbolicLink()) links.push(out.files.length);
          out.files.push(file);
          out.abs.push(abs);
        }
        else skipped.push({ file, reason: 'not a regular file (a FIFO, socket or device)' });
      }
    }
  };
  walk(resolve(root), '');
  if (links.length) dropSecondPaths(out, links, skipped);
  return out;
}

/**
 * One file reached by two paths (a symlink beside its note) is one note, read where it is
 * not a link: otherwise a contact is a duplicate of itself. Real paths are asked only when
 * the walk met a symlinked note.
 */
function dropSecondPaths(out: { files: string[]; abs: string[] }, links: number[], skipped: Skipped[]): void {
  const isLink = new Set(links);
  const firstAt = new Map<string, number>();
  const real = (i: number) => {
    try {
      return realpathSync(out.abs[i]);
    } catch {
      return undefined;
    }
  };
  for (let i = 0; i < out.files.length; i++) {
    const r = isLink.has(i) ? undefined : real(i);
    if (r !== undefined && !firstAt.has(r)) firstAt.set(r, i);
  }
  const drop = new Set<number>();
  for (const i of links) {
    const r = real(i);
    if (r === undefined) continue;
    const first = firstAt.get(r);
    if (first === undefined) firstAt.set(r, i);
    else {
      drop.add(i);
      skipped.push({ file: out.files[i], reason: `a symlink to ${out.files[first]}, read there` });
    }
  }
  if (!drop.size) return;
  out.files = out.files.filter((_, i) => !drop.has(i));
  out.abs = out.abs.filter((_, i) => !drop.has(i));
}

/** A folder entry's name as its bytes are, with \xNN for each byte that is not UTF-8. */
function findableName(dir: string, name: string): string {
  try {
    for (const raw of readdirSync(dir, { encoding: 'buffer' })) {
      if (raw.toString('utf8') !== name) continue;
      let shown = '';
      for (let i = 0; i < raw.length; ) {
        const n = utf8Length(raw, i);
        shown += n ? raw.toString('utf8', i, i + n) : `\\x${raw[i].toString(16).padStart(2, '0')}`;
        i += n || 1;
      }
      return shown;
    }
  } catch {
    // fall through: the name as decoded
  }
  return name;
}

/** The length of the well-formed UTF-8 character at `i`, or 0. */
function utf8Length(b: Buffer, i: number): number {
  const c = b[i];
  const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n <= 1 || i + n > b.length) return n === 1 ? 1 : 0;
  for (let k = 1; k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) return 0;
  return b.toString('utf8', i, i + n).includes('\uFFFD') ? 0 : n;
}

/** Notes are small: one buffer this size, reused, takes nearly every note in one read. */
const SMALL_NOTE = 64 * 1024;
let smallNote: Buffer | undefined;

/**
 * A note file's text, or why it cannot be read as one; with its size and mtime
 * (from the open file, so they are those of the text read) unless `stamp` is
 * false. Without a stamp, a note under 64 kB is one read into a reused buffer
 * and no fstat: at 10,000 notes, 35 ms less of a cold check. The walk has
 * already seen a regular file; a larger one gets the fstat and its size limit.
 */
export function readNote(abs: string, stamp = true): { text: string; mtimeMs?: number; size?: number } | { reason: string } {
  let fd: number | undefined;
  try {
    fd = openSync(abs, OPEN_FLAGS);
    if (!stamp) {
      smallNote ??= Buffer.allocUnsafe(SMALL_NOTE);
      const n = readSync(fd, smallNote, 0, SMALL_NOTE, 0);
      if (n < SMALL_NOTE) return textOrBinary(smallNote.toString('utf8', 0, n));
    }
    const st = fstatSync(fd);
    if (!st.isFile()) return { reason: st.isDirectory() ? 'a folder, not a file' : 'not a regular file (a FIFO, socket or device)' };
    if (st.size > MAX_NOTE_BYTES) return { reason: `larger than ${MAX_NOTE_BYTES / 1024 / 1024} MB` };
    // Node's one-call UTF-8 read: a third of the time of reading into a Buffer of the file's size and decoding it.
    const note = textOrBinary(readFileSync(fd, 'utf8'));
    return 'reason' in note ? note : { text: note.text, mtimeMs: st.mtimeMs, size: st.size };
  } catch (e) {
    return { reason: code(e) === 'EISDIR' ? 'a folder, not a file' : `not readable (${code(e)})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * When a folder last changed (its ctime: an entry added, removed or renamed, and also its
 * permissions), or NaN when it cannot be read or is too recent to trust: a change within
 * the file system's timestamp granularity of it would leave it unchanged, so a folder
 * changed less than two seconds ago always counts as changed when compared.
 */
export function folderStamp(dir: string): number {
  try {
    const c = statSync(dir).ctimeMs;
    return Date.now() - c < 2000 ? NaN : c;
  } catch {
    return NaN;
  }
}

/** Has no folder of these changed since its stamp was taken (so listing them again would find the same entries)? */
export function foldersUnchanged(folders: Map<string, number>): boolean {
  for (const [dir, stamp] of folders) if (folderStamp(dir) !== stamp) return false;
  return true;
}

export function rel(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

export function code(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? String(e);
}
