/**
 * NewsBreak (newsbreak.com): local news pages with app prompts (Next.js, utility classes). Rules from
 * aggregators.md §2.5; the "Get the app" bar is matched by its text, as AdGuard's rule does.
 */
import { defineAdapter, type AggregatorAdapter, type AggregatorDetector } from './adapter';
import { scriptString } from './page-facts';
import { findSourceUrl } from './source-url';

const HOSTS = ['newsbreak.com'];

export const newsbreakDetector: AggregatorDetector = { id: 'newsbreak', label: 'NewsBreak', hosts: HOSTS };

export const newsbreak: AggregatorAdapter = /* @__PURE__ */ defineAdapter(newsbreakDetector, {
  bodyRoot: ['#article-body', 'article'],
  strip: [
    { selector: '.bg-blue-link', reason: 'newsletter' },
    { selector: 'button[title="Share Button"], button[title="Comment Button"]', reason: 'share' },
    { selector: '[data-ad-slot]', reason: 'ad' },
    { selector: '[data-href*="onelink.me"], a[href*="onelink.me"]', upTo: '.fixed', reason: 'app' },
  ],
  stripText: [
    { pattern: /^get the app$/i, reason: 'app', scope: 'block' },
    { pattern: /^read local news faster in the app$/i, reason: 'app', scope: 'block' },
    { pattern: /^sign in to join the conversation$/i, reason: 'comments', scope: 'block' },
  ],
  publisher: (doc) => scriptString(doc, 'source'),
  sourceUrl: (doc, url) => findSourceUrl(doc, url, { aggregatorHosts: HOSTS, from: ['canonical', 'jsonld', 'readmore'] }),
});
