/**
 * Flipboard (flipboard.com): article pages wrapped in sign-up and app calls to action. Rules from aggregators.md §2.4;
 * the body and outbound link are read from the rendered article view.
 */
import { defineAdapter, type AggregatorAdapter, type AggregatorDetector } from './adapter';
import { firstText } from './page-facts';
import { findSourceUrl } from './source-url';

const HOSTS = ['flipboard.com'];

export const flipboardDetector: AggregatorDetector = { id: 'flipboard', label: 'Flipboard', hosts: HOSTS };

export const flipboard: AggregatorAdapter = /* @__PURE__ */ defineAdapter(flipboardDetector, {
  bodyRoot: ['.article-view__body', '[data-reader="true"]', 'article'],
  strip: [
    { selector: '.anchored-dialog.signup-cta, [class*="signup-cta"]', reason: 'signup' },
    { selector: '.cta-banner-redesigned, a[data-vars-button-name="main-nav-get-app-cta"]', reason: 'app' },
    { selector: '.mobile-gate', upTo: '.modal-overlay', reason: 'app-gate' },
    { selector: '.mobile-gate', reason: 'app-gate' },
    { selector: '.article-view__outbound, .outbound-link', reason: 'readmore' },
    { selector: '.social-actions, a[href^="https://share.flipboard.com/bookmarklet/popout?"]', reason: 'share' },
    { selector: '.flipped-into', reason: 'flipped-into' },
    { selector: '.related-items, .related-topics', reason: 'rail' },
  ],
  publisher: (doc) => firstText(doc, ['.article-view__publisher', '[class*="article-view__source"] a']),
  sourceUrl: (doc, url) => findSourceUrl(doc, url, { aggregatorHosts: [...HOSTS, 'flipboard.app.link'], readMoreSelectors: ['.article-view__outbound a[href]', 'a.outbound-link'] }),
});
