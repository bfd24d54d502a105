/**
 * The extension point of cleaning: a `BlockStripper` looks at the working copy and returns the elements to remove,
 * each with a reason. Aggregator adapters and the generic upsell detector are strippers; the pipeline runs them in
 * order. Strippers only choose; `stripBlocks` removes and records, so nothing is removed without a record.
 */
import { INLINE } from '../dom/inline';
import { SKIP_TEXT } from '../dom/skip';

/** A block taken out of the page before reading, with the reason it was taken. */
export interface RemovedBlock {
  /** Short machine reason, e.g. `upsell:gate`, `aggregator:inkl:pitch`, `prune:nav`. */
  readonly reason: string;
  /** The first words of the block, as text (never HTML), with the spaces a reader sees between its blocks. */
  readonly text: string;
}

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
      removed.push({ reason, text: firstWords(readableText(element)) });
      element.remove();
    }
  }
  return removed;
}

/**
 * An element's text as a reader sees it: block-level children are separated by a space ("Most read" and "Storm
 * warning" stay two words instead of "Most readStorm warning"). Whitespace is collapsed.
 */
export function readableText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Element): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1) {
        const child = c as Element;
        const tag = child.tagName.toUpperCase();
        if (SKIP_TEXT.has(tag)) continue;
        const block = !INLINE.has(tag);
        if (block) parts.push(' ');
        walk(child);
        if (block) parts.push(' ');
      }
    }
  };
  walk(el);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function firstWords(text: string, max = 12): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > max ? `${words.slice(0, max).join(' ')}…` : words.join(' ');
}
