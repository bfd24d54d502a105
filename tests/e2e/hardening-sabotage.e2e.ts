/**
 * Issue 14, in real Chromium: a page that will not let the reader overlay be (removes it again and again, removes
 * every custom element with attachShadow broken, takes its element name, covers it with a top-layer dialog or
 * popover, hides <html>, zooms it away, makes the page inert, takes it out of the top layer) cannot take the article
 * away: it opens in Unwrap's own reader tab (`read.html?handoff=…`, handed over through `storage.session`) with the
 * one-line notice, and is not saved unless the user saves it there. A page that removes the reader once, and an
 * ordinary page with its own popover, keep the overlay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { clickToolbar, launch, uniqueUrl, type Launched } from './helpers/chromium';
import { startSentinelServer, type SentinelServer } from '../hardening/support/sentinel-server';
import { CONTROL_PAGE, CONTROL_TEXT, SABOTAGE_PAGES, SABOTAGE_TEXT, sabotagePage } from '../fixtures/hostile/sabotage-pages';
import { removeReader, scriptPage } from '../fixtures/hostile/hostile-pages';

const SHOTS = 'test-results/screenshots';
let server: SentinelServer;
let l: Launched;
const figures = { tried: 0, survived: 0, pages: [] as string[] };

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startSentinelServer();
  for (const p of SABOTAGE_PAGES) server.route(`/sabotage/${p.name}.html`, sabotagePage(p));
  server.route('/sabotage/control.html', CONTROL_PAGE);
  server.route('/sabotage/remove-once.html', scriptPage('A page that removes the reader once', removeReader(1)));
  l = await launch();
});
afterAll(async () => {
  await l?.close();
  await server?.close();
  console.log(`[hardening] sabotage pages in Chromium: ${figures.tried} tried, ${figures.survived} survived (the article opened in Unwrap's tab): ${figures.pages.join(', ')}`);
});

const readerPages = () => l.context.pages().filter((p) => p.url().startsWith(`chrome-extension://${l.extensionId}/read.html?handoff=`));

async function savedUrls(): Promise<string[]> {
  return l.worker.evaluate(async () => {
    const raw = (await chrome.storage.local.get('library')).library as { json?: string } | undefined;
    const entries = (typeof raw?.json === 'string' ? (JSON.parse(raw.json) as { entries: { url: string }[] }).entries : []);
    return entries.map((e) => e.url);
  });
}

async function open(path: string): Promise<Page> {
  const page = await l.context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(uniqueUrl(`${server.url}${path}`));
  return page;
}

describe('a page that will not let the overlay be: the article opens in Unwrap’s own tab', () => {
  it.each(SABOTAGE_PAGES.map((p) => [p.name, p] as const))('%s', async (name, p) => {
    figures.tried++;
    const page = await open(`/sabotage/${name}.html`);
    const before = new Set(readerPages());
    const opened = l.context.waitForEvent('page', { predicate: (x) => x.url().includes('/read.html?handoff='), timeout: 20_000 });
    await clickToolbar(l, page);
    const tab = await opened;
    expect(before.has(tab)).toBe(false);
    await tab.locator('[data-unwrap="fallback-notice"]').waitFor({ timeout: 15_000 });
    expect(await tab.locator('[data-unwrap="fallback-notice"]').innerText()).toBe('This page kept closing the reader, so it opened here.');
    await tab.locator('[data-unwrap="body"]').waitFor({ timeout: 15_000 });
    expect(await tab.locator('[data-unwrap="body"]').innerText()).toContain(SABOTAGE_TEXT);
    expect(await tab.locator('h1#unwrap-title').innerText()).toContain(p.what);
    // Not saved: the hand-over is not the library.
    expect(await savedUrls()).not.toContain(page.url());
    // The page keeps no overlay of ours behind (it closed itself cleanly).
    await page.waitForFunction(() => !document.querySelector('unwrap-reader') || !document.querySelector('unwrap-reader')!.shadowRoot?.querySelector('[data-unwrap="body"]'), undefined, { timeout: 5_000 });
    if (name === 'remove-custom-elements') {
      await tab.screenshot({ path: join(SHOTS, 'hardening-sabotage-fallback-tab.png') });
      // The user saves it there: now it is in the library.
      await tab.locator('[data-unwrap-action="save"]').click();
      await tab.locator('[data-unwrap-action="save"][aria-pressed="true"]').waitFor({ timeout: 10_000 });
      expect(await savedUrls()).toContain(page.url());
    }
    figures.survived++;
    figures.pages.push(name);
    await tab.close();
    await page.close();
  }, 60_000);

  it('a reload of the reader tab still shows the article (the hand-over lasts the browser session)', async () => {
    const page = await open('/sabotage/remove-always.html');
    const opened = l.context.waitForEvent('page', { predicate: (x) => x.url().includes('/read.html?handoff='), timeout: 20_000 });
    await clickToolbar(l, page);
    const tab = await opened;
    await tab.locator('[data-unwrap="body"]').waitFor({ timeout: 15_000 });
    await tab.reload();
    await tab.locator('[data-unwrap="body"]').waitFor({ timeout: 15_000 });
    expect(await tab.locator('[data-unwrap="body"]').innerText()).toContain(SABOTAGE_TEXT);
    await tab.close();
    await page.close();
  }, 60_000);

  it('an unknown or expired hand-over says so', async () => {
    const tab = await l.context.newPage();
    await tab.goto(`chrome-extension://${l.extensionId}/read.html?handoff=00000000-0000-4000-8000-000000000000`);
    await tab.locator('[data-unwrap="missing"]').waitFor({ timeout: 10_000 });
    expect(await tab.locator('[data-unwrap="missing"]').innerText()).toMatch(/only kept while the browser stayed open/);
    await tab.close();
  });
});

describe('no fallback where the overlay is fine', () => {
  it.each([
    ['an ordinary page with its own popover open', '/sabotage/control.html', CONTROL_TEXT],
    ['a page that removes the reader once (it is put back)', '/sabotage/remove-once.html', 'Paragraph 3 about the hostile scripts'],
  ])('%s: the overlay stays, no reader tab opens', async (_name, path, text) => {
    const page = await open(path);
    const before = readerPages().length;
    await clickToolbar(l, page);
    await page.locator('unwrap-reader [data-unwrap="body"]').waitFor({ timeout: 15_000 });
    // Several rounds of the overlay's watch (it looks a few times a second).
    await page.waitForTimeout(1_500);
    expect(await page.locator('unwrap-reader [data-unwrap="body"]').innerText()).toContain(text);
    expect(readerPages().length).toBe(before);
    await page.close();
  }, 60_000);
});
