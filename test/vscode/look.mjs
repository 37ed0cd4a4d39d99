// `npm run test:look`: the person's-eye check. Installs rapport.vsix (as a user
// gets it) into code-server, opens a copy of the demo notes in Debian's Chromium,
// and does what a person would: opens Rapport from the activity bar, reads the
// Follow-ups view and the status bar, clicks a follow-up, opens the Problems
// panel, then gives the side bar to each of the other views in turn (Contacts,
// Meetings, Target companies, Referral tree) and applies a quick fix to an
// outreach draft, undoing it after; then opens an empty folder, reads every
// view's welcome text, follows it to the walkthrough and makes a first contact
// from there. It asserts on the rendered text only, and
// saves the README's screenshots (docs/images/*.png) on the way.
//
// `npm test` runs it right after `npm run package`, so rapport.vsix is fresh.
// Exits 1 on any failure, saying what was on screen instead, with a screenshot of
// the moment in a temp folder (never in the repo).

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { provision, repoRoot } from './provision.mjs';
import { freePort, installVsix, launchBrowser, makeProfile, startCodeServer, tail } from './code-server.mjs';

const TODAY = '2026-11-21'; // the day the demo notes are written for
const vsix = join(repoRoot, 'rapport.vsix');
const imagesDir = join(repoRoot, 'docs', 'images');
const TIMEOUT_MS = 6 * 60_000; // the whole run, a hang guard: a warm one takes two to three minutes on a busy machine

// What the demo must show on TODAY (see examples/demo/README.md).
const EXPECTED_ROWS = 13;
const FIRST_ROW = { label: 'Thank Rohan Mehta', description: '3 days overdue' };
const ALSO_ROWS = ['Follow up with Dev Patel', 'Close the meeting with Carmen Díaz']; // Díaz, as her note spells it
// The thank-you's actions (src/core/follow-up-actions.ts): buttons on the row, and all in its context menu.
const FIRST_ROW_BUTTONS = ['Draft the thank-you', 'Mark thank-you sent today'];
const FIRST_ROW_ACTIONS = [...FIRST_ROW_BUTTONS, 'Mark thank-you sent on another date…', 'Skip the thank-you'];
const ROHAN_NOTE = '2026-11-17-rohan-mehta.md';
const ROHAN_PROBLEM = { message: 'Thank-you note to Rohan Mehta is 3 days overdue', code: 'thank-you-pending' };
// Contacts, grouped by company (the default): one group, and one contact's meetings, newest first.
const CONTACTS_GROUP = { label: 'Ledgerline', people: ['Elena Voss', 'Marcus Bell', 'Owen Fitzgerald', 'Priya Shah'] };
const CONTACT_MEETINGS = { name: 'Marcus Bell', meetings: ['2026-12-01 14:00 — interview · planned', '2026-10-13 16:00 — informational · done'] };
// Meetings: upcoming first, then the past by month.
const MEETING_GROUPS = ['Upcoming', 'November 2026', 'October 2026'];
// Target companies: a target with the people you know there, one a referral away, and one where you know nobody.
const TARGET_KNOWN = { label: 'Ledgerline', description: 'target · priority 1 · 4 known', people: CONTACTS_GROUP.people };
const TARGET_ONE_AWAY = { company: 'Fernway', name: 'Isabel Ferreira', description: 'one referral away, via Hannah Cole' };
const TARGET_NOBODY = { label: 'Plover', description: 'target · priority 3 · 0 known', hint: 'Ask your contacts who they know here' };
// Referral tree: the chain examples/demo/README.md tells, each a level deeper.
const REFERRAL_CHAIN = ['Hannah Cole', 'Marcus Bell', 'Aisha Rahman'];
// The quick fix: outreach/draft-isabel-ferreira.md's subject (line 4) doesn't say Hannah referred her.
const FIX_NOTE = { file: 'draft-isabel-ferreira.md', path: 'outreach/draft-isabel-ferreira.md', line: 4 };
const FIX_TITLE = 'Put “Hannah Cole suggested I contact you” in the subject'; // src/core/checks/outreach-checks.ts
const FIX_BEFORE = 'subject: Informational interview request';
const FIX_AFTER = 'subject: "Hannah Cole suggested I contact you: Informational interview request"';

// Only for this session: no empty secondary side bar taking a third of the
// screenshots, and a cursor that doesn't blink, so that the same screen gives the
// same picture (no needless change to docs/images on every run).
const LOOK_SETTINGS = {
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'editor.cursorBlinking': 'solid',
  // The status bar counts the ports code-server finds listening on this machine:
  // another code-server running here would change every picture.
  'remote.autoForwardPorts': false,
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
  // The time on a line of its own, then the plain closing line CI reads ("look: N passed, N failed").
  console.log(`[look] finished in ${seconds()}`);
  console.log(`look: ${passed} passed, ${failed} failed`);
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
  pane: (title) => `.part.sidebar .pane:has(> .pane-header[aria-label="${title} Section"])`,
  quickFixes: '.action-widget .monaco-list-row.action',
  editor: '.part.editor .editor-group-container.active .monaco-editor',
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
    const menu = all('.action-widget .monaco-list-row');
    if (menu.length) lines.push(`action menu: ${menu.map((r) => `[${text(r)}]`).join(' ')}`);
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

/**
 * The rows of a side bar view that are on screen (wholly inside the list's
 * visible area, not just rendered), in order: level in the tree, whether expanded
 * (undefined for a leaf), label and description.
 */
async function treeRows(page, paneSelector) {
  return page.locator(`${paneSelector} .monaco-list`).first().evaluate((list) => {
    const box = list.getBoundingClientRect();
    return [...list.querySelectorAll('.monaco-list-row')]
      .filter((r) => {
        const b = r.getBoundingClientRect();
        return r.offsetParent !== null && b.height > 0 && b.top >= box.top - 1 && b.bottom <= box.bottom + 1;
      })
      .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
      .map((r) => ({
        level: Number(r.getAttribute('aria-level')),
        expanded: { true: true, false: false }[r.getAttribute('aria-expanded')],
        label: r.querySelector('.label-name')?.innerText.trim() ?? '',
        description: r.querySelector('.label-description')?.innerText.trim() ?? '',
      }));
  }, null, { timeout: 2_000 });
}

/** The rows under `rows[i]` (deeper than it, up to its next sibling); its children are those one level deeper. */
function subtree(rows, i) {
  const out = [];
  for (let j = i + 1; j < rows.length && rows[j].level > rows[i].level; j++) out.push(rows[j]);
  return out;
}
const childrenOf = (rows, i) => subtree(rows, i).filter((r) => r.level === rows[i].level + 1);
const rowText = (r) => `${r.label}${r.description ? ` — ${r.description}` : ''}`;

/**
 * The text of line `n` of the active editor as drawn, or undefined when it is not
 * drawn. A long line wraps into several view lines, of which only the first has a
 * line number; they are joined back.
 */
async function editorLine(page, n) {
  return page.locator(sel.editor).first().evaluate((editor, n) => {
    const top = (e) => e.getBoundingClientRect().top;
    const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')]
      .map((e) => ({ n: Number(e.textContent.trim()), top: top(e) })).sort((a, b) => a.top - b.top);
    const i = numbers.findIndex((x) => x.n === n);
    if (i < 0) return undefined;
    const [from, to] = [numbers[i].top - 1, (numbers[i + 1]?.top ?? Infinity) - 1];
    return [...editor.querySelectorAll('.view-lines .view-line')]
      .filter((e) => top(e) >= from && top(e) < to).sort((a, b) => top(a) - top(b))
      .map((e) => e.textContent.replace(/\u00a0/g, ' ')).join('');
  }, n, { timeout: 2_000 });
}

// ---------------------------------------------------------------------------
// Acting like a person

/** Moves the mouse out of the way, to the empty middle of the activity bar (no hover over a screenshot). */
async function parkMouse(page) {
  const box = await page.locator('.part.activitybar').boundingBox();
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.6);
}

