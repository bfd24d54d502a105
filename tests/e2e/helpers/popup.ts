/**
 * The toolbar popup in real Chromium, opened as the toolbar opens it: `Extensions.triggerAction` on the tab (the
 * browser grants activeTab and shows the popup, as for a click). Playwright does not list extension popups among
 * a context's pages, so the popup is driven through puppeteer-core attached to the same browser (its DevTools
 * endpoint): a puppeteer Page, with real input events and screenshots.
 */
import puppeteer, { type Browser as DevtoolsBrowser, type Page as PopupPage } from 'puppeteer-core';
import type { Page } from 'playwright-core';
import { clickToolbar, type Launched } from './chromium';

export type { PopupPage };

const attached = new WeakMap<Launched, Promise<DevtoolsBrowser>>();

function devtools(l: Launched): Promise<DevtoolsBrowser> {
  let b = attached.get(l);
  if (!b) {
    b = puppeteer.connect({ browserWSEndpoint: l.wsEndpoint, defaultViewport: null });
    attached.set(l, b);
  }
  return b;
}

/** Press the toolbar button on `page`'s tab (the toolbar set to open the popup) and return the popup, rendered. */
export async function openToolbarPopup(l: Launched, page: Page): Promise<PopupPage> {
  const b = await devtools(l);
  const url = `chrome-extension://${l.extensionId}/popup.html`;
  const open = b.targets().find((t) => t.url() === url);
  if (open) throw new Error('a popup is still open: close it first (closePopup)');
  await clickToolbar(l, page);
  const target = await b.waitForTarget((t) => t.url() === url, { timeout: 10_000 });
  const popup = await target.asPage();
  await popup.waitForFunction(() => performance.getEntriesByName('unwrap:popup:rendered').length > 0, { timeout: 10_000 });
  return popup;
}

/** Resolves when the popup has closed itself (e.g. after Read). */
export async function waitForPopupClosed(l: Launched, timeout = 10_000): Promise<void> {
  const b = await devtools(l);
  const url = `chrome-extension://${l.extensionId}/popup.html`;
  const deadline = Date.now() + timeout;
  while (b.targets().some((t) => t.url() === url)) {
    if (Date.now() > deadline) throw new Error('the popup did not close');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function closePopup(l: Launched, popup: PopupPage): Promise<void> {
  if (!popup.isClosed()) await popup.close().catch(() => undefined);
  await waitForPopupClosed(l);
}

export async function detachPopupDriver(l: Launched): Promise<void> {
  const b = attached.get(l);
  attached.delete(l);
  if (b) await (await b).disconnect().catch(() => undefined);
}
