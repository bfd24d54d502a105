/**
 * Stage 7: the article's metadata, from Readability's findings, the page's meta tags and JSON-LD, and the text.
 * Everything here is plain text; nothing is HTML.
 */
import { jsonLdObjects, typesOf } from '../dom/json-in-script';
import { metaContent } from '../dom/meta';
import { resolveUrl } from './resolve-url';

export { jsonLdObjects, metaContent };

const clean = (s: string | null | undefined): string | null => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

function isArticleType(o: Record<string, unknown>): boolean {
  return typesOf(o).some((x) => /Article|BlogPosting|Report|NewsArticle/i.test(x));
}

export function jsonLdArticle(doc: Document): Record<string, unknown> | null {
  return jsonLdObjects(doc).find(isArticleType) ?? null;
}

export function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) return clean(v.map(nameOf).filter(Boolean).join(', '));
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return clean((v as { name: string }).name);
  return null;
}

export function findSiteName(doc: Document, url: string, readabilitySite: string | null): string | null {
  const ld = jsonLdArticle(doc);
  return (
    clean(readabilitySite) ??
    metaContent(doc, 'og:site_name', 'application-name', 'twitter:site:name') ??
    nameOf(ld?.publisher) ??
    hostLabel(url)
  );
}

export function hostLabel(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

export function findPublishedTime(doc: Document, readabilityTime: string | null): string | null {
  const ld = jsonLdArticle(doc);
  const candidates = [
    readabilityTime,
    metaContent(doc, 'article:published_time', 'og:article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date.issued', 'sailthru.date'),
    typeof ld?.datePublished === 'string' ? ld.datePublished : null,
    doc.querySelector('article time[datetime], main time[datetime], time[datetime]')?.getAttribute('datetime'),
  ];
  for (const c of candidates) {
    const v = clean(c);
    if (v && !Number.isNaN(Date.parse(v))) return new Date(Date.parse(v)).toISOString();
  }
  return null;
}

export function findLang(doc: Document, readabilityLang: string | null): string | null {
  return clean(readabilityLang) ?? clean(doc.documentElement?.getAttribute('lang')) ?? metaContent(doc, 'og:locale', 'language', 'content-language');
}

const RTL_LANGS = /^(ar|he|iw|fa|ur|ps|sd|ug|yi|dv|ckb)\b/i;
const RTL_CHARS = /[\u0590-\u05ff\u0600-\u06ff\u0700-\u074f\u0780-\u07bf\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/g;

export function findDir(doc: Document, readabilityDir: string | null, lang: string | null, text: string): 'ltr' | 'rtl' {
  const declared = clean(readabilityDir) ?? clean(doc.documentElement?.getAttribute('dir')) ?? clean(doc.body?.getAttribute('dir'));
  if (declared === 'rtl' || declared === 'ltr') return declared;
  if (lang && RTL_LANGS.test(lang)) return 'rtl';
  const sample = text.slice(0, 2000);
  const rtl = (sample.match(RTL_CHARS) ?? []).length;
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  return letters > 0 && rtl / letters > 0.3 ? 'rtl' : 'ltr';
}

export function findLeadImage(doc: Document, url: string): string | null {
  const ld = jsonLdArticle(doc);
  const ldImage = ld?.image;
  const fromLd =
    typeof ldImage === 'string' ? ldImage
    : Array.isArray(ldImage) ? (typeof ldImage[0] === 'string' ? ldImage[0] : (ldImage[0] as { url?: string } | undefined)?.url)
    : (ldImage as { url?: string } | undefined)?.url;
  return resolveUrl(metaContent(doc, 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ?? fromLd ?? null, url);
}

export function findTitle(doc: Document, readabilityTitle: string | null): string {
  return clean(readabilityTitle) ?? metaContent(doc, 'og:title', 'twitter:title') ?? clean(doc.querySelector('h1')?.textContent) ?? clean(doc.title) ?? '';
}

export function cleanByline(byline: string | null): string | null {
  const b = clean(byline);
  if (!b) return null;
  if (/^https?:\/\//i.test(b) || b.length > 200) return null;
  return b;
}
