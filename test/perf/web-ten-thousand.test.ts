// The web build's first second: Rapport in the web worker extension host (as vscode.dev and
// github.dev run it), reading the 10,000-note corpus through workspace.fs, no Node at all.
// Run by `node test/vscode/run-tests.mjs --perf --web`; bench/editor.mjs reads its line.
// As in ten-thousand.test.ts, the time is printed, not asserted (a loaded machine stretches it).

import { strict as assert } from 'node:assert';
import { rapport } from '../integration/helpers.js';

describe('ten thousand notes in the web worker extension host', function () {
  this.timeout(300_000); // a hang bound: ~10,000 workspace.fs round trips on a loaded machine
  it('fills its Follow-ups after activation, every note read through workspace.fs (and prints how long that took)', async () => {
    const api = await rapport();
    const ms = api.timings.due! - api.timings.activated;
    const due = api.followUps.getChildren().length;
    const { read, cached } = api.notes.firstRead;
    console.log(`      (web build: Follow-ups filled ${Math.round(ms)} ms after activation: ${read} notes read through workspace.fs, ${cached} from a cache, ${due} follow-ups)`);
    assert.ok(read >= 9_000, `${read} notes read`);
    assert.equal(cached, 0, 'the web build keeps no cache of parsed notes');
    assert.ok(due > 0);
  });
});
