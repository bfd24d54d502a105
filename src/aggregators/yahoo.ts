/**
 * Yahoo News, Finance, Sports, regional editions (CAAS articles) and Yahoo Japan. Rules from aggregators.md §2.3.
 * The canonical stays on Yahoo (even a generic `//us.yahoo.com/news/`), so attribution comes from the provider
 * markup and the "Read more at …" link, never the canonical.
 */
import { defineAdapter, type AggregatorAdapter, type AggregatorDetector, rulesByReason, type StripRule } from './adapter';
import { hasClass } from './fingerprint';
import { publisherUrl, readMoreLink } from './source-url';
import { scriptFlag, scriptString } from '../dom/json-in-script';
import { normaliseText } from '../dom/text';

const HOSTS = ['yahoo.com', 'yahoo.co.jp'];

export const yahooDetector: AggregatorDetector = {
  id: 'yahoo',
  label: 'Yahoo',
  hosts: HOSTS,
  path: /\.html$|\/(news|articles?|hl|pickup)(\/|$)/,
  // AOL and partner sites share the CAAS markup.
  fingerprint: (doc) => hasClass(doc, 'caas-body', 'caas-container'),
};

const STRIP: readonly StripRule[] = /* @__PURE__ */ rulesByReason(
  {
    readmore: ['.caas-readmore', '.caas-readmore-collapse'],
    share: [
      '.caas-share-section', '.caas-share-buttons', '.social-bar-fixed', 'div[class^="article-aft-share-buttons-"]',
      '[data-sharetype]', '.share-button-group', '.share-menu-wrapper',
    ],
    meta: ['.caas-attr-mins-read', '.caas-comments-button'],
    newsletter: [
      '.react-wafer-Featurebar', '[href^="https://subscription.yahoo.net/Newsletter/"]', '[id$="-NewsletterSubscription-Proxy"]',
      'div[id$="-NewsletterSubscription"]', 'div[class^="subscriptiontdv2"]',
    ],
    app: [
      '.app-promo', '#app-promo', '#module-appPromoBanner', '[data-i13n-sec="app-bhpromo"]', '.smart-app-banner',
      '#header-2-GoldenGate-Proxy', '.twpromo', '#module-mktIframe',
    ],
    promo: [
      '#module-promo', '#module-featurebar', 'div[class^="loginbannerpromo"]', '#uh-scroll-promo', '.wafer-tooltip-wrapper',
      '.userintent-tooltip', '.surveymonkey-popup', '#Col1-4-Interstitial-Proxy', '#sports-stickyfooter-index',
      '.header-dialogue-container', '#module-articleChallenge',
    ],
    video: ['.vp-docked', '.vp-docked-mode', '.evp-docked-fadein', '.caas-iframe-wrapper'],
    rail: [
      '[id$="-Trending-Proxy"]', '[data-i13n-sec="trending"]', '[data-i13n-sec="related"]', '[id*="RelatedStream"]',
      'li[data-test-locator="stream-related-ad-item"]',
    ],
    ad: ['.caas-da', '.darla-container', '[id^="sda-"]', '#defaultLREC', '.gemini-ad', 'div[id^="LeadAd-"]', '.Feedback'],
  },
  [{ selector: 'ul.caas-list', reason: 'related', minLinkDensity: 0.85 }],
);

/** The provider as Yahoo credits it: provider logo title/alt, provider link or name, page state. */
function publisher(doc: Document): string | null {
  const titled = doc.querySelector('.caas-attr-provider-logo[title], .caas-logo a[title], a[class*="provider"][title]');
  const title = normaliseText(titled?.getAttribute('title') ?? '');
  if (title) return title;
  for (const sel of ['.caas-logo img[alt]', 'a[class*="provider"] img[alt]']) {
    const alt = normaliseText(doc.querySelector(sel)?.getAttribute('alt') ?? '').replace(/\s+logo$/i, '');
    if (alt) return alt;
  }
  for (const sel of ['.provider-link', '.provider-name', '.caas-attr-provider', '[class*="provider-name"]']) {
    const t = normaliseText(doc.querySelector(sel)?.textContent ?? '');
    if (t && t.length <= 80) return t;
  }
  return scriptString(doc, 'providerName', { max: 300 });
}

function sourceUrl(doc: Document, url: string): string | null {
  return (
    readMoreLink(doc, url, HOSTS, ['.caas-readmore a[href]', '.provider-link a[href]']) ??
    publisherUrl(scriptString(doc, 'readMore', { max: 300 }) ?? scriptString(doc, 'readMoreLink', { max: 300 }), url, HOSTS)
  );
}

const TEASER_TEXT = /read the full (article|story)|story continues|continue reading|weiterlesen|lire la suite|seguir leyendo|continua a leggere|continue lendo/i;

/** A stub: the read-more link announces the full article elsewhere ("Read the full article at Fortune"). */
function isTeaser(doc: Document): boolean {
  const more = doc.querySelector('.caas-readmore');
  if (more && TEASER_TEXT.test(normaliseText(more.textContent ?? ''))) return true;
  return scriptFlag(doc, 'isStub');
}

export const yahoo: AggregatorAdapter = /* @__PURE__ */ defineAdapter(yahooDetector, {
  bodyRoot: ['.caas-body', 'article[itemprop="articleBody"]', '.article_body', '[data-ual-view-type="detail"]'],
  strip: STRIP,
  publisher,
  sourceUrl,
  isTeaser,
});
