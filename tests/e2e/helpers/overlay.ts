/** Page-object helpers for the reader overlay (open shadow root under <unwrap-reader>). */
import type { Page } from 'playwright-core';

export async function waitForOverlay(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector('unwrap-reader')?.shadowRoot;
    return !!root?.querySelector('[data-unwrap="body"], [data-unwrap="empty"], [data-unwrap="stub"], [data-unwrap="error"]');
  }, undefined, { timeout });
}

export async function waitForOverlayGone(page: Page, timeout = 5_000): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('unwrap-reader'), undefined, { timeout });
}

export function overlayText(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((sel) => document.querySelector('unwrap-reader')?.shadowRoot?.querySelector(sel)?.textContent ?? null, selector);
}

export function overlayCount(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => document.querySelector('unwrap-reader')?.shadowRoot?.querySelectorAll(sel).length ?? 0, selector);
}

export async function clickInOverlay(page: Page, selector: string): Promise<void> {
  // A real (trusted) click at the element's position; page.click pierces open shadow roots too.
  await page.locator(`unwrap-reader ${selector}`).first().click();
}

/** Computed style of an element inside the overlay. */
export function overlayStyle(page: Page, selector: string, props: string[]): Promise<Record<string, string>> {
  return page.evaluate(({ sel, props }) => {
    const el = document.querySelector('unwrap-reader')?.shadowRoot?.querySelector(sel);
    if (!el) return {};
    const cs = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
  }, { sel: selector, props });
}
