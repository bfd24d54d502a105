/** Measuring the reader's layout in a real browser: toolbar boxes against text boxes (Playwright pages). */
import type { Page } from 'playwright-core';
import { clickInOverlay } from './overlay';

/** In-page function (serialised): every visible toolbar button that overlaps a visible text box. */
export const OVERLAPS = `(() => {
  const root = document.querySelector('unwrap-reader').shadowRoot;
  const vh = innerHeight;
  const visible = (r) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < vh;
  const buttons = Array.from(root.querySelectorAll('[data-unwrap="toolbar"] .u-tools > *')).map((b) => [b.getAttribute('data-unwrap-action'), b.getBoundingClientRect()]).filter(([, r]) => visible(r));
  const texts = [];
  for (const el of root.querySelectorAll('article h1, [data-unwrap="meta-line"] > *, .u-meta-line > *, [data-unwrap="body"] :is(p, h2, h3, li, figcaption, pre, table, blockquote), [data-unwrap="lead-image"] figcaption')) {
    const range = document.createRange();
    range.selectNodeContents(el);
    for (const r of range.getClientRects()) if (visible(r)) texts.push([el.tagName.toLowerCase(), r]);
  }
  const out = [];
  for (const [name, b] of buttons) for (const [tag, r] of texts) {
    const x = Math.min(b.right, r.right) - Math.max(b.left, r.left);
    const y = Math.min(b.bottom, r.bottom) - Math.max(b.top, r.top);
    if (x > 0.5 && y > 0.5) out.push(name + ' over ' + tag + ' (' + Math.round(x) + 'x' + Math.round(y) + ' px)');
  }
  return [...new Set(out)];
})()`;

export function overlapsOf(page: Page): Promise<string[]> {
  return page.evaluate(OVERLAPS) as Promise<string[]>;
}

export function toolbarBox(page: Page): Promise<{ placement: string; background: string }> {
  return page.evaluate(() => {
    const bar = document.querySelector('unwrap-reader')!.shadowRoot!.querySelector('[data-unwrap="toolbar"]')!;
    return { placement: bar.getAttribute('data-placement') ?? '', background: getComputedStyle(bar).backgroundColor };
  });
}

/** Images decoded, layout settled (two frames after the last resize). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const imgs = [...(document.querySelector('unwrap-reader')?.shadowRoot?.querySelectorAll('img') ?? [])];
    await Promise.allSettled(imgs.map((i) => i.decode()));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

export async function setTheme(page: Page, theme: 'light' | 'sepia' | 'dark' | 'auto'): Promise<void> {
  await clickInOverlay(page, '[data-unwrap-action="settings"]');
  await clickInOverlay(page, `[data-unwrap-theme="${theme}"]`);
  await clickInOverlay(page, '[data-unwrap-action="settings"]');
  await page.waitForFunction((t) => document.querySelector('unwrap-reader')?.shadowRoot?.querySelector('.unwrap-root')?.getAttribute('data-theme') === t, theme);
}
