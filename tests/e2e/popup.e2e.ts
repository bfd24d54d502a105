/**
 * The toolbar popup in real Chromium, opened as the toolbar opens it (the button pressed for real with activeTab
 * granted; helpers/popup.ts). It shows the current tab, Read opens the overlay on that tab and closes the popup,
 * Save puts the page at the top of the list; search, archive (`e`), delete + undo, and an item opened offline.
 * axe-core on the popup, the library page and the reader page: no violations. Screenshots light and dark.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from './helpers/axe';
import { launch, uniqueUrl, type Launched } from './helpers/chromium';
import { waitForOverlay } from './helpers/overlay';
import { closePopup, detachPopupDriver, openToolbarPopup, waitForPopupClosed, type PopupPage } from './helpers/popup';
import { startServer, type TestServer } from './helpers/server';

const SHOTS = 'test-results/screenshots';
const TITLE = 'The quiet revival of the night train';
const RTL_TITLE = 'مكتبة المدينة تفتح أبوابها ليلًا';
let server: TestServer;
let l: Launched;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ root: 'tests/e2e/pages' });
  l = await launch({ toolbar: 'popup' });
});
afterAll(async () => {
  if (l) console.log(`injections retried after a momentary refusal in this file: ${l.retries()}`);
  if (l) await detachPopupDriver(l);
  await l?.close();
  await server?.close();
});
beforeEach(async () => {
  for (const p of l.context.pages()) if (p.url() !== 'about:blank') await p.close();
  await l.worker.evaluate(() => chrome.storage.local.clear());
});

async function openPage(path: string): Promise<Page> {
  const page = await l.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(uniqueUrl(`${server.url}${path}`));
  return page;
}

const rowTitles = (popup: PopupPage) => popup.$$eval('[data-unwrap="library-list"] .row-title', (els) => els.map((e) => e.textContent?.replace(/^★\s*/, '') ?? ''));
const storedEntries = () => l.worker.evaluate(async () => {
  const raw = (await chrome.storage.local.get('library')).library as { json?: string } | undefined;
  return raw?.json ? (JSON.parse(raw.json) as { entries: { id: string; title: string; archived?: boolean }[] }).entries : [];
});

async function saveFromPopup(path: string): Promise<Page> {
  const page = await openPage(path);
  const popup = await openToolbarPopup(l, page);
  await popup.waitForSelector('[data-action="save-tab"]:not([disabled])');
  await popup.click('[data-action="save-tab"]');
  await popup.waitForSelector('[data-action="save-tab"][aria-pressed="true"]', { timeout: 15_000 });
  await closePopup(l, popup);
  return page;
}

