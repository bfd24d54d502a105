/**
 * Detector step 2 — context: everything the scorer needs about one document, computed once per page: the prose map,
 * the lines, free text and link text per element (one walk), selector seeds, article landmarks, and the per-page
 * memos of the signals. Owned by the context, so nothing is cached between pages.
 */
import { isLinkish, linkDensity } from '../dom/links';
import { ARTICLE_BODY_SELECTOR } from '../dom/marks';
import { ProseMap } from '../dom/prose-map';
import { compileSimpleSelector, SelectorIndex } from '../dom/selector';
import { SKIP_TEXT } from '../dom/skip';
import { collapsedLength } from '../dom/text';
import { allElements } from '../dom/walk';
import { findLines, shareLinkLines, type UpsellLine } from './lines';
import { recirculationLists } from './recirculation';
import { SEEDS } from './seeds';
import type { BlockShape } from './shape';
import { SignalMemo } from './signals';

const SEED_INDEX = new SelectorIndex(SEEDS.map(([selector]) => selector));

export const isArticleBody = compileSimpleSelector(ARTICLE_BODY_SELECTOR)!;
export const isArticleContainer = compileSimpleSelector(`article, ${ARTICLE_BODY_SELECTOR}`)!;

/**
 * Article landmarks, found in one pass: article body, headline, `<main>`, and the article's own metadata (bylines and
 * dates: a block may not grow over them — a "23 comments" link sits in the byline line).
 */
const LANDMARKS = new SelectorIndex([
  ARTICLE_BODY_SELECTOR,
  'h1, [itemprop~="headline"]',
  'main',
  '[rel~="author"], [itemprop~="author"], [class*="byline" i], [class*="author" i], time, address',
]);

/** Everything the scorer needs about one document, computed once. */
export interface ScoringContext {
  readonly body: Element;
  /** Every element under `<body>`, in document order. */
  readonly elements: readonly Element[];
  readonly prose: ProseMap;
  readonly lines: readonly UpsellLine[];
  /** Characters of text outside links and outside matched lines, per element (0 for lines and links). */
  readonly freeText: ReadonlyMap<Element, number>;
  /** The shape a §3 selector gives an element. */
  readonly seeds: ReadonlyMap<Element, BlockShape>;
  /** Elements that are or contain the headline or the article body. */
  readonly holdsCore: ReadonlySet<Element>;
  /** Elements that are or contain an article body (`[itemprop=articleBody]` or the adapter's body). */
  readonly holdsArticleBody: ReadonlySet<Element>;
  /** Elements that are or contain a headline. */
  readonly holdsHeadline: ReadonlySet<Element>;
  /** Elements that are or contain `<main>`. */
  readonly holdsMain: ReadonlySet<Element>;
  /** Byline and date elements outside links. */
  readonly bylines: readonly Element[];
  /** Link text over all text of an element (`linkDensity`), answered from sums made once. */
  readonly density: (el: Element) => number;
  /** Per element, the lines it holds (itself included), in page order. */
  readonly linesUnder: ReadonlyMap<Element, readonly UpsellLine[]>;
  /** Per-page memos of the signals (href kinds, class tokens, container words). */
  readonly memo: SignalMemo;
}

/** `el` and all its ancestors up to `root`, added to `set`. */
function addWithAncestors(set: Set<Element>, el: Element, root: Element): void {
  for (let p: Element | null = el; p && !set.has(p); p = p.parentElement) {
    set.add(p);
    if (p === root) break;
  }
}

function insideLink(el: Element, root: Element): boolean {
  for (let p: Element | null = el; p && p !== root; p = p.parentElement) if (isLinkish(p)) return true;
  return false;
}

function indexLines(lines: readonly UpsellLine[], body: Element): Map<Element, UpsellLine[]> {
  const map = new Map<Element, UpsellLine[]>();
  for (const l of lines) {
    for (let p: Element | null = l.element; p; p = p.parentElement) {
      const list = map.get(p);
      if (list) list.push(l);
      else map.set(p, [l]);
      if (p === body) break;
    }
  }
  return map;
}

/**
 * Build the scoring context. `extraLines` are elements a caller already knows to be chrome (an adapter's text
 * rules): they count as matched lines when blocks grow.
 */
export function createScoringContext(doc: Document, extraLines: readonly Element[] = []): ScoringContext | null {
  const body = doc.body;
  if (!body) return null;
  const elements = allElements(body);
  const prose = new ProseMap(body);
  const lines = [...findLines(body, elements), ...shareLinkLines(elements)];
  const lineSet = new Set([...lines.map((l) => l.element), ...extraLines]);
  const freeText = new Map<Element, number>();
  const allText = new Map<Element, number>();
  const linkText = new Map<Element, number>();
  // One walk: text outside links and outside matched lines, all text, and link text, summed per element.
  const walk = (el: Element): number => {
    let n = 0;
    let all = 0;
    let link = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const len = collapsedLength(c.nodeValue ?? '');
        n += len;
        all += len;
      } else if (c.nodeType === 1 && !SKIP_TEXT.has((c as Element).tagName.toUpperCase())) {
        const child = c as Element;
        n += walk(child);
        const childAll = allText.get(child)!;
        all += childAll;
        link += isLinkish(child) ? childAll : linkText.get(child)!;
      }
    }
    allText.set(el, all);
    linkText.set(el, link);
    // A line or a link contributes nothing to its ancestors' free text (and records none of its own).
    const excluded = lineSet.has(el) || isLinkish(el);
    freeText.set(el, excluded ? 0 : n);
    return excluded ? 0 : n;
  };
  walk(body);
  const density = (el: Element): number => {
    const all = allText.get(el);
    if (all === undefined || isLinkish(el)) return linkDensity(el);
    return all > 0 ? Math.min(1, linkText.get(el)! / all) : 0;
  };

  const seeds = new Map<Element, BlockShape>();
  SEED_INDEX.match(body, elements).forEach((matched, i) => {
    const shape = SEEDS[i]![1];
    for (const el of matched) if (!seeds.has(el)) seeds.set(el, shape);
  });
  for (const el of recirculationLists(elements, prose, doc.URL)) if (!seeds.has(el)) seeds.set(el, 'rail');
  const [articleBodies = [], headlines = [], mains = [], bylineLike = []] = LANDMARKS.match(body, elements);
  const holdsArticleBody = new Set<Element>();
  const holdsHeadline = new Set<Element>();
  const holdsMain = new Set<Element>();
  for (const el of articleBodies) addWithAncestors(holdsArticleBody, el, body);
  for (const el of headlines) addWithAncestors(holdsHeadline, el, body);
  for (const el of mains) addWithAncestors(holdsMain, el, body);
  const holdsCore = new Set<Element>([...holdsArticleBody, ...holdsHeadline]);
  // Outermost only: a byline wrapper and the <time> inside it are one metadata line.
  const unlinked = bylineLike.filter((el) => !insideLink(el, body));
  const bylines = unlinked.filter((el) => !unlinked.some((o) => o !== el && o.contains(el)));
  return {
    body, elements, prose, lines, freeText, seeds, holdsCore, holdsArticleBody, holdsHeadline, holdsMain, bylines, density,
    linesUnder: indexLines(lines, body), memo: new SignalMemo(),
  };
}