/**
 * Closes notification toasts, if any: they would cover the screenshots. With
 * `escape: false` only by their close button, so that an open menu stays open.
 */
async function dismissToasts(page, { escape = true } = {}) {
  const toasts = page.locator(sel.toasts);
  for (let i = 0; i < 10 && await toasts.count(); i++) {
    const clear = toasts.first().locator('.codicon-notifications-clear');
    if (await clear.count()) await clear.first().click({ timeout: 2_000 }).catch(() => {});
    else if (escape) await page.keyboard.press('Escape');
  }
}

/** Closes every editor: what the workbench opened by itself (a welcome page, release notes), or the notes a check opened. */
async function closeAllEditors(page) {
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

const RAPPORT_VIEWS = ['Follow-ups', 'Contacts', 'Meetings', 'Target companies', 'Referral tree'];

/**
 * Gives the side bar to one of Rapport's views: expands it and collapses the
 * others, as a person clicks their headers, so it has the room to show its rows.
 */
async function showOnlyView(page, title) {
  for (const t of [title, ...RAPPORT_VIEWS.filter((v) => v !== title)]) {
    const header = page.locator(`${sel.pane(t)} > .pane-header`);
    const want = String(t === title);
    if (await header.getAttribute('aria-expanded', { timeout: 5_000 }) === want) continue;
    await header.locator('.title').click({ timeout: 5_000 });
    const { ok } = await until(() => header.getAttribute('aria-expanded', { timeout: 1_000 }), (v) => v === want, 5_000);
    if (!ok) throw new Error(`clicking the header of "${t}" did not ${t === title ? 'expand' : 'collapse'} it`);
  }
}

/** Widens the side bar until the rows of a view read to their end (up to `max` px wide), as for the Follow-ups picture. */
async function fitSideBar(page, paneSelector, max = 720) {
  const side = await page.locator('.part.sidebar').boundingBox();
  const cut = await page.locator(`${paneSelector} .monaco-list-row .monaco-icon-label-container`)
    .evaluateAll((els) => Math.max(0, ...els.map((e) => e.scrollWidth - e.clientWidth)));
  if (side && cut) await dragSash(page, 'vertical', side.x + side.width, Math.min(side.x + side.width + cut + 16, max));
}

/** The part of the window a view's picture needs: the activity bar and the side bar, down to the status bar. */
async function sideBarClip(page) {
  const side = await page.locator('.part.sidebar').boundingBox();
  const viewport = page.viewportSize();
  if (!side || !viewport) return undefined;
  return { x: 0, y: side.y, width: Math.round(side.x + side.width + 4), height: viewport.height - side.y };
}

/** The top of the window, down to the end of the note or of the quick-fix menu, whichever is lower. */
async function editorClip(page) {
  const bottom = await page.locator(`${sel.editor} .view-lines .view-line, ${sel.quickFixes}`)
    .evaluateAll((els) => Math.max(0, ...els.map((e) => e.getBoundingClientRect().bottom)));
  const viewport = page.viewportSize();
  if (!bottom || !viewport) return undefined;
  return { x: 0, y: 0, width: viewport.width, height: Math.min(viewport.height, Math.round(bottom + 24)) };
}

/** Makes room for the views' pictures: no Problems panel, no editors. */
async function clearStage(page) {
  if (await page.locator('.part.panel').isVisible()) {
    await runCommand(page, 'View: Hide Panel');
    await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 5_000 });
  }
  await closeAllEditors(page);
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

/**
 * Saves a README picture, unless a check failed: the repo keeps only pictures of
 * what passed. `clip()` gives the part of the window to keep, once the screen has
 * settled; `escape: false` keeps an open menu open (toasts are then closed by
 * their button only).
 */
async function screenshot(name, { clip, escape = true, keepToasts = false } = {}) {
  if (results.some((r) => !r.ok)) {
    log(`${relative(repoRoot, join(imagesDir, name))} left as it was: a check before it failed`);
    return;
  }
  mkdirSync(imagesDir, { recursive: true });
  await parkMouse(page);
  if (!keepToasts) await dismissToasts(page, { escape });
  // A sash fades out for a moment after a drag: wait until none is drawn.
  await page.waitForFunction(() => [...document.querySelectorAll('.monaco-sash')]
    .every((e) => /^(transparent|rgba\(.*, 0\))$/.test(getComputedStyle(e, '::before').backgroundColor)), null, { timeout: 2_000 })
    .catch(() => {});
  // The status bar's language item wiggles for a moment when its state changes.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'
    || !a.effect?.target?.closest?.('.part.statusbar')), null, { timeout: 3_000 })
    .catch(() => {});
  // So do the scroll bars of lists that were just resized or scrolled.
  await page.waitForFunction(() => [...document.querySelectorAll('.part.sidebar .scrollbar, .part.panel .scrollbar, .part.editor .scrollbar')]
    .every((e) => getComputedStyle(e).opacity === '0'), null, { timeout: 3_000 })
    .catch(() => {});
  // A click or a focus can scroll one of the workbench's grid containers (whose
  // overflow is hidden) by a few pixels, shifting the whole layout up and left.
  await page.evaluate(() => {
    for (const e of document.querySelectorAll('.monaco-grid-view, .monaco-grid-view .split-view-container')) {
      e.scrollTop = 0;
      e.scrollLeft = 0;
    }
  });
  const file = join(imagesDir, name);
  const area = clip ? await clip() : undefined;
  const png = await page.screenshot(area ? { clip: area } : {});
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

const NOISE_PIXELS = 100; // of 1280 × 800, or of a clip of it
const CHANNEL_NOISE = 8; // of 255, per colour channel

/** How many pixels differ between two PNGs (Infinity when their sizes differ), compared in a blank tab. */
async function differentPixels(a, b) {
  const tab = await browser.context.newPage();
  try {
    return await tab.evaluate(async ([a, b, CHANNEL_NOISE]) => {
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
      // A channel off by a few levels is rendering noise (a badge's colour mid-fade), not a change.
      const far = (i) => Math.abs(da[i] - db[i]) > CHANNEL_NOISE;
      let n = 0;
      for (let i = 0; i < da.length; i += 4) {
        if (far(i) || far(i + 1) || far(i + 2) || far(i + 3)) n++;
      }
      return n;
    }, [a.toString('base64'), b.toString('base64'), CHANNEL_NOISE]);
  } catch {
    return Infinity;
  } finally {
    await tab.close();
  }
}

// ---------------------------------------------------------------------------
// First run: an empty folder's views, and the walkthrough (issue 13). A block of
// its own: the same server, a second window on a folder with no notes at all.

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const NO_NOTES = 'rapport.ready && !rapport.hasNotes';
const FIRST_CONTACT = 'Sally Smith';

