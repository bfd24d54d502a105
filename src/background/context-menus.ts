/** The context-menu entries, created once at install/startup. */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { t } from '../i18n/t';

export const MENU = { openReader: 'unwrap-open-reader', savePage: 'unwrap-save-page', saveLink: 'unwrap-save-link' } as const;

export async function createContextMenus(browser: Browser): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU.openReader, title: t('menuOpenReader'), contexts: ['page', 'selection', 'image'] });
}
