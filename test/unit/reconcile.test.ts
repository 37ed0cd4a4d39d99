// The reconcile after file events (src/extension/notes/reconcile.ts): once the
// events are quiet, one comparison of the folders with their files, in full
// after a burst, and never while reads are still under way.

import { strict as assert } from 'node:assert';
import { BURST_EVENTS, Reconcile } from '../../src/extension/notes/reconcile.js';

/** A Reconcile whose runs resolve `ran` with whether each was full. */
function reconcile(busy: () => boolean = () => false) {
  const runs: boolean[] = [];
  let resolve: () => void = () => {};
  const ran = new Promise<void>((r) => (resolve = r));
  const r = new Reconcile(async (full) => {
    runs.push(full);
    resolve();
  }, busy);
  return { r, runs, ran };
}

describe('the reconcile after file events', () => {
  it('runs once after a burst, in full', async () => {
    const { r, runs, ran } = reconcile();
    for (let i = 0; i < BURST_EVENTS + 5; i++) r.event();
    assert.ok(r.pending);
    await ran;
    assert.deepEqual(runs, [true]);
    assert.ok(!r.pending);
    r.dispose();
  });

  it('after a few events, runs the quick check (not in full)', async () => {
    const { r, runs, ran } = reconcile();
    r.event();
    r.event();
    await ran;
    assert.deepEqual(runs, [false]);
    r.dispose();
  });

  it('waits while reads are under way, and runs once they are over', async () => {
    let asked = 0;
    const { r, runs, ran } = reconcile(() => ++asked < 3);
    for (let i = 0; i < BURST_EVENTS; i++) r.event();
    await ran;
    assert.equal(asked, 3, 'asked again each time until not busy');
    assert.deepEqual(runs, [true]);
    r.dispose();
  });

  it('has nothing due once disposed', () => {
    const { r } = reconcile();
    r.event();
    assert.ok(r.pending);
    r.dispose();
    assert.ok(!r.pending);
    r.event(); // an event after the window closed
    assert.ok(!r.pending);
  });
});
