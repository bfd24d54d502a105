/**
 * Apple News (apple.news/<id>): a stub that links out ("Click here if you are not redirected"; FTR
 * `//p//a[contains(., 'Click here')]`). Unwrap offers that destination instead of a reader.
 */
import { defineAdapter, type AggregatorAdapter, type AggregatorDetector } from './adapter';
import { firstAttr, firstText } from './page-facts';
import { publisherUrl } from './source-url';

const HOSTS = ['apple.news'];

export const applenewsDetector: AggregatorDetector = { id: 'applenews', label: 'Apple News', hosts: HOSTS, stubOnly: true };

const APPLE = [...HOSTS, 'apple.com'];

function destination(doc: Document, url: string): string | null {
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    if (!/click here|continue to the (story|article)/i.test(a.textContent ?? '')) continue;
    const href = publisherUrl(a.getAttribute('href'), url, APPLE);
    if (href) return href;
  }
  // The redirect script: redirectToUrlAfterTimeout("https://…", 0).
  for (const s of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const m = /redirectToUrl(?:AfterTimeout)?\(\s*["'](https?:[^"']+)["']/.exec(s.textContent ?? '');
    const href = publisherUrl(m?.[1]?.replace(/\\\//g, '/'), url, APPLE);
    if (href) return href;
  }
  return null;
}

export const applenews: AggregatorAdapter = /* @__PURE__ */ defineAdapter(applenewsDetector, {
  stubDestination: destination,
  sourceUrl: destination,
  publisher: (doc) => firstAttr(doc, ['img.publisher-logo[alt]', '[class*="publisher"] img[alt]'], 'alt') ?? firstText(doc, ['.byline', '[class*="publisher-name"]']),
});
