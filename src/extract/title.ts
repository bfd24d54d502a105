/**
 * The article's title. Metadata titles (Readability's choice: JSON-LD, `og:title`, `<title>`) often carry the site's
 * suffix ("Configuring widgets | Docs", "Smoke advisory extended - Ground News"), and single-page apps leave a stale
 * one in `<head>` after swapping the article. The visible headline decides:
 *
 *  - when the metadata title is the headline plus a separator and more ("<h1> | Site"), the headline is the title;
 *  - after an SPA navigation (`preferHeadline`), when the metadata title appears nowhere in the page, the headline is.
 */
import { headlineOf } from '../dom/headline';
import { findTitle } from './metadata';

const norm = (s: string): string => s.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/** Separators between a title and a site name or section. */
const SEPARATOR = /^\s*(?:[|\u2013\u2014:·•»/\\]|-|~)\s*/;

/**
 * True when `title` is `headline` followed by a separator and a short suffix (a site or section name). Not the other
 * way round: "Section — Site" pages often put the site name in their `<h1>`.
 */
function isHeadlineWithSuffix(title: string, headline: string): boolean {
  const t = norm(title);
  const h = norm(headline);
  if (h.length < 4 || t === h) return false;
  if (t.startsWith(h)) {
    const rest = t.slice(h.length);
    return SEPARATOR.test(rest) && rest.length <= Math.max(60, h.length);
  }
  return false;
}

/** The headline's text, read from the working copy before Readability rearranges it. */
export function headlineText(work: Document): string | null {
  const t = (headlineOf(work)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return t || null;
}

/**
 * `work` is read for metadata only (meta tags, JSON-LD: Readability leaves them); `headline` comes from
 * `headlineText` before Readability ran.
 */
export function chooseTitle(work: Document, readabilityTitle: string | null, headline: string | null, page: Document, spaHeadline: string | null): string {
  const metaTitle = findTitle(work, readabilityTitle);
  if (headline && metaTitle && isHeadlineWithSuffix(metaTitle, headline)) return headline;
  if (!spaHeadline || !metaTitle || spaHeadline === metaTitle) return metaTitle || spaHeadline || '';
  const bodyText = norm(page.body?.textContent ?? '');
  // Readability may have trimmed a "Title | Site" suffix: compare the part before separators too.
  const core = norm(metaTitle).split(/\s[|\u2013\u2014-]\s/)[0] ?? '';
  return bodyText.includes(norm(metaTitle)) || (core.length >= 8 && bodyText.includes(core)) ? metaTitle : spaHeadline;
}