/** What a welcome text shows: its paragraphs (links read as their label) and its buttons (a link alone on a line). */
function welcomeAsShown(contents) {
  const paragraphs = [];
  const buttons = [];
  for (const line of contents.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const alone = /^\[([^\]]+)\]\([^)]*\)$/.exec(line);
    if (alone) buttons.push(alone[1]);
    else paragraphs.push(line.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'));
  }
  return { paragraphs, buttons };
}

/** The text a person reads in a view's welcome area, and its buttons' labels. */
async function welcomeOnScreen(page, title) {
  return page.locator(`${sel.pane(title)} .welcome-view-content`).first().evaluate((el) => ({
    text: el.innerText.replace(/\s+/g, ' ').trim(),
    buttons: [...el.querySelectorAll('.monaco-button')].filter((b) => b.offsetParent !== null).map((b) => b.innerText.trim()),
  }), null, { timeout: 2_000 });
}

/** Expands every Rapport view the manifest has (This week and the Referral tree start collapsed), as a person clicks their headers. */
async function expandAllViews(page) {
  for (const t of Object.values(manifest.contributes.views).flat().map((v) => v.name)) {
    const header = page.locator(`${sel.pane(t)} > .pane-header`);
    if (await header.getAttribute('aria-expanded', { timeout: 5_000 }) === 'true') continue;
    await header.locator('.title').click({ timeout: 5_000 });
    const { ok } = await until(() => header.getAttribute('aria-expanded', { timeout: 1_000 }), (v) => v === 'true', 5_000);
    if (!ok) throw new Error(`clicking the header of "${t}" did not expand it`);
  }
}

/** The walkthrough's steps as shown: title, and whether ticked off. */
async function walkthroughSteps(page) {
  return page.locator('.part.editor .getting-started-step').evaluateAll((steps) => steps
    .filter((s) => s.offsetParent !== null)
    .map((s) => ({ title: s.querySelector('.step-title')?.innerText.trim() ?? '', done: s.getAttribute('aria-checked') === 'true' })));
}

/**
 * Runs a command from the palette once the walkthrough has settled: as it opens (and
 * as its step's page loads) it takes the focus, which closes a palette opened a moment
 * before; a person then opens it again, and so does this, once.
 */
async function runCommandOnceSettled(page, title) {
  await page.waitForTimeout(1_000);
  try {
    await runCommand(page, title);
  } catch {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1_000);
    await runCommand(page, title);
  }
}

/** The window down to a little below the walkthrough's steps (its page, beside them, is about as long). */
async function walkthroughClip(page) {
  const bottom = await page.locator('.part.editor .getting-started-step')
    .evaluateAll((els) => Math.max(0, ...els.filter((e) => e.offsetParent !== null).map((e) => e.getBoundingClientRect().bottom)));
  const viewport = page.viewportSize();
  if (!bottom || !viewport) return undefined;
  return { x: 0, y: 0, width: viewport.width, height: Math.min(viewport.height, Math.round(bottom + 160)) };
}

