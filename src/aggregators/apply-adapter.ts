/** Turn an adapter's declarative rules into strippers, and narrow the working copy to its body root. */
import type { BlockStripper, BlockToRemove } from '../extract/strip-upsells';
import type { AggregatorAdapter } from './adapter';
import { smallestBlocksMatching } from '../upsell/text-blocks';

export function adapterStrippers(adapter: AggregatorAdapter): BlockStripper[] {
  return [
    {
      id: `aggregator:${adapter.id}`,
      find(doc) {
        const out: BlockToRemove[] = [];
        for (const rule of adapter.strip ?? []) {
          for (const el of Array.from(doc.querySelectorAll(rule.selector))) {
            out.push({ element: el, reason: `aggregator:${adapter.id}:${rule.reason}` });
          }
        }
        for (const rule of adapter.stripText ?? []) {
          for (const el of smallestBlocksMatching(doc, rule.pattern)) {
            out.push({ element: el, reason: `aggregator:${adapter.id}:${rule.reason}` });
          }
        }
        return out;
      },
    },
  ];
}

/**
 * When the adapter knows where the body lives, keep the title/byline context but drop siblings that are
 * not on the path to the root: Readability then scores only the article. Never narrows to a near-empty root.
 */
export function findBodyRoot(doc: Document, adapter: AggregatorAdapter): Element | null {
  for (const sel of adapter.bodyRoot ?? []) {
    const root = doc.querySelector(sel);
    if (root && (root.textContent ?? '').trim().length > 400) return root;
  }
  return null;
}
