/**
 * Saving a whole tab (the popup's Save, the save-page shortcut, "Save this page" in the library, "Save page to
 * Unwrap" in the page's context menu): inject the
 * extract script (the user's gesture granted activeTab), which runs the same pipeline as the overlay and returns
 * the article. A web page with no readable article is saved as a link; browser pages are refused with the reason.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import type { ExtractForSaving } from '../content/extract-for-saving';
import { savableArticleSchema, reasonOf } from '../library/schema';
import type { LibraryService, SaveResult } from '../library/service';
import { isHttpUrl, sameDocumentUrl } from '../library/url';
import { executeScript } from './inject';

export const EXTRACT_SCRIPT = '/content-scripts/extract.js';

export interface TabToSave {
  readonly id?: number;
  readonly url?: string;
  readonly title?: string;
}

export async function saveTab(browser: Browser, library: LibraryService, tab: TabToSave): Promise<SaveResult & { title: string }> {
  if (tab.id === undefined || !tab.url) throw new Error('Unwrap can’t see which page to save: open the page and try again.');
  if (!isHttpUrl(tab.url)) throw new Error('Unwrap can only save web pages (http or https addresses).');
  let outcome: ExtractForSaving | null = null;
  try {
    const [first] = await executeScript(browser, { target: { tabId: tab.id }, files: [EXTRACT_SCRIPT] });
    outcome = (first?.result ?? null) as ExtractForSaving | null;
  } catch (err) {
    console.warn(`Unwrap: could not read ${tab.url} to save it; saving it as a link`, err);
  }
  if (outcome?.kind === 'article' && sameDocumentUrl(outcome.article.url, tab.url)) {
    const parsed = savableArticleSchema.safeParse(outcome.article);
    if (!parsed.success) throw new Error(`Unwrap could not save this article: ${reasonOf(parsed.error)}`);
    const canonical = typeof outcome.canonicalUrl === 'string' ? outcome.canonicalUrl : null;
    return { ...(await library.saveArticle(parsed.data, canonical)), title: parsed.data.title };
  }
  const title = (outcome?.kind === 'none' ? outcome.title : null) ?? tab.title ?? null;
  return { ...(await library.saveLink(tab.url, title?.slice(0, 2000) ?? null)), title: title ?? tab.url };
}

/** The tab "Save this page" means: the one the library was opened from, else the active tab of the last window. */
export async function targetTab(browser: Browser, tabId: number | undefined): Promise<TabToSave | undefined> {
  if (tabId !== undefined) return browser.tabs.get(tabId);
  const tabs = await browser.tabs.query({ active: true, lastFocusedWindow: true, windowType: 'normal' });
  return tabs.find((t) => t.url && isHttpUrl(t.url));
}
