// Long work cut into slices of a few milliseconds with a pause between them, for a front
// end whose thread is shared: the editor's extension host runs every extension on one
// thread, so its first read of a folder and its check for the next day's snapshot must
// never hold it for long. Timers only: it runs in Node and in a web worker alike.

/** Work between two pauses: short enough that a keystroke's diagnostics never wait on it for long. */
export const SLICE_MS = 8;

/**
 * Each pause waits a millisecond rather than letting the queue run only once (setImmediate).
 * The host's calls to and from VS Code take several turns of the event loop each (in
 * code-server each message also passes through zlib, whose callbacks come on later turns).
 * With one turn a pause, a `workspace.fs.stat` round trip during the perf suite's first read
 * of 10,000 notes took 1.0–1.8 s at worst, and a save's will-save participants could time
 * out (1.75 s); with a millisecond's wait, 0.6–0.9 s. Slices of 30 ms (fewer pauses) filled
 * Follow-ups sooner but made those round trips 2–3 s: not kept (docs/performance.md).
 */
const PAUSE_MS = 1;

export class Slices {
  private started = performance.now();
  private worked = 0;

  /**
   * A promise to await once this slice's time is spent (or `now`): the pause between two
   * slices. Undefined while there is time left: go on without a turn of the event loop.
   */
  pause(now = false): Promise<void> | undefined {
    const at = performance.now();
    if (!now && at - this.started <= SLICE_MS) return undefined;
    this.worked += at - this.started;
    return new Promise<void>((resolve) => setTimeout(resolve, PAUSE_MS)).then(() => void (this.started = performance.now()));
  }

  /** The milliseconds of work so far, the pauses left out. */
  get workMs(): number {
    return this.worked + performance.now() - this.started;
  }
}
