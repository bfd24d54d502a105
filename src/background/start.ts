/**
 * Background wiring: every trigger goes through `openReaderInTab` (toolbar in direct mode, popup's Read, shortcut,
 * context menu, launcher); every message through the typed server.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { LibraryService, unreadCount } from '../library/service';
import { isHttpUrl } from '../library/url';
import { listen } from '../messaging/server';
import { promptForAggregatorAccessAfterInstall } from '../permissions/aggregator-access';
import type { Settings } from '../settings/schema';
import { loadSettings, updateSettings, watchSettings } from '../settings/settings';
import { showUnreadBadge } from './badge';
import { createContextMenus, MENU } from './context-menus';
import { forgetDetected, markDetected } from './detected-tabs';
import { libraryHandlers } from './library-handlers';
import { LIBRARY_PAGE, openLibrary } from './open-library';
import { forgetReaderDocument, openReaderInTab } from './open-reader';
import { fallbackHandlers } from './open-fallback-tab';
import { reportSave } from './save-feedback';
import { saveTab } from './save-from-tab';
import { keepAfterSave } from './offline-images';
import { refusal } from './sender-policy';
import { applyToolbarButton } from './toolbar';

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
  // Fires only in direct mode ("Toolbar button: open the reader directly"); otherwise the button opens the popup.
  browser.action.onClicked.addListener((tab) => void openReaderInTab(browser, tab).then(recordForTests));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    forgetReaderDocument(tabId);
    void forgetDetected(browser, tabId).catch(logDetected);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetReaderDocument(tabId);
    void forgetDetected(browser, tabId).catch(logDetected);
  });
  // Shortcuts always do the direct thing, whatever the toolbar button does.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-library') {
      void openLibrary(browser, tab).catch((err: unknown) => console.error('Unwrap: library not opened', err));
      return;
    }
    if (command !== 'toggle-reader' && command !== 'save-page') return;
    const act = async (t: { id?: number; url?: string; title?: string }): Promise<void> => {
      if (command === 'save-page') await reportSave(browser, t.id, saveTab(browser, library, t));
      else await openReaderInTab(browser, t);
    };
    if (tab) void act(tab);
    else void browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => (t ? act(t) : undefined));
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
    openReaderInTab: async ({ tabId }) => {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (!tab) throw new Error('That tab is gone: open the page you want to read and try again.');
      return openReaderInTab(browser, tab);
    },
    pageDetected: async ({ label }, sender) => {
      if (sender.tab?.id === undefined) throw new Error('pageDetected must come from a tab');
      await markDetected(browser, sender.tab.id, label);
      return { ok: true };
    },
    hideLauncher: async ({ host }, sender) => {
      const tabHost = sender.tab?.url ? new URL(sender.tab.url).hostname : null;
      if (tabHost !== host) throw new Error('a page can only hide the launcher on its own site');
      const s = await loadSettings();
      const next = await updateSettings({ launcherHiddenSites: [...new Set([...s.launcherHiddenSites, host])] });
      return { hidden: next.launcherHiddenSites };
    },
    ...libraryHandlers(browser, library, origin),
    ...fallbackHandlers(browser, origin),
  }, (name, sender) => refusal(name, sender, origin));

  const applyBadge = (on: boolean) => {
    badgeOn = on;
    void library.status().then((s) => showUnreadBadge(browser, on, s.unread)).catch(logBadge);
  };
  let toolbar: string | null = null;
  const applyToolbar = (mode: Settings['toolbarButton']) => {
    if (mode === toolbar) return;
    toolbar = mode;
    applyToolbarButton(browser, mode).catch((err: unknown) => console.error('Unwrap: toolbar button not set up', err));
  };
  void loadSettings().then((s) => {
    applyToolbar(s.toolbarButton);
    if (s.badgeUnreadCount) applyBadge(true);
  }).catch(logBadge);
  watchSettings((s) => {
    applyToolbar(s.toolbarButton);
    if (s.badgeUnreadCount !== badgeOn) applyBadge(s.badgeUnreadCount);
  });
}

/** Test builds only (scripts/check-release.mjs keeps it out of production): each press's outcome, for the bench. */
function recordForTests(outcome: unknown): void {
  if (__UNWRAP_TEST__) (globalThis as Record<string, unknown>).__unwrapLastOutcome = outcome;
}

function logDetected(err: unknown): void {
  console.warn('Unwrap: aggregator state of a tab not updated', err);
}

function logBadge(err: unknown): void {
  console.error('Unwrap: unread badge not updated', err);
}

/** Saved articles are readable by Unwrap's own pages only, never by content scripts (Chrome; Firefox lacks this). */
function restrictLocalStorageToExtension(browser: Browser): void {
  const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((err: unknown) => console.warn('Unwrap: storage access level not set', err));
}
