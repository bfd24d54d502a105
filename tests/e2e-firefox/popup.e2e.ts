/**
 * The toolbar popup in real Firefox ESR, opened as the toolbar opens it (Firefox's own action handler: activeTab
 * granted, the popup shown). BiDi does not reach the popup's panel, so the test reads and drives the popup's
 * document from another of Unwrap's pages (`extension.getViews({ type: 'popup' })`, same origin): the current tab,
 * Read (overlay on that tab, popup closed), Save (item at the top), search, `e` archive, Delete + Undo.
 * Also: `commands.getAll()` assigns every default shortcut.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { COMMANDS, DEFAULT_SHORTCUTS } from '../../src/background/shortcuts';
import { startServer, type TestServer } from '../e2e/helpers/server';
import { clickToolbar, launchFirefox, openExtensionPage, type LaunchedFirefox } from './helpers/firefox';
import { waitForOverlay } from './helpers/overlay';

const TITLE = 'The quiet revival of the night train';
let server: TestServer;
let l: LaunchedFirefox;
let driver: Page; // an Unwrap page in a background tab, from which the popup's document is reached

beforeAll(async () => {
  server = await startServer({ root: 'tests/e2e/pages' });
  l = await launchFirefox({ toolbar: 'popup' });
  driver = await openExtensionPage(l, '/read.html');
});
afterAll(async () => {
  await l?.close();
  await server?.close();
});

/** Run `body` (plain script; `doc` is the popup's document) in the open popup; resolves with its value. */
function inPopup<T>(body: string): Promise<T> {
  return driver.evaluate(`(async () => {
    const [view] = browser.extension.getViews({ type: 'popup' });
    if (!view) throw new Error('no popup open');
    const doc = view.document;
    const win = view;
    ${body}
  })()`) as Promise<T>;
}

async function waitInPopup(condition: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const ok = await inPopup<boolean>(`return !!(${condition});`).catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`popup: ${condition} not true within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function popupOpen(): Promise<boolean> {
  return driver.evaluate(`browser.extension.getViews({ type: 'popup' }).length > 0`) as Promise<boolean>;
}

async function openPopupOn(page: Page): Promise<void> {
  await clickToolbar(l, page);
  const deadline = Date.now() + 10_000;
  while (!(await popupOpen())) {
    if (Date.now() > deadline) throw new Error('the toolbar press opened no popup');
    await new Promise((r) => setTimeout(r, 100));
  }
  await waitInPopup(`win.performance.getEntriesByName('unwrap:popup:rendered').length > 0 && doc.querySelector('[data-unwrap="current-tab"]:not([aria-busy])')`);
}

const rowTitles = () => inPopup<string[]>(`return [...doc.querySelectorAll('.row-title')].map((a) => a.textContent.replace(/^★\\s*/, ''));`);
const key = (k: string) => inPopup<void>(`doc.dispatchEvent(new win.KeyboardEvent('keydown', { key: ${JSON.stringify(k)}, bubbles: true, cancelable: true }));`);

describe('toolbar popup (Firefox)', () => {
  it('the browser assigns every default shortcut', async () => {
    const all = (await driver.evaluate('browser.commands.getAll()')) as { name: string; shortcut: string }[];
    const assigned = Object.fromEntries(all.map((c) => [c.name, c.shortcut]));
    console.log(`Firefox commands.getAll(): ${JSON.stringify(assigned)}`);
    for (const c of COMMANDS) expect(assigned[c], `${c} has no key: Firefox refused ${DEFAULT_SHORTCUTS[c]}`).toBe(DEFAULT_SHORTCUTS[c]);
  });

  it('opens from the toolbar with the current tab; Read opens the overlay there and closes the popup', async () => {
    const page = await l.browser.newPage();
    await page.goto(`${server.url}/article.html?ff=read`);
    await openPopupOn(page);
    expect(await inPopup<string>(`return doc.querySelector('[data-unwrap="current-title"]').textContent;`)).toContain(TITLE);
    expect(await inPopup<boolean>(`return doc.querySelector('[data-action="read-tab"]').disabled;`)).toBe(false);
    await inPopup(`doc.querySelector('[data-action="read-tab"]').click();`);
    await waitForOverlay(page);
    await expect.poll(popupOpen, { timeout: 10_000 }).toBe(false);
    await page.close();
  });

  it('saves the page to the top of the list, searches, archives with e, deletes with undo', async () => {
    const page = await l.browser.newPage();
    await page.goto(`${server.url}/article.html?ff=save`);
    await openPopupOn(page);
    await inPopup(`doc.querySelector('[data-action="save-tab"]').click();`);
    await waitInPopup(`doc.querySelector('[data-action="save-tab"][aria-pressed="true"]')`, 15_000);
    await waitInPopup(`doc.querySelector('.row-title')`);
    expect((await rowTitles())[0]).toBe(TITLE);

    await inPopup(`const input = doc.querySelector('[data-unwrap="library-search"]'); input.value = 'night'; input.dispatchEvent(new win.Event('input', { bubbles: true }));`);
    await waitInPopup(`doc.querySelectorAll('.row').length === 1`);
    await inPopup(`doc.querySelector('[data-unwrap="library-search"]').blur();`);
    await key('e');
    await waitInPopup(`doc.querySelectorAll('.row').length === 0`);
    await inPopup(`const input = doc.querySelector('[data-unwrap="library-search"]'); input.value = ''; input.dispatchEvent(new win.Event('input', { bubbles: true })); input.blur();`);
    await inPopup(`doc.querySelector('[data-filter="archived"]').click();`);
    await waitInPopup(`doc.querySelectorAll('.row').length === 1`);
    await inPopup(`doc.activeElement?.blur?.();`);
    await key('Delete');
    await waitInPopup(`doc.querySelector('[data-unwrap="toast"] [data-action="undo"]')`);
    await waitInPopup(`doc.querySelectorAll('.row').length === 0`);
    await inPopup(`doc.querySelector('[data-unwrap="toast"] [data-action="undo"]').click();`);
    await waitInPopup(`doc.querySelectorAll('.row').length === 1`);
    expect(await rowTitles()).toEqual([TITLE]);
    await inPopup(`win.close();`);
    await page.close();
  });
});
