/**
 * The saved library in real Chromium with the built extension: save from the overlay → the library page lists it →
 * the reader page shows it with the fixture server stopped; delete + undo; Pocket CSV import through the file input;
 * 20 tabs saving at once; 10,000 items. Screenshots of the library page and the reader page.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { clickToolbar, launch, uniqueUrl, type Launched } from './helpers/chromium';
import { startServer, type TestServer } from './helpers/server';
import { clickInOverlay, waitForOverlay } from './helpers/overlay';

const SHOTS = 'test-results/screenshots';
const TITLE = 'The quiet revival of the night train';
let server: TestServer;
let l: Launched;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ root: 'tests/e2e/pages' });
  l = await launch();
  if (process.env.UNWRAP_E2E_DEBUG) {
    l.worker.on('console', (m) => console.log(`[worker] ${m.type()}: ${m.text()}`));
    l.context.on('page', (p) => p.on('console', (m) => m.type() !== 'debug' && console.log(`[page] ${m.type()}: ${m.text()}`)));
  }
});
afterAll(async () => {
  if (l) console.log(`injections retried after a momentary refusal in this file: ${l.retries()}`);
  await l?.close();
  await server?.close();
});
beforeEach(async () => {
  for (const p of l.context.pages()) if (p.url() !== 'about:blank') await p.close();
  await l.worker.evaluate(() => chrome.storage.local.clear());
});

const extUrl = (path: string) => `chrome-extension://${l.extensionId}/${path}`;

interface StoredIndex { entries: { id: string; url: string; title: string; read: boolean; archived: boolean; tags: string[]; progress: number }[] }
/** The stored index (`{ rev, json }`, defaults left out: src/library/index-codec.ts) as plain entries. */
const storedIndex = () => l.worker.evaluate(async () => {
  const raw = (await chrome.storage.local.get('library')).library as { json?: string } | undefined;
  const data = raw?.json ? (JSON.parse(raw.json) as StoredIndex) : { entries: [] };
  return { entries: data.entries.map((e) => Object.assign({ read: false, archived: false, tags: [], progress: 0 }, e)) } as StoredIndex;
});

async function openArticle(path = '/article.html'): Promise<Page> {
  const page = await l.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(uniqueUrl(`${server.url}${path}`));
  return page;
}

async function openLibrary(viewport = { width: 400, height: 580 }): Promise<Page> {
  const page = await l.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(extUrl('library.html'));
  await page.waitForFunction(() => performance.getEntriesByName('unwrap:popup:rendered').length > 0);
  return page;
}

const rowTitles = (page: Page) => page.locator('[data-unwrap="library-list"] .row-title').allTextContents();

async function saveFromOverlay(page: Page): Promise<void> {
  await clickToolbar(l, page);
  await waitForOverlay(page);
  const button = page.locator('unwrap-reader [data-unwrap-action="save"]');
  await button.waitFor();
  await page.waitForTimeout(100); // the initial "is it saved?" answer
  expect(await button.getAttribute('aria-pressed')).toBe('false');
  await clickInOverlay(page, '[data-unwrap-action="save"]');
  await page.waitForFunction(() => document.querySelector('unwrap-reader')?.shadowRoot?.querySelector('[data-unwrap-action="save"]')?.getAttribute('aria-pressed') === 'true');
}

