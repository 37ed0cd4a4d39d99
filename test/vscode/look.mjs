// `npm run test:look`: the person's-eye check. Installs rapport.vsix (as a user
// gets it) into code-server, opens a copy of the demo notes in Debian's Chromium,
// and does what a person would: opens Rapport from the activity bar, reads the
// Follow-ups view and the status bar, clicks a follow-up, opens the Problems
// panel. It asserts on the rendered text only, and saves the README's screenshots
// (docs/images/follow-ups.png, docs/images/problems.png) on the way.
//
// `npm test` runs it right after `npm run package`, so rapport.vsix is fresh.
// Exits 1 on any failure, saying what was on screen instead, with a screenshot of
// the moment in a temp folder (never in the repo).

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { provision, repoRoot } from './provision.mjs';
import { freePort, installVsix, launchBrowser, makeProfile, startCodeServer, tail } from './code-server.mjs';

const TODAY = '2026-11-21'; // the day the demo notes are written for
const vsix = join(repoRoot, 'rapport.vsix');
const imagesDir = join(repoRoot, 'docs', 'images');
const TIMEOUT_MS = 3 * 60_000; // the whole run; a warm one takes well under a minute

// What the demo must show on TODAY (see examples/demo/README.md).
const EXPECTED_ROWS = 7;
const FIRST_ROW = { label: 'Thank Rohan Mehta', description: '3 days overdue' };
const ALSO_ROWS = ['Follow up with Dev Patel', 'Close the meeting with Carmen Díaz']; // Díaz, as her note spells it
const ROHAN_NOTE = '2026-11-17-rohan-mehta.md';
const ROHAN_PROBLEM = { message: 'Thank-you note to Rohan Mehta is 3 days overdue', code: 'thank-you-pending' };

// Only for this session: no empty secondary side bar taking a third of the
// screenshots, and a cursor that doesn't blink, so that the same screen gives the
// same picture (no needless change to docs/images on every run).
const LOOK_SETTINGS = {
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'editor.cursorBlinking': 'solid',
};

const t0 = Date.now();
const seconds = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const log = (line) => console.log(`[look] ${line}`);

if (!existsSync(vsix)) {
  console.error(`[look] ${relative(repoRoot, vsix)} is missing: run \`npm run package\` first (\`npm test\` does).`);
  process.exit(1);
}

// ---------------------------------------------------------------------------
// Setup and teardown

let server, browser, profile, demoRoot, failureDir;
const results = []; // { name, ok }, one per group of assertions

async function cleanup({ keepProfile = false } = {}) {
  await browser?.close();
  await server?.stop();
  if (demoRoot) rmSync(demoRoot, { recursive: true, force: true });
  if (profile && !keepProfile) rmSync(profile.root, { recursive: true, force: true });
}

let finishing = false;
/**
 * Ends the run. `broken` is a message when the run broke rather than a check
 * failing; then code-server's log is shown and its profile folder kept to look at.
 */
async function finish(broken, { keepProfile = Boolean(broken) } = {}) {
  if (finishing) return new Promise(() => {}); // the first reason to stop wins
  finishing = true;
  if (broken) {
    console.error(`[look] ${broken}`);
    if (server && keepProfile) console.error(`[look] code-server's log (kept in ${profile.root}) ends with:\n${tail(server.logFile)}`);
  }
  await cleanup({ keepProfile });
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed + (broken ? 1 : 0);
  if (failureDir) console.error(`[look] screenshot of the failure: ${join(failureDir, 'look-failure.png')}`);
  console.log(`look: ${passed} passed, ${failed} failed (${seconds()})`);
  process.exit(failed ? 1 : 0);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish(`stopped by ${sig}`, { keepProfile: false }));
setTimeout(() => finish(`timed out after ${TIMEOUT_MS / 60_000} min`), TIMEOUT_MS).unref();

// ---------------------------------------------------------------------------
// Reading the screen

const sel = {
  workbench: '.monaco-workbench',
  rapportTab: '.part.activitybar [role="tab"][aria-label^="Rapport"]',
  followUpsPane: '.part.sidebar .pane:has(> .pane-header[aria-label^="Follow-ups"])',
  statusItem: '.part.statusbar .statusbar-item[id$="rapport.due"]',
  activeTab: '.part.editor .tabs-container .tab.active',
  markers: '.part.panel .markers-panel',
  toasts: '.notifications-toasts .notification-toast',
};

