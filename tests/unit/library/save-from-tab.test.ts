import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { saveTab } from '../../../src/background/save-from-tab';
import { LibraryService } from '../../../src/library/service';
import { article, storedIndex } from './fixtures';

let lib: LibraryService | null = null;
afterEach(() => lib?.dispose());

function inject(result: unknown) {
  const spy = vi.fn(async () => [{ frameId: 0, result }]);
  (browser.scripting as unknown as { executeScript: typeof spy }).executeScript = spy;
  return spy;
}

describe('saving a whole tab (library "Save this page", page context menu)', () => {
  it('runs the extract script in the tab and saves the article with its text', async () => {
    lib = new LibraryService();
    const spy = inject({ kind: 'article', article: article('https://example.com/a'), canonicalUrl: 'https://example.com/a' });
    const r = await saveTab(browser, lib, { id: 7, url: 'https://example.com/a', title: 'Tab title' });
    expect(spy).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/content-scripts/extract.js'] });
    expect(r).toMatchObject({ created: true, linkOnly: false, title: 'Story at https://example.com/a' });
    expect((await lib.getArticle(r.id)).body?.textContent).toContain('quick brown fox');
  });

  it('saves a page without a readable article as a link, with the page title', async () => {
    lib = new LibraryService();
    inject({ kind: 'none', url: 'https://example.com/shop', title: 'A shop', reason: 'not-an-article' });
    expect(await saveTab(browser, lib, { id: 1, url: 'https://example.com/shop' })).toMatchObject({ linkOnly: true, title: 'A shop' });
  });

  it('saves as a link when the browser refuses the injection, and when the result is for another URL', async () => {
    lib = new LibraryService();
    (browser.scripting as unknown as { executeScript: () => Promise<never> }).executeScript = async () => { throw new Error('Cannot access contents of the page'); };
    expect(await saveTab(browser, lib, { id: 1, url: 'https://example.com/pdf.pdf', title: 'PDF' })).toMatchObject({ linkOnly: true });
    inject({ kind: 'article', article: article('https://elsewhere.example/x'), canonicalUrl: null });
    expect(await saveTab(browser, lib, { id: 2, url: 'https://example.com/moved' })).toMatchObject({ linkOnly: true });
    expect((await storedIndex()).entries.map((e) => e.url)).toEqual(['https://example.com/pdf.pdf', 'https://example.com/moved']);
  });

  it('refuses pages that are not on the web, and an article failing validation, with a clear message', async () => {
    lib = new LibraryService();
    await expect(saveTab(browser, lib, { id: 1, url: 'chrome://settings' })).rejects.toThrow(/only save web pages/);
    await expect(saveTab(browser, lib, { url: 'https://example.com' })).rejects.toThrow(/which page to save/);
    inject({ kind: 'article', article: { ...article('https://example.com/big'), content: 'x'.repeat(8_000_001) }, canonicalUrl: null });
    await expect(saveTab(browser, lib, { id: 3, url: 'https://example.com/big' })).rejects.toThrow(/too large to save/);
  });
});
