/**
 * Issue 6, script injection in real Chromium with the built extension.
 *
 *  1. Article pages carrying the whole XSS corpus (body, title, meta, JSON-LD, alt texts, captions, links) open in
 *     the overlay: no payload runs. The page's own copies run when the page loads (it is hostile by construction;
 *     phase "load"); from the moment the reader is opened (phase "reader") no sentinel may fire in the page's main
 *     world, and the server may receive no sentinel request (which also covers Unwrap's isolated world, which the
 *     page cannot read). Positive controls prove both detectors work.
 *  2. The same articles saved from the overlay, and import files (Unwrap JSON, Pocket CSV, Netscape HTML) carrying
 *     the corpus, open in the library page and the reader page (extension pages): nothing runs, nothing is even
 *     attempted (no CSP violation), and the reader page carries a strict CSP (checked by a control that it blocks).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { clickToolbar, EXTENSION_DIR, launch, uniqueUrl, type Launched } from './helpers/chromium';
import { PAYLOADS, type Payload } from '../fixtures/hostile/xss-payloads';
import { batchPage, importFiles } from '../fixtures/hostile/payload-pages';
import { scanForDanger } from '../hardening/support/danger';
import { startSentinelServer, type SentinelServer } from '../hardening/support/sentinel-server';

const SHOTS = 'test-results/screenshots';
const BATCH = 26;
let server: SentinelServer;
let l: Launched;
const savedUrls: string[] = [];
const figures = { pages: 0, payloadsInPages: 0, uncleanedViews: 0, interactions: 0, overlayHits: 0, overlaySentinelRequests: 0, readerPages: 0, readerHits: 0, cspViolations: 0, importedItems: 0 };

// The checker runs in the browser as source text (`__name` covers the helper a TS transform may add).
const SCAN = `var __name = (f) => f; (${scanForDanger.toString()})`;

function batches(list: readonly Payload[]): Payload[][] {
  const out: Payload[][] = [];
  for (let i = 0; i < list.length; i += BATCH) out.push(list.slice(i, i + BATCH));
  return out;
}
const pageBatches = batches(PAYLOADS.filter((p) => !p.navigatesHost));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startSentinelServer();
  pageBatches.forEach((b, i) => server.route(`/xss/page-${i + 1}.html`, batchPage(b, server.url, i + 1)));
  l = await launch();
});
afterAll(async () => {
  await l?.close();
  await server?.close();
  console.log(`[hardening] XSS real browser: ${JSON.stringify(figures)}`);
});

/** Every saved item's id and URL, read by the background (the service worker). */
async function libraryEntries(): Promise<{ id: string; url: string }[]> {
  const worker = l.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${l.extensionId}/`)) ?? l.worker;
  return worker.evaluate(async () => {
    // The index is `{ rev, json }` (entries as one JSON string); older layouts kept `entries` as a list.
    const raw = (await chrome.storage.local.get('library')).library as { json?: string; entries?: unknown[] } | undefined;
    const entries = (typeof raw?.json === 'string' ? (JSON.parse(raw.json) as { entries: unknown[] }).entries : raw?.entries ?? []) as { id: string; url: string }[];
    return entries.map((e) => ({ id: e.id, url: e.url }));
  });
}

// Main-world lookups that a DOM-clobbering payload cannot redirect (`<embed name="querySelector">` shadows document.querySelector).
const HOST = "Document.prototype.querySelector.call(document, 'unwrap-reader')";

/** Console messages that mean a script or load was attempted and refused by a CSP. */
const isCspViolation = (m: ConsoleMessage) => /Refused to (?:execute|load|apply|evaluate|frame|connect|run)/i.test(m.text());

async function settle(page: Page, ms: number): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(ms);
}

describe('the overlay on pages carrying the corpus', () => {
  it.each(pageBatches.map((b, i) => [i + 1, b] as const))('page %i: no payload runs after the reader opens, no sentinel request', async (n, batch) => {
    const page = await l.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const url = uniqueUrl(`${server.url}/xss/page-${n}.html`);
    await page.goto(url);
    await settle(page, 400);
    // From here on, anything that runs is Unwrap's doing.
    await page.evaluate(() => { (self as unknown as { __phase: string }).__phase = 'reader'; });
    const mark = server.log.length;
    await clickToolbar(l, page);
    await page.locator('unwrap-reader [data-unwrap="body"]').waitFor({ timeout: 15_000 });
    // Scroll the overlay through (lazy images load), move the pointer over it, open the settings.
    for (let y = 0; y < 30; y++) {
      const done = await page.evaluate(`(() => {
        const root = ${HOST}.shadowRoot.querySelector('.unwrap-root');
        root.scrollBy(0, 800);
        return root.scrollTop + root.clientHeight >= root.scrollHeight - 2;
      })()`);
      await page.mouse.move(200 + y * 20, 300 + (y % 5) * 80);
      if (done) break;
    }
    await page.locator('unwrap-reader [data-unwrap-action="settings"]').click();
    await page.locator('unwrap-reader [data-unwrap-action="settings"]').click();
    // "Show uncleaned" (the page's gate block makes the disclosure appear): the whole page read again, uncleaned.
    await page.locator('unwrap-reader [data-unwrap="removed"] summary').click();
    await page.locator('unwrap-reader [data-unwrap-action="toggle-uncleaned"]').click();
    await page.locator('unwrap-reader [data-unwrap-action="toggle-uncleaned"]', { hasText: 'Show cleaned' }).waitFor({ state: 'attached', timeout: 15_000 });
    await page.locator('unwrap-reader [data-unwrap="body"]').waitFor({ timeout: 15_000 });
    figures.uncleanedViews++;
    await settle(page, 500);

    const hits = await page.evaluate(() => ((self as unknown as { __xssHits?: [number, string][] }).__xssHits ?? []).filter((h) => h[1] === 'reader'));
    const requests = server.sentinelHits(mark);
    const findings = await page.evaluate(`${SCAN}(${HOST}.shadowRoot.querySelector('[data-unwrap="body"]'))`) as string[];
    figures.pages++;
    figures.payloadsInPages += batch.length;
    figures.overlayHits += hits.length;
    figures.overlaySentinelRequests += requests.length;
    expect({ page: n, hits, requests: requests.map((r) => r.path), findings }).toEqual({ page: n, hits: [], requests: [], findings: [] });
    // Positive controls: the overlay did load the article's (lazy) control image, and a handler that does run inside
    // the overlay's shadow root is seen by the detector.
    expect(server.log.slice(mark).some((r) => r.path === `/ok/page-${n}.png`)).toBe(true);
    if (n === 1) {
      await page.evaluate(`${HOST}.shadowRoot.querySelector('[data-unwrap="body"]')
        .insertAdjacentHTML('beforeend', '<img src="x:y" onerror="(self.__xssHits=self.__xssHits||[]).push([0,self.__phase])">')`);
      await page.waitForFunction(() => ((self as unknown as { __xssHits?: [number, string][] }).__xssHits ?? []).some((h) => h[0] === 0 && h[1] === 'reader'));
      await page.screenshot({ path: join(SHOTS, 'hardening-xss-overlay.png') });
    }
    // Save it (a trusted click), to open the saved copy in the reader page below.
    const logs: string[] = [];
    page.on('console', (m) => logs.push(`${m.type()}: ${m.text().slice(0, 300)}`));
    await page.locator('unwrap-reader [data-unwrap-action="save"]').click();
    await page.locator('unwrap-reader [data-unwrap-action="save"][aria-pressed="true"]').waitFor({ timeout: 10_000 }).catch(async (err: unknown) => {
      await page.screenshot({ path: join(SHOTS, `hardening-xss-save-failed-${n}.png`) });
      throw new Error(`page ${n} not saved: ${logs.join(' | ')}`, { cause: err });
    });
    savedUrls.push(url);
    await page.close();
  }, 90_000);

  it('handlers the page attached to links and images do not come along: clicks, hovers, focus in the overlay run nothing', async () => {
    const events = ['onclick', 'onmousedown', 'onmouseup', 'onmouseover', 'onmouseenter', 'onpointerdown', 'onpointerover', 'onauxclick', 'ondblclick', 'oncontextmenu', 'onfocus', 'onkeydown'];
    const js = (k: number) => `(self.__xssHits=self.__xssHits||[]).push([${1000 + k},self.__phase])`;
    const links = events.map((ev, k) => `<p>Paragraph ${k}: the ferry left on time and the harbour was quiet in the early light, as it always is in spring. <a href="https://example.org/${k}" ${ev}="${js(k)}">link with ${ev}</a> and <img src="${server.url}/ok/h${k}.png" alt="img ${k}" ${ev}="${js(k)}"> more words about the crossing and the weather over the strait.</p>`).join('\n');
    server.route('/xss/handlers.html', `<!doctype html><html lang="en"><head><title>Handlers</title><script>self.__phase='load'</script></head><body><article><h1>Handlers on links</h1>${links}</article></body></html>`);
    const page = await l.context.newPage();
    await page.goto(uniqueUrl(`${server.url}/xss/handlers.html`));
    await settle(page, 300);
    await page.evaluate(() => { (self as unknown as { __phase: string }).__phase = 'reader'; window.addEventListener('click', (e) => e.preventDefault(), true); });
    await clickToolbar(l, page);
    await page.locator('unwrap-reader [data-unwrap="body"]').waitFor({ timeout: 15_000 });
    const targets = page.locator('unwrap-reader [data-unwrap="body"] a, unwrap-reader [data-unwrap="body"] img');
    const count = await targets.count();
    expect(count).toBe(events.length * 2);
    for (let k = 0; k < count; k++) {
      const t = targets.nth(k);
      await t.hover({ force: true });
      await t.click({ force: true });
      await t.dblclick({ force: true });
      await t.click({ button: 'middle', force: true });
      await t.click({ button: 'right', force: true });
      await page.keyboard.press('x');
    }
    await page.keyboard.press('Escape'); // close a context menu, if any
    figures.interactions += count * 6;
    await settle(page, 300);
    const hits = await page.evaluate(() => ((self as unknown as { __xssHits?: [number, string][] }).__xssHits ?? []).filter((h) => h[1] === 'reader'));
    expect(hits).toEqual([]);
    await page.close();
  }, 90_000);
});

/** Open an extension page, scroll it through, and report what ran or was attempted. */
async function visitExtensionPage(path: string, ready: string): Promise<{ hits: unknown[]; csp: string[]; requests: string[]; findings: string[]; page: Page }> {
  const page = await l.context.newPage();
  const csp: string[] = [];
  page.on('console', (m) => { if (isCspViolation(m)) csp.push(m.text().slice(0, 200)); });
  // Every CSP refusal in the page, seen from the start (the event is the page's own report of an attempt).
  await page.addInitScript(() => {
    const g = self as unknown as { __csp: string[] };
    g.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => g.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`.slice(0, 200)));
  });
  const mark = server.log.length;
  await page.goto(`chrome-extension://${l.extensionId}/${path}`);
  await page.waitForSelector(ready, { timeout: 15_000 });
  for (let y = 0; y < 40; y++) {
    const done = await page.evaluate(() => {
      window.scrollBy(0, 900);
      const list = document.querySelector('[data-unwrap="library-list"]');
      list?.scrollBy(0, 900);
      return window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2 && (!list || list.scrollTop + list.clientHeight >= list.scrollHeight - 2);
    });
    if (done) break;
    await page.waitForTimeout(40);
  }
  await settle(page, 500);
  const hits = await page.evaluate(() => {
    const g = self as unknown as { __xssHits?: unknown[]; __xss?: unknown };
    return [...(g.__xssHits ?? []), ...(g.__xss !== undefined ? [`__xss=${String(g.__xss)}`] : [])];
  });
  const body = (await page.evaluate(`${SCAN}(document.querySelector('[data-unwrap="body"]') ?? document.createElement('div'))`)) as string[];
  csp.push(...(await page.evaluate(() => (self as unknown as { __csp?: string[] }).__csp ?? [])));
  return { hits, csp, requests: server.sentinelHits(mark).map((r) => r.path), findings: body, page };
}

