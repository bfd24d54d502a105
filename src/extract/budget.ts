/**
 * The pipeline's time budget, enforced by size: a page with more elements than the budget allows is first narrowed
 * to its main region (the largest `article`/`main` that fits), so a 10 MB page with 200,000 nodes and a real
 * article reads in well under a second instead of blocking the tab for many. A page with no region that fits is
 * refused as too large (the reader says so). Also: documents that are not HTML, and Unwrap's own elements.
 */

/** Beyond this many elements the whole page is not run through the pipeline (about 1 s of work on a slow laptop). */
export const MAX_ELEMENTS = 15_000;

const MAIN_REGION = 'article, main, [role="main"], [itemprop="articleBody"]';

/** Unwrap's own hosts in the page (the overlay itself when the page is read again, the launcher). */
const OWN_ELEMENTS = 'unwrap-reader, unwrap-launcher';

/** An XML document shown by the browser's XML viewer (RSS, sitemaps…): no article to read. XHTML is HTML. */
export function isXmlDocument(doc: Document): boolean {
  const type = doc.contentType ?? '';
  return /xml/i.test(type) && !/xhtml/i.test(type);
}

/** A detached copy of the page's head and its largest main region that fits the budget; null when none does. */
export function mainRegionCopy(doc: Document, maxElements: number): Document | null {
  let best: Element | null = null;
  let bestText = 0;
  for (const el of Array.from(doc.querySelectorAll(MAIN_REGION))) {
    if (el.closest(OWN_ELEMENTS) || el.getElementsByTagName('*').length >= maxElements) continue;
    const text = el.textContent?.length ?? 0;
    if (text > bestText) {
      best = el;
      bestText = text;
    }
  }
  if (!best || !doc.body) return null;
  const copy = doc.implementation.createHTMLDocument('');
  const html = copy.importNode(doc.documentElement, false);
  const body = copy.importNode(doc.body, false);
  body.append(copy.importNode(best, true));
  html.append(doc.head ? copy.importNode(doc.head, true) : copy.createElement('head'), body);
  copy.replaceChild(html, copy.documentElement);
  return copy;
}

/** Take Unwrap's own elements out of the working copy: the reader never reads itself. */
export function dropOwnElements(work: Document): void {
  for (const el of Array.from(work.querySelectorAll(OWN_ELEMENTS))) el.remove();
}
