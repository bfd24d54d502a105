/** Background wiring: every trigger goes through `openReaderInTab`; every message through the typed server. */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { LibraryService, unreadCount } from '../library/service';
import { isHttpUrl } from '../library/url';
import { listen } from '../messaging/server';
import { promptForAggregatorAccessAfterInstall } from '../permissions/aggregator-access';
import { loadSettings, updateSettings, watchSettings } from '../settings/settings';
import { showUnreadBadge } from './badge';
import { createContextMenus, MENU } from './context-menus';
import { libraryHandlers } from './library-handlers';
import { LIBRARY_PAGE, openLibrary } from './open-library';
import { forgetReaderDocument, openReaderInTab } from './open-reader';
import { reportSave } from './save-feedback';
import { saveTab } from './save-from-tab';
import { keepAfterSave } from './offline-images';
import { refusal } from './sender-policy';

export function startBackground(browser: Browser): void {
  const origin = browser.runtime.getURL('/');
  let badgeOn = false;
  const library = new LibraryService({
    onChange: (entries) => {
      if (badgeOn) void showUnreadBadge(browser, true, unreadCount(entries)).catch(logBadge);
    },
  });
  restrictLocalStorageToExtension(browser);

  browser.runtime.onInstalled.addListener(({ reason }) => {
    createContextMenus(browser).catch((err: unknown) => console.error('Unwrap: context menus not created', err));
    // Firefox MV3 host permissions are opt-in: without them, say so on the library page instead of staying silent.
    if (reason === 'install') promptForAggregatorAccessAfterInstall(browser, LIBRARY_PAGE).catch((err: unknown) => console.error('Unwrap: aggregator access not checked', err));
  });
  browser.action.onClicked.addListener((tab) => void openReaderInTab(browser, tab).then(recordForTests));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') forgetReaderDocument(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => forgetReaderDocument(tabId));
  if (__UNWRAP_TEST__) {
    // Test builds only (scripts/check-release.mjs keeps these out of production): drive the toolbar code path
    // where the browser refuses a press, and see each press's outcome.
    (globalThis as Record<string, unknown>).__unwrapOpenReader = (tab: { id?: number; url?: string }) => openReaderInTab(browser, tab);
  }
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-library') {
      void openLibrary(browser, tab).catch((err: unknown) => console.error('Unwrap: library not opened', err));
      return;
    }
    if (command !== 'toggle-reader') return;
    if (tab) void openReaderInTab(browser, tab);
    else void browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => t && openReaderInTab(browser, t));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU.openReader && tab) void openReaderInTab(browser, tab);
    else if (info.menuItemId === MENU.savePage && tab) void reportSave(browser, tab.id, saveTab(browser, library, tab).then((r) => (keepAfterSave(browser, library, r.id), r)));
    else if (info.menuItemId === MENU.saveLink && info.linkUrl) {
      const title = (info as { linkText?: string }).linkText ?? info.selectionText ?? null;
      const saving = isHttpUrl(info.linkUrl) ? library.saveLink(info.linkUrl, title) : Promise.reject(new Error('Unwrap can only save web links (http or https).'));
      void reportSave(browser, tab?.id, saving);
    } else if (info.menuItemId === MENU.openLibrary) void openLibrary(browser, tab).catch((err: unknown) => console.error('Unwrap: library not opened', err));
  });
  listen(browser, {
    openReader: async (_p, sender) => {
      if (!sender.tab?.id) throw new Error('openReader must come from a tab');
      return openReaderInTab(browser, sender.tab);
    },
    hideLauncher: async ({ host }, sender) => {
      const tabHost = sender.tab?.url ? new URL(sender.tab.url).hostname : null;
      if (tabHost !== host) throw new Error('a page can only hide the launcher on its own site');
      const s = await loadSettings();
      const next = await updateSettings({ launcherHiddenSites: [...new Set([...s.launcherHiddenSites, host])] });
      return { hidden: next.launcherHiddenSites };
    },
    ...libraryHandlers(browser, library, origin),
  }, (name, sender) => refusal(name, sender, origin));

  const applyBadge = (on: boolean) => {
    badgeOn = on;
    void library.status().then((s) => showUnreadBadge(browser, on, s.unread)).catch(logBadge);
  };
  void loadSettings().then((s) => s.badgeUnreadCount && applyBadge(true)).catch(logBadge);
  watchSettings((s) => s.badgeUnreadCount !== badgeOn && applyBadge(s.badgeUnreadCount));
}

function recordForTests(outcome: unknown): void {
  if (__UNWRAP_TEST__) (globalThis as Record<string, unknown>).__unwrapLastOutcome = outcome;
}

function logBadge(err: unknown): void {
  console.error('Unwrap: unread badge not updated', err);
}

/** Saved articles are readable by Unwrap's own pages only, never by content scripts (Chrome; Firefox lacks this). */
function restrictLocalStorageToExtension(browser: Browser): void {
  const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((err: unknown) => console.warn('Unwrap: storage access level not set', err));
}
