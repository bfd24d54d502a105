/**
 * URL normalisation and dedupe keys for the saved library. Pure.
 *
 * Two saves are the same story when any of their keys match: the page URL, its (same-site) canonical URL and
 * the original publisher's URL an aggregator adapter found (`Article.sourceUrl`). Keys drop what does not change
 * the document: scheme (http/https), `www.`, `amp.`/`m.` host prefixes, AMP path/query variants, tracking
 * parameters, the fragment, a trailing slash, default ports and query-parameter order.
 */

const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'mkt_tok', 'igshid', 'si', 'ref', 'ref_src', 'ref_url', 'cmpid', 'ncid', 'ocid', 'spm',
  'smid', 'sr_share', '_ga', '_gl', 'guccounter', 'guce_referrer', 'guce_referrer_sig', 'taid', 'soc_src', 'soc_trk',
  'at_medium', 'at_campaign', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4', 'xtor', 'ito', 'int_source',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'vero_', 'oly_', '__hs', 'itm_'];
/** Only these parameter values mark an AMP variant (`?output=amp`, `?outputType=amp`, `?amp=1`). */
const AMP_VALUES = /^(?:1|true|amp)?$/i;

/**
 * Plain http(s) URLs that every URL parser accepts: a domain name of ASCII letters, digits and hyphens whose last
 * label starts with a letter (so it is never read as an IPv4 address), no `xn--` label (punycode must be decoded
 * to be judged), no port or user info, then printable ASCII only (no space, control character or backslash).
 * Matching this is about 15 times faster than `URL.canParse` in Chromium (19 ms → 1.4 ms for 10,000 URLs), and it
 * proves validity only: what it does not match is asked of the parser (tests/unit/library/url.test.ts checks that
 * it never accepts what the parser refuses).
 */
export const PLAIN_HTTP_URL = /^https?:\/\/(?:(?!xn--)[a-z0-9-]+\.)*(?!xn--)[a-z][a-z0-9-]*\.?(?:[/?#][\x21-\x5b\x5d-\x7e]*)?$/i;

/** An absolute http(s) URL, written out in full (`https://…`). Hot path: checked for every entry on load. */
export function isHttpUrl(raw: string): boolean {
  return PLAIN_HTTP_URL.test(raw) || (/^https?:\/\//i.test(raw) && URL.canParse(raw));
}

/**
 * The dedupe key of a URL, or null when it is not an http(s) URL. Not a URL to open: the scheme is dropped.
 * `https://www.Example.com/a/b/amp/?utm_source=x&b=2&a=1#top` → `example.com/a/b?a=1&b=2`.
 */
export function normalizeUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  let host = u.hostname.toLowerCase().replace(/\.$/, '');
  host = host.replace(/^(?:www\d?|amp|m|mobile)\./, '');
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) u.port = '';
  const port = u.port ? `:${u.port}` : '';

  let path = u.pathname.replace(/\/{2,}/g, '/');
  path = path.replace(/\/amp(?:\.html?)?\/?$/i, '/').replace(/\.amp(\.html?)?$/i, (_m, ext: string | undefined) => ext ?? '');
  path = path.replace(/^\/amp\//i, '/').replace(/\/index\.(?:html?|php)$/i, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (path === '') path = '/';

  const params: [string, string][] = [];
  for (const [k, v] of u.searchParams) {
    const key = k.toLowerCase();
    if (TRACKING_PREFIXES.some((p) => key.startsWith(p))) continue;
    if (key === 'amp' || key === 'outputtype' || key === 'output') {
      if (AMP_VALUES.test(v)) continue;
    } else if (TRACKING_PARAMS.has(key)) continue;
    params.push([k, v]);
  }
  params.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${port}${path === '/' ? '' : path}${query}`;
}

/** Registrable-ish host for the same-site check: lower case, without www/amp/m prefixes. */
function siteOf(raw: string): string | null {
  const key = normalizeUrl(raw);
  return key ? key.replace(/[/:?].*$/, '') : null;
}

export interface UrlClaims {
  /** The document URL the article was read from: always a key. */
  readonly url: string;
  /** `<link rel=canonical>`: a claim by the page, counted only when it is on the same site as `url`. */
  readonly canonicalUrl?: string | null;
  /** The original publisher's URL found by an aggregator adapter (a different site by design). */
  readonly sourceUrl?: string | null;
}

/** The accepted canonical URL (same site as the page) or null. A page cannot claim another site's story. */
export function acceptedCanonical(url: string, canonicalUrl: string | null | undefined): string | null {
  if (!canonicalUrl || !isHttpUrl(canonicalUrl)) return null;
  const a = siteOf(url);
  return a !== null && a === siteOf(canonicalUrl) ? canonicalUrl : null;
}

/** Every dedupe key of a saved item (no duplicates, page URL first). */
export function dedupeKeys(claims: UrlClaims): string[] {
  const keys = [
    normalizeUrl(claims.url),
    claims.canonicalUrl ? normalizeUrl(acceptedCanonical(claims.url, claims.canonicalUrl) ?? '') : null,
    claims.sourceUrl ? normalizeUrl(claims.sourceUrl) : null,
  ];
  return [...new Set(keys.filter((k): k is string => !!k))];
}

/** Same document for the "content scripts only save their own page" rule: equal once the fragment is dropped. */
export function sameDocumentUrl(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return a.replace(/#.*$/, '') === b.replace(/#.*$/, '');
}
