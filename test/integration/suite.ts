// Every integration test file, bundled into dist/test/suite.cjs for the Node
// extension host: the ones both hosts run, then the few that need Node (each
// says why in its title). The web worker host runs portable.ts alone (test/web/index.ts).
import './portable.js';
import './grammar.test.js';
import './storm.test.js';
import './cli-agrees.test.js';
import './logging-cli.test.js';
import './snapshot.test.js';
