/** Background wiring: every trigger goes through `openReaderInTab`; every message through the typed server. */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { listen } from '../messaging/server';
import { createContextMenus, MENU } from './context-menus';
import { openReaderInTab } from './open-reader';

export function startBackground(browser: Browser): void {
  browser.runtime.onInstalled.addListener(() => {
    createContextMenus(browser).catch((err: unknown) => console.error('Unwrap: context menus not created', err));
  });
  browser.action.onClicked.addListener((tab) => void openReaderInTab(browser, tab));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-reader') return;
    if (tab) void openReaderInTab(browser, tab);
    else void browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => t && openReaderInTab(browser, t));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU.openReader && tab) void openReaderInTab(browser, tab);
  });
  listen(browser, {
    openReader: async (_p, sender) => {
      if (!sender.tab?.id) throw new Error('openReader must come from a tab');
      return openReaderInTab(browser, sender.tab);
    },
  });
}
