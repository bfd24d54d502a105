/**
 * NewsNow (newsnow.co.uk, newsnow.com): `c.newsnow.co.uk/A/…` is a redirect interstitial whose link sits in
 * `#js-retrieval-msg` (FTR). Unwrap offers that destination; list rules from aggregators.md §2.11 clean the rest.
 */
import { defineAdapter, type AggregatorAdapter, type AggregatorDetector } from './adapter';
import { firstText } from './page-facts';
import { publisherUrl } from './source-url';

const HOSTS = ['newsnow.co.uk', 'newsnow.com'];

export const newsnowDetector: AggregatorDetector = { id: 'newsnow', label: 'NewsNow', hosts: HOSTS, stubOnly: true };

function destination(doc: Document, url: string): string | null {
  for (const a of Array.from(doc.querySelectorAll('#js-retrieval-msg a[href], [id*="retrieval"] a[href]'))) {
    const href = publisherUrl(a.getAttribute('href'), url, HOSTS);
    if (href) return href;
  }
  return null;
}

export const newsnow: AggregatorAdapter = /* @__PURE__ */ defineAdapter(newsnowDetector, {
  stubDestination: destination,
  sourceUrl: destination,
  publisher: (doc) => firstText(doc, ['#js-retrieval-msg .src', '[id*="retrieval"] .src']),
  strip: [
    { selector: '.blocker, .site-ribbon, .ticker, .js-banner-strip, .rs-adblocker', reason: 'chrome' },
    { selector: '.email-signup', reason: 'newsletter' },
    { selector: '.share-highlight', reason: 'share' },
    { selector: '.js-popup-active', reason: 'popup' },
  ],
});