async function firstRun(root) {
  const empty = join(root, 'my-network');
  mkdirSync(empty);
  const views = Object.values(manifest.contributes.views).flat();
  const walkthrough = manifest.contributes.walkthroughs[0];
  const openLabel = welcomeAsShown(manifest.contributes.viewsWelcome.find((w) => w.view === 'rapport.followUps' && w.when === NO_NOTES).contents)
    .buttons.find((b) => /walkthrough/i.test(b));
  // With a folder open, the step that opens one is hidden.
  const stepTitles = walkthrough.steps.filter((s) => s.when !== 'workspaceFolderCount == 0').map((s) => s.title);

  // 14. An empty folder: every view says there are no notes yet, what a note is, and what to do first.
  await check('an empty folder: every Rapport view shows its welcome text and buttons, with no backtick', async () => {
    // Taller, so that six views side by side each have the room for their welcome text and buttons.
    await page.setViewportSize({ width: 1280, height: 1300 });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(empty)}`, { timeout: 60_000 });
    await page.locator(sel.rapportTab).waitFor({ timeout: 60_000 });
    await dismissToasts(page);
    await closeAllEditors(page);
    // In the light theme, as the other pictures, whatever theme a check before left behind.
    const dark = () => page.locator('.part.activitybar').evaluate((e) => {
      const [r, g, b] = getComputedStyle(e).backgroundColor.match(/\d+/g).map(Number);
      return (r + g + b) / 3 < 128;
    }, null, { timeout: 2_000 });
    if (await dark()) {
      await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
      const { ok } = await until(dark, (d) => d === false, 10_000);
      if (!ok) throw new Error('the workbench stayed in a dark theme');
    }
    // The window's layout is the folder's own: open Rapport unless it is already showing (a click on its tab would hide it).
    if (!await page.locator(sel.followUpsPane).isVisible()) await page.locator(sel.rapportTab).click();
    await page.locator(sel.followUpsPane).waitFor({ state: 'visible', timeout: 15_000 });
    await expandAllViews(page);
    const seen = [];
    for (const view of views) {
      const expected = welcomeAsShown(manifest.contributes.viewsWelcome.find((w) => w.view === view.id && w.when === NO_NOTES).contents);
      const { ok, value } = await until(() => welcomeOnScreen(page, view.name),
        (v) => expected.paragraphs.every((p) => v.text.includes(p)) && expected.buttons.every((b) => v.buttons.includes(b)), 20_000);
      if (!ok) throw new Error(`the ${view.name} view should read "${expected.paragraphs.join(' ')}" with the buttons ${expected.buttons.map((b) => `"${b}"`).join(', ')}; it reads ${value.error ? '(no welcome text)' : `"${value.text}" with the buttons ${value.buttons.map((b) => `"${b}"`).join(', ') || '(none)'}`}`);
      if (value.text.includes('`')) throw new Error(`the ${view.name} view shows a backtick: "${value.text}"`);
      seen.push(`${view.name}: "${expected.paragraphs[0].split('. ')[0]}." + ${value.buttons.length} buttons`);
    }
    const side = await page.locator('.part.sidebar').boundingBox();
    if (side) await dragSash(page, 'vertical', side.x + side.width, 420);
    return seen.join('; ');
  });
  await screenshot('empty-folder.png', { clip: () => sideBarClip(page) });

  // 15. The walkthrough, from the link in Follow-ups: its steps, none done yet.
  await check(`"${openLabel}" in Follow-ups opens the walkthrough "${walkthrough.title}" with its ${stepTitles.length} steps`, async () => {
    await page.locator(`${sel.followUpsPane} .welcome-view-content .monaco-button`, { hasText: openLabel }).first().click({ timeout: 5_000 });
    // The walkthrough gets the window: beside a side bar, VS Code leaves out each step's page.
    await page.locator('.part.editor .getting-started-step').first().waitFor({ timeout: 20_000 }).catch(() => {});
    await runCommandOnceSettled(page, 'View: Close Primary Side Bar');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 5_000 });
    const { ok, value } = await until(() => walkthroughSteps(page), (steps) => steps.map((s) => s.title).join('\n') === stepTitles.join('\n'), 20_000);
    if (!ok) throw new Error(`expected the steps ${stepTitles.map((t) => `"${t}"`).join(', ')}; saw ${value.error ?? (value.map((s) => `"${s.title}"`).join(', ') || 'no walkthrough')}`);
    // The welcome page keeps its list of walkthroughs beside the open one: read the open one's title.
    const heading = await page.locator('.part.editor .gettingStartedSlideDetails .category-title').evaluateAll((els) => els.filter((e) => e.offsetParent !== null).map((e) => e.innerText.trim()).join(' | '));
    if (heading !== walkthrough.title) throw new Error(`the walkthrough is titled "${heading}", not "${walkthrough.title}"`);
    const text = await page.locator('.part.editor .gettingStartedContainer').first().innerText({ timeout: 5_000 });
    if (text.includes('`')) throw new Error('the walkthrough shows a backtick');
    if (value.some((s) => s.done)) throw new Error(`steps already ticked in an empty folder: ${value.filter((s) => s.done).map((s) => s.title).join(', ')}`);
    // The first step's page (its Markdown file) is drawn beside the steps, in a webview.
    const media = walkthrough.steps.find((s) => s.title === stepTitles[0]).media.markdown;
    const want = readFileSync(join(repoRoot, media), 'utf8').split('\n')[0].replace(/^# /, '');
    const shown = await page.frameLocator('iframe.webview.ready').first().frameLocator('iframe#active-frame').locator('h1').first()
      .innerText({ timeout: 15_000 }).catch(() => undefined);
    if (shown?.trim() !== want) throw new Error(`expected the first step's page, ${media}, headed "${want}" beside the steps; saw ${shown === undefined ? 'no page' : `"${shown.trim()}"`}`);
    return `${value.map((s) => `"${s.title}"`).join(', ')}; the first step's page headed "${want}"`;
  });
  await page.waitForTimeout(1_500); // the step's page is a webview that draws a moment after it is attached
  await screenshot('walkthrough.png', { clip: () => walkthroughClip(page) });

  // 16. Its first button makes the first contact, and the step ticks itself off.
  await check(`"New contact" in the walkthrough creates ${FIRST_CONTACT}, ticks the step, and the Contacts view lists her`, async () => {
    // The side bar back, on Rapport, to see the contact arrive. (With the window to itself, the
    // walkthrough's page is a webview that can take the focus, and the name's input box closes.)
    await runCommandOnceSettled(page, 'Rapport: Show follow-ups');
    await page.locator(sel.followUpsPane).waitFor({ state: 'visible', timeout: 10_000 });
    await expandAllViews(page);
    const first = page.locator('.part.editor .getting-started-step', { hasText: stepTitles[0] }).first();
    if (await first.getAttribute('aria-expanded') !== 'true') await first.click({ timeout: 5_000 });
    await first.locator('.monaco-button', { hasText: 'New contact' }).first().click({ timeout: 5_000 });
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(FIRST_CONTACT);
    await page.keyboard.press('Enter');
    const file = join(empty, 'contacts', 'sally-smith.md');
    // New contact asks next for the company (and a referrer, when there are contacts): Skip, as
    // a person who does not know yet would.
    const skip = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Skip' });
    const made = await until(async () => {
      if (await skip.first().isVisible().catch(() => false)) await skip.first().click({ timeout: 2_000 }).catch(() => {});
      return existsSync(file);
    }, (v) => v, 20_000, 250);
    if (!made.ok) throw new Error(`no ${relative(empty, file)} on disk`);
    // Back to the walkthrough's tab: the step is ticked.
    await page.locator('.part.editor .tab', { hasText: /Walkthrough|Welcome/ }).first().click({ timeout: 5_000 }).catch(() => {});
    const ticked = await until(() => walkthroughSteps(page), (steps) => steps[0]?.done === true, 10_000);
    if (!ticked.ok) throw new Error(`the step "${stepTitles[0]}" is not ticked: ${ticked.value.error ?? JSON.stringify(ticked.value)}`);
    const listed = await until(() => treeRows(page, sel.pane('Contacts')), (rows) => rows.some((r) => r.label === FIRST_CONTACT), 15_000);
    if (!listed.ok) throw new Error(`the Contacts view does not list ${FIRST_CONTACT}: ${listed.value.error ?? show(listed.value)}`);
    return `${relative(empty, file)} written; ${ticked.value.filter((s) => s.done).length} of ${ticked.value.length} steps done`;
  });

  // 17. The snippets, as the walkthrough's last step says: type rapport- in a note and the list opens
  // (Markdown has no suggestions as you type; the - of rapport- opens Rapport's).
  const snippetPrefixes = Object.values(JSON.parse(readFileSync(join(repoRoot, 'snippets', 'markdown.json'), 'utf8'))).map((x) => x.prefix);
  await check(`typing rapport- in ${FIRST_CONTACT}'s note lists Rapport's ${snippetPrefixes.length} snippets`, async () => {
    await page.locator('.part.editor .tab', { hasText: 'sally-smith' }).first().click({ timeout: 5_000 });
    await page.locator(`${sel.editor} .view-lines`).first().click({ timeout: 5_000 });
    await page.keyboard.press('Control+End');
    // As a person does: a moment on the new note before typing (in its first seconds, a
    // window on a busy machine can let the first `-` go by without a list).
    await page.waitForTimeout(2_000);
    await page.keyboard.type('rapport-', { delay: 50 });
    const rows = page.locator('.editor-widget.suggest-widget .monaco-list-row');
    const { ok, value } = await until(() => rows.evaluateAll((els) => els.map((e) => e.querySelector('.label-name')?.innerText.trim() ?? e.innerText.trim())),
      (labels) => labels.length > 0 && labels[0] === snippetPrefixes[0], 10_000);
    if (!ok) {
      const where = (await page.locator('.part.statusbar').innerText().catch(() => '')).match(/Ln \d+, Col \d+/)?.[0] ?? 'the cursor nowhere';
      throw new Error(`expected a list opening with ${snippetPrefixes[0]}; saw ${value.error ? 'no list' : value.map((l) => `"${l}"`).join(', ') || 'no list'} (${where})`);
    }
    const size = Number(await rows.first().getAttribute('aria-setsize'));
    if (size !== snippetPrefixes.length) throw new Error(`the list has ${size} entries, not the ${snippetPrefixes.length} snippets`);
    return `${size} entries, first ${value.slice(0, 3).join(', ')}…`;
  });
  await screenshot('snippets.png', { clip: () => snippetsClip(page) });
  await page.keyboard.press('Escape');
}

/** LinkedIn's export as it comes (notes before the header, a BOM, CRLF), with people at the demo's targets: two at Plover, where she knew nobody. */
const IMPORT_CSV = `\uFEFF${[
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Nadia,Haddad,https://www.linkedin.com/in/nadia-haddad,,Plover,"Head of Product, Payments",04 Dec 2026',
  'Jonas,Lindqvist,https://www.linkedin.com/in/jonas-lindqvist,,Plover,Staff Engineer,28 Nov 2026',
  'Marcus,Bell,https://www.linkedin.com/in/marcus-bell,MARCUS@ledgerline.example,Ledgerline,Engineering Manager,12 Oct 2026',
  'Wei,Zhou,https://www.linkedin.com/in/wei-zhou,,Fernway,Data Scientist,02 Sep 2026',
  'Amara,Okafor,https://www.linkedin.com/in/amara-okafor,amara@example.org,Tessera,Designer,17 Jun 2026',
  ',,,,,,03 Mar 2024',
  'Elif,Yilmaz,https://www.linkedin.com/in/elif-yilmaz,,"Meridian Bank,Analyst,01 Feb 2026',
].map((l) => `${l}\r\n`).join('')}`;
const IMPORT_NEW = ['Nadia Haddad', 'Jonas Lindqvist', 'Wei Zhou', 'Amara Okafor'];
const IMPORT_PICK = 'Import: create 4, update 1';

