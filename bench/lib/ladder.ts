/**
 * Diagnosis for pages where Unwrap loses text: re-run the pipeline one stage at a time, with the product's own
 * stage functions, and score each rung against the ground truth. The first rung whose recall falls is the stage
 * that dropped the text.
 *
 *   plain       Readability defaults on the page (the baseline)
 *   options     + Unwrap's Readability options (charThreshold 250, keepClasses false) on the shadow-aware clone
 *   prune       + lazy images, byline spacing and pruneNonContent before Readability
 *   strip       + the adapter's and the generic upsell strippers (what `clean: true` adds before Readability)
 *   pipeline    the full extractArticle(clean: true) text (+ embeds, figures, DOMPurify, the article/empty verdict)
 */
import { Readability } from '@mozilla/readability';
import { cloneWithShadowRoots } from '../../src/extract/clone-with-shadow-roots';
import { promoteLazyImages } from '../../src/extract/lazy-images';
import { spaceBylineParts } from '../../src/extract/byline-spacing';
import { pruneNonContent } from '../../src/extract/prune';
import { runReadability } from '../../src/extract/readability';
import { stripBlocks, type BlockStripper } from '../../src/cleanup/block-stripper';
import { findAdapter } from '../../src/aggregators/registry';
import { adapterStrippers } from '../../src/extract/adapter-strippers';
import { findBodyRoot } from '../../src/extract/body-root';
import { genericUpsellStripper } from '../../src/cleanup/detector';
import { extractArticle } from '../../src/extract/index';
import { parse } from './systems';
import { precisionScore, recallScore, scoreDoc } from './metric';

export const RUNGS = ['plain', 'options', 'prune', 'strip', 'pipeline'] as const;
export type Rung = (typeof RUNGS)[number];

export interface RungScore {
  readonly rung: Rung;
  readonly precision: number;
  readonly recall: number;
  readonly words: number;
  readonly note?: string;
}

function words(t: string): number {
  return (t.match(/[\p{L}\p{N}_]+/gu) ?? []).length;
}

function textOfRung(rung: Rung, html: string, url: string): { text: string; note?: string } {
  const dom = parse(html, url);
  const doc = dom.window.document;
  try {
    if (rung === 'plain') return { text: new Readability(doc).parse()?.textContent ?? '' };
    if (rung === 'pipeline') {
      const r = extractArticle(doc, url, { window: dom.window as unknown as Window & typeof globalThis });
      if (r.kind === 'article') return { text: r.article.textContent };
      return { text: '', note: r.kind === 'empty' ? `empty: ${r.reason}` : 'stub' };
    }
    const work = cloneWithShadowRoots(doc);
    let note: string | undefined;
    if (rung !== 'options') {
      promoteLazyImages(work, url);
      spaceBylineParts(work);
      pruneNonContent(work);
    }
    if (rung === 'strip') {
      const adapter = findAdapter(work, url);
      const strippers: BlockStripper[] = [...(adapter ? adapterStrippers(adapter) : []), genericUpsellStripper];
      const removed = stripBlocks(work, { url }, strippers);
      if (adapter) findBodyRoot(work, adapter);
      note = removed.length ? `${removed.length} removed` : undefined;
    }
    return { text: runReadability(work)?.textContent ?? '', note };
  } finally {
    dom.window.close();
  }
}

export function ladder(html: string, url: string, truth: string): RungScore[] {
  return RUNGS.map((rung) => {
    try {
      const { text, note } = textOfRung(rung, html, url);
      const d = scoreDoc(truth, text);
      return { rung, precision: precisionScore(d), recall: recallScore(d), words: words(text), note };
    } catch (err) {
      return { rung, precision: Number.NaN, recall: Number.NaN, words: 0, note: `threw: ${(err as Error).message}` };
    }
  });
}

/** The stage to blame: the first rung after `plain` whose recall falls by more than `drop` below the rung before it. */
export function blame(rungs: readonly RungScore[], drop = 0.02): Rung | null {
  let worst: { rung: Rung; d: number } | null = null;
  for (let i = 1; i < rungs.length; i++) {
    const d = rungs[i - 1]!.recall - rungs[i]!.recall;
    if (d > drop && (!worst || d > worst.d)) worst = { rung: rungs[i]!.rung, d };
  }
  return worst?.rung ?? null;
}
