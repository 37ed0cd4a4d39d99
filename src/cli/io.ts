// Where the CLI writes: a module of its own, so that main, watch and workspace all
// use it without importing one another in a circle.

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** The process's own stdout and stderr; tests pass an Io that collects the text instead. */
export const std: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