/** A short account of what is on screen, for failure messages. */
async function describeScreen(page) {
  return page.evaluate(() => {
    const text = (el) => (el?.innerText ?? '').replace(/\s+/g, ' ').trim();
    // A tree row's label, description and badge are adjacent spans: keep them apart.
    const row = (r) => [...r.querySelectorAll('.label-name, .label-description, .monaco-count-badge, .marker-message, .marker-code, .marker-line')]
      .map((e) => e.textContent.trim()).filter(Boolean).join(' ') || text(r);
    const all = (q) => [...document.querySelectorAll(q)].filter((e) => e.offsetParent !== null);
    const lines = [];
    const side = document.querySelector('.part.sidebar');
    if (side && side.offsetParent !== null) {
      lines.push(`side bar "${text(side.querySelector('.title-label'))}": ${all('.part.sidebar .monaco-list-row').slice(0, 30).map((r) => `[${row(r)}]`).join(' ') || text(side.querySelector('.content')).slice(0, 300) || '(empty)'}`);
    } else lines.push('side bar: hidden');
    lines.push(`status bar: ${all('.part.statusbar .statusbar-item').map((e) => `[${text(e) || e.getAttribute('aria-label')}]`).join(' ')}`);
    lines.push(`editor tabs: ${all('.part.editor .tab').map((t) => `[${text(t)}${t.classList.contains('active') ? ' (active)' : ''}]`).join(' ') || '(none)'}`);
    const panel = document.querySelector('.part.panel');
    if (panel && panel.offsetParent !== null) {
      lines.push(`panel "${text(panel.querySelector('.composite.title .panel-switcher-container .checked')) || '?'}": ${all('.part.panel .monaco-list-row').slice(0, 12).map((r) => `[${row(r)}]`).join(' ') || text(panel.querySelector('.content')).slice(0, 300)}`);
    } else lines.push('panel: hidden');
    const toasts = all('.notifications-toasts .notification-toast');
    if (toasts.length) lines.push(`notifications: ${toasts.map((t) => `[${text(t)}]`).join(' ')}`);
    const dialog = all('.monaco-dialog-box');
    if (dialog.length) lines.push(`dialog: ${dialog.map((d) => `[${text(d)}]`).join(' ')}`);
    return lines.map((l) => `  ${l}`).join('\n');
  }).catch((err) => `  (could not read the screen: ${err.message})`);
}

/**
 * Polls `read()` until `ok(value)` holds or `timeoutMs` passes; returns the last
 * value either way, so a failure can say what was there instead.
 */
async function until(read, ok, timeoutMs = 15_000, everyMs = 100) {
  const end = Date.now() + timeoutMs;
  let value;
  for (;;) {
    value = await read().catch((err) => ({ error: err.message }));
    if (!value?.error && ok(value)) return { ok: true, value };
    if (Date.now() > end) return { ok: false, value };
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The Follow-ups rows as the person reads them: label, description, and how many the list says it has. */
async function followUpRows(page) {
  return page.locator(`${sel.followUpsPane} .monaco-list-row`).evaluateAll((rows) => rows
    .filter((r) => r.offsetParent !== null)
    .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
    .map((r) => ({
      label: r.querySelector('.label-name')?.innerText.trim() ?? '',
      description: r.querySelector('.label-description')?.innerText.trim() ?? '',
      setSize: Number(r.getAttribute('aria-setsize')),
    })));
}

const show = (rows) => rows.map((r) => `"${r.label}${r.description ? ` — ${r.description}` : ''}"`).join(', ') || '(no rows)';

// ---------------------------------------------------------------------------
// Acting like a person

/** Moves the mouse out of the way, to the empty middle of the activity bar (no hover over a screenshot). */
async function parkMouse(page) {
  const box = await page.locator('.part.activitybar').boundingBox();
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.6);
}

/** Closes notification toasts, if any: they would cover the screenshots. */
async function dismissToasts(page) {
  const toasts = page.locator(sel.toasts);
  for (let i = 0; i < 10 && await toasts.count(); i++) {
    const clear = toasts.first().locator('.codicon-notifications-clear');
    if (await clear.count()) await clear.first().click({ timeout: 2_000 }).catch(() => {});
    else await page.keyboard.press('Escape');
  }
}

/** Closes whatever editors the workbench opened by itself (a welcome page, release notes). */
async function closeStartupEditors(page) {
  if (!await page.locator('.part.editor .tab').count()) return;
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.part.editor .tab').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
}

/** Runs a command through the command palette, by its title. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await input.fill(`>${title}`);
  await page.locator(`.quick-input-widget .monaco-list-row[aria-label^="${title}"]`).first().waitFor({ timeout: 5_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
}

/**
 * Drags the sash nearest to `at` (x for a vertical sash, y for a
 * horizontal one) to `to`, as a person widens the side bar or raises the panel.
 */
async function dragSash(page, orientation, at, to) {
  const sashes = await page.locator(`.monaco-sash.${orientation}`).evaluateAll((els, o) => els
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2, pos: o === 'vertical' ? r.x + r.width / 2 : r.y + r.height / 2 })), orientation);
  if (!sashes.length) return false;
  const sash = sashes.sort((a, b) => Math.abs(a.pos - at) - Math.abs(b.pos - at))[0];
  if (Math.abs(sash.pos - at) > 12) return false;
  await page.mouse.move(sash.x, sash.y);
  await page.mouse.down();
  const [x, y] = orientation === 'vertical' ? [to, sash.y] : [sash.x, to];
  await page.mouse.move(x, y, { steps: 2 });
  await page.mouse.up();
  return true;
}

