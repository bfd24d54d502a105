/**
 * The reader's look and behaviour in real Chromium (issue 16): the toolbar never covers text at 390–1920 px, the
 * title follows the text size, separators never start a line, Esc closes the innermost layer, `?` shows the keys,
 * the repeated byline/date line is gone, the hero caption and credit are shown, removed blocks read in plain words,
 * the empty state's actions. Screenshots: test-results/screenshots/look-<page>-<theme>-<width>.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { clickToolbar, launch, uniqueUrl, type Launched } from './helpers/chromium';
import { startServer, type TestServer } from './helpers/server';
import { clickInOverlay, overlayCount, overlayText, waitForOverlay } from './helpers/overlay';
import { overlapsOf, settle, setTheme, toolbarBox } from './helpers/look';

const SHOTS = 'test-results/screenshots';
let server: TestServer;
let l: Launched;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ root: 'tests/e2e/pages' });
  l = await launch();
});
afterAll(async () => {
  await l?.close();
  await server?.close();
});

async function openReader(path: string, width = 1280, height = 900): Promise<Page> {
  const page = await l.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(uniqueUrl(`${server.url}${path}`));
  await clickToolbar(l, page);
  await waitForOverlay(page);
  return page;
}

describe('toolbar never covers text', () => {
  for (const width of [390, 800, 1024, 1280, 1920]) {
    it(`at ${width} px: no overlap at the top, hidden or beside the text after scrolling`, async () => {
      const page = await openReader('/article.html', width);
      await settle(page);
      expect(await overlapsOf(page)).toEqual([]);
      const placement = (await toolbarBox(page)).placement;
      if (width >= 1024 || width <= 390) expect(placement).toBe(width >= 1024 ? 'rail' : 'bar'); // between: whichever fits
      // Scroll down: the bar slides away (the rail stays in the margin); either way no button lies over text.
      await page.mouse.move(width / 2, 450);
      await page.mouse.wheel(0, 900);
      await page.waitForFunction(() => {
        const root = document.querySelector('unwrap-reader')!.shadowRoot!;
        const bar = root.querySelector('[data-unwrap="toolbar"]')!;
        return bar.getAttribute('data-placement') === 'rail' || bar.getBoundingClientRect().bottom <= 0;
      }, undefined, { timeout: 5000 });
      expect(await overlapsOf(page)).toEqual([]);
      // Scroll up a little: the bar comes back, with an opaque background over the text it covers.
      await page.mouse.wheel(0, -200);
      await page.waitForFunction(() => document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap="toolbar"]')!.getBoundingClientRect().top >= 0, undefined, { timeout: 5000 });
      const box = await toolbarBox(page);
      if (box.placement === 'bar') expect(box.background).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
      else expect(await overlapsOf(page)).toEqual([]);
      await page.close();
    });
  }
});

describe('typography', () => {
  it('title is larger than the section headings and follows the text size; no line starts with a separator', async () => {
    const page = await openReader('/article.html', 390);
    const sizes = () => page.evaluate(() => {
      const root = document.querySelector('unwrap-reader')!.shadowRoot!;
      const px = (sel: string) => parseFloat(getComputedStyle(root.querySelector(sel)!).fontSize);
      return { title: px('h1.u-title'), h2: px('[data-unwrap="body"] h2'), body: px('[data-unwrap="body"] p'), meta: px('[data-unwrap="meta-line"]') };
    });
    const s = await sizes();
    expect(s.title).toBeGreaterThan(s.h2);
    expect(s.title / s.body).toBeGreaterThanOrEqual(1.6);
    expect(s.title / s.body).toBeLessThanOrEqual(1.8);
    expect(s.meta).toBeLessThan(s.body);
    // At 390 px the meta line wraps: every item that starts a line has its separator clipped away.
    const starts = await page.evaluate(() => {
      const line = document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap="meta-line"]')!;
      const lineBox = line.getBoundingClientRect();
      return Array.from(line.children).map((c) => {
        const r = c.getBoundingClientRect();
        const dot = getComputedStyle(c, '::before').content;
        return { startsLine: Math.abs(r.left - lineBox.left) < 2, hasDot: dot !== 'none' && dot !== 'normal', dotInside: r.left - 14 >= lineBox.left };
      });
    });
    for (const s1 of starts) if (s1.startsLine && s1.hasDot) expect(s1.dotInside).toBe(false);
    // Larger text: the title grows with it.
    await clickInOverlay(page, '[data-unwrap-action="settings"]');
    await page.locator('unwrap-reader [data-unwrap-setting="fontSize"]').focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap="body"] p')!).fontSize === '32px');
    const big = await sizes();
    expect(big.title).toBeGreaterThanOrEqual(32 * 1.6);
    // Back to the default 20 px (14 is the minimum), so later pictures show the usual size.
    // One step at a time: each step is stored and echoed back before the next one starts from it.
    const bodySize = (px: number) => page.waitForFunction((v) => getComputedStyle(document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap="body"] p')!).fontSize === `${v}px`, px);
    await page.keyboard.press('Home');
    await bodySize(14);
    for (let px = 15; px <= 20; px++) {
      await page.keyboard.press('ArrowRight');
      await bodySize(px);
    }
    await page.keyboard.press('Escape');
    await page.close();
  });
});

describe('RTL meta line', () => {
  it('puts each separator between two items on the line side of the article direction', async () => {
    const page = await openReader('/rtl.html', 1024);
    const items = await page.evaluate(() => {
      const line = document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap="meta-line"]')!;
      return Array.from(line.children).map((c) => ({ name: c.getAttribute('data-unwrap'), right: c.getBoundingClientRect().right, left: c.getBoundingClientRect().left, before: getComputedStyle(c, '::before').right }));
    });
    expect(items.map((i) => i.name)).toEqual(['byline', 'date', 'reading-time']);
    // Right to left: byline, then date, then reading time; each later item's separator sits on its right side.
    expect(items[0]!.left).toBeGreaterThan(items[1]!.right);
    expect(items[1]!.left).toBeGreaterThan(items[2]!.right);
    expect(items.slice(1).map((i) => i.before)).toEqual(['-14px', '-14px']);
    await page.close();
  });
});

describe('keys', () => {
  it('Esc closes the settings panel first, then the reader; ? shows the keys', async () => {
    const page = await openReader('/article.html');
    await clickInOverlay(page, '[data-unwrap-action="settings"]');
    expect(await overlayCount(page, '[data-unwrap="settings-panel"]')).toBe(1);
    await page.keyboard.press('Escape');
    expect(await overlayCount(page, '[data-unwrap="settings-panel"]')).toBe(0);
    expect(await page.evaluate(() => !!document.querySelector('unwrap-reader'))).toBe(true);
    await page.keyboard.press('?');
    await page.waitForFunction(() => !!document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap="keys-help"]'));
    expect(await overlayText(page, '[data-unwrap="keys-help"]')).toContain('Esc');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap="keys-help"]'));
    expect(await page.evaluate(() => !!document.querySelector('unwrap-reader'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('unwrap-reader'));
    await page.close();
  });
});

describe('body', () => {
  it('drops the repeated byline/date line and shows the hero caption and credit as a figcaption', async () => {
    const page = await openReader('/hero.html');
    expect(await overlayText(page, '[data-unwrap="byline"]')).toBe('Staff reporter');
    expect(await overlayText(page, '[data-unwrap="date"]')).toBe('20 November 2025'); // lang="en-GB": day first
    const body = (await overlayText(page, '[data-unwrap="body"]')) ?? '';
    expect(body).not.toContain('09:12');
    expect(body.trim().startsWith('The river rose')).toBe(true);
    expect(await overlayText(page, '[data-unwrap="lead-caption"]')).toContain('Water stands a metre below the top');
    expect(await overlayText(page, '[data-unwrap="lead-credit"]')).toBe('Photograph: Ann Lee/Valley Courier');
    expect(await page.evaluate(() => document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap="lead-image"] img')!.getAttribute('alt'))).toBe('The river at the old stone bridge at dawn');
    await page.close();
  });
});

describe('removed blocks', () => {
  it('are listed in plain words, and Show uncleaned stays in view', async () => {
    const page = await openReader('/upsell.html');
    await clickInOverlay(page, '[data-unwrap="removed"] summary');
    const labels = await page.evaluate(() => Array.from(document.querySelector('unwrap-reader')!.shadowRoot!.querySelectorAll('[data-unwrap="removed-label"]')).map((e) => e.textContent));
    expect(labels).toContain('App banner');
    expect(labels).toContain('Related stories');
    for (const label of labels) expect(label).not.toMatch(/^[a-z-]+:/); // never an internal code
    expect(await overlayCount(page, '[data-unwrap="removed"] code')).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'look-removed.png') });
    await clickInOverlay(page, '[data-unwrap-action="toggle-uncleaned"]');
    await page.waitForFunction(() => document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap-action="toggle-uncleaned"]')?.textContent === 'Show cleaned');
    expect(await overlayCount(page, '[data-unwrap="removed"] .u-removed-note')).toBe(1);
    await clickInOverlay(page, '[data-unwrap-action="toggle-uncleaned"]');
    await page.waitForFunction(() => document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap-action="toggle-uncleaned"]')?.textContent === 'Show uncleaned');
    await page.close();
  });
});

describe('empty state', () => {
  it('offers Show anyway on a page judged not an article, which then shows its text', async () => {
    const page = await openReader('/listing.html');
    expect(await overlayText(page, '[data-unwrap="empty"]')).toContain('No article found here');
    await clickInOverlay(page, '[data-unwrap-action="show-anyway"]');
    await page.waitForFunction(() => !!document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap="body"]'));
    expect(await overlayText(page, '[data-unwrap="body"]')).toContain('Story number 30');
    await page.close();
  });

  it('offers Report a page, which copies a diagnostic and shows it', async () => {
    const page = await openReader('/login.html');
    expect(await overlayCount(page, '[data-unwrap="progress"]:not([hidden])')).toBe(0);
    await clickInOverlay(page, '[data-unwrap-action="report"]');
    await page.waitForFunction(() => !!document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap="diagnostic"]'));
    const text = (await overlayText(page, '[data-unwrap="diagnostic"]')) ?? '';
    expect(text).toContain('/login.html');
    expect(text).toMatch(/Result: (no-content|not-an-article)/);
    await page.screenshot({ path: join(SHOTS, 'look-empty-report.png') });
    await page.close();
  });
});

describe('screenshots', () => {
  it('light, sepia and dark; LTR and RTL; 390, 1024 and 1920 px', async () => {
    for (const [name, path] of [['ltr', '/hero.html'], ['rtl', '/rtl.html']] as const) {
      const page = await openReader(path, 1024);
      for (const theme of ['light', 'sepia', 'dark'] as const) {
        await setTheme(page, theme);
        for (const width of [390, 1024, 1920]) {
          await page.setViewportSize({ width, height: 900 });
          await settle(page);
          expect(await overlapsOf(page)).toEqual([]);
          await page.screenshot({ path: join(SHOTS, `look-${name}-${theme}-${width}.png`) });
        }
      }
      await page.close();
    }
  });
});
