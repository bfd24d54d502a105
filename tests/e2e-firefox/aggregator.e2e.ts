/**
 * Aggregator mode in real Firefox ESR: the inkl seed fixture served as https://www.inkl.com/news/… (PAC → local
 * CONNECT proxy → HTTPS fixture server with a throwaway certificate). The launcher appears and opens the clean
 * article with its publisher; not on an ordinary page. Host permissions are opt-in in Firefox MV3: with them
 * withdrawn, the launcher cannot appear, the toolbar still opens the reader (activeTab), and the library page
 * asks "Allow Unwrap on aggregator sites"; allowing brings the launcher back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { WxtBrowser } from 'wxt/browser';
import { AGGREGATOR_MATCHES } from '../../src/aggregators/hosts';
import { startHostServer, type HostServer } from '../e2e/helpers/hosts';
import { startServer, type TestServer } from '../e2e/helpers/server';
import { clickToolbar, EXT_ORIGIN, launchFirefox, openExtensionPage, tabsShowing, type LaunchedFirefox } from './helpers/firefox';
import { articleTextWithoutDisclosure, clickInOverlay, overlayText, waitForOverlay } from './helpers/overlay';
import { startFixtureProxy, type FixtureProxy } from './helpers/proxy';

const SHOTS = 'test-results/screenshots';
const FIX = 'tests/fixtures/aggregators/inkl/seed';
const inkl = {
  html: readFileSync(join(FIX, 'source.html'), 'utf8'),
  expected: JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8')) as { url: string; title: string; publisher: string; mustInclude: string[]; mustExclude: string[] },
};
const SECOND_URL = 'https://www.inkl.com/news/access-check';
// The page and its images (the fixture server answers any image path with a generated picture).
const FIXTURE_HOSTS = ['www.inkl.com', 'images.inkl.com'];

let hosts: HostServer;
let proxy: FixtureProxy;
let plain: TestServer;
let l: LaunchedFirefox;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  hosts = await startHostServer(FIXTURE_HOSTS);
  hosts.route(inkl.expected.url, inkl.html);
  hosts.route(SECOND_URL, inkl.html);
  proxy = await startFixtureProxy(FIXTURE_HOSTS, hosts.port);
  plain = await startServer({ root: 'tests/e2e/pages' });
  l = await launchFirefox({ pac: proxy.pac });
});
afterAll(async () => {
  await l?.close();
  await proxy?.close();
  await hosts?.close();
  await plain?.close();
});

/** An extension page's global scope, where `browser` is the WebExtension API. */
type ExtensionPage = { browser: WxtBrowser };

const LAUNCHER_READ = 'unwrap-launcher >>> [data-unwrap-action="read"]';

function launcherShown(page: Page): Promise<boolean> {
  return page.evaluate(() => !!document.querySelector('unwrap-launcher')?.shadowRoot?.querySelector('[data-unwrap-action="read"]'));
}

async function waitForLauncher(page: Page): Promise<void> {
  await page.waitForFunction(() => !!document.querySelector('unwrap-launcher')?.shadowRoot?.querySelector('[data-unwrap-action="read"]'), { timeout: 5000, polling: 100 });
}

async function expectCleanInkl(page: Page): Promise<void> {
  expect(await overlayText(page, 'h1')).toBe(inkl.expected.title);
  expect(await overlayText(page, '[data-unwrap="site"]')).toBe('The Guardian - UK');
  expect(await overlayText(page, '[data-unwrap="via"]')).toBe('inkl');
  const article = await articleTextWithoutDisclosure(page);
  for (const phrase of inkl.expected.mustInclude) expect(article).toContain(phrase.replace(/\s+/g, ' '));
  for (const phrase of inkl.expected.mustExclude) expect(article).not.toContain(phrase.replace(/\s+/g, ' '));
}

