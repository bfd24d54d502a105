/**
 * The publisher's original URL, as an aggregator page reveals it: `link[rel=canonical]`, `og:url`, JSON-LD
 * `url`/`mainEntityOfPage`, or a "Read the full article at …" / "Read more at …" link. Only http(s) URLs on a host
 * other than the page's and the aggregator's own count; the page's claims are never followed, only reported.
 */
import { jsonLdObjects, typesOf } from '../dom/json-in-script';
import { hostMatches } from './adapter';

export type SourceKind = 'canonical' | 'og' | 'jsonld' | 'readmore';

export interface SourceUrlOptions {
  /** The aggregator's own hosts: a URL on any of them is not the publisher's. */
  readonly aggregatorHosts?: readonly string[];
  /** Which page facts to consult, in order (default: all, in the order of `SourceKind`). */
  readonly from?: readonly SourceKind[];
  /** Extra selectors for "read more" links (tried before the text patterns). */
  readonly readMoreSelectors?: readonly string[];
}

/** Hosts that are never a publisher's article: social networks, share endpoints, app stores, ad and link services. */
const NOT_PUBLISHER = [
  'facebook.com', 'twitter.com', 'x.com', 'linkedin.com', 'pinterest.com', 'reddit.com', 'whatsapp.com', 'wa.me',
  't.me', 'instagram.com', 'tiktok.com', 'apps.apple.com', 'itunes.apple.com', 'play.google.com', 'google.com',
  'doubleclick.net', 'taboola.com', 'outbrain.com', 'app.link', 'onelink.me', 'aka.ms', 'bit.ly',
];

/** Link text that announces the original: EN, FR, DE, ES, PT, IT. */
const READ_MORE_TEXT =
  /\b(read (the )?(full|original|whole|complete|rest of the) (article|story|post)|read more (at|on)|continue reading (at|on)|view (the )?(original|full) (article|story)|view original|originally (published|appeared) (at|on|in)|read (it |this )?on [a-z0-9.-]+\.[a-z]{2,}|read the original|source:|lire (la suite|l'article) sur|weiterlesen (auf|bei)|(den )?(ganzen|vollständigen) artikel (auf|bei)|leer (más|el artículo completo) en|leia (mais|a matéria completa) (em|no)|leggi (l'articolo completo|di più) su)/i;

/** A usable publisher URL, or null: http(s), parseable, not on the page's or the aggregator's hosts. */
export function publisherUrl(raw: string | null | undefined, pageUrl: string, aggregatorHosts: readonly string[] = []): string | null {
  if (!raw) return null;
  let u: URL;
  let page: URL;
  try {
    page = new URL(pageUrl);
    u = new URL(raw.trim(), page);
  } catch {
    return null; // an unparseable claim is no claim
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase();
  if (!host.includes('.')) return null;
  if (host === page.hostname.toLowerCase()) return null;
  if (aggregatorHosts.some((h) => hostMatches(host, h))) return null;
  if (NOT_PUBLISHER.some((h) => hostMatches(host, h))) return null;
  if (u.pathname === '/' && !u.search) return null; // a home page is not the article
  return u.href;
}

function fromCanonical(doc: Document): string | null {
  return doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href') ?? null;
}

function fromOg(doc: Document): string | null {
  return doc.querySelector('meta[property="og:url"][content], meta[name="og:url"][content]')?.getAttribute('content') ?? null;
}

function jsonLdUrls(doc: Document): string[] {
  const out: string[] = [];
  for (const o of jsonLdObjects(doc)) {
    if (!typesOf(o).some((t) => /Article|BlogPosting|Report|NewsArticle|WebPage/i.test(t))) continue;
    const main = o.mainEntityOfPage;
    if (typeof main === 'string') out.push(main);
    else if (main && typeof main === 'object' && typeof (main as { '@id'?: unknown })['@id'] === 'string') {
      out.push((main as { '@id': string })['@id']);
    }
    if (typeof o.url === 'string') out.push(o.url);
    if (typeof o.isBasedOn === 'string') out.push(o.isBasedOn);
  }
  return out;
}

/** The first link that announces the original article ("Read the full article at Fortune"). */
export function readMoreLink(doc: Document, pageUrl: string, aggregatorHosts: readonly string[] = [], selectors: readonly string[] = []): string | null {
  const body = doc.body;
  if (!body) return null;
  for (const sel of selectors) {
    for (const a of Array.from(body.querySelectorAll(sel))) {
      const link = a.matches('a[href]') ? a : a.querySelector('a[href]');
      const url = publisherUrl(link?.getAttribute('href'), pageUrl, aggregatorHosts);
      if (url) return url;
    }
  }
  for (const a of Array.from(body.querySelectorAll('a[href]'))) {
    const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > 120) continue;
    if (!READ_MORE_TEXT.test(text.replace(/[\u2018\u2019]/g, "'"))) continue;
    const url = publisherUrl(a.getAttribute('href'), pageUrl, aggregatorHosts);
    if (url) return url;
  }
  return null;
}

/** The publisher's original URL, or null when the page does not reveal one. */
export function findSourceUrl(doc: Document, pageUrl: string, opts: SourceUrlOptions = {}): string | null {
  const hosts = opts.aggregatorHosts ?? [];
  const order = opts.from ?? (['canonical', 'og', 'jsonld', 'readmore'] as const);
  for (const kind of order) {
    const candidates =
      kind === 'canonical' ? [fromCanonical(doc)]
      : kind === 'og' ? [fromOg(doc)]
      : kind === 'jsonld' ? jsonLdUrls(doc)
      : [readMoreLink(doc, pageUrl, hosts, opts.readMoreSelectors ?? [])];
    for (const c of candidates) {
      const url = publisherUrl(c, pageUrl, hosts);
      if (url) return url;
    }
  }
  return null;
}
