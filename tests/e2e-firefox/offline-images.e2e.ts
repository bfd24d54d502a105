/**
 * "Keep images for offline reading" in real Firefox ESR: save a page with photos from the overlay, open the saved
 * copy in the reader page, turn the setting on (Firefox asks for the optional host permission inside the click;
 * the test profile answers "allow", see helpers/firefox.ts), the background keeps the images (the 2400 px photo
 * scaled down), the page server stops, and the saved copy shows every image from storage. The library row shows
 * the article's storage use. Screenshot: test-results/screenshots/firefox-offline-images.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type TestServer } from '../e2e/helpers/server';
import { noisePng } from '../e2e/helpers/png';
import { clickToolbar, gotoExtension, launchFirefox, openExtensionPage, type LaunchedFirefox } from './helpers/firefox';
import { clickInOverlay, waitForOverlay, waitForOverlayAttr } from './helpers/overlay';

const SHOTS = 'test-results/screenshots';
let server: TestServer | null = null;
let l: LaunchedFirefox;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ root: 'tests/e2e/pages' });
  server.route('/img/photo-large.png', { body: noisePng(2400, 1600), type: 'image/png' });
  l = await launchFirefox();
});
afterAll(async () => {
  await l?.close();
  await server?.close();
});

describe('offline images', () => {
  it('keeps a saved article’s images once turned on, and shows them with the server stopped', async () => {
    const page = await l.browser.newPage();
    await page.goto(`${server!.url}/photos.html`);
    await clickToolbar(l, page);
    await waitForOverlay(page);
    await clickInOverlay(page, '[data-unwrap-action="save"]');
    await waitForOverlayAttr(page, '[data-unwrap-action="save"]', 'aria-pressed', 'true');

    const library = await openExtensionPage(l, '/popup.html');
    const row = await library.waitForSelector('[data-unwrap-item]', { timeout: 10_000 });
    const href = await row!.evaluate((el) => el.querySelector('.row-title')!.getAttribute('href')!);

    await gotoExtension(l, library, `/${href}`);
    await library.waitForSelector('[data-unwrap="body"]', { timeout: 10_000 });
    await library.locator('[data-unwrap-action="settings"]').click();
    await library.locator('[data-unwrap-setting="offlineImages"]').click();
    await library.waitForFunction(() => /Images kept: 3/.test(document.querySelector('[data-unwrap="offline-images-note"]')?.textContent ?? ''), { timeout: 20_000, polling: 200 });
    const stored = await library.evaluate(async (id) => {
      const b = (globalThis as unknown as { browser: typeof chrome }).browser;
      const rec = (await b.storage.local.get(`images:${id}`))[`images:${id}`] as { images: Record<string, string>; bytes: number };
      return { urls: Object.keys(rec.images), bytes: rec.bytes };
    }, href.replace(/^.*id=/, ''));
    expect(stored.urls.map((u) => new URL(u).pathname).sort()).toEqual(['/img/harbour-lead.jpg', '/img/photo-large.png', '/img/quay-evening.jpg']);
    expect(stored.bytes).toBeLessThan(5 * 1024 * 1024);

    // Offline: the page server is gone; every image comes from storage.
    await server!.close();
    server = null;
    await gotoExtension(l, library, `/${href}&again=1`); // a fresh load (puppeteer's reload misses extension pages)
    await library.waitForSelector('[data-unwrap="body"]', { timeout: 10_000 });
    const imgs = await library.waitForFunction(() => {
      const all = Array.from(document.querySelectorAll<HTMLImageElement>('article img'));
      return all.length === 3 && all.every((i) => i.complete && i.naturalWidth > 0) ? all.map((i) => ({ src: i.src.slice(0, 22), w: i.naturalWidth })) : null;
    }, { timeout: 10_000, polling: 200 }).then((h) => h.jsonValue());
    for (const img of imgs!) expect(img.src).toMatch(/^data:image\//);
    expect(Math.max(...imgs!.map((i) => i.w))).toBeLessThanOrEqual(1600); // the 2400 px photo was scaled down
    expect(await library.$$eval('[data-unwrap="image-placeholder"]', (els) => els.length)).toBe(0);
    await library.screenshot({ path: join(SHOTS, 'firefox-offline-images.png') });

    await gotoExtension(l, library, '/popup.html');
    await library.waitForSelector('[data-unwrap="storage-use"]', { timeout: 10_000 });
    expect(await library.$eval('[data-unwrap="storage-use"]', (e) => e.textContent)).toMatch(/^\d+(\.\d)? (KB|MB) stored$/);
    await library.close();
    await page.close();
  });
});
