/**
 * SmartNews (smartnews.com): article pages with app prompts. No list rules exist (aggregators.md §2.8): the generic
 * detector does most of the work; here are the publisher label, the original link and the app prompts by class.
 */
import { defineAdapter, type AggregatorAdapter, type AggregatorDetector } from './adapter';
import { firstText } from './page-facts';
import { findSourceUrl } from './source-url';

const HOSTS = ['smartnews.com'];

export const smartnewsDetector: AggregatorDetector = { id: 'smartnews', label: 'SmartNews', hosts: HOSTS };

export const smartnews: AggregatorAdapter = /* @__PURE__ */ defineAdapter(smartnewsDetector, {
  bodyRoot: ['[class*="article__body"]', 'article'],
  strip: [
    { selector: '.sn-open-app, [class*="app-promo"], .sn-qr, .sn-sticky-footer', reason: 'app' },
    { selector: '.sn-article__note', reason: 'readmore' },
    { selector: '.sn-more', reason: 'rail' },
    { selector: '.sn-consent', reason: 'consent' },
  ],
  publisher: (doc) => firstText(doc, ['[class*="article__publisher"]', '[class*="article__source"] [class*="publisher"]']),
  sourceUrl: (doc, url) => findSourceUrl(doc, url, { aggregatorHosts: [...HOSTS, 'smartnews.onelink.me'] }),
});
