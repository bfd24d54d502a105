/**
 * Bylines whose parts touch without a space ("Angelique Chrisafisin Paris") get the space back (`spaceAdjacentParts`).
 * Runs on the working copy only.
 */
import { spaceAdjacentParts } from '../dom/space-parts';

const BYLINE = '[rel~="author"], [itemprop~="author"], [class*="byline" i], [class*="author" i], [id*="byline" i], [class*="contributor" i], address';

export function spaceBylineParts(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  for (const el of Array.from(body.querySelectorAll(BYLINE))) {
    if ((el.textContent ?? '').length > 300) continue; // not a byline: a whole author box or article
    spaceAdjacentParts(el);
  }
}
