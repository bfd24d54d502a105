/**
 * Issue 14 in real Firefox ESR with the Firefox test build (the Chromium side: tests/e2e/hardening-xss.e2e.ts and
 * hardening-sabotage.e2e.ts).
 *
 *  1. The whole XSS corpus (with the shadow-root, template and srcdoc classes of issue 14) in article pages: each
 *     payload in the body, in a script-made open shadow root and in one nested in another (declarative shadow roots
 *     parsed by the page's own parser), in captions, alt texts, links, title, meta and JSON-LD. From the moment the
 *     reader is opened no sentinel runs in the page's world and the sentinel server gets no request; the view is
 *     scrolled through and switched to "Show uncleaned". Positive control: the reader does load the page's lazy image.
 *  2. The sabotage pages: the article opens in Unwrap's own reader tab with the notice; the controls keep the overlay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { clickToolbar, EXT_ORIGIN, launchFirefox, type LaunchedFirefox } from './helpers/firefox';
import { clickInOverlay, waitForOverlay } from './helpers/overlay';
import { PAYLOADS, type Payload } from '../fixtures/hostile/xss-payloads';
import { batchPage } from '../fixtures/hostile/payload-pages';
import { scanForDanger } from '../hardening/support/danger';
import { startSentinelServer, type SentinelServer } from '../hardening/support/sentinel-server';
import { CONTROL_PAGE, CONTROL_TEXT, SABOTAGE_PAGES, SABOTAGE_TEXT, sabotagePage } from '../fixtures/hostile/sabotage-pages';
import { removeReader, scriptPage } from '../fixtures/hostile/hostile-pages';

const SHOTS = 'test-results/screenshots';
const BATCH = 26;
const POLL = 100;
let server: SentinelServer;
let l: LaunchedFirefox;
const xss = { pages: 0, payloads: 0, hits: 0, sentinelRequests: 0, findings: 0 };
const sabotage = { tried: 0, survived: 0 };
const SCAN = `var __name = (f) => f; (${scanForDanger.toString()})`;

const batches: Payload[][] = [];
const live = PAYLOADS.filter((p) => !p.navigatesHost);
for (let i = 0; i < live.length; i += BATCH) batches.push(live.slice(i, i + BATCH));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startSentinelServer();
  batches.forEach((b, i) => server.route(`/xss/page-${i + 1}.html`, batchPage(b, server.url, i + 1)));
  for (const p of SABOTAGE_PAGES) server.route(`/sabotage/${p.name}.html`, sabotagePage(p));
  server.route('/sabotage/control.html', CONTROL_PAGE);
  server.route('/sabotage/remove-once.html', scriptPage('A page that removes the reader once', removeReader(1)));
  l = await launchFirefox();
});
afterAll(async () => {
  await l?.close();
  await server?.close();
  console.log(`[hardening] Firefox XSS: ${JSON.stringify(xss)}; sabotage pages: ${sabotage.tried} tried, ${sabotage.survived} survived`);
});

let counter = 0;
async function open(path: string): Promise<Page> {
  const page = await l.browser.newPage();
  await page.goto(`${server.url}${path}?t=${++counter}`, { waitUntil: 'load' });
  return page;
}

const HOST = "Document.prototype.querySelector.call(document, 'unwrap-reader')";
const readerHits = (page: Page) => page.evaluate(() => ((self as unknown as { __xssHits?: [number, string][] }).__xssHits ?? []).filter((h) => h[1] === 'reader'));

describe('the XSS corpus in Firefox', () => {
  it.each(batches.map((b, i) => [i + 1, b] as const))('page %i: nothing runs after the reader opens, no sentinel request', async (n, batch) => {
    const page = await open(`/xss/page-${n}.html`);
    await new Promise((r) => setTimeout(r, 400));
    await page.evaluate(() => { (self as unknown as { __phase: string }).__phase = 'reader'; });
    const mark = server.log.length;
    await clickToolbar(l, page);
    await page.waitForFunction(`!!${HOST}?.shadowRoot?.querySelector('[data-unwrap="body"]')`, { timeout: 20_000, polling: POLL });
    const scrollThrough = async () => {
      for (let y = 0; y < 30; y++) {
        const done = await page.evaluate(`(() => {
          const root = ${HOST}.shadowRoot.querySelector('.unwrap-root');
          root.scrollBy(0, 800);
          return root.scrollTop + root.clientHeight >= root.scrollHeight - 2;
        })()`);
        await page.mouse.move(200 + y * 20, 300 + (y % 5) * 80);
        if (done) break;
      }
    };
    await scrollThrough();
    await clickInOverlay(page, '[data-unwrap="removed"] summary');
    await clickInOverlay(page, '[data-unwrap-action="toggle-uncleaned"]');
    await page.waitForFunction(`(${HOST}?.shadowRoot?.querySelector('[data-unwrap-action="toggle-uncleaned"]')?.textContent ?? '').includes('Show cleaned') && !!${HOST}.shadowRoot.querySelector('[data-unwrap="body"]')`, { timeout: 20_000, polling: POLL });
    await scrollThrough();
    await new Promise((r) => setTimeout(r, 800));
    const hits = await readerHits(page);
    const requests = server.sentinelHits(mark).map((r) => r.path);
    const findings = (await page.evaluate(`${SCAN}(${HOST}.shadowRoot.querySelector('[data-unwrap="body"]'))`)) as string[];
    xss.pages++;
    xss.payloads += batch.length;
    xss.hits += hits.length;
    xss.sentinelRequests += requests.length;
    xss.findings += findings.length;
    expect({ page: n, hits, requests, findings }).toEqual({ page: n, hits: [], requests: [], findings: [] });
    // Positive control: the reader loaded the page's lazy control image (so the silence above means something).
    expect(server.log.slice(mark).some((r) => r.path === `/ok/page-${n}.png`)).toBe(true);
    if (n === 1) await page.screenshot({ path: join(SHOTS, 'firefox-hardening-xss-overlay.png') });
    await page.close();
  }, 120_000);

  it('covers every payload that can stay in a live page, the issue-14 classes included', () => {
    expect(xss.payloads).toBe(live.length);
    expect(live.filter((p) => p.family === 'shadow' || p.family === 'template').length).toBeGreaterThanOrEqual(20);
  });
});

async function handoffTabs(): Promise<Page[]> {
  const pages = await l.browser.pages();
  const urls = await Promise.all(pages.map((p) => p.evaluate(() => location.href).catch(() => '')));
  return pages.filter((_, i) => urls[i]!.startsWith(`${EXT_ORIGIN}/read.html?handoff=`));
}

async function waitForHandoffTab(before: readonly Page[], timeout = 20_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = (await handoffTabs()).filter((p) => !before.includes(p));
    if (now[0]) return now[0];
    if (Date.now() > deadline) throw new Error(`no reader tab opened within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('sabotage pages in Firefox: the article opens in Unwrap’s own tab', () => {
  it.each(SABOTAGE_PAGES.map((p) => [p.name, p] as const))('%s', async (name, p) => {
    sabotage.tried++;
    const page = await open(`/sabotage/${name}.html`);
    const before = await handoffTabs();
    await clickToolbar(l, page);
    const tab = await waitForHandoffTab(before);
    await tab.waitForFunction(() => !!document.querySelector('[data-unwrap="fallback-notice"]') && !!document.querySelector('[data-unwrap="body"]'), { timeout: 15_000, polling: POLL });
    const shown = await tab.evaluate(() => ({
      notice: document.querySelector('[data-unwrap="fallback-notice"]')!.textContent,
      body: document.querySelector('[data-unwrap="body"]')!.textContent ?? '',
      title: document.querySelector('h1#unwrap-title')?.textContent ?? '',
    }));
    expect(shown.notice).toBe('This page kept closing the reader, so it opened here.');
    expect(shown.body).toContain(SABOTAGE_TEXT);
    expect(shown.title).toContain(p.what);
    if (name === 'modal-dialog') await tab.screenshot({ path: join(SHOTS, 'firefox-hardening-fallback-tab.png') });
    sabotage.survived++;
    await tab.close();
    await page.close();
  }, 60_000);

  it.each([
    ['an ordinary page with its own popover open', '/sabotage/control.html', CONTROL_TEXT],
    ['a page that removes the reader once', '/sabotage/remove-once.html', 'Paragraph 3 about the hostile scripts'],
  ])('no fallback: %s keeps the overlay', async (_name, path, text) => {
    const page = await open(path);
    const before = (await handoffTabs()).length;
    await clickToolbar(l, page);
    await waitForOverlay(page);
    await new Promise((r) => setTimeout(r, 1_500));
    const body = await page.evaluate(`${HOST}?.shadowRoot?.querySelector('[data-unwrap="body"]')?.textContent ?? ''`);
    expect(body).toContain(text);
    expect((await handoffTabs()).length).toBe(before);
    await page.close();
  }, 60_000);
});
