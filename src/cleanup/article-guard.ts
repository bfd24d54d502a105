/**
 * The other half of "never remove the article": Readability drops any element whose class or id merely contains
 * `related`, `header`, `extra`, `supplemental`… before looking at its text, so a paper's "Related work" section
 * (`<section id="related-work">`) or a recipe's `<header class="entry-header">` holding the byline disappears.
 *
 * `shieldArticleParts` finds those parts inside the article (the element holding most of the page's prose, widened to
 * its headline) and adds a class Readability treats as "maybe a candidate", so Readability judges them by their text
 * like any other block. Parts that are never article (comments, ads, menus, pagination, pop-ups) keep Readability's
 * verdict. Run it on the working copy after the upsell strippers and before Readability.
 */
import { headlineMatching } from '../dom/headline';
import { linkDensity } from '../dom/links';
import { deepestProseHolder } from '../dom/main-prose';
import { ProseMap } from '../dom/prose-map';
import { textOf } from '../dom/text';
import { allElements } from '../dom/walk';

/** Added to shielded elements; contains "article", which Readability's `okMaybeItsACandidate` accepts. */
export const SHIELD_CLASS = 'unwrap-article-part';

/** Readability 0.6.0 `REGEXPS.unlikelyCandidates` and `okMaybeItsACandidate`, to predict what it drops. */
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|mathjax|shadow/i;

/** The unlikely-candidate words that also name real article parts ("Related work", "entry-header", "legends"). */
const SHIELDABLE = /related|header|extra|supplemental|legends/i;

/** Never article, wherever it sits: leave Readability's verdict alone. */
const NEVER_ARTICLE =
  /comment|disqus|replies|remark|community|shoutbox|sponsor|-ad-|ad-break|agegate|pager|pagination|menu|breadcrumbs|rss|skyscraper|popup|banner|gdpr|social|sidebar|cover-wrap|yom-remote|footer/i;

const BYLINE = '[rel~="author"], [itemprop~="author"], [class*="author" i], [class*="byline" i]';
/** Never shielded: lists, navigation, asides and links are not article sections even when they hold prose. */
const NOT_SECTIONS = new Set(['UL', 'OL', 'LI', 'NAV', 'ASIDE', 'FOOTER', 'A', 'FORM']);

interface Article {
  /** The deepest element holding most of the prose. */
  readonly root: Element;
  /** `root` widened to the headline that titles it. */
  readonly scope: Element;
  readonly headline: Element | null;
}

/** The article: the deepest element holding most of the prose, and the headline before it (the last h1 before it). */
function findArticle(body: Element, prose: ProseMap): Article | null {
  const root = deepestProseHolder(body, prose, 0.6);
  if (!root) return null;
  const h1s = Array.from(body.getElementsByTagName('h1')).filter((h) => root.contains(h) || (h.compareDocumentPosition(root) & 4) !== 0);
  const headline = headlineMatching(h1s, body.ownerDocument.title) ?? h1s[h1s.length - 1] ?? null;
  let scope: Element = root;
  if (headline && !root.contains(headline)) {
    for (let p = root.parentElement; p && p !== body; p = p.parentElement) {
      if (p.contains(headline)) {
        scope = p;
        break;
      }
    }
  }
  return { root, scope, headline };
}

/**
 * A section of the article's prose ("Related work"): paragraphs with few links, at most half the article (a rail of
 * story teasers with excerpts has a link for every excerpt).
 */
function isProseSection(el: Element, prose: ProseMap, scope: Element): boolean {
  if (prose.of(el) < 200 || prose.of(el) > prose.of(scope) * 0.5) return false;
  if (linkDensity(el) >= 0.1) return false;
  const paragraphs = allElements(el).filter((e) => prose.isParagraph(e)).length;
  // Sparse links: a teaser rail pairs every excerpt with a link; a section of the article cites a few at most.
  return paragraphs >= 1 && el.getElementsByTagName('a').length < Math.max(1, paragraphs / 2);
}

/** The article's head: holds its headline or a byline, sits before the body, and is short. */
function isHeadSection(el: Element, root: Element, headline: Element | null): boolean {
  if (el.contains(root) || textOf(el).length >= 600) return false;
  if ((el.compareDocumentPosition(root) & 4) === 0) return false; // not before the body
  if (headline && el.contains(headline)) return true;
  return el.matches(BYLINE) || el.querySelector(BYLINE) !== null;
}

/** Mark the article parts Readability would drop for their class or id alone. Returns the marked elements. */
export function shieldArticleParts(doc: Document): Element[] {
  const body = doc.body;
  if (!body) return [];
  const prose = new ProseMap(body);
  if (prose.total < 400) return [];
  const article = findArticle(body, prose);
  if (!article) return [];
  const { root, scope, headline } = article;
  const out: Element[] = [];
  for (const el of [scope, ...allElements(scope)]) {
    if (NOT_SECTIONS.has(el.tagName.toUpperCase())) continue;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!UNLIKELY.test(names) || !SHIELDABLE.test(names) || MAYBE.test(names) || NEVER_ARTICLE.test(names)) continue;
    if (!isProseSection(el, prose, scope) && !isHeadSection(el, root, headline)) continue;
    el.classList.add(SHIELD_CLASS);
    out.push(el);
  }
  return out;
}
