/**
 * Detector step 3 — block growth: a line climbs to the largest ancestor that adds almost no text of its own (outside
 * links and other matched lines) and holds at most ~40 % of the page's prose. Adapters' text rules grow the same way,
 * so the article is never reached.
 */
import { createScoringContext, isArticleBody, type ScoringContext } from './context';
import { ARTICLE_SHARE, CLIMB_FREE_TEXT, CLIMB_FREE_TEXT_LINKY } from './thresholds';

const free = (ctx: ScoringContext, el: Element): number => ctx.freeText.get(el) ?? 0;

/** May the block grow from `current` to its parent `parent`? */
function canClimb(ctx: ScoringContext, current: Element, parent: Element): boolean {
  if (parent === ctx.body || parent.tagName === 'HTML' || parent.tagName === 'MAIN') return false;
  if (parent.getAttribute('role') === 'main') return false;
  if (ctx.prose.share(parent) > ARTICLE_SHARE) return false;
  if (ctx.holdsCore.has(parent) && !ctx.holdsCore.has(current)) return false;
  if (isArticleBody(parent)) return false;
  if (absorbsByline(ctx, current, parent)) return false;
  const added = free(ctx, parent) - free(ctx, current);
  if (added <= CLIMB_FREE_TEXT) return true;
  const addedProse = ctx.prose.of(parent) - ctx.prose.of(current);
  return added <= CLIMB_FREE_TEXT_LINKY && addedProse <= 160 && ctx.density(parent) >= 0.5;
}

/**
 * Would growing to `parent` take in the article's byline or date (outside links)? One such element is the article's
 * own metadata line; several, in a block of links, are the dates of a list of story cards.
 */
function absorbsByline(ctx: ScoringContext, current: Element, parent: Element): boolean {
  let found = 0;
  for (const el of ctx.bylines) {
    if (parent.contains(el) && !current.contains(el)) found++;
  }
  if (found === 0) return false;
  return found === 1 || ctx.density(parent) < 0.5;
}

/** The block a line belongs to: the highest ancestor it can climb to. */
export function blockForLine(ctx: ScoringContext, line: Element): Element {
  let block = line;
  for (let p = line.parentElement; p && canClimb(ctx, block, p); p = p.parentElement) block = p;
  return block;
}

/**
 * Grow each known chrome line (an adapter's text-rule match) to its widget: the heading with its cards, the pitch
 * with its button.
 */
export function growToBlocks(doc: Document, lines: readonly Element[]): Element[] {
  if (lines.length === 0) return [];
  const ctx = createScoringContext(doc, lines);
  if (!ctx) return [...lines];
  return lines.map((l) => blockForLine(ctx, l));
}
