/**
 * Saved copies and their images in real Chromium: without "Keep images for offline reading" (its optional host
 * permission not granted), a saved copy read with the page server stopped shows a placeholder with the caption and
 * a link for each image; the reader page offers the setting with its one-sentence reason; the library row shows
 * the article's storage use. (The path with the permission granted runs in Firefox, whose test profile can
 * answer the permission question: tests/e2e-firefox/offline-images.e2e.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { clickToolbar, launch, uniqueUrl, type Launched } from './helpers/chromium';
import { startServer, type TestServer } from './helpers/server';
import { clickInOverlay, waitForOverlay } from './helpers/overlay';
import { noisePng } from './helpers/png';

const SHOTS = 'test-results/screenshots';
let server: TestServer;
let l: Launched;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ root: 'tests/e2e/pages' });
  server.route('/img/photo-large.png', { body: noisePng(1200, 800), type: 'image/png' });
  l = await launch();
});
afterAll(async () => {
  await l?.close();
  await server?.close();
});

describe('saved copy without kept images', () => {
  it('shows placeholders with caption and link offline; offers the setting; lists storage use', async () => {
    const page = await l.context.newPage();
    await page.goto(uniqueUrl(`${server.url}/photos.html`));
    await clickToolbar(l, page);
    await waitForOverlay(page);
    await clickInOverlay(page, '[data-unwrap-action="save"]');
    await page.waitForFunction(() => document.querySelector('unwrap-reader')?.shadowRoot?.querySelector('[data-unwrap-action="save"]')?.getAttribute('aria-pressed') === 'true');
    const id = await l.worker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).find((k) => k.startsWith('article:'))!.slice('article:'.length));

    const lib = await l.context.newPage();
    await lib.goto(`chrome-extension://${l.extensionId}/popup.html`);
    await lib.locator('[data-unwrap="storage-use"]').first().waitFor();
    expect(await lib.locator('[data-unwrap="storage-use"]').first().textContent()).toMatch(/^\d+(\.\d)? KB stored$/);
    await lib.close();

    await server.close();
    await l.context.setOffline(true);
    try {
      const reader = await l.context.newPage();
      await reader.setViewportSize({ width: 1000, height: 900 });
      await reader.goto(`chrome-extension://${l.extensionId}/read.html?id=${id}`);
      await reader.locator('[data-unwrap="body"]').waitFor();
      await reader.locator('[data-unwrap="body"] [data-unwrap="image-placeholder"]').nth(1).waitFor();
      const boxes = await reader.locator('[data-unwrap="image-placeholder"]').evaluateAll((els) => els.map((e) => ({ text: e.textContent, href: e.querySelector('a')?.getAttribute('href') })));
      expect(boxes.length).toBeGreaterThanOrEqual(2);
      for (const b of boxes) expect(b.href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/img\//);
      expect(await reader.locator('[data-unwrap="body"] figcaption').allTextContents()).toContain('The fish market at dawn, before the buyers arrive.');
      expect(await reader.locator('[data-unwrap="lead-caption"]').textContent()).toContain('Boats wait for the tide');
      await reader.screenshot({ path: join(SHOTS, 'offline-placeholders.png'), fullPage: true });
      await reader.locator('[data-unwrap-action="settings"]').click();
      const toggle = reader.locator('[data-unwrap-setting="offlineImages"]');
      expect(await toggle.isChecked()).toBe(false);
      expect(await reader.locator('.u-offline').textContent()).toContain('only to download their images');
      await reader.screenshot({ path: join(SHOTS, 'offline-setting.png') });
      await reader.close();
    } finally {
      await l.context.setOffline(false);
    }
  });
});