describe('saved library', () => {
  it('explains how to save when the library is empty', async () => {
    const page = await openLibrary();
    await page.locator('[data-unwrap="library-empty"]').waitFor();
    expect(await page.locator('[data-unwrap="library-empty"]').textContent()).toMatch(/Save page to Unwrap/);
    await page.screenshot({ path: join(SHOTS, 'library-empty.png') });
    // Opened on its own, the library has no page to save: no "Save this page".
    expect(await page.locator('[data-action="save-page"]').count()).toBe(0);
  });

  it('saves from the overlay, lists it, and reads it in the reader page with the server stopped', async () => {
    const page = await openArticle();
    const url = page.url();
    await saveFromOverlay(page);
    const idx = await storedIndex();
    expect(idx.entries).toHaveLength(1);
    const { id } = idx.entries[0]!;
    const saveMs = await page.evaluate(() => performance.getEntriesByName('unwrap:save').map((m) => Math.round(m.duration)));
    console.log(`save from the overlay: ${JSON.stringify(saveMs)} ms; record ${await l.worker.evaluate(async (key) => JSON.stringify((await chrome.storage.local.get(key))[key]).length, `article:${id}`)} bytes`);
    expect(saveMs).toHaveLength(1);
    const record = await l.worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key] as { url: unknown; body: { textContent: string } }, `article:${id}`);
    expect(record.url).toBe(url); // the stored record holds the URL as a plain string
    expect(record.body.textContent).toContain('sleep your way across Europe');

    // Reopening the overlay shows it as saved.
    await page.keyboard.press('Escape');
    await clickToolbar(l, page);
    await waitForOverlay(page);
    await page.waitForFunction(() => document.querySelector('unwrap-reader')?.shadowRoot?.querySelector('[data-unwrap-action="save"]')?.getAttribute('aria-pressed') === 'true');

    const lib = await openLibrary();
    await lib.locator('.row-title').first().waitFor();
    expect(await rowTitles(lib)).toEqual([TITLE]);
    expect(await lib.locator('.row-meta').first().textContent()).toMatch(/Rail Weekly.*min read/);
    await lib.locator('.row').first().hover();
    await lib.screenshot({ path: join(SHOTS, 'library-list.png') });

    await server.close(); // the article must come from storage only
    await l.context.setOffline(true);
    try {
      const [reader] = await Promise.all([l.context.waitForEvent('page'), lib.locator('.row-title').first().click()]);
      await reader.setViewportSize({ width: 1000, height: 800 });
      await reader.locator('[data-unwrap="body"]').waitFor();
      expect(await reader.locator('h1.u-title').textContent()).toBe(TITLE);
      expect(await reader.locator('[data-unwrap="body"]').textContent()).toContain('sleep your way across Europe');
      expect(reader.url()).toBe(extUrl(`read.html?id=${id}`));
      await reader.screenshot({ path: join(SHOTS, 'reader-page.png') });

      // Reading progress is kept and restored.
      await reader.evaluate(() => window.scrollTo(0, (document.scrollingElement!.scrollHeight - innerHeight) / 2));
      await expect.poll(async () => (await storedIndex()).entries[0]!.progress, { timeout: 5000 }).toBeGreaterThan(0.3);
      await reader.reload();
      await reader.locator('[data-unwrap="body"]').waitFor();
      await expect.poll(() => reader.evaluate(() => scrollY), { timeout: 5000 }).toBeGreaterThan(100);
      // Read to the end marks it read (setting on by default).
      await reader.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
      await expect.poll(async () => (await storedIndex()).entries[0]!.read, { timeout: 5000 }).toBe(true);
    } finally {
      await l.context.setOffline(false);
      server = await startServer({ root: 'tests/e2e/pages' });
    }
  });

  it('deletes with an undo toast', async () => {
    await saveFromOverlay(await openArticle());
    const lib = await openLibrary();
    await lib.locator('[data-filter="all"]').click();
    await lib.locator('.row').first().hover();
    await lib.locator('.row [data-action="delete"]').first().click();
    await lib.locator('[data-unwrap="library-empty"]').waitFor();
    expect((await storedIndex()).entries).toHaveLength(0);
    await lib.locator('[data-unwrap="toast"] [data-action="undo"]').click();
    await lib.locator('.row-title').first().waitFor();
    expect(await rowTitles(lib)).toEqual([TITLE]);
    expect((await storedIndex()).entries).toHaveLength(1);

    // The keyboard: `/` searches, ↓ leaves the search box for the list, Delete deletes the active item.
    await lib.locator('h1').click();
    await lib.keyboard.press('/');
    expect(await lib.evaluate(() => document.activeElement?.getAttribute('data-unwrap'))).toBe('library-search');
    await lib.keyboard.type('night');
    await expect.poll(() => rowTitles(lib)).toEqual([TITLE]);
    await lib.keyboard.press('ArrowDown');
    await expect.poll(() => lib.evaluate(() => document.activeElement?.classList.contains('row-title'))).toBe(true);
    await lib.keyboard.press('Delete');
    await expect.poll(async () => (await storedIndex()).entries.length).toBe(0);
    await lib.locator('[data-unwrap="toast"] [data-action="undo"]').click();
    await expect.poll(async () => (await storedIndex()).entries.length).toBe(1);
  });

  it('imports a Pocket CSV through the file input, listing the rows it could not import', async () => {
    const lib = await openLibrary();
    await lib.locator('[data-action="transfer"]').click();
    const csv = [
      'title,url,time_added,tags,status',
      'First saved,https://example.com/one,1700000000,news|long read,unread',
      '"Comma, title",https://example.com/two,1600000000,,archive',
      'Broken,javascript:alert(1),1700000000,,unread',
    ].join('\n');
    await lib.setInputFiles('[data-unwrap="import-file"]', { name: 'part_000000.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const report = lib.locator('[data-unwrap="import-report"]');
    await report.waitFor();
    expect(await report.textContent()).toMatch(/“part_000000\.csv”: 2 imported, 0 already in your library, 1 not imported\..*Row 4: url: not an http\(s\) URL/s);
    await lib.locator('[data-filter="all"]').click();
    await expect.poll(() => rowTitles(lib)).toEqual(['First saved', 'Comma, title']);
    // Importing the same file again adds nothing.
    await lib.setInputFiles('[data-unwrap="import-file"]', { name: 'part_000000.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(async () => report.textContent()).toMatch(/0 imported, 2 already in your library/);
    expect((await storedIndex()).entries).toHaveLength(2);
    await lib.screenshot({ path: join(SHOTS, 'library-import.png') });
  });

  it('20 tabs saving at once end with exactly 20 items', async () => {
    const pages: Page[] = [];
    for (let i = 0; i < 20; i++) {
      const page = await openArticle();
      await clickToolbar(l, page);
      await waitForOverlay(page);
      await page.locator('unwrap-reader [data-unwrap-action="save"]').waitFor();
      pages.push(page);
    }
    // Real (trusted) clicks, all sent at once: the overlay ignores synthetic events.
    const targets = await Promise.all(pages.map(async (p) => {
      const box = await p.locator('unwrap-reader [data-unwrap-action="save"]').boundingBox();
      if (!box) throw new Error('no save button');
      return { cdp: await l.context.newCDPSession(p), x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }));
    await Promise.all(targets.map(async ({ cdp, x, y }) => {
      await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
      await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
    }));
    await expect.poll(async () => (await storedIndex()).entries.length, { timeout: 15_000 }).toBe(20);
    await new Promise((r) => setTimeout(r, 500));
    const idx = await storedIndex();
    expect(idx.entries).toHaveLength(20);
    expect(new Set(idx.entries.map((e) => e.url)).size).toBe(20);
    for (const p of pages) await p.close();
  });

  it('opens with 10,000 items and answers searches', async () => {
    await l.worker.evaluate(async (n: number) => {
      const now = Date.now();
      const entries: Record<string, unknown>[] = [];
      const items: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const id = `seed${i}`;
        const url = `https://site${i % 50}.example/story/${i}`;
        const title = `Story number ${i} ${i % 1000 === 7 ? 'about lighthouses' : 'about trains'}`;
        const meta = { id, url, canonicalUrl: null, sourceUrl: null, title, siteName: `Site ${i % 50}`, byline: null, excerpt: null, lang: 'en', via: null, wordCount: 900, readingTimeMinutes: 4, savedAt: now - i * 60_000, linkOnly: false };
        entries.push({ ...meta, normalizedUrl: url.slice(8), updatedAt: now, read: i % 3 === 0, archived: false, favourite: i % 10 === 0, tags: [], progress: 0 });
        const text = `Body of story ${i}. ${i === 4242 ? 'A zeppelin appears.' : 'Nothing unusual.'}`;
        items[`article:${id}`] = { v: 1, ...meta, body: { content: `<p>${text}</p>`, textContent: text, dir: 'ltr', publishedTime: null, leadImage: null, aggregator: null, publisher: null, teaser: false, removed: [], capturedAt: now } };
      }
      await chrome.storage.local.set({ ...items, library: { rev: 1, json: JSON.stringify({ entries, trash: [] }) }, 'library$': { v: 2 } });
    }, 10_000);

    const lib = await openLibrary();
    const marks = await lib.evaluate(() => Object.fromEntries(['index-read', 'index-parsed', 'rendered'].map((m) => [m, Math.round(performance.getEntriesByName(`unwrap:popup:${m}`)[0]?.startTime ?? -1)])));
    console.log(`library page with 10,000 items, ms after navigation start: ${JSON.stringify(marks)}`);
    await lib.locator('[data-filter="all"]').click();
    expect(await lib.locator('[data-filter="all"] .count').getAttribute('data-count')).toBe('10000');
    expect(await lib.locator('.row').count()).toBeLessThan(40); // virtualised
    await lib.screenshot({ path: join(SHOTS, 'library-10k.png') });

    await lib.locator('[data-unwrap="library-search"]').fill('lighthouses');
    await expect.poll(() => lib.locator('.row').count()).toBe(10);
    const measured = await lib.evaluate(() => performance.getEntriesByName('unwrap:popup:search').map((m) => Math.round(m.duration)));
    console.log(`search box → list updated at 10,000 items: ${JSON.stringify(measured)} ms`);
    const timed = await lib.evaluate(() => (globalThis as unknown as { __unwrapTestBench?: { search(q: string): { count: number; ms: number } } }).__unwrapTestBench?.search('lighthouses'));
    if (timed) console.log(`search at 10,000 items: ${timed.ms.toFixed(1)} ms (${timed.count} hits)`);

    // Full text: the shards are rebuilt by the background for the seeded items, then the body word is found.
    await lib.locator('[data-unwrap="library-search"]').fill('zeppelin');
    await expect.poll(() => rowTitles(lib), { timeout: 60_000 }).toEqual(['Story number 4242 about trains']);

    // Scrolling reaches the end of the list.
    await lib.locator('[data-unwrap="library-search"]').fill('');
    await lib.locator('[data-unwrap="library-list"]').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => lib.locator('.row-title').allTextContents()).toContain('Story number 9999 about trains');
  });

  it('is reachable from the overlay’s Library button', async () => {
    const page = await openArticle();
    await clickToolbar(l, page);
    await waitForOverlay(page);
    const [lib] = await Promise.all([l.context.waitForEvent('page'), clickInOverlay(page, '[data-unwrap-action="library"]')]);
    await lib.waitForLoadState();
    expect(lib.url()).toMatch(new RegExp(`^chrome-extension://${l.extensionId}/library\\.html\\?tab=\\d+$`));
    await lib.locator('[data-action="save-page"]').click();
    await expect.poll(async () => (await storedIndex()).entries.map((e) => e.title)).toEqual([TITLE]);
  });
});
