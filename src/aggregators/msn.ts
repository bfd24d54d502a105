/**
 * MSN / Microsoft Start (www.msn.com): syndicated articles rendered into shadow DOM (the pipeline flattens open
 * shadow roots). Rules from aggregators.md §2.2; CSS-module classes are matched by prefix (`-DS-EntryPoint1-1`
 * suffixes change with builds). The token `ads` sits on nearly every element and is never a signal.
 */
import { defineAdapter, type AggregatorAdapter, type AggregatorDetector, rulesByReason, type StripRule } from './adapter';
import { findSourceUrl } from './source-url';
import { scriptString } from '../dom/json-in-script';
import { paragraphsBefore } from '../dom/paragraphs';
import { normaliseText } from '../dom/text';

const HOSTS = ['msn.com', 'msn.cn'];

export const msnDetector: AggregatorDetector = {
  id: 'msn',
  label: 'MSN',
  hosts: HOSTS,
};

const STRIP: readonly StripRule[] = /* @__PURE__ */ rulesByReason(
  {
    app: [
      '[class*="articlePage_continueReadingButton"]', '[data-t*="openInStartApp"]', 'a[href^="https://aka.ms/InstaInstaContent"]',
      '#ahsbanner', '#NewsApps', '#smartbanner', '#irisbannerph', 'views-chrome-extension', '.homepage-banner',
    ],
    'continue-reading': ['.continue-reading-slot', '[class*="continueReading"]'],
    share: [
      'msn-at-share-button', '[data-t*="ContentSharingToolbar"]', '[data-aop="sharingtoolbar_social"]', '.sharingtb',
      '.stbp-row-wrap', '.stb-flexvertical', '.stb-bsb', '#Facebook', '.share-list',
    ],
    feedback: [
      '.feedback-container', '[class*="feedback_link_default"]', 'social-star-rating', '.paddle', 'footer[part="footer"]',
    ],
    promo: [
      '.fbpopup-container', '.banner-container', '.dummy-header-container', '.mail-signout-banner-container',
      'div[class^="newsContainer-"]', '[id^="skypefredialogcontainer"]',
    ],
    consent: ['#eubanner', '.cookieWallBanner-1', '.ComplianceHyperlink-1', '#cdmDiv'],
    rail: [
      '[class*="morefromprovider"]', '[class*="trc_"]', '[id^="taboola-"]', '.dynamicRRWrapper', '[class*="modernRightRail"]',
      '.rightrail', '.trending-now',
    ],
    ad: [
      '[class*="eoabNativeAd"]', '[class*="topBannerAdContainer"]', '[class*="stickyTopBannerAd"]', '[class^="nativeAd"]',
      '[data-test-id="mrr-nativead"]', '[data-section-id="stripe.bannernativead"]', '[data-section-id="sponsored.stripe.shopping"]',
      '[aria-label="promotions"]', '.intra-article-ad', '.adcontainer', '[class*="adSlot"]', '[class*="adLabel"]',
    ],
  },
);

/** The provider's name as MSN labels it: provider header, legacy `.providername`, partner logo, page state. */
function publisher(doc: Document): string | null {
  for (const sel of ['[class*="providerName"]', '.providername', '[class*="provider-name"]']) {
    const t = normaliseText(doc.querySelector(sel)?.textContent ?? '');
    if (t && t.length <= 80) return t;
  }
  const logo = doc.querySelector('.partnerlogo-img img[alt], [class*="providerLogo"][alt]')?.getAttribute('alt');
  const fromLogo = normaliseText(logo ?? '').replace(/\s+logo$/i, '');
  if (fromLogo) return fromLogo;
  return scriptString(doc, 'provider', { max: 80 });
}

/** A preview: the "Continue reading" control follows only the first few paragraphs. */
function isTeaser(doc: Document): boolean {
  if (!doc.querySelector('[class*="articlePage_continueReadingButton"], [data-t*="ContinueReading"]')) return false;
  return paragraphsBefore(doc, null) < 4;
}

export const msn: AggregatorAdapter = /* @__PURE__ */ defineAdapter(msnDetector, {
  bodyRoot: ['[class*="articlePage_content"]', '[data-t*="articleBody"]', '.article-body', 'article'],
  strip: STRIP,
  publisher,
  // og:url stays on msn.com; the canonical (older templates) points to the publisher (§2.2).
  sourceUrl: (doc, url) =>
    findSourceUrl(doc, url, {
      aggregatorHosts: [...HOSTS, 'microsoft.com', 'bing.com', 'live.com'],
      from: ['canonical', 'jsonld', 'readmore'],
      readMoreSelectors: ['.continue-reading-slot a[href]', 'a.continue-reading'],
    }),
  isTeaser,
});
