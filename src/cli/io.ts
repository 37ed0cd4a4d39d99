// Where the CLI writes: a module of its own, so that main, watch and workspace all
// use it without importing one another in a circle.

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /**
   * Resolves once what was written to stdout has left the process. Writes to a pipe return at
   * once and go out only while the event loop is free: `watch`'s first report at 100,000 notes
   * (10 MB) trickled out for 8 s behind the file watcher's scan.
   */
  flushed?: () => Promise<void>;
}

/** The process's own stdout and stderr; tests pass an Io that collects the text instead. */
export const std: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  flushed: () => new Promise((resolve) => process.stdout.write('', () => resolve())),
};
