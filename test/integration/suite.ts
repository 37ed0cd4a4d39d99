// Every integration test file, bundled into dist/test/suite.cjs.
import './activation.test.js';
import './follow-ups.test.js';
import './live-updates.test.js';
import './views.test.js';
import './editor.test.js';
import './quick-fixes.test.js';
import './commands.test.js';
import './edit-safety.test.js';
import './names.test.js';
import './edits.test.js';
import './multi-root.test.js';
import './grammar.test.js';
import './snippets.test.js';
import './storm.test.js';
