/**
 * The saved library in real Firefox ESR: save from the overlay, see the item in the library page (library.html),
 * then stop the page server and read the saved copy in the reader page (read.html) offline.
 * Screenshots: test-results/screenshots/firefox-popup.png, firefox-reader-page.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type TestServer } from '../e2e/helpers/server';
import { clickToolbar, gotoExtension, launchFirefox, openExtensionPage, pageUrl, type LaunchedFirefox } from './helpers/firefox';
import { clickInOverlay, overlayAttr, waitForOverlay, waitForOverlayAttr } from './helpers/overlay';

const SHOTS = 'test-results/screenshots';
const TITLE = 'The quiet revival of the night train';
let server: TestServer | null = null;
let l: LaunchedFirefox;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ root: 'tests/e2e/pages' });
  l = await launchFirefox();
});
afterAll(async () => {
  await l?.close();
  await server?.close();
});

describe('saved library', () => {
  it('saves from the overlay, lists the item in the library, and reads it offline', async () => {
    const articleUrl = `${server!.url}/article.html`;
    const page = await l.browser.newPage();
    await page.goto(articleUrl);
    await clickToolbar(l, page);
    await waitForOverlay(page);
    expect(await overlayAttr(page, '[data-unwrap-action="save"]', 'aria-pressed')).toBe('false');
    await clickInOverlay(page, '[data-unwrap-action="save"]');
    await waitForOverlayAttr(page, '[data-unwrap-action="save"]', 'aria-pressed', 'true');

    const library = await openExtensionPage(l, '/library.html');
    const row = await library.waitForSelector('[data-unwrap-item]', { timeout: 10_000 });
    const item = await row!.evaluate((el) => ({
      id: el.getAttribute('data-unwrap-item'),
      title: el.querySelector('.row-title')?.textContent?.trim(),
      href: el.querySelector<HTMLAnchorElement>('.row-title')?.getAttribute('href'),
      original: el.querySelector<HTMLAnchorElement>('[data-action="original"]')?.href,
    }));
    expect(item.title).toBe(TITLE);
    expect(item.original).toBe(articleUrl);
    expect(item.id).toBeTruthy();
    expect(await library.$$eval('[data-unwrap-item]', (rows) => rows.length)).toBe(1);
    // The library at popup size, as Chromium's library-list.png shows it.
    await library.setViewport({ width: 400, height: 580 });
    await library.screenshot({ path: join(SHOTS, 'firefox-popup.png') });
    await library.setViewport({ width: 1000, height: 800 });

    // Offline: the page server is gone; the saved copy comes from the extension's storage alone.
    await server!.close();
    server = null;
    await expect(fetch(articleUrl)).rejects.toThrow();
    await gotoExtension(l, library, `/${item.href!}`);
    expect(await pageUrl(library)).toMatch(/\/read\.html\?id=/);
    await library.waitForSelector('[data-unwrap="body"]', { timeout: 10_000 });
    expect(await library.$eval('h1', (h) => h.textContent)).toBe(TITLE);
    expect(await library.$eval('[data-unwrap="body"]', (b) => b.textContent)).toContain('sleep your way across Europe');
    expect(await library.$eval('[data-unwrap="site"]', (b) => b.textContent)).toBe('Rail Weekly');
    await library.screenshot({ path: join(SHOTS, 'firefox-reader-page.png') });
    await library.close();
    await page.close();
  });
});
