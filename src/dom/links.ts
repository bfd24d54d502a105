/** Links and buttons: whose text is a control's label, and how much of an element's text is such labels. */
import { collapsedLength, textOf } from './text';
import { SKIP_TEXT } from './skip';

/** A link or a button: its text is a control's label, not running prose. */
export function isLinkish(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'A' || tag === 'BUTTON') return true;
  const role = el.getAttribute('role');
  return role === 'button' || role === 'link';
}

/** Ratio of link/button text to all text in `el` (0..1), by normalised characters. */
export function linkDensity(el: Element): number {
  if (isLinkish(el)) return textOf(el).length > 0 ? 1 : 0;
  let all = 0;
  let links = 0;
  const walk = (e: Element, inLink: boolean): void => {
    for (let c = e.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const len = collapsedLength(c.nodeValue ?? '');
        all += len;
        if (inLink) links += len;
      } else if (c.nodeType === 1) {
        const child = c as Element;
        if (SKIP_TEXT.has(child.tagName.toUpperCase())) continue;
        walk(child, inLink || isLinkish(child));
      }
    }
  };
  walk(el, false);
  return all > 0 ? Math.min(1, links / all) : 0;
}
