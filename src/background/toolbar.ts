/**
 * What a click on the toolbar button does (setting `toolbarButton`): open the popup (the manifest's
 * `action.default_popup`, the default) or open the reader directly (no popup: `action.onClicked` fires and
 * start.ts opens the reader). Applied at every start of the background and on every change of the setting.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import type { ToolbarButton } from '../settings/schema';

export const POPUP_PAGE = 'popup.html';

export async function applyToolbarButton(browser: Browser, mode: ToolbarButton): Promise<void> {
  await browser.action.setPopup({ popup: mode === 'popup' ? POPUP_PAGE : '' });
}
