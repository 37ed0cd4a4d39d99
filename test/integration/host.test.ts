// Which extension host runs Rapport and these tests. The web run (test/web/index.ts)
// says it is one; there, nothing of Node may be around, which is what vscode.dev and
// github.dev give an extension.

import { strict as assert } from 'node:assert';
import { rapport, root, webRun as web } from './helpers.js';

describe(`the extension host: ${web ? 'a web worker' : 'Node'}`, () => {
  if (web) {
    it('runs Rapport without Node: no process, and the notes come through workspace.fs', async () => {
      const api = await rapport(); // its API reaches us, so it runs in this host
      assert.equal(typeof process, 'undefined', 'a web worker has no process');
      assert.equal(typeof (globalThis as { require?: unknown }).require, 'undefined', 'nor require');
      assert.notEqual(root().scheme, 'file', 'the files are the remote ones, not a local disk');
      assert.ok(api.notes.noteCount() > 0, 'and Rapport has read the notes');
    });
  } else {
    it('runs Rapport in Node, reading the notes from disk', async () => {
      const api = await rapport();
      assert.equal(typeof process?.versions?.node, 'string');
      assert.equal(root().scheme, 'file');
      assert.ok(api.notes.noteCount() > 0);
    });
  }
});
