import { describe, expect, it } from 'vitest';
import { restrictionFromError, restrictionOf } from '../../../src/background/restricted-url';

describe('pages the browser forbids', () => {
  it.each([
    ['chrome://settings/', 'restrictedBrowserPage'],
    ['edge://extensions', 'restrictedBrowserPage'],
    ['about:blank', 'restrictedBrowserPage'],
    ['chrome-extension://abc/popup.html', 'restrictedBrowserPage'],
    ['view-source:https://example.com/', 'restrictedViewSource'],
    ['https://chromewebstore.google.com/detail/x', 'restrictedStore'],
    ['https://chrome.google.com/webstore/detail/x', 'restrictedStore'],
    ['https://addons.mozilla.org/en-US/firefox/', 'restrictedStore'],
    ['https://example.com/report.pdf', 'restrictedPdf'],
    ['file:///home/me/paper.pdf', 'restrictedPdf'],
    [undefined, 'restrictedOther'],
  ])('%s → %s', (url, key) => {
    expect(restrictionOf(url)).toBe(key);
  });

  it('lets ordinary pages through', () => {
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/a.html', 'https://www.inkl.com/news/x', 'file:///home/me/page.html']) {
      expect(restrictionOf(url)).toBeNull();
    }
  });

  it('explains refusals the browser reports', () => {
    expect(restrictionFromError('Cannot access contents of url "file:///x". Extension manifest must request permission', 'file:///x')).toBe('restrictedFile');
    expect(restrictionFromError('The extensions gallery cannot be scripted.', 'https://x')).toBe('restrictedStore');
    expect(restrictionFromError('Cannot access a chrome:// URL', 'https://x')).toBe('restrictedOther');
  });
});
