/**
 * Markup often glues a byline's parts with no space: `<a>Angelique Chrisafis</a><span>in Paris</span>` reads
 * "Angelique Chrisafisin Paris". Where an author/byline element has adjacent inline pieces whose text touches
 * without whitespace, insert a space between them. Runs on the working copy only.
 */
const BYLINE = '[rel~="author"], [itemprop~="author"], [class*="byline" i], [class*="author" i], [id*="byline" i], [class*="contributor" i], address';

export function spaceBylineParts(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  for (const el of Array.from(body.querySelectorAll(BYLINE))) {
    if ((el.textContent ?? '').length > 300) continue; // not a byline: a whole author box or article
    spaceAdjacentParts(doc, el);
  }
}

function spaceAdjacentParts(doc: Document, el: Element): void {
  const kids = Array.from(el.childNodes);
  for (let i = 1; i < kids.length; i++) {
    const prev = kids[i - 1]!;
    const next = kids[i]!;
    if (prev.nodeType !== 1 && next.nodeType !== 1) continue; // text next to text is one run
    const a = prev.textContent ?? '';
    const b = next.textContent ?? '';
    if (/[\p{L}\p{N}.,)]$/u.test(a) && /^[\p{L}\p{N}(]/u.test(b)) el.insertBefore(doc.createTextNode(' '), next);
  }
  for (const child of Array.from(el.children)) spaceAdjacentParts(doc, child);
}
