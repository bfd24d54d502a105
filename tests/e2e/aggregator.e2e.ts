/**
 * Aggregator mode in real Chromium: fixtures served under their real host names (HTTPS, resolver rules).
 * Launcher on the inkl page (not on an ordinary page); one click opens the clean article with the publisher and
 * "via inkl"; the removed-blocks disclosure; auto-open per site; SPA navigation on an MSN-like page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, type Launched } from './helpers/chromium';
import { startHostServer, type HostServer } from './helpers/hosts';
import { startServer, type TestServer } from './helpers/server';
import { clickInOverlay, overlayText, waitForOverlay } from './helpers/overlay';

const SHOTS = 'test-results/screenshots';
const FIX = 'tests/fixtures/aggregators';
const fixture = (p: string) => ({
  html: readFileSync(join(FIX, p, 'source.html'), 'utf8'),
  expected: JSON.parse(readFileSync(join(FIX, p, 'expected.json'), 'utf8')) as { url: string; title: string; publisher: string | null; mustExclude: string[]; mustInclude: string[] },
});

let hosts: HostServer;
let plain: TestServer;
let l: Launched;
const inkl = fixture('inkl/seed');
const msn = fixture('msn/article');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  hosts = await startHostServer(['www.inkl.com', 'www.msn.com']);
  hosts.route(inkl.expected.url, inkl.html);
  hosts.route('https://www.inkl.com/news/auto-open-check', inkl.html);
  hosts.route(msn.expected.url, spaShell(msn.html));
  plain = await startServer({ root: 'tests/e2e/pages' });
  l = await launch({ hostRules: hosts.rules });
});
afterAll(async () => {
  if (l) console.log(`injections retried after a momentary refusal in this file: ${l.retries()}`);
  await l?.close();
  await hosts?.close();
  await plain?.close();
});

async function launcherShown(page: Page): Promise<boolean> {
  return page.evaluate(() => !!document.querySelector('unwrap-launcher')?.shadowRoot?.querySelector('[data-unwrap-action="read"]'));
}

describe('launcher', () => {
  it('appears on the inkl page and opens the clean article with its publisher', async () => {
    const page = await l.context.newPage();
    await page.goto(inkl.expected.url);
    await page.waitForFunction(() => !!document.querySelector('unwrap-launcher'), undefined, { timeout: 5000 });
    await page.screenshot({ path: join(SHOTS, 'launcher-inkl.png') });
    await page.locator('unwrap-launcher [data-unwrap-action="read"]').click();
    await waitForOverlay(page);
    expect(await overlayText(page, 'h1')).toBe(inkl.expected.title);
    expect(await overlayText(page, '[data-unwrap="site"]')).toBe('The Guardian - UK');
    expect(await overlayText(page, '[data-unwrap="via"]')).toBe('inkl');
    const article = (await page.evaluate(() => {
      const root = document.querySelector('unwrap-reader')!.shadowRoot!;
      const clone = root.querySelector('article')!.cloneNode(true) as Element;
      clone.querySelector('[data-unwrap="removed"]')?.remove(); // the disclosure may quote what was removed
      return clone.textContent ?? '';
    })).replace(/\s+/g, ' ');
    for (const phrase of inkl.expected.mustInclude) expect(article).toContain(phrase.replace(/\s+/g, ' '));
    for (const phrase of inkl.expected.mustExclude) expect(article).not.toContain(phrase.replace(/\s+/g, ' '));
    // The disclosure lists what was removed.
    await clickInOverlay(page, '[data-unwrap="removed"] summary');
    expect(await overlayText(page, '[data-unwrap="removed"] summary')).toMatch(/Cleaned: \d+ blocks/);
    expect(await overlayText(page, '[data-unwrap="removed"]')).toContain('Sign up to read this article');
    await page.screenshot({ path: join(SHOTS, 'overlay-inkl.png') });
    await page.close();
  });

  it('does not appear on an ordinary page', async () => {
    const page = await l.context.newPage();
    await page.goto(`${plain.url}/article.html`);
    await page.waitForTimeout(1000);
    expect(await launcherShown(page)).toBe(false);
    await page.close();
  });

  it('opens the reader by itself when the user chose auto-open for the site', async () => {
    const page = await l.context.newPage();
    await page.goto(inkl.expected.url);
    await page.waitForFunction(() => !!document.querySelector('unwrap-launcher'), undefined, { timeout: 5000 });
    await page.locator('unwrap-launcher [data-unwrap-action="read"]').click();
    await waitForOverlay(page);
    await clickInOverlay(page, '[data-unwrap-action="settings"]');
    await page.locator('unwrap-reader [data-unwrap-setting="autoOpen"]').check();
    await page.waitForTimeout(300);
    const page2 = await l.context.newPage();
    await page2.goto('https://www.inkl.com/news/auto-open-check');
    await waitForOverlay(page2);
    expect(await overlayText(page2, '[data-unwrap="site"]')).toBe('The Guardian - UK');
    // Turn it off again for the other tests.
    await clickInOverlay(page2, '[data-unwrap-action="settings"]');
    await page2.locator('unwrap-reader [data-unwrap-setting="autoOpen"]').uncheck();
    await page.close();
    await page2.close();
  });
});

describe('single-page apps', () => {
  it('re-reads the article when an MSN-like page moves to another story without a load', async () => {
    const page = await l.context.newPage();
    await page.goto(msn.expected.url);
    await page.waitForFunction(() => !!document.querySelector('unwrap-launcher'), undefined, { timeout: 5000 });
    await page.locator('unwrap-launcher [data-unwrap-action="read"]').click();
    await waitForOverlay(page);
    expect(await overlayText(page, 'h1')).toBe(msn.expected.title);
    // The app swaps in another article and pushes a new URL.
    await page.evaluate(() => (window as unknown as { __swapArticle: () => void }).__swapArticle());
    await page.waitForFunction(() => document.querySelector('unwrap-reader')?.shadowRoot?.querySelector('h1')?.textContent === 'Harbour towns race to rebuild sea walls before winter storms', undefined, { timeout: 8000 });
    expect(await overlayText(page, '[data-unwrap="body"]')).toContain('sea walls');
    await page.close();
  });
});

/** The MSN fixture plus a tiny "app" that swaps the article for another one and pushes a new URL. */
function spaShell(html: string): string {
  const paragraphs = Array.from({ length: 8 }, (_, i) => `<p>Harbour engineers in the third town on the coast said on day ${i + 1} that the sea walls must be finished before the winter storms arrive, because the old defences failed twice last year and flooded the market square and the lower streets.</p>`).join('');
  const script = `<script>
window.__swapArticle = function () {
  document.title = 'Harbour towns race to rebuild sea walls before winter storms';
  document.body.innerHTML = '<main><article><h1>Harbour towns race to rebuild sea walls before winter storms</h1>${paragraphs.replace(/'/g, "\\'")}</article></main>';
  history.pushState({}, '', '/en-us/news/world/harbour-towns-race-to-rebuild-sea-walls/ar-AA1zzzzz');
};
</script>`;
  return html.replace('</body>', `${script}</body>`);
}
