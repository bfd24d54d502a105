/**
 * Ground News (ground.news): its own story summaries over many sources, with subscription pop-ups. Rules from
 * aggregators.md §2.6 (ids `popup-cta-*`, `subscribe-blindspot-ad`, `react-responsive-modal-*`). A Ground News page
 * has no single original publisher, so publisher and source URL stay empty; its summary is credited as the byline.
 */
import { defineAdapter, type AggregatorAdapter, type AggregatorDetector } from './adapter';
import { smallestBlocksMatching } from '../dom/text-lines';

const HOSTS = ['ground.news'];

export const groundnewsDetector: AggregatorDetector = { id: 'groundnews', label: 'Ground News', hosts: HOSTS };

export const groundnews: AggregatorAdapter = /* @__PURE__ */ defineAdapter(groundnewsDetector, {
  bodyRoot: ['#summary', 'article'],
  strip: [
    { selector: '[id^="popup-cta-"], [id^="LSF-popup-cta"]', upTo: '.react-responsive-modal-root', reason: 'popup' },
    { selector: '.react-responsive-modal-root, .react-responsive-modal-overlay, .react-responsive-modal-container', reason: 'popup' },
    { selector: '#subscribe-blindspot-ad', upTo: '#newsroom-blindspot', reason: 'blindspot' },
    { selector: '#newsroom-blindspot, #newsroom-local', reason: 'promo' },
    { selector: 'a[href="/about"]', upTo: '#__next > div.sticky', reason: 'topbar' },
    { selector: 'a[href*="/subscribe"], a[href^="/bias-quiz"]', reason: 'upsell' },
    { selector: '.fixed.bottom-0', reason: 'consent' },
  ],
  stripText: [{ pattern: /^similar news topics$/i, reason: 'rail', scope: 'block' }],
  publisher: () => null,
  sourceUrl: () => null,
  bylineHint: (doc) => smallestBlocksMatching(doc, /^summary by ground news$/i)[0] ?? null,
});
