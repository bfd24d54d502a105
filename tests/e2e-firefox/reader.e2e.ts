/**
 * Reader core in real Firefox ESR with the Firefox MV3 test build: the toolbar button opens and closes the reader
 * on a generic article page (through activeTab, as for a user), Esc and the close button close it, and reading
 * settings persist into a new tab and across a reload. Screenshots: test-results/screenshots/firefox-overlay-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { startServer, type TestServer } from '../e2e/helpers/server';
import { clickToolbar, launchFirefox, type LaunchedFirefox } from './helpers/firefox';
import {
  clickInOverlay, overlayAttr, overlayStyle, overlayText, waitForOverlay, waitForOverlayAttr, waitForOverlayGone,
} from './helpers/overlay';

const SHOTS = 'test-results/screenshots';
let server: TestServer;
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

let counter = 0;
async function openPage(path: string): Promise<Page> {
  const page = await l.browser.newPage();
  await page.goto(`${server.url}${path}?t=${++counter}`);
  return page;
}

describe('toggle', () => {
  it('opens on the toolbar button and closes on the second press, restoring scroll', async () => {
    const page = await openPage('/article.html');
    await page.evaluate(() => window.scrollTo(0, 300));
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBe(300);
    await clickToolbar(l, page);
    await waitForOverlay(page);
    expect(await overlayText(page, 'h1')).toBe('The quiet revival of the night train');
    expect(await overlayText(page, '[data-unwrap="byline"]')).toContain('Mara Lindqvist');
    expect(await overlayText(page, '[data-unwrap="site"]')).toBe('Rail Weekly');
    expect(await overlayText(page, '[data-unwrap="date"]')).toMatch(/2025/);
    expect(await overlayText(page, '[data-unwrap="reading-time"]')).toMatch(/\d+ min/);
    expect(await overlayText(page, '[data-unwrap="body"]')).toContain('sleep your way across Europe');
    expect(await overlayText(page, '[data-unwrap="body"]')).not.toContain('Advertisement');
    const a11y = await page.evaluate(() => {
      const root = document.querySelector('unwrap-reader')!.shadowRoot!;
      const dialog = root.querySelector('[role="dialog"]')!;
      return { modal: dialog.getAttribute('aria-modal'), labelled: root.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent, focusInside: !!root.activeElement };
    });
    expect(a11y).toEqual({ modal: 'true', labelled: 'The quiet revival of the night train', focusInside: true });
    await clickToolbar(l, page);
    await waitForOverlayGone(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    await page.close();
  });

  it('closes with Esc and with the close button, leaving no trace in the page', async () => {
    const page = await openPage('/article.html');
    await clickToolbar(l, page);
    await waitForOverlay(page);
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);
    await clickToolbar(l, page);
    await waitForOverlay(page);
    await clickInOverlay(page, '[data-unwrap-action="close"]');
    await waitForOverlayGone(page);
    expect(await page.evaluate(() => document.querySelectorAll('unwrap-reader, style[wxt-shadow-root-document-styles]').length)).toBe(0);
    await page.close();
  });

  it('shows "no article found" on a login page', async () => {
    const page = await openPage('/login.html');
    await clickToolbar(l, page);
    await waitForOverlay(page);
    expect(await overlayText(page, '[data-unwrap="empty"]')).toContain('No article found here');
    await page.close();
  });
});

describe('settings', () => {
  it('apply at once and persist into a new tab and across a reload', async () => {
    const p1 = await openPage('/article.html');
    await clickToolbar(l, p1);
    await waitForOverlay(p1);
    await settledScreenshot(p1, 'firefox-overlay-light.png');
    await clickInOverlay(p1, '[data-unwrap-action="settings"]');
    await clickInOverlay(p1, '[data-unwrap-theme="dark"]');
    await waitForOverlayAttr(p1, '.unwrap-root', 'data-theme', 'dark');
    expect((await overlayStyle(p1, '.unwrap-root', ['background-color']))['background-color']).toBe('rgb(27, 27, 29)');
    await clickInOverlay(p1, '[data-unwrap-action="settings"]');
    await settledScreenshot(p1, 'firefox-overlay-dark.png');

    const p2 = await openPage('/article.html');
    await clickToolbar(l, p2);
    await waitForOverlay(p2);
    expect(await overlayAttr(p2, '.unwrap-root', 'data-theme')).toBe('dark');

    await p2.reload();
    await clickToolbar(l, p2);
    await waitForOverlay(p2);
    expect(await overlayAttr(p2, '.unwrap-root', 'data-theme')).toBe('dark');
    // A change in one tab follows into the other open overlay.
    await p1.bringToFront();
    await clickInOverlay(p1, '[data-unwrap-action="settings"]');
    await clickInOverlay(p1, '[data-unwrap-theme="light"]');
    await waitForOverlayAttr(p2, '.unwrap-root', 'data-theme', 'light');
    await p1.close();
    await p2.close();
  });
});

async function settledScreenshot(page: Page, name: string): Promise<void> {
  // Let the images decode and the entry animation settle, so the picture is comparable with Chromium's.
  const undecoded = await page.evaluate(async () => {
    const imgs = [...(document.querySelector('unwrap-reader')?.shadowRoot?.querySelectorAll('img') ?? [])];
    const results = await Promise.allSettled(imgs.map((i) => i.decode()));
    await new Promise((r) => setTimeout(r, 300));
    return results.flatMap((r, k) => (r.status === 'rejected' ? [imgs[k]!.src] : []));
  });
  if (undecoded.length) console.warn(`${name}: images not decoded: ${undecoded.join(', ')}`);
  await page.screenshot({ path: join(SHOTS, name) });
}
