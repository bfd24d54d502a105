/**
 * The generic upsell detector (aggregators.md §5): scores blocks, never the page. The steps, one file each:
 *
 *  1. `lines.ts`   — the smallest elements whose text matches a phrase of the page's languages;
 *  2. `context.ts` — prose map, free text and link text per element, selector seeds, landmarks (once per page);
 *  3. `climb.ts`   — each line grows to its widget, never into the article;
 *  4. `score.ts`   — the signals, added up;
 *  5. `veto.ts`    — what may never be removed.
 *
 * Thresholds live in `thresholds.ts`. Every removal carries the reason `upsell:<shape>`. Pure over the document: no
 * computed styles, no layout, so it runs the same in the page and in jsdom.
 */
import type { BlockStripper, BlockToRemove } from './block-stripper';
import { blockForLine } from './climb';
import { createScoringContext } from './context';
import { NOT_LINES } from './lines';
import { scoreBlock, type BlockScore } from './score';
import { tokenSignal } from './signals';
import { REMOVE_THRESHOLD } from './thresholds';
import { depth } from '../dom/walk';

export interface UpsellBlock {
  readonly element: Element;
  readonly score: BlockScore;
}

/** Every candidate block with its score, outermost first. */
export function scoreCandidates(doc: Document): UpsellBlock[] {
  const ctx = createScoringContext(doc);
  if (!ctx) return [];
  const blocks = new Set<Element>();
  for (const l of ctx.lines) blocks.add(blockForLine(ctx, l.element));
  for (const el of ctx.seeds.keys()) blocks.add(el);
  for (const el of ctx.elements) {
    if (!NOT_LINES.has(el.tagName.toUpperCase()) && tokenSignal(el, ctx.memo).strong) blocks.add(el);
  }
  const out = Array.from(blocks, (element) => ({ element, score: scoreBlock(ctx, element) }));
  out.sort((a, b) => depth(a.element) - depth(b.element));
  return out;
}

/** The blocks the generic detector removes, outermost first, each with its `upsell:<shape>` reason. */
export function findUpsellBlocks(doc: Document): BlockToRemove[] {
  const out: BlockToRemove[] = [];
  const chosen: Element[] = [];
  for (const { element, score } of scoreCandidates(doc)) {
    if (score.veto || score.score < REMOVE_THRESHOLD) continue;
    if (!element.textContent?.trim()) continue; // nothing a reader would see
    if (chosen.some((c) => c.contains(element))) continue;
    chosen.push(element);
    out.push({ element, reason: `upsell:${score.shape}` });
  }
  return out;
}

export const genericUpsellStripper: BlockStripper = {
  id: 'upsell',
  find: (doc) => findUpsellBlocks(doc),
};
