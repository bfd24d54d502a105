import { collapsedLength } from './text';
import { INLINE } from './inline';
import { isLinkish } from './links';
import { SKIP_TEXT } from './skip';

/**
 * How much running prose each element holds: text in "paragraph" elements (an element whose own text nodes, outside
 * links, reach 80 characters), summed up the tree. The article is the element holding most of it; chrome holds little.
 * Built in one recursive walk (no selector matching per node: this runs on large pages).
 */
export class ProseMap {
  readonly total: number;
  private readonly byElement = new Map<Element, number>();
  /** Paragraphs: elements whose own text (outside links and inline children's blocks) reaches 80 characters. */
  private readonly paragraphs = new Set<Element>();

  constructor(readonly root: Element) {
    const own = new Map<Element, number>();
    const walk = (el: Element, block: Element, inLink: boolean): void => {
      for (let n = el.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) {
          if (inLink) continue;
          const len = collapsedLength(n.nodeValue ?? '');
          if (len > 0) own.set(block, (own.get(block) ?? 0) + len);
        } else if (n.nodeType === 1) {
          const child = n as Element;
          if (SKIP_TEXT.has(child.tagName.toUpperCase())) continue;
          walk(child, INLINE.has(child.tagName.toUpperCase()) ? block : child, inLink || isLinkish(child));
        }
      }
    };
    walk(root, root, isLinkish(root));
    let total = 0;
    for (const [block, len] of own) {
      if (len < 80) continue;
      this.paragraphs.add(block);
      total += len;
      for (let e: Element | null = block; e; e = e.parentElement) {
        this.byElement.set(e, (this.byElement.get(e) ?? 0) + len);
        if (e === root) break;
      }
    }
    this.total = total;
  }

  /** Prose characters inside `el`. */
  of(el: Element): number {
    return this.byElement.get(el) ?? 0;
  }

  /** True when `el` is itself a paragraph of prose (its own running text reaches 80 characters). */
  isParagraph(el: Element): boolean {
    return this.paragraphs.has(el);
  }

  /** Share of the page's prose inside `el` (0 when the page has no prose). */
  share(el: Element): number {
    return this.total > 0 ? this.of(el) / this.total : 0;
  }
}
