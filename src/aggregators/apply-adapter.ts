/**
 * Turn an adapter's declarative rules into strippers, and prepare the working copy for Readability: mark the byline,
 * keep the lead figure with the body, and drop what lies outside the article's scope.
 */
import type { BlockStripper, BlockToRemove } from '../extract/strip-upsells';
import { growToBlocks } from '../upsell/detector';
import { linkDensity, ProseMap, smallestBlocksMatching, textOf } from '../upsell/text-blocks';
import type { AggregatorAdapter } from './adapter';

/** Share of the page's prose above which an element is the article: no rule may remove it. */
const ARTICLE_SHARE = 0.4;

export function adapterStrippers(adapter: AggregatorAdapter): BlockStripper[] {
  return [
    {
      id: `aggregator:${adapter.id}`,
      find(doc) {
        const body = doc.body;
        if (!body) return [];
        const prose = new ProseMap(body);
        const safe = (el: Element): boolean => prose.share(el) <= ARTICLE_SHARE && el !== body && !el.querySelector('h1');
        const out: BlockToRemove[] = [];
        const reason = (r: string): string => `aggregator:${adapter.id}:${r}`;
        for (const rule of adapter.strip ?? []) {
          for (const found of queryAll(body, rule.selector)) {
            const el = rule.upTo ? closestOrNull(found, rule.upTo) : found;
            if (!el) continue; // `upTo` names a wrapper that is not there: leave the element to the other rules
            if (rule.minLinkDensity !== undefined && linkDensity(el) < rule.minLinkDensity) continue;
            if (safe(el)) out.push({ element: el, reason: reason(rule.reason) });
          }
        }
        const lines: Element[] = [];
        const lineReasons: string[] = [];
        for (const rule of adapter.stripText ?? []) {
          for (const el of smallestBlocksMatching(doc, rule.pattern)) {
            if (rule.scope === 'block') {
              lines.push(el);
              lineReasons.push(rule.reason);
            } else if (safe(el)) out.push({ element: el, reason: reason(rule.reason) });
          }
        }
        growToBlocks(doc, lines).forEach((el, i) => {
          if (safe(el)) out.push({ element: el, reason: reason(lineReasons[i]!) });
        });
        // Outermost first, so a block inside one already removed is skipped rather than recorded twice.
        return out.sort((a, b) => depth(a.element) - depth(b.element));
      },
    },
  ];
}

function closestOrNull(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

function queryAll(root: Element, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return []; // a selector this DOM implementation cannot parse
  }
}

function depth(el: Element): number {
  let d = 0;
  for (let p = el.parentElement; p; p = p.parentElement) d++;
  return d;
}

const HEADLINE = 'h1, [itemprop~="headline"]';
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
  const root = adapterRoot(doc, adapter) ?? proseRoot(body);
  if (!root) return null;
  adoptLeadFigure(root);
  if (adapterRoot(doc, adapter) === root) narrowTo(root);
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
function proseRoot(body: Element): Element | null {
  const prose = new ProseMap(body);
  if (prose.total < 400) return null;
  let best: Element | null = null;
  for (const el of Array.from(body.querySelectorAll('*'))) {
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
  if (root.querySelector('figure, figcaption')) {
    const first = root.querySelector('figure, figcaption');
    // A figure already inside the root, near its start, is kept where it is.
    if (first && textBefore(root, first) < 200) return;
  }
  const doc = root.ownerDocument;
  const headline = doc.querySelector(HEADLINE);
  const scope = scopeOf(root, headline) ?? root.parentElement;
  if (!scope) return;
  const figures = Array.from(scope.querySelectorAll('figure')).filter(
    (f) =>
      !root.contains(f) &&
      !f.contains(root) &&
      !f.closest('a') &&
      precedes(f, root) &&
      (!headline || precedes(headline, f)) &&
      f.querySelector('img, picture, video, [role="img"]') !== null,
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
  const headline = doc.querySelector(HEADLINE);
  const scope = scopeOf(root, headline) ?? root;
  const keep = (el: Element): boolean =>
    el.matches('script[type="application/ld+json"]') ||
    el.contains(scope) ||
    (headline !== null && el.contains(headline)) ||
    el.querySelector('script[type="application/ld+json"]') !== null;
  for (let node: Element = scope; node.parentElement && node !== doc.body; node = node.parentElement) {
    for (const sib of Array.from(node.parentElement.children)) {
      if (sib !== node && !keep(sib)) sib.remove();
    }
  }
}
