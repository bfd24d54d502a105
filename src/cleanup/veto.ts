/**
 * Detector step 5 — vetoes: why a block may never be removed whatever its score. Never a block holding a real share
 * of the article (prose share, headline, article body, `<main>`), and never running prose the phrases do not explain.
 */
import type { ScoringContext } from './context';
import type { UpsellLine } from './lines';
import { ARTICLE_SHARE, MAX_UNEXPLAINED_PROSE, MAX_UNEXPLAINED_PROSE_OVERLAY } from './thresholds';

/** The article's flow: an element holding much of the page's prose with paragraphs among its own children. */
export function isArticleFlow(ctx: ScoringContext, el: Element): boolean {
  if (ctx.prose.share(el) <= ARTICLE_SHARE) return false;
  let paragraphs = 0;
  for (let c = el.firstElementChild; c && paragraphs < 2; c = c.nextElementSibling) if (ctx.prose.isParagraph(c)) paragraphs++;
  return paragraphs >= 2;
}

/** Why a block may never be removed, or null. */
export function vetoOf(ctx: ScoringContext, block: Element, overlay: boolean, lines: readonly UpsellLine[]): string | null {
  if (block === ctx.body || block.tagName === 'HTML' || ctx.holdsMain.has(block)) return 'page';
  if (ctx.prose.share(block) > ARTICLE_SHARE) return 'article-share';
  if (ctx.holdsArticleBody.has(block)) return 'article-body';
  if (!overlay && ctx.holdsHeadline.has(block)) return 'headline';
  // Running prose the phrases do not explain: a real share of some article.
  let inLines = 0;
  for (const l of lines) inLines += ctx.prose.of(l.element);
  const unexplained = Math.max(0, ctx.prose.of(block) - inLines);
  if (unexplained > (overlay ? MAX_UNEXPLAINED_PROSE_OVERLAY : MAX_UNEXPLAINED_PROSE)) return 'prose';
  return null;
}
