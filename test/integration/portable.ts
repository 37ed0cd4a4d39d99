// The integration tests that run in both extension hosts, the Node one (suite.ts)
// and the web worker one (test/web/index.ts): they reach files only through
// vscode.workspace.fs and vscode.Uri, never node:fs or node:path.
import './activation.test.js';
import './host.test.js';
import './follow-ups.test.js';
import './live-updates.test.js';
import './views.test.js';
import './editor.test.js';
import './preview.test.js';
import './quick-fixes.test.js';
import './commands.test.js';
import './edit-safety.test.js';
import './edits.test.js';
import './names.test.js';
import './multi-root.test.js';
import './snippets.test.js';
import './follow-up-actions.test.js';
import './logging.test.js';
import './calendar.test.js';
import './report.test.js';
import './rename.test.js';
import './import.test.js';
