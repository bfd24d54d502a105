/**
 * Stage 4: take upsell and aggregator chrome out of the working copy, recording every block with its reason.
 *
 * Extension point: a `BlockStripper` looks at the working copy and returns the elements to remove, each with a
 * reason. Aggregator adapters and the generic upsell detector are strippers; the pipeline runs them in order.
 * Strippers only choose; this module removes and records, so nothing is removed without a record.
 */
import type { RemovedBlock } from './types';

export interface StripContext {
  readonly url: string;
}

export interface BlockToRemove {
  readonly element: Element;
  readonly reason: string;
}

export interface BlockStripper {
  readonly id: string;
  find(doc: Document, ctx: StripContext): readonly BlockToRemove[];
}

export function stripBlocks(doc: Document, ctx: StripContext, strippers: readonly BlockStripper[]): RemovedBlock[] {
  const removed: RemovedBlock[] = [];
  for (const stripper of strippers) {
    for (const { element, reason } of stripper.find(doc, ctx)) {
      if (!element.isConnected) continue; // inside a block removed already
      removed.push({ reason, text: firstWords(element.textContent ?? '') });
      element.remove();
    }
  }
  return removed;
}

export function firstWords(text: string, max = 12): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > max ? `${words.slice(0, max).join(' ')}…` : words.join(' ');
}
