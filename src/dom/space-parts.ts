/**
 * Markup often glues a line's parts with no space: `<a>Angelique Chrisafis</a><span>in Paris</span>` reads
 * "Angelique Chrisafisin Paris". Insert a space where two adjacent pieces (at least one an element) touch letter to
 * letter. Used on bylines and other short metadata lines of the working copy.
 */
export function spaceAdjacentParts(el: Element): void {
  const doc = el.ownerDocument;
  const kids = Array.from(el.childNodes);
  for (let i = 1; i < kids.length; i++) {
    const prev = kids[i - 1]!;
    const next = kids[i]!;
    if (prev.nodeType !== 1 && next.nodeType !== 1) continue; // text next to text is one run
    const a = prev.textContent ?? '';
    const b = next.textContent ?? '';
    if (/[\p{L}\p{N}.,)]$/u.test(a) && /^[\p{L}\p{N}(]/u.test(b)) el.insertBefore(doc.createTextNode(' '), next);
  }
  for (const child of Array.from(el.children)) spaceAdjacentParts(child);
}
