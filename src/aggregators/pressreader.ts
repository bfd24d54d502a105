/**
 * PressReader (pressreader.com): newspaper articles in reflowed text view. Rules from aggregators.md §2.7; app
 * deep links go through Branch (`*.app.link`). The publication is the issue the article comes from.
 */
import { defineAdapter, type AggregatorAdapter, type AggregatorDetector } from './adapter';
import { firstText } from './page-facts';
import { findSourceUrl } from './source-url';

const HOSTS = ['pressreader.com'];

export const pressreaderDetector: AggregatorDetector = { id: 'pressreader', label: 'PressReader', hosts: HOSTS };

/** `/canada/vancouver-sun/20240312/…` → "Vancouver Sun" when the page prints no issue title. */
function publicationFromPath(url: string): string | null {
  try {
    const slug = new URL(url).pathname.split('/').filter(Boolean)[1];
    if (!slug || /^\d/.test(slug)) return null;
    return slug.split('-').map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ');
  } catch {
    return null;
  }
}

export const pressreader: AggregatorAdapter = /* @__PURE__ */ defineAdapter(pressreaderDetector, {
  bodyRoot: ['.art-text', 'article'],
  strip: [
    { selector: '.prpromo', reason: 'promo' },
    { selector: '#snackbar-container', reason: 'consent' },
    { selector: 'a[href*=".app.link"]', reason: 'app' },
    { selector: '.art-tools, .art-email', reason: 'tools' },
    { selector: '.more-articles', reason: 'rail' },
  ],
  publisher: (doc, url) => firstText(doc, ['.issue-title', '[class*="issue-title"]', '[class*="publication-name"]']) ?? publicationFromPath(url),
  // The canonical stays on PressReader; a print article has no web original to point to.
  sourceUrl: (doc, url) => findSourceUrl(doc, url, { aggregatorHosts: HOSTS, from: ['canonical', 'jsonld'] }),
});
