/**
 * Opening the library page (`popup.html`) in a tab: from the overlay's Library button, the "Unwrap library" context
 * menu and the "Open the Unwrap library" shortcut. The toolbar button keeps toggling the reader (issue 2), so the
 * page is never the action's popup; it remembers the tab it was opened from for "Save this page".
 */
import type { WxtBrowser as Browser } from 'wxt/browser';

export const LIBRARY_PAGE = '/popup.html';

export async function openLibrary(browser: Browser, from?: { id?: number; index?: number; windowId?: number }): Promise<void> {
  const query = from?.id !== undefined ? `?tab=${from.id}` : '';
  await browser.tabs.create({
    url: browser.runtime.getURL(`${LIBRARY_PAGE}${query}` as '/popup.html'),
    ...(from?.index !== undefined ? { index: from.index + 1 } : {}),
    ...(from?.windowId !== undefined ? { windowId: from.windowId } : {}),
  });
}
