// Mocha for the web worker extension host: its browser build, which installs itself
// as globalThis.mocha (scripts/build.mjs keeps it from taking over the bundle's
// exports). Imported before the tests, so describe/it exist when they load.

import 'mocha/mocha.js';

interface BrowserMocha {
  setup(options: { ui: string; reporter: string; color: boolean; timeout: number }): void;
  run(done: (failures: number) => void): { stats?: { passes: number; failures: number; pending: number } };
}

export const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
// Read by test/integration/host.test.ts: this run must have no Node.
(globalThis as { rapportTestHost?: string }).rapportTestHost = 'web';

/** Runs the tests imported after this module; prints the closing line CI reads, as test/reporter.cjs does for the Node host. */
export function runTests(what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const s = runner.stats;
      if (s) console.log(`${s.passes} passed, ${s.failures} failed${s.pending ? `, ${s.pending} skipped` : ''}`);
      if (failures) reject(new Error(`${failures} ${what} failed in the web worker extension host`));
      else resolve();
    });
  });
}
