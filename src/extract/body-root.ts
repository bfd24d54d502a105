/**
 * Where an aggregator page's article lives, and the working copy made ready for Readability around it: the adapter's
 * body root is marked before cleaning (generic stages protect it like `[itemprop=articleBody]`), and after cleaning the
 * byline hint is marked, the lead figure joins the body, and what lies outside the article's scope is dropped.
 */
import type { AggregatorAdapter } from '../aggregators/adapter';
import { headlineOf } from '../dom/headline';
import { deepestProseHolder } from '../dom/main-prose';
import { BODY_MARK } from '../dom/marks';
import { ProseMap } from '../dom/prose-map';
import { selectAll } from '../dom/selector';
import { spaceAdjacentParts } from '../dom/space-parts';
import { textOf } from '../dom/text';
import { precedes } from '../dom/walk';

const BYLINE_LIKE = '[rel~="author"], [itemprop~="author"], [class*="byline" i], [class*="author" i], address';

/**
 * Prepare the working copy for Readability (runs after the strippers, before Readability) and return the body root:
 *
 *  - the adapter's byline hint is marked so Readability reports it, with its parts spaced;
 *  - the lead figure (the first figure between the headline and the body) moves into the body root, so its caption
 *    stays with the article instead of being scored as a stray sibling;
 *  - when the adapter names a body root, everything outside the article's scope (the nearest ancestor holding both
 *    the root and the headline) is dropped: rails, sidebars and footers never reach Readability.
 *
 * Never narrows to a near-empty root; returns null (and changes nothing but the byline mark) when there is no root.
 */
export function findBodyRoot(doc: Document, adapter: AggregatorAdapter): Element | null {
  const body = doc.body;
  if (!body) return null;
  markByline(adapter.bylineHint?.(doc) ?? null);
  const prose = new ProseMap(body);
  const known = adapterRoot(doc, adapter);
  // A known root must hold most of the page's prose; a selector that hit a sidebar must not cost the article.
  const trusted = known !== null && prose.share(known) >= 0.5 ? known : null;
  const root = trusted ?? deepestProseHolder(body, prose, 0.8, 400);
  if (!root) return null;
  adoptLeadFigure(root);
  if (trusted) narrowTo(root);
  return root;
}

function adapterRoot(doc: Document, adapter: AggregatorAdapter): Element | null {
  for (const sel of adapter.bodyRoot ?? []) {
    for (const el of selectAll(doc.body ?? doc.documentElement, sel)) {
      if (textOf(el).length > 400) return el;
    }
  }
  return null;
}

function markByline(el: Element | null): void {
  if (!el || !el.isConnected || textOf(el).length > 100) return;
  if (!el.matches(BYLINE_LIKE)) el.setAttribute('class', `${el.getAttribute('class') ?? ''} byline`.trim());
  spaceAdjacentParts(el);
}

/** Move the lead figure (after the headline, before the body, outside links) to the start of the body root. */
function adoptLeadFigure(root: Element): void {
  // A figure already inside the root, near its start, is kept where it is.
  const first = root.getElementsByTagName('figure')[0];
  if (first && textBefore(root, first) < 200) return;
  const doc = root.ownerDocument;
  const headline = headlineOf(doc, root);
  const scope = scopeOf(root, headline) ?? root.parentElement;
  if (!scope) return;
  const hasMedia = (f: Element): boolean =>
    f.getElementsByTagName('img').length > 0 || f.getElementsByTagName('picture').length > 0 || f.getElementsByTagName('video').length > 0;
  const figures = Array.from(scope.getElementsByTagName('figure')).filter(
    (f) =>
      !root.contains(f) &&
      !f.contains(root) &&
      !f.closest('a') &&
      precedes(f, root) &&
      (!headline || precedes(headline, f)) &&
      hasMedia(f),
  );
  const lead = figures[figures.length - 1]; // the figure nearest to the body
  if (lead) root.insertBefore(lead, root.firstChild);
}

function textBefore(root: Element, el: Element): number {
  let n = 0;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (el.contains(t) || !precedes(t, el)) break;
    n += (t.nodeValue ?? '').trim().length;
  }
  return n;
}


/** The nearest ancestor of `root` that also holds the headline. */
function scopeOf(root: Element, headline: Element | null): Element | null {
  if (!headline) return null;
  for (let p: Element | null = root.parentElement; p; p = p.parentElement) if (p.contains(headline)) return p;
  return null;
}

/** Drop every sibling outside the article scope on the way from the scope up to `<body>`. */
function narrowTo(root: Element): void {
  const doc = root.ownerDocument;
  const headline = headlineOf(doc, root);
  const scope = scopeOf(root, headline) ?? root;
  const isJsonLd = (s: Element): boolean => (s.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json';
  // Metadata stages read JSON-LD from the working copy after Readability: keep it wherever it sits.
  const keep = (el: Element): boolean =>
    el.contains(scope) ||
    (headline !== null && el.contains(headline)) ||
    (el.tagName === 'SCRIPT' && isJsonLd(el)) ||
    Array.from(el.getElementsByTagName('script')).some(isJsonLd);
  for (let node: Element = scope; node.parentElement && node !== doc.body; node = node.parentElement) {
    for (const sib of Array.from(node.parentElement.children)) {
      if (sib !== node && !keep(sib)) sib.remove();
    }
  }
}

/**
 * Before cleaning: mark the adapter's body root (when it holds most of the page's prose) so no stripper takes it or
 * grows into it. Returns the marked element.
 */
export function markAdapterBody(doc: Document, adapter: AggregatorAdapter): Element | null {
  const body = doc.body;
  if (!body) return null;
  const known = adapterRoot(doc, adapter);
  if (!known || new ProseMap(body).share(known) < 0.5) return null;
  known.setAttribute(BODY_MARK, '');
  return known;
}
