// Where Rapport looks: `rapport.include` and `rapport.exclude`, globs of paths from the
// workspace folder's root, read by the editor and the CLI alike (spec: "Living beside
// other notes"). A note outside them is foreign: filed for its links, silent, in no view.
// Globs through picomatch (its POSIX build: no Node, so it runs in the web worker too).

import picomatch from 'picomatch/posix.js';
import type { Settings } from './model.js';

/** Is the note at this path (relative, with forward slashes) one Rapport looks at? */
export type Scope = (path: string) => boolean;

/**
 * The notes matching an include glob (every note when there is none) and no exclude glob;
 * undefined when neither is set, so that the common case asks nothing. A glob naming a
 * folder (`work`, `archive/**`) takes in everything under it, as VS Code's own excludes do.
 */
export function noteScope(settings: Pick<Settings, 'include' | 'exclude'>): Scope | undefined {
  if (!settings.include.length && !settings.exclude.length) return undefined;
  const included = settings.include.length ? underAny(picomatch([...settings.include], { dot: true })) : () => true;
  const excluded = settings.exclude.length ? underAny(picomatch([...settings.exclude], { dot: true })) : () => false;
  return (path) => included(path) && !excluded(path);
}

/** Does the path, or a folder it is in, match? */
function underAny(matches: (path: string) => boolean): (path: string) => boolean {
  return (path) => {
    if (matches(path)) return true;
    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) if (matches(path.slice(0, i))) return true;
    return false;
  };
}

/** What is wrong with a list of globs as a setting, or undefined. */
export function globsProblem(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.some((g) => typeof g !== 'string' || !g.trim())) return 'should be a list of globs, as ["work/**", "**/templates/**"]';
  try {
    picomatch(value as string[]);
    return undefined;
  } catch (e) {
    return `is not a glob picomatch reads: ${e instanceof Error ? e.message : String(e)}`;
  }
}
