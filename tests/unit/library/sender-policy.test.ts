import { describe, expect, it } from 'vitest';
import { assertOwnPage, refusal } from '../../../src/background/sender-policy';

const ORIGIN = 'chrome-extension://abc/';
const contentScript = { id: 'abc', url: 'https://news.example/story', tab: { id: 3, url: 'https://news.example/story' } };
const libraryTab = { id: 'abc', url: `${ORIGIN}library.html`, tab: { id: 4, url: `${ORIGIN}library.html` } };
const actionPopup = { id: 'abc', url: `${ORIGIN}popup.html` };

describe('sender policy', () => {
  it('content scripts may only send their few messages', () => {
    expect(refusal('saveArticle', contentScript, ORIGIN)).toBeNull();
    expect(refusal('isSaved', contentScript, ORIGIN)).toBeNull();
    for (const name of ['deleteItems', 'updateItems', 'importItems', 'getArticle', 'savePageFromTab', 'repairLibrary'] as const) {
      expect(refusal(name, contentScript, ORIGIN)).toMatch(/only for Unwrap's own pages/);
    }
    expect(refusal('deleteItems', libraryTab, ORIGIN)).toBeNull();
    expect(refusal('deleteItems', actionPopup, ORIGIN)).toBeNull();
  });

  it('a content script can only save or query the page it runs in', () => {
    expect(() => assertOwnPage(contentScript, 'https://news.example/story#comments', ORIGIN)).not.toThrow();
    expect(() => assertOwnPage(contentScript, 'https://other.example/', ORIGIN)).toThrow(/only save or query itself/);
    expect(() => assertOwnPage(libraryTab, 'https://other.example/', ORIGIN)).not.toThrow();
    // After pushState the tab's URL is where the page is now (sender.url keeps the URL it loaded with).
    const spa = { id: 'abc', url: 'https://news.example/first', tab: { id: 3, url: 'https://news.example/second' } };
    expect(() => assertOwnPage(spa, 'https://news.example/second', ORIGIN)).not.toThrow();
    expect(() => assertOwnPage(spa, 'https://news.example/third', ORIGIN)).toThrow();
  });
});