/** Makes a side bar pane tall enough for every row of its list (dragging the sash below it). */
async function showAllRows(page, paneSelector) {
  const pane = page.locator(paneSelector);
  const list = pane.locator('.monaco-list').first();
  const first = pane.locator('.monaco-list-row').first();
  const [paneBox, listBox, rowBox] = await Promise.all([pane.boundingBox(), list.boundingBox(), first.boundingBox()]);
  const setSize = Number(await first.getAttribute('aria-setsize'));
  if (!paneBox || !listBox || !rowBox || !setSize) return;
  const missing = setSize * rowBox.height - listBox.height;
  if (missing > 0) await dragSash(page, 'horizontal', paneBox.y + paneBox.height, paneBox.y + paneBox.height + missing + 4);
}

// ---------------------------------------------------------------------------
// The checks: each a group of assertions, counted in the closing line.

let page;
async function check(name, fn) {
  try {
    const detail = await fn();
    results.push({ name, ok: true });
    log(`ok   ${name}${detail ? `: ${detail}` : ''} (${seconds()})`);
  } catch (err) {
    results.push({ name, ok: false });
    const screen = page ? await describeScreen(page) : '';
    console.error(`[look] FAIL ${name}: ${err.message}${screen ? `\n[look] on screen instead:\n${screen}` : ''}`);
    if (page && !failureDir) {
      failureDir = mkdtempSync(join(tmpdir(), 'rapport-look-failure-'));
      await page.screenshot({ path: join(failureDir, 'look-failure.png') }).catch(() => {});
      if (server) writeFileSync(join(failureDir, 'code-server.log'), tail(server.logFile, 200));
    }
  }
}

/** Saves a README picture, unless a check failed: the repo keeps only pictures of what passed. */
async function screenshot(name) {
  if (results.some((r) => !r.ok)) {
    log(`${relative(repoRoot, join(imagesDir, name))} left as it was: a check before it failed`);
    return;
  }
  mkdirSync(imagesDir, { recursive: true });
  await parkMouse(page);
  await dismissToasts(page);
  // A sash fades out for a moment after a drag: wait until none is drawn.
  await page.waitForFunction(() => [...document.querySelectorAll('.monaco-sash')]
    .every((e) => /^(transparent|rgba\(.*, 0\))$/.test(getComputedStyle(e, '::before').backgroundColor)), null, { timeout: 2_000 })
    .catch(() => {});
  // So do the scroll bars of lists that were just resized or scrolled.
  await page.waitForFunction(() => [...document.querySelectorAll('.part.sidebar .scrollbar, .part.panel .scrollbar, .part.editor .scrollbar')]
    .every((e) => getComputedStyle(e).opacity === '0'), null, { timeout: 3_000 })
    .catch(() => {});
  const file = join(imagesDir, name);
  const png = await page.screenshot();
  // Chromium's software rendering varies by a few pixels from run to run (the
  // antialiased corners of the panel): keep the committed picture unless the
  // screen really changed, so `npm test` doesn't leave a modified PNG behind.
  const changed = existsSync(file) ? await differentPixels(readFileSync(file), png) : Infinity;
  if (changed <= NOISE_PIXELS) {
    log(`${relative(repoRoot, file)} unchanged (${changed} pixels differ) (${seconds()})`);
    return;
  }
  writeFileSync(file, png);
  log(`saved ${relative(repoRoot, file)} (${seconds()})`);
}

const NOISE_PIXELS = 100; // of 1280 × 800

