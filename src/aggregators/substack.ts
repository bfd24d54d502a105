/**
 * Substack (substack.com and custom domains): detected on any domain by its DOM fingerprint — the `pencraft` design
 * system, the `post-ufi` action bar, `frontend-*` CSS modules, `substackcdn.com` resources (aggregators.md §2.16).
 */
import { defineAdapter, type AggregatorAdapter, type AggregatorDetector } from './adapter';
import { hasClass, loadsFrom } from './fingerprint';

export const substackDetector: AggregatorDetector = {
  id: 'substack',
  label: 'Substack',
  hosts: ['substack.com'],
  fingerprint: (doc) => hasClass(doc, 'pencraft', 'post-ufi') || loadsFrom(doc, 'substackcdn.com'),
};

export const substack: AggregatorAdapter = /* @__PURE__ */ defineAdapter(substackDetector, {
  bodyRoot: ['.available-content .body', '.body.markup', 'article .body', 'article'],
  strip: [
    {
      selector:
        '.subscription-widget-wrap, .subscription-widget-wrap-editor, .subscribe-widget, .subscription-widget, ' +
        '[class*="SubscribePrompt"], [class*="SidebarSubscribe"], .show-subscribe, div[class^="subscribe-"], .post-end-cta-full',
      reason: 'subscribe',
    },
    { selector: '.intro-popup', upTo: '[class*="_coverTheme"]', reason: 'intro-popup' },
    { selector: '.intro-popup, .default-intro-popup', reason: 'intro-popup' },
    { selector: 'p.button-wrapper, .header-anchor-widget, .meta-info-block', reason: 'cta' },
    { selector: '.post-ufi, .post-ufi-buttons, a[href*="action=share"], .post-footer', reason: 'share' },
    { selector: '.paywall, [data-testid="paywall"]', reason: 'gate' },
    { selector: '#discussion, .comments-section, .comments-page', reason: 'comments' },
    { selector: '.footer-wrap, .publication-footer, .footer-substack-cta', reason: 'footer' },
    { selector: '.app-banner', reason: 'app' },
  ],
  ownContent: true,
  sourceUrl: () => null, // a Substack post is the original
  isTeaser: (doc) => hasClass(doc, 'paywall', 'paywall-jump') || doc.querySelector('[data-testid="paywall"]') !== null,
});
