/** Page-object helpers for the reader overlay (open shadow root under <unwrap-reader>), for puppeteer pages. */
import type { Page } from 'puppeteer-core';

// Poll on a timer: requestAnimationFrame stalls in tabs that are not in front.
const POLL = 100;

export async function waitForOverlay(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector('unwrap-reader')?.shadowRoot;
    return !!root?.querySelector('[data-unwrap="body"], [data-unwrap="empty"], [data-unwrap="stub"], [data-unwrap="error"]');
  }, { timeout, polling: POLL });
}

export async function waitForOverlayGone(page: Page, timeout = 5_000): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('unwrap-reader'), { timeout, polling: POLL });
}

export function overlayText(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((sel) => document.querySelector('unwrap-reader')?.shadowRoot?.querySelector(sel)?.textContent ?? null, selector);
}

export function overlayAttr(page: Page, selector: string, name: string): Promise<string | null> {
  return page.evaluate((sel, n) => document.querySelector('unwrap-reader')?.shadowRoot?.querySelector(sel)?.getAttribute(n) ?? null, selector, name);
}

export async function waitForOverlayAttr(page: Page, selector: string, name: string, value: string, timeout = 5_000): Promise<void> {
  await page.waitForFunction(
    (sel, n, v) => document.querySelector('unwrap-reader')?.shadowRoot?.querySelector(sel)?.getAttribute(n) === v,
    { timeout, polling: POLL }, selector, name, value,
  );
}

/** A real (trusted) click on an element inside the overlay (`>>>` pierces the open shadow root). */
export async function clickInOverlay(page: Page, selector: string): Promise<void> {
  await page.locator(`unwrap-reader >>> ${selector}`).click();
}

/** Computed style of an element inside the overlay. */
export function overlayStyle(page: Page, selector: string, props: string[]): Promise<Record<string, string>> {
  return page.evaluate((sel, ps) => {
    const el = document.querySelector('unwrap-reader')?.shadowRoot?.querySelector(sel);
    if (!el) return {};
    const cs = getComputedStyle(el);
    return Object.fromEntries(ps.map((p) => [p, cs.getPropertyValue(p)]));
  }, selector, props);
}

/** The article's visible text without the "what was removed" disclosure (the only place upsell words may appear). */
export function articleTextWithoutDisclosure(page: Page): Promise<string> {
  return page.evaluate(() => {
    const article = document.querySelector('unwrap-reader')?.shadowRoot?.querySelector('article');
    if (!article) return '';
    const clone = article.cloneNode(true) as Element;
    clone.querySelector('[data-unwrap="removed"]')?.remove();
    return (clone.textContent ?? '').replace(/\s+/g, ' ');
  });
}
