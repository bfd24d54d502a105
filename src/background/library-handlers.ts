/** Message handlers of the saved library: wiring only (sender checks here, logic in src/library/service.ts). */
import type { WxtBrowser as Browser } from 'wxt/browser';
import type { LibraryService } from '../library/service';
import type { Handlers } from '../messaging/server';
import { assertOwnPage, trustedSourceUrl } from './sender-policy';
import { openLibrary } from './open-library';
import { saveTab, targetTab } from './save-from-tab';
import { keepAfterSave, keepOfflineCopy } from './offline-images';

export type LibraryMessage =
  | 'saveArticle' | 'isSaved' | 'unsaveUrl' | 'openLibrary' | 'savePageFromTab' | 'saveLink' | 'updateItems' | 'deleteItems'
  | 'restoreItems' | 'getArticle' | 'setProgress' | 'importItems' | 'repairLibrary' | 'rebuildSearch' | 'libraryStatus' | 'keepImages';
type LibraryHandlers = Pick<Handlers, LibraryMessage>;

export function libraryHandlers(browser: Browser, library: LibraryService, extensionOrigin: string): LibraryHandlers {
  return {
    saveArticle: async ({ article, canonicalUrl }, sender) => {
      assertOwnPage(sender, article.url, extensionOrigin);
      const saved = await library.saveArticle({ ...article, sourceUrl: trustedSourceUrl(sender, article.sourceUrl, extensionOrigin) }, canonicalUrl);
      keepAfterSave(browser, library, saved.id);
      return saved;
    },
    isSaved: async (claims, sender) => {
      assertOwnPage(sender, claims.url, extensionOrigin);
      return library.isSaved({ ...claims, sourceUrl: trustedSourceUrl(sender, claims.sourceUrl, extensionOrigin) });
    },
    unsaveUrl: async (claims, sender) => {
      assertOwnPage(sender, claims.url, extensionOrigin);
      return library.unsave({ ...claims, sourceUrl: trustedSourceUrl(sender, claims.sourceUrl, extensionOrigin) });
    },
    openLibrary: async (_p, sender) => {
      await openLibrary(browser, sender.tab as { id?: number; index?: number; windowId?: number } | undefined);
      return { ok: true };
    },
    savePageFromTab: async ({ tabId }) => {
      const tab = await targetTab(browser, tabId).catch(() => undefined);
      if (!tab) throw new Error('That tab is gone: open the page you want to save and try again.');
      const saved = await saveTab(browser, library, tab);
      keepAfterSave(browser, library, saved.id);
      return saved;
    },
    saveLink: ({ url, title }) => library.saveLink(url, title),
    updateItems: ({ ids, patch }) => library.updateItems(ids, patch),
    deleteItems: ({ ids }) => library.deleteItems(ids),
    restoreItems: ({ ids }) => library.restoreItems(ids),
    getArticle: ({ id }) => library.getArticle(id),
    setProgress: ({ id, progress, markRead }) => library.setProgress(id, progress, markRead),
    importItems: ({ items, quarantine }) => library.importItems(items, quarantine),
    repairLibrary: () => library.repair(),
    rebuildSearch: async () => ({ indexed: await library.rebuildSearch() }),
    libraryStatus: () => library.status(),
    keepImages: ({ id }) => keepOfflineCopy(browser, library, id, true),
  };
}
