/**
 * The extraction pipeline: a pure function over a Document and its URL, identical in the page and in Node (jsdom).
 *
 *   clone (+ open shadow roots) → lazy images → aggregator adapter → prune → strip upsells → Readability
 *   → embeds to links, one caption per figure → DOMPurify → metadata
 *
 * The page's own document is never modified: every stage works on the clone.
 */
import type { AggregatorAdapter } from '../aggregators/adapter';
import { findAdapter } from '../aggregators/registry';
import { shieldArticleParts } from '../cleanup/article-guard';
import { stripBlocks, type BlockStripper } from '../cleanup/block-stripper';
import { genericUpsellStripper } from '../cleanup/detector';
import { visibleHeadlineText } from '../dom/headline';
import { adapterStrippers } from './adapter-strippers';
import { findBodyRoot, markAdapterBody } from './body-root';
import { chooseByline, visibleCredits } from './byline';
import { findPublisher } from './publisher';
import { chooseTitle, headlineText } from './title';
import { spaceBylineParts } from './byline-spacing';
import { cloneWithShadowRoots } from './clone-with-shadow-roots';
import { dropOwnElements, isXmlDocument, mainRegionCopy, MAX_ELEMENTS } from './budget';
import { embedsToLinks } from './embeds-to-links';
import { dedupeFigureCaptions } from './figures';
import { dropRepeatedHeader } from './dedupe-header';
import { findLeadFigure, restoreLeadCaption } from './lead-figure';
import { promoteLazyImages } from './lazy-images';
import {
  findDir, findLang, findLeadImage, findPublishedTime, findSiteName, metaContent,
} from './metadata';
import { pruneNonContent } from './prune';
import { readingStats } from './reading-time';
import { runReadability } from './readability';
import { sanitizedCopy, sanitizeInPlace } from './sanitize';
import type { Article, ExtractResult, RemovedBlock, Verdict } from './types';
import { baseUrlOf } from './resolve-url';

export type { Article, ExtractResult, PageKind, RemovedBlock, StubPage, Verdict } from './types';

export interface ExtractOptions {
  /** Skip upsell stripping and aggregator chrome removal ("show uncleaned"). Default true. */
  readonly clean?: boolean;
  /** Override adapter detection (tests, benchmarks). `null` forces "no aggregator". */
  readonly adapter?: AggregatorAdapter | null;
  /** Extra strippers run after the adapter's and the generic detector's. */
  readonly strippers?: readonly BlockStripper[];
  /** The window whose DOMPurify instance sanitises; defaults to `doc.defaultView`. */
  readonly window?: Window & typeof globalThis;
  /**
   * After a single-page app moved to another article, the <head> may still describe the previous one:
   * prefer the article's visible headline when the metadata title does not appear on the page.
   */
  readonly preferHeadline?: boolean;
  /** When given, filled with milliseconds per stage (benchmarks and diagnostics). */
  readonly timings?: Record<string, number>;
  /** Element budget (default `MAX_ELEMENTS`): a bigger page is narrowed to its main region or refused as too large. */
  readonly maxElements?: number;
  /** Return the extraction as an article even when the page verdict says "not an article" (CLI `--force`). */
  readonly force?: boolean;
}

const MIN_WORDS = 50;