/** How many pixels differ between two PNGs (Infinity when their sizes differ), compared in a blank tab. */
async function differentPixels(a, b) {
  const tab = await browser.context.newPage();
  try {
    return await tab.evaluate(async ([a, b]) => {
      const load = (src) => new Promise((resolve, reject) => {
        const img = new Image();
        img.onload = () => resolve(img);
        img.onerror = () => reject(new Error('not a PNG'));
        img.src = `data:image/png;base64,${src}`;
      });
      const [ia, ib] = await Promise.all([load(a), load(b)]);
      if (ia.width !== ib.width || ia.height !== ib.height) return Infinity;
      const pixels = (img) => {
        const ctx = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height }).getContext('2d');
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height).data;
      };
      const [da, db] = [pixels(ia), pixels(ib)];
      let n = 0;
      for (let i = 0; i < da.length; i += 4) {
        if (da[i] !== db[i] || da[i + 1] !== db[i + 1] || da[i + 2] !== db[i + 2] || da[i + 3] !== db[i + 3]) n++;
      }
      return n;
    }, [a.toString('base64'), b.toString('base64')]);
  } catch {
    return Infinity;
  } finally {
    await tab.close();
  }
}

try {
  log(`${relative(repoRoot, vsix)} built ${new Date(statSync(vsix).mtime).toISOString()}`);
  const paths = await provision({ log });
  profile = makeProfile(paths.cacheDir, 'look');
  const settingsFile = join(profile.userData, 'User', 'settings.json');
  writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(readFileSync(settingsFile, 'utf8')), ...LOOK_SETTINGS }, null, 2));
  installVsix(paths, profile, vsix);
  log(`installed ${relative(repoRoot, vsix)} (${seconds()})`);

  // A copy named `demo` (the name shows in the title bar); examples/demo stays untouched.
  demoRoot = mkdtempSync(join(tmpdir(), 'rapport-look-'));
  const demo = join(demoRoot, 'demo');
  cpSync(join(repoRoot, 'examples', 'demo'), demo, { recursive: true });

  server = await startCodeServer(paths, profile, {
    port: await freePort(), folder: demo, env: { RAPPORT_TODAY: TODAY }, extensionTests: false, log,
  });
  server.exit.then(({ code, signal }) => finish(`code-server stopped during the run (${signal ?? `exit ${code}`})`));
  browser = await launchBrowser(paths, profile, { log });
  page = browser.page;
  page.on('crash', () => finish('the browser page crashed'));

  await page.goto(server.url, { timeout: 60_000 });
  await page.locator(sel.workbench).waitFor({ timeout: 60_000 });
  await page.locator(sel.rapportTab).waitFor({ timeout: 60_000 });
  log(`workbench open (${seconds()})`);
  await dismissToasts(page);
  await closeStartupEditors(page);

  // 1. Rapport's icon in the activity bar opens Follow-ups, most urgent first.
  await check('the Follow-ups view lists what is due', async () => {
    await page.locator(sel.rapportTab).click();
    const pane = page.locator(sel.followUpsPane);
    await pane.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => {
      throw new Error('clicking Rapport in the activity bar showed no Follow-ups view');
    });
    // Rows arrive as the extension reads the notes: wait for the list to settle on its
    // count. Rapport's other views share the side bar, so when Follow-ups is too short
    // for its rows, drag its lower edge down, as a person would, to read them all.
    const { ok, value: rows } = await until(async () => {
      const r = await followUpRows(page);
      if (r.length && r.length < r[0].setSize) await showAllRows(page, sel.followUpsPane);
      return r;
    }, (r) => r.length === EXPECTED_ROWS && r.every((x) => x.setSize === EXPECTED_ROWS), 20_000);
    if (!ok) throw new Error(`expected ${EXPECTED_ROWS} rows, saw ${rows.error ?? `${rows.length} (list size ${rows[0]?.setSize ?? 0}): ${show(rows)}`}`);
    const [first] = rows;
    if (first.label !== FIRST_ROW.label || first.description !== FIRST_ROW.description) {
      throw new Error(`expected the first row to read "${FIRST_ROW.label} — ${FIRST_ROW.description}", saw ${show([first])}; all: ${show(rows)}`);
    }
    const missing = ALSO_ROWS.filter((label) => !rows.some((r) => r.label === label));
    if (missing.length) throw new Error(`no row reads ${missing.map((m) => `"${m}"`).join(', ')}; rows: ${show(rows)}`);
    return `${rows.length} rows, first "${first.label} — ${first.description}"`;
  });

  // 2. The status bar counts what is due.
  await check('the status bar says "7 due"', async () => {
    const item = page.locator(sel.statusItem);
    const { ok, value } = await until(async () => ({
      text: (await item.innerText({ timeout: 1_000 })).replace(/\s+/g, ' ').trim(),
      bell: await item.locator('.codicon-bell').count(),
    }), (v) => v.text === `${EXPECTED_ROWS} due` && v.bell === 1, 10_000);
    if (!ok) throw new Error(`expected the item "Rapport: what is due" to read "$(bell) ${EXPECTED_ROWS} due", saw ${value.error ? 'no such item' : `"${value.text}"${value.bell ? ' with' : ' without'} the bell`}`);
    return `"${value.text}" with the bell icon`;
  });

  // Picture 1: the view, wide enough to read each row to its end.
  const side = await page.locator('.part.sidebar').boundingBox();
  const cut = await page.locator(`${sel.followUpsPane} .monaco-list-row .monaco-icon-label-container`)
    .evaluateAll((els) => Math.max(0, ...els.map((e) => e.scrollWidth - e.clientWidth)));
  if (side && cut) await dragSash(page, 'vertical', side.x + side.width, Math.min(side.x + side.width + cut + 16, 640));
  await screenshot('follow-ups.png');

  // 3. Clicking a follow-up opens its note.
  await check(`clicking "${FIRST_ROW.label}" opens ${ROHAN_NOTE}`, async () => {
    await page.locator(`${sel.followUpsPane} .monaco-list-row`, { hasText: FIRST_ROW.label }).first().click({ timeout: 10_000 });
    const tab = page.locator(sel.activeTab);
    // The tab renders the name and the extension (`.md`) as separate parts.
    const { ok, value } = await until(() => tab.locator('.monaco-icon-label-container').evaluate((c) =>
      ['.label-name', '.label-suffix'].map((q) => c.querySelector(q)?.textContent ?? '').join(''), { timeout: 1_000 }),
    (t) => t.trim() === ROHAN_NOTE, 10_000);
    if (!ok) throw new Error(`expected the active editor tab to be ${ROHAN_NOTE}, saw ${value.error ? 'no editor open' : `"${value.trim()}"`}`);
    return 'tab title matches';
  });

  // 4. The Problems panel has the overdue thank-you, with its code.
  await check('the Problems panel shows the overdue thank-you', async () => {
    await parkMouse(page);
    await page.keyboard.press('Control+Shift+M');
    const markers = page.locator(sel.markers);
    const shown = await markers.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    if (!shown) { // the keybinding did not reach the workbench: the palette, as a person would
      await runCommand(page, 'View: Toggle Problems');
      await markers.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
        throw new Error('neither Ctrl+Shift+M nor "View: Toggle Problems" showed the Problems panel');
      });
    }
    // Raise the panel so most of the list shows, leaving the note's frontmatter above it.
    const panel = await page.locator('.part.panel').boundingBox();
    if (panel) await dragSash(page, 'horizontal', panel.y, panel.y + panel.height - 470);
    await parkMouse(page);
    // The list is virtual: scroll it until the row is rendered, as a person scrolls to find it.
    const row = markers.locator('.monaco-list-row', { hasText: ROHAN_PROBLEM.message });
    const list = markers.locator('.monaco-list').first();
    const end = Date.now() + 15_000;
    while (!await row.count() && Date.now() < end) {
      const box = await list.boundingBox();
      if (box) { await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2); await page.mouse.wheel(0, 200); }
      await page.waitForTimeout(150);
    }
    if (!await row.count()) {
      const seen = await markers.locator('.monaco-list-row').allInnerTexts();
      throw new Error(`no row reads "${ROHAN_PROBLEM.message}"; rows: ${seen.map((t) => `[${t.replace(/\s+/g, ' ').trim()}]`).join(' ') || '(none)'}`);
    }
    await row.first().scrollIntoViewIfNeeded();
    const text = (await row.first().innerText()).replace(/\s+/g, ' ').trim();
    if (!text.includes(ROHAN_PROBLEM.code)) throw new Error(`the row reads "${text}", without the code ${ROHAN_PROBLEM.code}`);
    await row.first().click(); // select it, so the picture points at it
    return `"${text}"`;
  });
  await screenshot('problems.png');

  // 5. Nothing left this machine.
  await check('no request left 127.0.0.1', async () => {
    if (browser.offHostRequests.length) throw new Error(`${browser.offHostRequests.length} did:\n  ${browser.offHostRequests.join('\n  ')}`);
    return undefined;
  });

  await finish();
} catch (err) {
  if (page && !failureDir) {
    failureDir = mkdtempSync(join(tmpdir(), 'rapport-look-failure-'));
    await page.screenshot({ path: join(failureDir, 'look-failure.png') }).catch(() => {});
    console.error(`[look] on screen:\n${await describeScreen(page)}`);
  }
  await finish(err.stack ?? String(err));
}
