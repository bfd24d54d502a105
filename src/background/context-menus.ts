/** The context-menu entries, created once at install/startup. */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { t } from '../i18n/t';

export const MENU = {
  openReader: 'unwrap-open-reader',
  savePage: 'unwrap-save-page',
  saveLink: 'unwrap-save-link',
  openLibrary: 'unwrap-open-library',
} as const;

export async function createContextMenus(browser: Browser): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU.openReader, title: t('menuOpenReader'), contexts: ['page', 'selection', 'image'] });
  browser.contextMenus.create({ id: MENU.savePage, title: t('menuSavePage'), contexts: ['page'] });
  browser.contextMenus.create({ id: MENU.saveLink, title: t('menuSaveLink'), contexts: ['link'] });
  browser.contextMenus.create({ id: MENU.openLibrary, title: t('menuOpenLibrary'), contexts: ['action', 'page'] });
}