describe('saved and imported copies in Unwrap’s own pages', () => {
  it('the manifest gives extension pages a strict CSP', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_security_policy?: { extension_pages?: string } };
    const policy = manifest.content_security_policy?.extension_pages ?? '';
    expect(policy).toMatch(/script-src 'self'(?:;|$)/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });

  it('saved copies open in the reader page without running anything', async () => {
    expect(savedUrls).toHaveLength(pageBatches.length);
    const entries = await libraryEntries();
    for (const url of savedUrls) {
      const entry = entries.find((e) => e.url === url);
      expect(entry, url).toBeDefined();
      const r = await visitExtensionPage(`read.html?id=${entry!.id}`, '[data-unwrap="body"]');
      figures.readerPages++;
      figures.readerHits += r.hits.length + r.requests.length;
      figures.cspViolations += r.csp.length;
      expect({ hits: r.hits, csp: r.csp, requests: r.requests, findings: r.findings }).toEqual({ hits: [], csp: [], requests: [], findings: [] });
      if (url === savedUrls[0]) {
        // Control: the reader page's CSP does refuse an inline handler, and the refusal is seen.
        await r.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="x:y" onerror="self.__cspControl=1">'));
        await r.page.waitForFunction(() => ((self as unknown as { __csp?: string[] }).__csp ?? []).some((v) => v.startsWith('script-src')), undefined, { timeout: 5_000 });
        expect(await r.page.evaluate(() => (self as unknown as { __cspControl?: number }).__cspControl)).toBeUndefined();
        await r.page.screenshot({ path: join(SHOTS, 'hardening-xss-reader-page.png'), fullPage: false });
      }
      await r.page.close();
    }
  });

  it('import files carrying the corpus: the library page and the reader page run nothing', async () => {
    const files = importFiles(PAYLOADS, server.url, 'e2e', BATCH);
    const lib = await visitExtensionPage('library.html', '[data-unwrap="library"]');
    await lib.page.locator('[data-action="transfer"]').click();
    await lib.page.locator('input[data-unwrap="import-file"]').setInputFiles([
      { name: 'unwrap-export.json', mimeType: 'application/json', buffer: Buffer.from(files.json) },
      { name: 'part_000000.csv', mimeType: 'text/csv', buffer: Buffer.from(files.pocketCsv) },
      { name: 'bookmarks.html', mimeType: 'text/html', buffer: Buffer.from(files.netscapeHtml) },
    ]);
    await lib.page.waitForFunction(() => document.querySelectorAll('[data-unwrap="import-report"]').length >= 3, undefined, { timeout: 60_000 })
      .catch(async (err: unknown) => { throw new Error(`import did not finish: ${await lib.page.locator('body').innerText()}`, { cause: err }); });
    console.log(`[hardening] import reports: ${(await lib.page.locator('[data-unwrap="import-report"]').allInnerTexts()).join(' | ').replace(/\s+/g, ' ').slice(0, 600)}`);
    const all = await libraryEntries();
    const imported = all.filter((e) => /^https:\/\/(?:import|pocket|bookmarks)\.example\/e2e\//.test(e.url));
    figures.importedItems = imported.length;
    expect(imported.length).toBe(Math.ceil(PAYLOADS.length / BATCH) + PAYLOADS.length * 2);
    await lib.page.close();
    // The library list (titles, sites, excerpts, tags of every imported row), scrolled through.
    const list = await visitExtensionPage('library.html', '[data-unwrap-item]');
    await list.page.screenshot({ path: join(SHOTS, 'hardening-xss-library.png') });
    const listFindings = await list.page.evaluate(() => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll('*'))) {
        if (/^(iframe|object|embed|frame|base)$/i.test(el.localName) || (el.localName === 'script' && !(el as HTMLScriptElement).src)) out.push(`<${el.localName}>`);
        for (const a of Array.from(el.attributes)) {
          if (a.name.startsWith('on')) out.push(`${a.name} on <${el.localName}>`);
          if (/^(href|src|action|formaction)$/.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)) out.push(`${a.value.slice(0, 30)} on <${el.localName}>`);
        }
      }
      return out;
    });
    figures.cspViolations += list.csp.length;
    expect({ hits: list.hits, csp: list.csp, requests: list.requests, listFindings }).toEqual({ hits: [], csp: [], requests: [], listFindings: [] });
    await list.page.close();
    // Every imported article with a body in the reader page.
    for (const e of imported.filter((x) => x.url.startsWith('https://import.example/'))) {
      const r = await visitExtensionPage(`read.html?id=${e.id}`, '[data-unwrap="body"]');
      figures.readerPages++;
      figures.readerHits += r.hits.length + r.requests.length;
      figures.cspViolations += r.csp.length;
      expect({ url: e.url, hits: r.hits, csp: r.csp, requests: r.requests, findings: r.findings }).toEqual({ url: e.url, hits: [], csp: [], requests: [], findings: [] });
      await r.page.close();
    }
    // A link-only import (Pocket row) shows its title as text.
    const pocket = imported.find((x) => x.url.startsWith('https://pocket.example/'))!;
    const r = await visitExtensionPage(`read.html?id=${pocket.id}`, '[data-unwrap="link-only"]');
    expect({ hits: r.hits, csp: r.csp, requests: r.requests }).toEqual({ hits: [], csp: [], requests: [] });
    await r.page.close();
  }, 180_000);
});
