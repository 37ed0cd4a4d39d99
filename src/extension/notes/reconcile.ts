// The reconcile after bursts of file events. A watcher overwhelmed by a
// checkout may drop or merge events (a CI run saw the index left on the old
// branch), so once the events have been quiet for a moment each folder is
// compared with its files: in full after a burst, and after a few events only
// if a folder's stamp says files were added, removed or renamed. Even one
// event after a checkout the watcher said nothing about still catches up.

type Timer = ReturnType<typeof setTimeout>;

/** File events in a row that make a burst (a checkout, a pull). */
export const BURST_EVENTS = 20;
/** Quiet time after the last file event before the reconcile. */
export const RECONCILE_AFTER_MS = 400;

export class Reconcile {
  /** File events since the last reconcile. */
  private events = 0;
  private timer: Timer | undefined;
  private disposed = false;

  constructor(
    /** Compare every folder with its files; `full` after a burst. */
    private readonly run: (full: boolean) => Promise<void>,
    /** Whether to wait longer: reads still under way, or an event within the last RECONCILE_AFTER_MS. */
    private readonly busy: (quietMs: number) => boolean,
  ) {}

  /** True while a reconcile is due. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** Count a file event; the reconcile waits until they are quiet. */
  event(): void {
    this.events++;
    this.arm();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    clearTimeout(this.timer);
    if (!this.disposed) this.timer = setTimeout(() => void this.due(), RECONCILE_AFTER_MS);
  }

  private async due(): Promise<void> {
    // Reads still under way finish first; events arriving meanwhile re-arm the timer.
    if (this.busy(RECONCILE_AFTER_MS)) return this.arm();
    this.timer = undefined; // the reads run starts count as busy for idle()
    const full = this.events >= BURST_EVENTS;
    this.events = 0;
    await this.run(full);
  }
}
