/**
 * The reader's look and behaviour in real Firefox ESR (issue 16), as in tests/e2e/reader-look.e2e.ts: the toolbar
 * never covers text at 390–1920 px, Esc closes the innermost layer first, the repeated byline/date line is gone,
 * the hero caption and credit show, removed blocks read in plain words. Screenshots:
 * test-results/screenshots/firefox-look-<ltr|rtl>-<theme>-<width>.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { startServer, type TestServer } from '../e2e/helpers/server';
import { OVERLAPS } from '../e2e/helpers/look';
import { clickToolbar, launchFirefox, type LaunchedFirefox } from './helpers/firefox';
import { clickInOverlay, overlayText, waitForOverlay, waitForOverlayAttr, waitForOverlayGone } from './helpers/overlay';

const SHOTS = 'test-results/screenshots';
const POLL = { polling: 100, timeout: 5000 };
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
async function openReader(path: string, width = 1280): Promise<Page> {
  const page = await l.browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.goto(`${server.url}${path}?t=${++counter}`);
  await clickToolbar(l, page);
  await waitForOverlay(page);
  return page;
}

const overlaps = (page: Page) => page.evaluate(OVERLAPS) as Promise<string[]>;

async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const imgs = [...(document.querySelector('unwrap-reader')?.shadowRoot?.querySelectorAll('img') ?? [])];
    await Promise.allSettled(imgs.map((i) => i.decode()));
    await new Promise((r) => setTimeout(r, 300)); // the entry fade and a resize's layout
  });
}

describe('toolbar never covers text', () => {
  it('at 390, 800, 1024, 1280 and 1920 px, at the top and after scrolling down', async () => {
    const page = await openReader('/article.html');
    for (const width of [390, 800, 1024, 1280, 1920]) {
      await page.setViewport({ width, height: 900 });
      await page.evaluate(() => document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('.unwrap-root')!.scrollTo({ top: 0, behavior: 'instant' }));
      await settle(page);
      expect(await overlaps(page), `${width} px, top`).toEqual([]);
      await page.evaluate(() => {
        const root = document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('.unwrap-root')!;
        root.scrollTo({ top: 300, behavior: 'instant' });
        root.scrollTo({ top: 900, behavior: 'instant' });
      });
      await page.waitForFunction(() => {
        const bar = document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap="toolbar"]')!;
        return bar.getAttribute('data-placement') === 'rail' || bar.getBoundingClientRect().bottom <= 0;
      }, POLL);
      expect(await overlaps(page), `${width} px, scrolled`).toEqual([]);
    }
    await page.close();
  });
});

describe('keys and body', () => {
  it('Esc closes the settings panel first, then the reader', async () => {
    const page = await openReader('/article.html');
    await clickInOverlay(page, '[data-unwrap-action="settings"]');
    await page.waitForFunction(() => !!document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap="settings-panel"]'), POLL);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap="settings-panel"]'), POLL);
    expect(await page.evaluate(() => !!document.querySelector('unwrap-reader'))).toBe(true);
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);
    await page.close();
  });

  it('drops the repeated byline/date line, shows the hero caption and credit, and lists removed blocks in plain words', async () => {
    const page = await openReader('/hero.html');
    expect(await overlayText(page, '[data-unwrap="date"]')).toBe('20 November 2025');
    expect(((await overlayText(page, '[data-unwrap="body"]')) ?? '').trim().startsWith('The river rose')).toBe(true);
    expect(await overlayText(page, '[data-unwrap="lead-credit"]')).toBe('Photograph: Ann Lee/Valley Courier');
    await page.close();
    const up = await openReader('/upsell.html');
    await clickInOverlay(up, '[data-unwrap="removed"] summary');
    const labels = await up.evaluate(() => Array.from(document.querySelector('unwrap-reader')!.shadowRoot!.querySelectorAll('[data-unwrap="removed-label"]')).map((e) => e.textContent));
    expect(labels).toContain('App banner');
    for (const label of labels) expect(label).not.toMatch(/^[a-z-]+:/);
    await up.close();
  });
});

describe('screenshots', () => {
  it('light, sepia and dark; LTR and RTL; 390, 1024 and 1920 px', async () => {
    for (const [name, path] of [['ltr', '/hero.html'], ['rtl', '/rtl.html']] as const) {
      const page = await openReader(path, 1024);
      for (const theme of ['light', 'sepia', 'dark'] as const) {
        await clickInOverlay(page, '[data-unwrap-action="settings"]');
        await clickInOverlay(page, `[data-unwrap-theme="${theme}"]`);
        await clickInOverlay(page, '[data-unwrap-action="settings"]');
        await waitForOverlayAttr(page, '.unwrap-root', 'data-theme', theme);
        for (const width of [390, 1024, 1920]) {
          await page.setViewport({ width, height: 900 });
          await settle(page);
          expect(await overlaps(page)).toEqual([]);
          await page.screenshot({ path: join(SHOTS, `firefox-look-${name}-${theme}-${width}.png`) });
        }
      }
      await page.close();
    }
  });
});
