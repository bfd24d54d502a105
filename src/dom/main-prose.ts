import { allElements } from './walk';
import type { ProseMap } from './prose-map';

/**
 * The deepest element holding at least `share` of the page's prose (document order: a descendant comes after its
 * ancestors, so the last hit is the deepest). Null when the page has less than `minProse` characters of prose.
 */
export function deepestProseHolder(root: Element, prose: ProseMap, share: number, minProse = 0): Element | null {
  if (prose.total === 0 || prose.total < minProse) return null;
  let best: Element | null = null;
  for (const el of allElements(root)) if (prose.of(el) >= prose.total * share) best = el;
  return best;
}
