/**
 * Opening the full-page library (`library.html`) in a tab: from the overlay's Library button, the "Unwrap library"
 * context menu and the "Open the Unwrap library" shortcut (the popup's "Full library" opens it itself). It
 * remembers the tab it was opened from for "Save this page".
 */
import type { WxtBrowser as Browser } from 'wxt/browser';

export const LIBRARY_PAGE = '/library.html';

export async function openLibrary(browser: Browser, from?: { id?: number; index?: number; windowId?: number }): Promise<void> {
  const query = from?.id !== undefined ? `?tab=${from.id}` : '';
  await browser.tabs.create({
    url: browser.runtime.getURL(`${LIBRARY_PAGE}${query}` as '/library.html'),
    ...(from?.index !== undefined ? { index: from.index + 1 } : {}),
    ...(from?.windowId !== undefined ? { windowId: from.windowId } : {}),
  });
}
