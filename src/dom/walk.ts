/** Walking the tree: every element in document order, depth, and document order between two nodes. */

/** Every element under `root` (not `root` itself), in document order, collected by a plain walk. */
export function allElements(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (el: Element): void => {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** Number of element ancestors. */
export function depth(el: Element): number {
  let d = 0;
  for (let p = el.parentElement; p; p = p.parentElement) d++;
  return d;
}

/** True when `b` follows `a` in document order (a descendant of `a` follows it too). */
export function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) /* DOCUMENT_POSITION_FOLLOWING */ !== 0;
}