async function importContacts(root, demo) {
  const csv = join(root, 'Connections.csv');
  writeFileSync(csv, IMPORT_CSV);
  await check(`Import contacts…: ${csv.split('/').pop()} picked in the file dialog, previewed with "${IMPORT_PICK}" and everyone in it, nothing written yet`, async () => {
    await closeAllEditors(page);
    await dismissToasts(page);
    // Rapport's side bar open, as a person has it: the new people show in its views after.
    await runCommand(page, 'Rapport: Show follow-ups');
    await page.locator(sel.followUpsPane).waitFor({ state: 'visible', timeout: 15_000 });
    await showOnlyView(page, 'Target companies');
    await runCommand(page, 'Rapport: Import contacts…');
    // code-server's open dialog is VS Code's own: a path typed in a quick input.
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(csv);
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    const { ok, value } = await until(() => rows.evaluateAll((els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim())),
      (labels) => labels.some((l) => l.startsWith(IMPORT_PICK)), 20_000);
    if (!ok) throw new Error(`expected the preview with "${IMPORT_PICK}"; saw ${value.error ?? (value.map((l) => `"${l}"`).join(', ') || 'no list')}`);
    const title = await page.locator('.quick-input-widget .quick-input-title').innerText({ timeout: 2_000 }).catch(() => '');
    if (!/^Import Connections\.csv: 4 to create, 1 to update, 2 to skip/.test(title)) throw new Error(`the preview is titled "${title}"`);
    const missing = IMPORT_NEW.filter((n) => !value.some((l) => l.includes(n)));
    if (missing.length) throw new Error(`the preview does not list ${missing.join(', ')}: ${value.join(' | ')}`);
    if (existsSync(join(demo, 'contacts', 'nadia-haddad.md'))) throw new Error('a note was written before Import was chosen');
    return `"${title}": ${value.length} rows shown, first "${value[0]}"`;
  });
  await screenshot('import-preview.png', { escape: false });

  await check(`choosing "${IMPORT_PICK}" writes the notes, says what it did with the targets' counts, and Target companies lists the new people at Plover`, async () => {
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: IMPORT_PICK }).first().click({ timeout: 5_000 });
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Imported Connections.csv' });
    await toast.first().waitFor({ state: 'visible', timeout: 30_000 });
    const message = (await toast.first().innerText()).replace(/\s+/g, ' ');
    if (!/4 created, 1 updated, 2 skipped/.test(message) || !/Plover 2/.test(message)) throw new Error(`the summary reads "${message}"`);
    const made = IMPORT_NEW.map((n) => join(demo, 'contacts', `${n.toLowerCase().replace(/ /g, '-')}.md`)).filter((f) => !existsSync(f));
    if (made.length) throw new Error(`not on disk: ${made.join(', ')}`);
    await showOnlyView(page, 'Target companies');
    const pane = sel.pane('Target companies');
    const at = (rows, label) => rows.findIndex((r) => r.level === 1 && r.label === label);
    const listed = await until(() => treeRows(page, pane), (rows) => at(rows, 'Plover') >= 0
      && ['Jonas Lindqvist', 'Nadia Haddad'].every((n) => childrenOf(rows, at(rows, 'Plover')).some((r) => r.label === n)), 20_000);
    if (!listed.ok) throw new Error(`Target companies does not list the new people at Plover: ${listed.value.error ?? show(listed.value)}`);
    return `"${message.slice(0, 160)}…"; Plover: ${childrenOf(listed.value, at(listed.value, 'Plover')).map(rowText).join(', ')}`;
  });
  // With the summary's notification: what the import says, beside who is now at each target.
  await screenshot('import-summary.png', { escape: false, keepToasts: true });

  await check('the Contacts view lists the new people', async () => {
    await showOnlyView(page, 'Contacts');
    const pane = sel.pane('Contacts');
    const { ok, value } = await until(() => treeRows(page, pane), (rows) => rows.some((r) => r.label === 'Plover'), 15_000);
    if (!ok) throw new Error(`no Plover group in Contacts: ${value.error ?? show(value)}`);
    return show(value.filter((r) => r.level === 1)).slice(0, 200);
  });
  await dismissToasts(page);
}