export function extractArticle(doc: Document, url: string, opts: ExtractOptions = {}): ExtractResult {
  const win = opts.window ?? (doc.defaultView as (Window & typeof globalThis) | null);
  if (!win) throw new Error('extractArticle needs a window for sanitising (pass opts.window)');
  if (!doc.documentElement || !doc.body || isXmlDocument(doc)) return { kind: 'empty', url, reason: 'not-html', removed: [] };

  const timings = opts.timings;
  let last = timings ? performance.now() : 0;
  const lap = timings
    ? (stage: string) => {
        const now = performance.now();
        timings[stage] = (timings[stage] ?? 0) + (now - last);
        last = now;
      }
    : () => undefined;

  const maxElements = opts.maxElements ?? MAX_ELEMENTS;
  lap('start');
  const work = doc.getElementsByTagName('*').length > maxElements ? mainRegionCopy(doc, maxElements) : cloneWithShadowRoots(doc);
  if (!work) return { kind: 'empty', url, reason: 'too-large', removed: [] };
  dropOwnElements(work);
  lap('clone');
  promoteLazyImages(work, url);
  lap('lazy-images');

  const adapter = opts.adapter === undefined ? findAdapter(work, url) : opts.adapter;
  lap('adapter');
  if (adapter?.stubDestination) {
    const destination = adapter.stubDestination(work, url);
    if (destination) {
      return { kind: 'stub', stub: { url, aggregator: adapter.id, via: adapter.label, destination, title: metaContent(work, 'og:title') ?? (work.title || null) } };
    }
  }
  // Facts the chrome carries (publisher label, "read more at" link) are read before the chrome goes.
  const publisher = adapter ? findPublisher(work, url, adapter) : null;
  const sourceUrl = adapter?.sourceUrl?.(work, url) ?? null;
  const adapterTeaser = adapter?.isTeaser?.(work) ?? false;

  pruneNonContent(work);
  lap('prune');
  spaceBylineParts(work);
  lap('byline');

  const clean = opts.clean ?? true;
  const removed: RemovedBlock[] = [];
  if (clean) {
    if (adapter) markAdapterBody(work, adapter);
    const strippers: BlockStripper[] = [
      ...(adapter ? adapterStrippers(adapter) : []),
      genericUpsellStripper,
      ...(opts.strippers ?? []),
    ];
    removed.push(...stripBlocks(work, { url }, strippers));
    if (adapter) findBodyRoot(work, adapter);
  }
  // Readability drops article sections whose id/class looks unlikely ("related-work", "entry-header"): mark them.
  shieldArticleParts(work);
  lap('strip');
  const leadFigure = findLeadFigure(work, url, findLeadImage(work, url)); // before Readability drops the hero

  const headline = opts.preferHeadline ? visibleHeadlineText(work) : null;
  const credits = visibleCredits(work, adapter?.bylineHint?.(work) ?? null);
  const pageHeadline = headlineText(work);
  const parsed = runReadability(work);
  lap('readability');
  const contentEl = parsed?.contentElement ?? null;
  if (!parsed || !contentEl) return { kind: 'empty', url, reason: 'no-content', removed };

  const base = baseUrlOf(doc, url);
  embedsToLinks(contentEl, base);
  dedupeFigureCaptions(contentEl);
  const title = chooseTitle(work, parsed.title, pageHeadline, doc, headline);
  const byline = chooseByline(credits, parsed.byline);
  dropRepeatedHeader(contentEl, title, byline, findPublishedTime(work, parsed.publishedTime), findLang(work, parsed.lang));
  restoreLeadCaption(contentEl, leadFigure);
  lap('post');
  sanitizeInPlace(contentEl, win);
  lap('sanitize');

  const textContent = (contentEl.textContent ?? '').replace(/[ \t\u00a0]+/g, ' ').replace(/\n\s*\n+/g, '\n\n').trim();
  const lang = findLang(work, parsed.lang);
  const { wordCount, readingTimeMinutes } = readingStats(textContent, lang);
  const readable = looksLikeArticle(contentEl, wordCount, parsed.probablyReaderable);
  const verdict: Verdict = { readable, kind: readable ? 'article' : 'unknown', signals: [`words:${wordCount}`] };
  lap('verdict');
  if (!readable && wordCount === 0) return { kind: 'empty', url, reason: 'no-content', removed, verdict };

  const gateRemoved = removed.some((r) => r.reason.endsWith(':gate'));
  const article: Article = {
    url,
    title,
    byline,
    siteName: publisher ?? findSiteName(work, url, parsed.siteName),
    publishedTime: findPublishedTime(work, parsed.publishedTime),
    lang,
    dir: findDir(work, parsed.dir, lang, textContent),
    excerpt: findExcerpt(work, contentEl, parsed.excerpt, byline),
    content: contentEl.innerHTML,
    textContent,
    wordCount,
    readingTimeMinutes,
    leadImage: findLeadImage(work, url),
    aggregator: adapter?.id ?? null,
    via: adapter?.label ?? null,
    publisher,
    sourceUrl,
    teaser: adapterTeaser || (gateRemoved && wordCount < 400),
    removed,
    leadFigure,
  };
  lap('metadata');
  // What reaches the overlay is a fresh copy of the sanitised tree, parsed (inert) from its HTML and sanitised
  // again: never the working copy's own nodes. Those may carry what sanitising in place does not see or undo: a
  // clonable shadow root the clone copied along, or (Chromium's isolated world) a handler the page's world compiled
  // for an attribute that was removed since. (tests/e2e/hardening-xss.e2e.ts, tests/hardening/inert-invariant.test.ts)
  const body = sanitizedCopy(article.content, win);
  lap('copy');
  if (!readable && !opts.force) {
    return { kind: 'empty', url, reason: wordCount < MIN_WORDS ? 'no-content' : 'not-an-article', removed, verdict, anyway: { article, body } };
  }
  return { kind: 'article', article, body, verdict };
}

/** The page's description, else the first real paragraph of the cleaned body (never the byline line). */
function findExcerpt(doc: Document, content: Element, readabilityExcerpt: string | null, byline: string | null): string | null {
  const described = metaContent(doc, 'description', 'og:description', 'twitter:description');
  if (described) return described;
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const first = Array.from(content.querySelectorAll('p')).map((p) => norm(p.textContent)).find((t) => t.length >= 80);
  const fromReadability = norm(readabilityExcerpt);
  if (first) return first.length > 300 ? `${first.slice(0, 297).trimEnd()}…` : first;
  return fromReadability && (!byline || !fromReadability.endsWith(byline)) ? fromReadability : null;
}

/** Short or link-heavy results are not articles (a login form, a shop listing, a search page). */
function looksLikeArticle(content: Element, wordCount: number, probablyReaderable: boolean): boolean {
  if (wordCount < MIN_WORDS) return false;
  const text = (content.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  const linkText = Array.from(content.querySelectorAll('a')).reduce((n, a) => n + (a.textContent ?? '').replace(/\s+/g, ' ').trim().length, 0);
  if (text > 0 && linkText / text > 0.5) return false;
  // Prose: a paragraph of running sentences that is mostly not links. Short news items (60–100 words) qualify;
  // form labels, product tiles and result snippets do not.
  const prose = Array.from(content.querySelectorAll('p, blockquote, li')).filter((p) => {
    const t = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    const links = Array.from(p.querySelectorAll('a')).reduce((n, a) => n + (a.textContent ?? '').length, 0);
    return t.split(' ').length >= 15 && /[.!?\u3002\u061f\u0964]["\u201d\u2019)]?(\s|$)/.test(t) && links / Math.max(1, t.length) < 0.3;
  }).length;
  if (prose >= 2 || (prose >= 1 && (probablyReaderable || wordCount >= 50))) return true;
  return wordCount >= 250 && probablyReaderable;
}