describe('toolbar popup', () => {
  it('opens from the toolbar with the current tab; Read opens the overlay there and closes the popup', async () => {
    const page = await openPage('/article.html');
    const popup = await openToolbarPopup(l, page);
    await popup.waitForSelector('[data-unwrap="current-title"]');
    expect(await popup.$eval('[data-unwrap="current-title"]', (e) => e.textContent)).toContain(TITLE);
    expect(await popup.$eval('.current-site', (e) => e.textContent)).toContain('127.0.0.1');
    expect(await popup.$('[data-unwrap="library-empty"]')).not.toBeNull();
    expect(await popup.evaluate(() => [innerWidth, innerHeight])).toEqual([380, 560]); // the browser sized it to the page
    await popup.screenshot({ path: join(SHOTS, 'popup-empty.png') });
    await popup.click('[data-action="read-tab"]');
    await waitForOverlay(page);
    await waitForPopupClosed(l);
  });

  it('saves the page (item at the top), searches, archives with e, deletes with undo, and opens an item offline', async () => {
    await saveFromPopup('/rtl.html');
    const page = await saveFromPopup('/article.html');
    expect((await storedEntries()).map((e) => e.title).sort()).toEqual([RTL_TITLE, TITLE].sort());

    const popup = await openToolbarPopup(l, page);
    await popup.waitForSelector('[data-action="save-tab"][aria-pressed="true"]'); // this page is saved: "Saved ✓"
    await popup.waitForSelector('.row-title');
    expect(await rowTitles(popup)).toEqual([TITLE, RTL_TITLE]); // most recent first
    // The Arabic row: title and meta line on the same (right) side.
    expect(await popup.$eval(`[data-index="1"] .row-main`, (e) => e.getAttribute('dir'))).toBe('rtl');
    await popup.screenshot({ path: join(SHOTS, 'popup-list.png') });

    // Search as you type (`/` focuses the box).
    await popup.keyboard.press('/');
    await popup.keyboard.type('night');
    await popup.waitForFunction(() => document.querySelectorAll('.row').length === 1);
    expect(await rowTitles(popup)).toEqual([TITLE]);
    // ↓ leaves the box for the list; `e` archives the active item (it leaves the unread view).
    await popup.keyboard.press('ArrowDown');
    await popup.waitForFunction(() => document.activeElement?.classList.contains('row-title'));
    await popup.keyboard.press('e');
    await expect.poll(async () => (await storedEntries()).find((e) => e.title === TITLE)?.archived).toBe(true);
    await popup.keyboard.press('Escape'); // leaves the row: clears the search
    await popup.click('[data-filter="archived"]');
    await popup.waitForFunction(() => document.querySelectorAll('.row').length === 1);

    // Delete from the row's own button (reached by keyboard: Tab from the title), then undo.
    await popup.focus('[data-index="0"] .row-title');
    await popup.keyboard.press('Delete');
    await popup.waitForSelector('[data-unwrap="toast"] [data-action="undo"]');
    await expect.poll(async () => (await storedEntries()).length).toBe(1);
    await popup.click('[data-unwrap="toast"] [data-action="undo"]');
    await expect.poll(async () => (await storedEntries()).length).toBe(2);
    await popup.waitForSelector('.row-title');

    // Offline: the saved copy opens from storage alone.
    await server.close();
    await l.context.setOffline(true);
    try {
      // The popup closes as the new tab takes the focus, possibly before the click's mouse-up is acknowledged.
      const [reader] = await Promise.all([l.context.waitForEvent('page'), popup.click('[data-index="0"] .row-title').catch(() => undefined)]);
      await reader.locator('[data-unwrap="body"]').waitFor();
      expect(await reader.locator('h1.u-title').textContent()).toBe(TITLE);
      expect(reader.url()).toMatch(/\/read\.html\?id=/);
    } finally {
      await l.context.setOffline(false);
      server = await startServer({ root: 'tests/e2e/pages' });
    }
  });

  it('says why Read and Save are disabled on a page the browser forbids', async () => {
    const page = await l.context.newPage();
    await page.goto('chrome://version');
    const popup = await openToolbarPopup(l, page);
    await popup.waitForSelector('[data-unwrap="current-reason"]');
    expect(await popup.$eval('[data-action="read-tab"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await popup.$eval('[data-action="save-tab"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await popup.$eval('[data-unwrap="current-reason"]', (e) => e.textContent)).toMatch(/can.t read this page: the browser (?:does not allow extensions on its own pages|refused access to this page)/);
    await closePopup(l, popup);
  });

  it('has no axe-core violations in the popup, the library page and the reader page', async () => {
    await saveFromPopup('/rtl.html');
    const page = await saveFromPopup('/article.html');
    const popup = await openToolbarPopup(l, page);
    await popup.waitForSelector('.row-title');
    const found: Record<string, string[]> = { popup: await axeViolations(popup) };
    await closePopup(l, popup);

    const lib = await l.context.newPage();
    await lib.setViewportSize({ width: 1000, height: 800 });
    await lib.goto(`chrome-extension://${l.extensionId}/library.html`);
    await lib.locator('.row-title').first().waitFor();
    found.library = await axeViolations(lib);
    const id = (await storedEntries()).find((e) => e.title === TITLE)!.id;
    await lib.goto(`chrome-extension://${l.extensionId}/read.html?id=${id}`);
    await lib.locator('[data-unwrap="body"]').waitFor();
    found.reader = await axeViolations(lib);
    expect(found).toEqual({ popup: [], library: [], reader: [] });
  });
});