/** The window's top, down to a little below the suggestion list. */
async function snippetsClip(page) {
  const box = await page.locator('.editor-widget.suggest-widget').first().boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return undefined;
  return { x: 0, y: 0, width: viewport.width, height: Math.min(viewport.height, Math.round(box.y + box.height + 32)) };
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
  // Tall enough for the demo's 13 things due beside the other views, as on a laptop's full-height window.
  browser = await launchBrowser(paths, profile, { log, viewport: { width: 1280, height: 1100 } });
  page = browser.page;
  page.on('crash', () => finish('the browser page crashed'));

  await page.goto(server.url, { timeout: 60_000 });
  await page.locator(sel.workbench).waitFor({ timeout: 60_000 });
  await page.locator(sel.rapportTab).waitFor({ timeout: 60_000 });
  log(`workbench open (${seconds()})`);
  await dismissToasts(page);
  await closeAllEditors(page);

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
  await check('the status bar says "13 due"', async () => {
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

  // 2b. A reminder is closed where it is shown: its row has buttons, and its context menu every action.
  await check(`right-clicking "${FIRST_ROW.label}" offers ${FIRST_ROW_ACTIONS.length} actions, the first ones as buttons on the row`, async () => {
    const row = page.locator(`${sel.followUpsPane} .monaco-list-row`, { hasText: FIRST_ROW.label }).first();
    await row.hover({ timeout: 10_000 });
    const buttons = await until(() => row.locator('.actions .action-label').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '')),
      (v) => Array.isArray(v) && FIRST_ROW_BUTTONS.every((b) => v.includes(b)), 5_000);
    if (!buttons.ok) throw new Error(`the row's buttons read ${JSON.stringify(buttons.value)}, not ${JSON.stringify(FIRST_ROW_BUTTONS)}`);
    await row.click({ button: 'right', timeout: 5_000 });
    const menu = page.locator('.monaco-menu .action-item .action-label');
    const { ok, value } = await until(() => menu.allInnerTexts(), (v) => FIRST_ROW_ACTIONS.every((a) => v.map((t) => t.trim()).includes(a)), 10_000);
    if (!ok) throw new Error(`the context menu offers ${JSON.stringify(value)}, not all of ${JSON.stringify(FIRST_ROW_ACTIONS)}`);
    return `buttons ${FIRST_ROW_BUTTONS.map((b) => `"${b}"`).join(', ')}; menu ${FIRST_ROW_ACTIONS.map((a) => `"${a}"`).join(', ')}`;
  });
  await screenshot('follow-ups-menu.png', { escape: false });
  await page.keyboard.press('Escape');

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
  // Let the picture settle first: the selected problem's fixes looked up (its
  // lightbulb), the note's outline in the breadcrumbs. On a loaded machine either
  // can take seconds, and the picture would differ from the committed one.
  await Promise.allSettled([
    page.locator(`${sel.markers} .monaco-list-row.selected .markers-panel-action-quickfix:not(.disabled)`).waitFor({ timeout: 15_000 }),
    page.locator('.part.editor .breadcrumbs-control .monaco-breadcrumb-item').nth(2).waitFor({ timeout: 15_000 }),
  ]);
  await screenshot('problems.png');

  // 5. Contacts, grouped by company (the default), with the side bar to itself.
  await check(`the Contacts view groups people by company, and ${CONTACT_MEETINGS.name} expands to his meetings`, async () => {
    await clearStage(page);
    await showOnlyView(page, 'Contacts');
    const pane = sel.pane('Contacts');
    const groupAt = (rows) => rows.findIndex((r) => r.level === 1 && r.label === CONTACTS_GROUP.label);
    const { ok, value: rows } = await until(() => treeRows(page, pane), (rows) => groupAt(rows) >= 0
      && childrenOf(rows, groupAt(rows)).length === CONTACTS_GROUP.people.length, 20_000);
    if (!ok) throw new Error(`no group "${CONTACTS_GROUP.label}" with its ${CONTACTS_GROUP.people.length} people on screen; rows: ${rows.error ?? show(rows)}`);
    const groups = rows.filter((r) => r.level === 1);
    if (groups.length < 3 || !groups.every((g) => /^\d+$/.test(g.description))) {
      throw new Error(`expected company groups, each with its count; saw ${show(groups)}`);
    }
    const i = groupAt(rows);
    const people = childrenOf(rows, i).map((r) => r.label);
    if (rows[i].description !== String(people.length) || people.join(', ') !== CONTACTS_GROUP.people.join(', ')) {
      throw new Error(`expected "${CONTACTS_GROUP.label} — ${CONTACTS_GROUP.people.length}" over ${CONTACTS_GROUP.people.join(', ')}; saw ${show([rows[i]])} over ${people.join(', ')}`);
    }
    // Expanding a contact (its twistie, so the note doesn't open) shows their meetings.
    const contact = page.locator(`${pane} .monaco-list-row[aria-level="2"]`)
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${CONTACT_MEETINGS.name}$`) }) }).first();
    if (await contact.getAttribute('aria-expanded', { timeout: 5_000 }) !== 'true') await contact.locator('.monaco-tl-twistie').click({ timeout: 5_000 });
    const contactAt = (rows) => rows.findIndex((r) => r.level === 2 && r.label === CONTACT_MEETINGS.name);
    const meetings = await until(() => treeRows(page, pane), (rows) => contactAt(rows) >= 0
      && childrenOf(rows, contactAt(rows)).map(rowText).join('\n') === CONTACT_MEETINGS.meetings.join('\n'), 10_000);
    if (!meetings.ok) {
      const seen = meetings.value.error ?? (contactAt(meetings.value) < 0 ? `no row "${CONTACT_MEETINGS.name}"` : show(childrenOf(meetings.value, contactAt(meetings.value))) || 'nothing under it');
      throw new Error(`expected ${CONTACT_MEETINGS.name} to expand to ${CONTACT_MEETINGS.meetings.map((m) => `"${m}"`).join(', ')}; saw ${seen}`);
    }
    return `${groups.length} groups on screen, "${CONTACTS_GROUP.label} — ${people.length}"; ${CONTACT_MEETINGS.name}: ${CONTACT_MEETINGS.meetings.length} meetings`;
  });
  await fitSideBar(page, sel.pane('Contacts'));
  await screenshot('contacts.png', { clip: () => sideBarClip(page) });

  // 6. Meetings: what is coming first, then the past by month, newest first.
  await check('the Meetings view starts with "Upcoming", then the months', async () => {
    await showOnlyView(page, 'Meetings');
    const pane = sel.pane('Meetings');
    const groups = (rows) => rows.filter((r) => r.level === 1).map((r) => r.label);
    const { ok, value: rows } = await until(() => treeRows(page, pane),
      (rows) => MEETING_GROUPS.every((g) => groups(rows).includes(g)), 20_000);
    if (!ok) throw new Error(`expected the groups ${MEETING_GROUPS.map((g) => `"${g}"`).join(', ')}; rows: ${rows.error ?? show(rows)}`);
    if (rows[0].level !== 1 || rows[0].label !== MEETING_GROUPS[0]) throw new Error(`expected the first row to be the group "${MEETING_GROUPS[0]}", saw ${show([rows[0]])}`);
    if (groups(rows).join(', ') !== MEETING_GROUPS.join(', ')) throw new Error(`expected the groups in the order ${MEETING_GROUPS.join(', ')}, saw ${groups(rows).join(', ')}`);
    // Upcoming: from TODAY on, soonest first; a month: its own dates, newest first.
    const day = (r) => r.label.slice(0, 10);
    const upcoming = childrenOf(rows, 0);
    const month = childrenOf(rows, rows.findIndex((r) => r.label === MEETING_GROUPS[1]));
    const sorted = (list, dir) => list.every((r, k) => k === 0 || dir * r.label.localeCompare(list[k - 1].label) >= 0);
    if (!upcoming.length || rows[0].description !== String(upcoming.length) || !upcoming.every((r) => day(r) >= TODAY) || !sorted(upcoming, 1)) {
      throw new Error(`expected "${MEETING_GROUPS[0]}" to count and list meetings from ${TODAY} on, soonest first; saw ${show([rows[0]])} over ${show(upcoming)}`);
    }
    if (!month.length || !month.every((r) => day(r).startsWith('2026-11') && day(r) < TODAY) || !sorted(month, -1)) {
      throw new Error(`expected "${MEETING_GROUPS[1]}" to list its past meetings, newest first; saw ${show(month)}`);
    }
    return `${groups(rows).join(', ')}; first "${rowText(upcoming[0])}"`;
  });
  await fitSideBar(page, sel.pane('Meetings'));
  await screenshot('meetings.png', { clip: () => sideBarClip(page) });

  // 7. Target companies: who you know at each, who is a referral away, and what to ask when nobody.
  await check(`the Target companies view shows who you know at each target, and "${TARGET_NOBODY.hint}" at ${TARGET_NOBODY.label}`, async () => {
    await showOnlyView(page, 'Target companies');
    const pane = sel.pane('Target companies');
    const at = (rows, label) => rows.findIndex((r) => r.level === 1 && r.label === label);
    const { ok, value: rows } = await until(() => treeRows(page, pane), (rows) => [TARGET_KNOWN.label, TARGET_ONE_AWAY.company, TARGET_NOBODY.label]
      .every((label) => at(rows, label) >= 0 && childrenOf(rows, at(rows, label)).length > 0), 20_000);
    if (!ok) throw new Error(`expected ${TARGET_KNOWN.label}, ${TARGET_ONE_AWAY.company} and ${TARGET_NOBODY.label}, expanded; rows: ${rows.error ?? show(rows)}`);
    const known = rows[at(rows, TARGET_KNOWN.label)];
    const people = childrenOf(rows, at(rows, TARGET_KNOWN.label));
    if (known.description !== TARGET_KNOWN.description || people.map((r) => r.label).join(', ') !== TARGET_KNOWN.people.join(', ')
      || !people.every((r) => r.description.endsWith('you know them'))) {
      throw new Error(`expected "${TARGET_KNOWN.label} — ${TARGET_KNOWN.description}" over ${TARGET_KNOWN.people.join(', ')} (each "you know them"); saw ${show([known])} over ${show(people)}`);
    }
    const away = childrenOf(rows, at(rows, TARGET_ONE_AWAY.company));
    if (!away.some((r) => r.label === TARGET_ONE_AWAY.name && r.description === TARGET_ONE_AWAY.description)) {
      throw new Error(`expected "${TARGET_ONE_AWAY.name} — ${TARGET_ONE_AWAY.description}" under ${TARGET_ONE_AWAY.company}; saw ${show(away)}`);
    }
    const nobody = rows[at(rows, TARGET_NOBODY.label)];
    const hint = childrenOf(rows, at(rows, TARGET_NOBODY.label));
    if (nobody.description !== TARGET_NOBODY.description || hint.length !== 1 || hint[0].label !== TARGET_NOBODY.hint) {
      throw new Error(`expected "${TARGET_NOBODY.label} — ${TARGET_NOBODY.description}" over "${TARGET_NOBODY.hint}" alone; saw ${show([nobody])} over ${show(hint)}`);
    }
    return `"${rowText(known)}" over ${people.length} people; "${rowText(away.find((r) => r.label === TARGET_ONE_AWAY.name))}"; "${rowText(nobody)}" over "${hint[0].label}"`;
  });
  await fitSideBar(page, sel.pane('Target companies'));
  await screenshot('targets.png', { clip: () => sideBarClip(page) });

  // 8. The referral tree: who led to whom, level by level.
  await check(`the Referral tree shows ${REFERRAL_CHAIN.join(' → ')}, each a level deeper`, async () => {
    await showOnlyView(page, 'Referral tree');
    const pane = sel.pane('Referral tree');
    const names = REFERRAL_CHAIN;
    /** The rows of the chain `names`, each a child of the one before, as far as they go. */
    const chain = (rows) => {
      let i = rows.findIndex((r) => r.level === 1 && r.label === names[0]);
      const found = [];
      for (let n = 1; i >= 0; n++) {
        found.push(rows[i]);
        if (n === names.length) break;
        const child = childrenOf(rows, i).find((r) => r.label === names[n]);
        i = child ? rows.indexOf(child) : -1;
      }
      return found;
    };
    const { ok, value: rows } = await until(() => treeRows(page, pane), (rows) => chain(rows).length === names.length, 20_000);
    if (!ok) {
      const found = rows.error ? [] : chain(rows);
      throw new Error(`expected ${names.join(' → ')}, each a child of the one before; ${found.length ? `found ${found.map((r) => r.label).join(' → ')} only` : `no root "${names[0]}"`}; rows: ${rows.error ?? rows.map((r) => `${'·'.repeat(r.level - 1)}${r.label}`).join(', ')}`);
    }
    // Each person who led to someone is open, says how many, and shows them.
    for (const r of chain(rows).slice(0, -1)) {
      const kids = childrenOf(rows, rows.indexOf(r));
      if (!r.expanded || r.description !== `led to ${kids.length}`) throw new Error(`"${r.label}" shows ${kids.length} people under it${r.expanded ? '' : ', collapsed,'} but reads "${r.description}"`);
    }
    const depth = Math.max(...rows.map((r) => r.level));
    return `${chain(rows).map(rowText).join(' → ')}; ${depth} levels on screen`;
  });
  await fitSideBar(page, sel.pane('Referral tree'));
  await screenshot('referrals.png', { clip: () => sideBarClip(page) });

  // 9. A quick fix, as a person finds it: open the draft, cursor on the subject, Ctrl+.
  await check(`Ctrl+. on the subject of ${FIX_NOTE.file} offers "${FIX_TITLE}"`, async () => {
    await runCommand(page, 'View: Close Primary Side Bar'); // the note gets the window
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 5_000 });
    // Quick Open, by file name.
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 5_000 });
    await input.fill(FIX_NOTE.file);
    await page.locator(`.quick-input-widget .monaco-list-row[aria-label^="${FIX_NOTE.file}"]`).first().waitFor({ timeout: 15_000 })
      .catch(() => { throw new Error(`Quick Open found no ${FIX_NOTE.file}`); });
    await page.keyboard.press('Enter');
    const { ok, value } = await until(async () => ({
      tab: await page.locator(sel.activeTab).locator('.monaco-icon-label-container').evaluate((c) =>
        ['.label-name', '.label-suffix'].map((q) => c.querySelector(q)?.textContent ?? '').join('').trim(), { timeout: 1_000 }),
      line: await editorLine(page, FIX_NOTE.line),
      warning: await page.locator(`${sel.editor} .squiggly-warning`).count(),
    }), (v) => v.tab === FIX_NOTE.file && v.line === FIX_BEFORE && v.warning > 0, 20_000);
    if (!ok) throw new Error(`expected ${FIX_NOTE.file} open, line ${FIX_NOTE.line} reading "${FIX_BEFORE}" under a warning squiggle; saw ${value.error ?? `tab "${value.tab}", line ${FIX_NOTE.line} "${value.line}", ${value.warning} warning squiggles`}`);
    // The cursor just after `subject:`, on no word (a word would be highlighted a moment later).
    await page.locator(`${sel.editor} .view-lines .view-line`, { hasText: /^subject:/ }).first().click({ position: { x: 30, y: 8 }, timeout: 5_000 });
    await page.keyboard.press('Home');
    for (let k = 0; k < 'subject:'.length; k++) await page.keyboard.press('ArrowRight');
    // A person sees the lightbulb beside the line, then asks for the fixes.
    const bulb = await until(() => page.locator(sel.editor).first().evaluate((editor, n) => {
      const line = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].find((e) => e.textContent.trim() === String(n));
      const icon = editor.querySelector('.glyph-margin-widgets [class*="codicon-gutter-lightbulb"]');
      return Boolean(line && icon && icon.offsetParent !== null
        && Math.abs(icon.getBoundingClientRect().top - line.getBoundingClientRect().top) < 3);
    }, FIX_NOTE.line, { timeout: 2_000 }), (shown) => shown, 15_000);
    if (!bulb.ok) throw new Error(`no lightbulb showed beside line ${FIX_NOTE.line}`);
    await page.keyboard.press('Control+.');
    const menu = page.locator(sel.quickFixes);
    const shown = await menu.first().waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    if (!shown) { // the keybinding did not reach the editor: the palette, as a person would
      await runCommand(page, 'Quick Fix...');
      await menu.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
        throw new Error('neither Ctrl+. nor "Quick Fix..." opened the quick-fix menu');
      });
    }
    const titles = (await menu.locator('.title').allInnerTexts()).map((t) => t.trim());
    if (!titles.includes(FIX_TITLE)) throw new Error(`the quick-fix menu offers ${titles.map((t) => `"${t}"`).join(', ') || 'nothing'}, not "${FIX_TITLE}"`);
    return titles.map((t) => `"${t}"`).join(', ');
  });
  await screenshot('quick-fix.png', { escape: false, clip: () => editorClip(page) });

  // 10. Choosing it is one edit of the subject, and Ctrl+Z takes it back: nothing is saved.
  // A quick fix finishes the job: the note was open with nothing unsaved, so the fix is saved
  // (the editor, git diff and rapport check agree at once); Ctrl+Z takes it back in one step,
  // and saving that puts the file back byte for byte.
  await check(`choosing it rewrites the subject and saves it; Ctrl+Z and save restore the file`, async () => {
    const item = page.locator(sel.quickFixes).filter({ has: page.locator('.title', { hasText: FIX_TITLE }) });
    if (!await item.count()) {
      throw new Error(await page.locator(sel.quickFixes).count() ? `the quick-fix menu has no "${FIX_TITLE}" to choose` : 'the quick-fix menu closed before the fix could be chosen');
    }
    const original = readFileSync(join(repoRoot, 'examples', 'demo', FIX_NOTE.path), 'utf8');
    const onDisk = () => readFileSync(join(demo, FIX_NOTE.path), 'utf8');
    await item.first().click({ timeout: 5_000 });
    const dirty = async () => /\bdirty\b/.test(await page.locator(sel.activeTab).getAttribute('class', { timeout: 1_000 }) ?? '');
    const saved = await until(async () => ({ line: await editorLine(page, FIX_NOTE.line), dirty: await dirty(), disk: onDisk() }),
      (v) => v.line === FIX_AFTER && !v.dirty && v.disk.includes(`\n${FIX_AFTER}\n`), 10_000);
    if (!saved.ok) throw new Error(`expected line ${FIX_NOTE.line} to read '${FIX_AFTER}', saved, saw ${saved.value.error ?? `'${saved.value.line}'${saved.value.dirty ? ', the tab unsaved' : ''}${saved.value.disk?.includes(FIX_AFTER) ? '' : ', the file on disk unchanged'}`}`);
    await page.keyboard.press('Control+z');
    const undone = await until(async () => ({ line: await editorLine(page, FIX_NOTE.line) }), (v) => v.line === FIX_BEFORE, 10_000);
    if (!undone.ok) throw new Error(`expected Ctrl+Z to restore '${FIX_BEFORE}', saw ${undone.value.error ?? `'${undone.value.line}'`}`);
    await page.keyboard.press('Control+s');
    const restored = await until(async () => ({ disk: onDisk() }), (v) => v.disk === original, 10_000);
    if (!restored.ok) throw new Error(`expected saving the undo to put ${FIX_NOTE.path} back byte for byte`);
    return `'${FIX_AFTER}' saved, then '${FIX_BEFORE}' again, and the file as it was`;
  });

  // 12. The report's page, as a browser opens the file `rapport report --html` writes: its charts, and no request at all.
  await check('rapport report --html: a page with its three charts that asks for nothing', async () => {
    const file = join(demoRoot, 'report.html');
    execFileSync(process.execPath, [join(repoRoot, 'bin', 'rapport.js'), 'report', demo, '--today', TODAY, '--html', file, '--no-cache'], { stdio: 'ignore' });
    // A browser of its own, as a person double-clicks the file: a second tab in the workbench's
    // browser, opened and closed, leaves the webviews opened after it blank (their service worker
    // never takes control), seen every time in a script that did just that.
    const own = mkdtempSync(join(tmpdir(), 'rapport-look-page-'));
    const other = await launchBrowser(paths, { root: own }, { log, viewport: { width: 900, height: 1100 } });
    const tab = other.page;
    const asked = [];
    tab.on('request', (r) => asked.push(r.url()));
    try {
      await tab.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
      const charts = await tab.locator('svg rect').count();
      const svgs = await tab.locator('svg').count();
      if (svgs !== 3 || charts < 10) throw new Error(`expected 3 charts with their bars, saw ${svgs} charts and ${charts} bars`);
      if (asked.length) throw new Error(`the page asked for ${asked.join(', ')}`);
      // The picture in the README: kept unless the page really changed (rendering noise aside).
      await tab.setViewportSize({ width: 900, height: 1100 });
      const png = await tab.screenshot();
      const picture = join(imagesDir, 'report.png');
      if (!existsSync(picture) || await differentPixels(readFileSync(picture), png) > NOISE_PIXELS) {
        writeFileSync(picture, png);
        log(`saved ${relative(repoRoot, picture)}`);
      }
      return `${svgs} charts, ${charts} bars, no request`;
    } finally {
      await other.close();
      rmSync(own, { recursive: true, force: true });
    }
  });

  // 13. Rapport: Open report, in the light theme (the look run's) and the dark one.
  await check('Rapport: Open report shows the charts in the editor, in both themes', async () => {
    await closeAllEditors(page);
    const said = [];
    const listen = (m) => said.push(`${m.type()}: ${m.text()}`.slice(0, 300));
    page.on('console', listen);
    try {
      await runCommand(page, 'Rapport: Open report');
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      const { ok, value } = await until(() => frame.locator('svg').count(), (n) => n === 3, 30_000);
      if (!ok) {
        const iframes = [];
        for (const f of page.frames()) {
          const body = await f.evaluate(() => `${document.readyState} ${document.body?.innerHTML.length ?? 'no body'} ${document.documentElement.outerHTML.slice(0, 300)}`).catch((e) => `(${e.message.split('\n')[0]})`);
          iframes.push(`${f.name()} ${f.url().slice(0, 200)} → ${body}`);
        }
        // Where the webview's host page stands: its service workers and how far it got (its performance marks).
        for (const f of page.frames().filter((x) => x.url().includes('/webview/browser/pre/index.html'))) {
          iframes.push(await f.evaluate(async () => JSON.stringify({
            controller: navigator.serviceWorker.controller?.scriptURL.replace(/\?.*/, ''),
            registrations: (await navigator.serviceWorker.getRegistrations()).map((r) => ({ scope: r.scope, active: r.active?.state, installing: r.installing?.state, waiting: r.waiting?.state })),
            marks: performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`),
          })).catch((e) => `(${e.message.split('\n')[0]})`));
        }
        throw new Error(`the report's webview shows ${value?.error ?? value} charts, not 3; iframes: ${iframes.join(' | ')}; console: ${said.slice(-15).join(' | ')}`);
      }
      const heading = (await frame.locator('h1').innerText({ timeout: 5_000 })).trim();
      if (heading !== `Networking report, ${TODAY}`) throw new Error(`the report's heading reads "${heading}"`);
      return `"${heading}", 3 charts`;
    } finally {
      page.off('console', listen);
    }
  });
  await screenshot('report-light.png');
  await check('the report follows the theme: dark', async () => {
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const background = () => frame.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor, { timeout: 2_000 });
    const light = await background();
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    const { ok, value } = await until(background, (c) => typeof c === 'string' && c !== light, 10_000);
    if (!ok) throw new Error(`the report's background stayed ${light}`);
    return `background ${light} → ${value}`;
  });
  await screenshot('report-dark.png');
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  await closeAllEditors(page);

  // 13b. Import contacts: a LinkedIn export picked in the file dialog, the preview, Import, the summary and the new people at their targets.
  await importContacts(demoRoot, demo);

  // 14–17. First run: an empty folder's views, the walkthrough, and the snippets.
  await firstRun(demoRoot);

  // 11. Nothing left this machine.
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
