// Where the persisted caches live and how their files are read and written (Node
// only): in the user's cache folder (or the editor's storage), never in their
// repository, one set of files per workspace. A file that cannot be read is no
// cache; one that cannot be written only makes the next run cold. (writeWhole, the
// one way to write a file whole, serves the CLI's --html page too.)

import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The CLI's cache folder; the extension keeps its own, in VS Code's storage. */
export function cacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'rapport');
}

/** The name a workspace's cache files start with. */
export function cacheId(root: string): string {
  return createHash('sha1').update(root).digest('hex').slice(0, 16);
}

/**
 * The file's JSON, or undefined when it is missing or not JSON. The caches are written in
 * ASCII (jsonText): such a file is taken byte for byte as a one-byte string (latin1), where
 * decoding it as UTF-8 cost ~100 ms of the 17 MB note cache at 10,000 notes, and more
 * with a character past Latin-1 in it (its whole text became two-byte). A file with
 * other bytes (any other writer) is decoded as UTF-8.
 */
export function readJson(path: string): unknown {
  try {
    return JSON.parse(textOf(readFileSync(path)));
  } catch {
    return undefined;
  }
}

/** The text of a cache file's bytes, as readJson takes them. */
export function textOf(bytes: Buffer): string {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/** JSON.stringify, with every character past ASCII written as its \\u escape: the same value, read back fast (readJson). */
export function jsonText(value: unknown): string {
  const json = JSON.stringify(value);
  return NON_ASCII.test(json) ? json.replace(NON_ASCII_ALL, escapeUnit) : json;
}

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_ALL = /[^\x00-\x7f]/g;
const escapeUnit = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Write atomically; a failure to write (read-only home, full disk) only makes the next run cold. */
export function writeJson(path: string, value: unknown): boolean {
  return writeText(path, jsonText(value));
}

export function writeText(path: string, text: string): boolean {
  return writeParts(path, [text]);
}

/** As writeWhole, but a failure only returns false: for a cache, it only makes the next run colder. */
export function writeParts(path: string, parts: Iterable<string>): boolean {
  try {
    writeWhole(path, parts);
    return true;
  } catch {
    return false;
  }
}

const WRITE_BUFFER_BYTES = 1 << 20;
/** The longest text the buffer always takes whole; a longer part goes through it in slices. */
const MAX_PART = Math.floor(WRITE_BUFFER_BYTES / 3);

/** writeSync of a buffer may write less than asked (a full disk, a signal): write the rest. */
function writeAll(fd: number, buffer: Buffer, length: number): void {
  for (let done = 0; done < length; ) done += writeSync(fd, buffer, done, length - done);
}

/** `text` in pieces of at most `max` UTF-16 units, never cutting a surrogate pair in two. */
function* slices(text: string, max: number): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + max, text.length);
    const unit = text.charCodeAt(end);
    if (end < text.length && unit >= 0xdc00 && unit <= 0xdfff) end--; // the pair's second half: keep the pair together
    yield text.slice(start, end);
    start = end;
  }
}

/**
 * Write the text of `parts`, one after another, whole or not at all: to a temporary file
 * beside `path`, then renamed over it (removed again on a failure, which is thrown). About a
 * megabyte is held at a time: the note cache at 100,000 notes is ~150 MB of JSON, which as
 * one string (beside the notes it was made from) put a first run's peak memory over 800 MB.
 * Each part is encoded on its own into one reused buffer: parts joined into a string first
 * make the whole megabyte two-byte as soon as one note has a character past Latin-1, and
 * encoding that took ~150 ms of a first run at 10,000 notes, against ~20 ms part by part.
 */
export function writeWhole(path: string, parts: Iterable<string>): void {
  const tmp = `${path}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(tmp, 'w');
    const out = fd;
    const buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
    let used = 0;
    const put = (part: string) => {
      // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair's two give 4).
      if (used + part.length * 3 > buffer.length) {
        writeAll(out, buffer, used);
        used = 0;
      }
      used += buffer.write(part, used);
    };
    for (const part of parts) {
      if (part.length <= MAX_PART) put(part);
      else for (const slice of slices(part, MAX_PART)) put(slice); // a stored report of megabytes
    }
    writeAll(out, buffer, used);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}