/** Wait for the overlay's images; report (not hide) any that fail. */
async function imagesDecoded(page: Page): Promise<void> {
  const failed = await page.evaluate(async () => {
    const imgs = [...(document.querySelector('unwrap-reader')?.shadowRoot?.querySelectorAll('img') ?? [])];
    const results = await Promise.allSettled(imgs.map((i) => i.decode()));
    return results.flatMap((r, k) => (r.status === 'rejected' ? [imgs[k]!.currentSrc || imgs[k]!.src] : []));
  });
  expect(failed).toEqual([]);
}

describe('launcher (host access granted, as Firefox does at install)', () => {
  it('asks for nothing at install: Firefox granted the aggregator hosts (see install.e2e.ts for a user who did not)', async () => {
    await new Promise((r) => setTimeout(r, 1000));
    expect(await tabsShowing(l.browser, `${EXT_ORIGIN}/library.html`)).toEqual([]);
  });

  it('appears on the inkl page and opens the clean article with its publisher', async () => {
    const page = await l.browser.newPage();
    await page.goto(inkl.expected.url);
    expect(await page.evaluate(() => location.href)).toBe(inkl.expected.url);
    await waitForLauncher(page);
    await page.screenshot({ path: join(SHOTS, 'firefox-launcher-inkl.png') });
    await page.locator(LAUNCHER_READ).click();
    await waitForOverlay(page);
    await expectCleanInkl(page);
    await imagesDecoded(page);
    await page.screenshot({ path: join(SHOTS, 'firefox-overlay-inkl-top.png') });
    await clickInOverlay(page, '[data-unwrap="removed"] summary');
    expect(await overlayText(page, '[data-unwrap="removed"] summary')).toMatch(/Cleaned: \d+ blocks/);
    expect(await overlayText(page, '[data-unwrap="removed"]')).toContain('Sign up to read this article');
    await page.screenshot({ path: join(SHOTS, 'firefox-overlay-inkl.png') });
    await page.close();
  });

  it('does not appear on an ordinary page', async () => {
    const page = await l.browser.newPage();
    await page.goto(`${plain.url}/article.html`);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await launcherShown(page)).toBe(false);
    await page.close();
  });
});

describe('host access withdrawn', () => {
  it('keeps the reader working from the toolbar and asks on the library page; allowing brings the launcher back', async () => {
    const library = await openExtensionPage(l, '/library.html');
    // The banner is absent while access is granted.
    await library.waitForSelector('[data-unwrap="library"]', { timeout: 10_000 });
    expect(await library.$('[data-unwrap="access-prompt"]')).toBeNull();
    // The user withdraws Unwrap's access to aggregator sites (about:addons → Permissions, or the extensions panel).
    const removed = await library.evaluate((origins) => (globalThis as unknown as ExtensionPage).browser.permissions.remove({ origins }), AGGREGATOR_MATCHES);
    expect(removed).toBe(true);

    const page = await l.browser.newPage();
    await page.goto(SECOND_URL);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await launcherShown(page)).toBe(false); // the detection script may not run without host access
    await clickToolbar(l, page); // …but the toolbar still reads the page (activeTab)
    await waitForOverlay(page);
    await expectCleanInkl(page);
    await page.close();

    await library.bringToFront();
    await library.waitForSelector('[data-unwrap="access-prompt"]', { timeout: 5000 });
    expect(await library.$eval('[data-unwrap-action="allow-aggregators"]', (b) => b.textContent)).toBe('Allow Unwrap on aggregator sites');
    await library.screenshot({ path: join(SHOTS, 'firefox-popup-access-prompt.png') });
    await library.locator('[data-unwrap-action="allow-aggregators"]').click(); // a real click: permissions.request needs user input
    await library.waitForSelector('[data-unwrap="access-prompt"]', { hidden: true, timeout: 5000 });
    expect(await library.evaluate((origins) => (globalThis as unknown as ExtensionPage).browser.permissions.contains({ origins }), AGGREGATOR_MATCHES)).toBe(true);
    await library.close();

    const again = await l.browser.newPage();
    await again.goto(SECOND_URL);
    await waitForLauncher(again);
    await again.close();
  });
});
