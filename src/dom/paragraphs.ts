import { normaliseText } from './text';

/** A paragraph of running text: a `<p>` of at least `minWords` words. */
function isParagraph(p: Element, minWords: number): boolean {
  return normaliseText(p.textContent ?? '').split(' ').length >= minWords;
}

/**
 * How many paragraphs of at least `minWords` words come before `marker` in document order (paragraphs inside it do
 * not count). With no marker, all of the page's paragraphs. Used to tell a preview (a gate after a few paragraphs)
 * from a full article that merely ends with a sign-up box.
 */
export function paragraphsBefore(doc: Document, marker: Element | null, minWords = 12): number {
  let n = 0;
  for (const p of Array.from(doc.getElementsByTagName('p'))) {
    if (marker && ((p.compareDocumentPosition(marker) & 4) === 0 || marker.contains(p))) break;
    if (isParagraph(p, minWords)) n++;
  }
  return n;
}
