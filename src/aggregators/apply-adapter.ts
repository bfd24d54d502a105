/**
 * Turn an adapter's declarative rules into strippers, and prepare the working copy for Readability: mark the byline,
 * keep the lead figure with the body, and drop what lies outside the article's scope.
 */
import type { BlockStripper, BlockToRemove } from '../extract/strip-upsells';
import { growToBlocks } from '../upsell/detector';
import { allElements, SelectorIndex, selectAll } from '../upsell/simple-selector';
import { linkDensity, ProseMap, smallestMatching, textLines, textOf } from '../upsell/text-blocks';
import type { AggregatorAdapter } from './adapter';
import { headlineOf } from './page-facts';

/** Share of the page's prose above which an element is the article: no rule may remove it. */
const ARTICLE_SHARE = 0.4;

export function adapterStrippers(adapter: AggregatorAdapter): BlockStripper[] {
  const rules = adapter.strip ?? [];
  const index = new SelectorIndex(rules.map((r) => r.selector));
  return [
    {
      id: `aggregator:${adapter.id}`,
      find(doc) {
        const body = doc.body;
        if (!body) return [];
        const prose = new ProseMap(body);
        const elements = allElements(body);
        const headlines = elements.filter((e) => e.tagName === 'H1');
        const safe = (el: Element): boolean =>
          el !== body && prose.share(el) <= ARTICLE_SHARE && !headlines.some((h) => el.contains(h));
        const out: BlockToRemove[] = [];
        const reason = (r: string): string => `aggregator:${adapter.id}:${r}`;
        index.match(body, elements).forEach((found, i) => {
          const rule = rules[i]!;
          for (const f of found) {
            const el = rule.upTo ? closestOrNull(f, rule.upTo) : f;
            if (!el) continue; // `upTo` names a wrapper that is not there: leave the element to the other rules
            if (rule.minLinkDensity !== undefined && linkDensity(el) < rule.minLinkDensity) continue;
            if (safe(el)) out.push({ element: el, reason: reason(rule.reason) });
          }
        });
        const textRules = adapter.stripText ?? [];
        const lines = textRules.length > 0 ? textLines(body) : [];
        const grow: Element[] = [];
        const growReasons: string[] = [];
        for (const rule of textRules) {
          for (const el of smallestMatching(lines, rule.pattern)) {
            if (rule.scope === 'block') {
              grow.push(el);
              growReasons.push(rule.reason);
            } else if (safe(el)) out.push({ element: el, reason: reason(rule.reason) });
          }
        }
        growToBlocks(doc, grow).forEach((el, i) => {
          if (safe(el)) out.push({ element: el, reason: reason(growReasons[i]!) });
        });
        // Outermost first, so a block inside one already removed is skipped rather than recorded twice; empty
        // elements (ad slots) are removed without a record only when they hold nothing a reader would see.
        return out
          .filter((b) => (b.element.textContent ?? '').trim() !== '' || hasMedia(b.element))
          .sort((a, b) => depth(a.element) - depth(b.element));
      },
    },
  ];
}

function hasMedia(el: Element): boolean {
  return el.getElementsByTagName('img').length > 0 || el.getElementsByTagName('iframe').length > 0;
}

function closestOrNull(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

function queryAll(root: Element, selector: string): Element[] {
  return selectAll(root, selector);
}

function depth(el: Element): number {
  let d = 0;
  for (let p = el.parentElement; p; p = p.parentElement) d++;
  return d;
}

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
  markByline(doc, adapter.bylineHint?.(doc) ?? null);
  const prose = new ProseMap(body);
  const known = adapterRoot(doc, adapter);
  // A known root must hold most of the page's prose; a selector that hit a sidebar must not cost the article.
  const trusted = known !== null && prose.share(known) >= 0.5 ? known : null;
  const root = trusted ?? proseRoot(body, prose);
  if (!root) return null;
  adoptLeadFigure(root);
  if (trusted) narrowTo(root);
  return root;
}

function adapterRoot(doc: Document, adapter: AggregatorAdapter): Element | null {
  for (const sel of adapter.bodyRoot ?? []) {
    for (const el of queryAll(doc.body ?? doc.documentElement, sel)) {
      if (textOf(el).length > 400) return el;
    }
  }
  return null;
}

/** Without a known root: the deepest element holding most (≥ 80%) of the page's prose. */
function proseRoot(body: Element, prose: ProseMap): Element | null {
  if (prose.total < 400) return null;
  let best: Element | null = null;
  for (const el of allElements(body)) {
    if (prose.of(el) >= prose.total * 0.8) best = el; // document order: descendants come later
  }
  return best;
}

function markByline(doc: Document, el: Element | null): void {
  if (!el || !el.isConnected || textOf(el).length > 100) return;
  if (!el.matches(BYLINE_LIKE)) el.setAttribute('class', `${el.getAttribute('class') ?? ''} byline`.trim());
  spaceParts(doc, el);
}

/** `<a>Angelique Chrisafis</a><span>in Paris</span>` reads "Angelique Chrisafis in Paris". */
function spaceParts(doc: Document, el: Element): void {
  const kids = Array.from(el.childNodes);
  for (let i = 1; i < kids.length; i++) {
    const a = kids[i - 1]!.textContent ?? '';
    const b = kids[i]!.textContent ?? '';
    if (kids[i - 1]!.nodeType === 3 && kids[i]!.nodeType === 3) continue;
    if (/[\p{L}\p{N}.,)]$/u.test(a) && /^[\p{L}\p{N}(]/u.test(b)) el.insertBefore(doc.createTextNode(' '), kids[i]!);
  }
  for (const child of Array.from(el.children)) spaceParts(doc, child);
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

function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) /* DOCUMENT_POSITION_FOLLOWING */ !== 0;
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
