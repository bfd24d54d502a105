/**
 * Google News (news.google.com/articles/…): a redirect stub. The page reads "Opening https://…" with the link
 * (FTR: `//c-wiz[starts-with(., 'Opening http')]/a`); Unwrap offers that destination instead of a reader.
 */
import { defineAdapter, type AggregatorAdapter, type AggregatorDetector } from './adapter';
import { publisherUrl } from './source-url';

const HOSTS = ['news.google.com'];

export const googlenewsDetector: AggregatorDetector = {
  id: 'googlenews',
  label: 'Google News',
  hosts: HOSTS,
  path: /^\/(rss\/)?(articles|read)\//,
  stubOnly: true,
};

const GOOGLE = [...HOSTS, 'google.com', 'gstatic.com', 'googleusercontent.com'];

function destination(doc: Document, url: string): string | null {
  for (const el of Array.from(doc.querySelectorAll('c-wiz, div'))) {
    if (!/^\s*Opening\s+https?:/i.test(el.textContent ?? '')) continue;
    const href = publisherUrl(el.querySelector('a[href]')?.getAttribute('href'), url, GOOGLE);
    if (href) return href;
  }
  // The same link inside <noscript> ("Continue to the article"), or a meta refresh.
  for (const a of Array.from(doc.querySelectorAll('noscript a[href], a[jsname][href]'))) {
    const href = publisherUrl(a.getAttribute('href'), url, GOOGLE);
    if (href) return href;
  }
  const refresh = doc.querySelector('meta[http-equiv="refresh" i]')?.getAttribute('content');
  const m = /url\s*=\s*['"]?([^'"\s]+)/i.exec(refresh ?? '');
  return publisherUrl(m?.[1], url, GOOGLE);
}

export const googlenews: AggregatorAdapter = /* @__PURE__ */ defineAdapter(googlenewsDetector, {
  stubDestination: destination,
  sourceUrl: destination,
  publisher: () => null,
});
