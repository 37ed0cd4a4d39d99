// Where the persisted caches live and how their files are read and written (Node
// only): in the user's cache folder (or the editor's storage), never in their
// repository, one set of files per workspace. A file that cannot be read is no
// cache; one that cannot be written only makes the next run cold.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

/** The file's JSON, or undefined when it is missing or not JSON. */
export function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Write atomically; a failure to write (read-only home, full disk) only makes the next run cold. */
export function writeJson(path: string, value: unknown): boolean {
  return writeText(path, JSON.stringify(value));
}

export function writeText(path: string, text: string): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
    return true;
  } catch {
    return false; // see above
  }
}
