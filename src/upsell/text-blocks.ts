/**
 * Text as blocks: normalised text, prose measurement, and the "smallest block whose text matches" search that
 * adapters' text rules and the generic upsell detector share. Pure functions over a Document; no styles, no layout.
 */

/** Collapse whitespace (NBSP and zero-width included), fold curly quotes and apostrophes. */
export function normaliseText(s: string): string {
  return s
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u02bc\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\s\u00a0\u202f\u2007]+/g, ' ')
    .trim();
}

export function countWords(text: string): number {
  const t = text.trim();
  if (!t) return 0;
  // Scripts without spaces (CJK, Thai) count roughly two characters per word.
  const cjk = (t.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]/g) ?? []).length;
  const spaced = t.replace(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]/g, ' ').split(/\s+/).filter(Boolean).length;
  return spaced + Math.ceil(cjk / 2);
}

/** Normalised text of an element. */
export function textOf(el: Element): string {
  return normaliseText(el.textContent ?? '');
}

const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const LINKISH = 'a, button, [role="button"], [role="link"]';

/**
 * How much running prose each element holds: text in "paragraph" elements (an element whose own text nodes, outside
 * links, reach 80 characters), summed up the tree. The article is the element holding most of it; chrome holds little.
 */
export class ProseMap {
  readonly total: number;
  private readonly byElement = new Map<Element, number>();

  constructor(readonly root: Element) {
    const own = new Map<Element, number>();
    const doc = root.ownerDocument;
    const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || SKIP_TEXT.has(parent.tagName)) continue;
      const len = (n.nodeValue ?? '').replace(/\s+/g, ' ').trim().length;
      if (len === 0 || parent.closest(LINKISH)) continue;
      const block = blockOf(parent);
      own.set(block, (own.get(block) ?? 0) + len);
    }
    let total = 0;
    for (const [block, len] of own) {
      if (len < 80) continue;
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

  /** Share of the page's prose inside `el` (0 when the page has no prose). */
  share(el: Element): number {
    return this.total > 0 ? this.of(el) / this.total : 0;
  }
}

const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BR', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S',
  'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'LABEL',
]);

/** The nearest ancestor-or-self that is not an inline element: the paragraph a text node belongs to. */
export function blockOf(el: Element): Element {
  let e: Element = el;
  while (INLINE.has(e.tagName) && e.parentElement) e = e.parentElement;
  return e;
}

/** Ratio of link/button text to all text in `el` (0..1). */
export function linkDensity(el: Element): number {
  const total = textOf(el).length;
  if (total === 0) return 0;
  if (el.matches(LINKISH)) return 1;
  let links = 0;
  for (const a of Array.from(el.querySelectorAll(LINKISH))) {
    const outer = a.parentElement?.closest(LINKISH);
    if (outer && el.contains(outer)) continue; // counted with its outer link
    links += textOf(a).length;
  }
  return Math.min(1, links / total);
}

export interface BlockSearchOptions {
  /** Longest normalised text considered a "line" (default 300 characters). */
  readonly maxLength?: number;
  /** Root to search under (default `doc.body`). */
  readonly root?: Element;
}

/** Elements that never hold a line of text of their own. */
const NOT_LINES = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'PATH', 'IMG', 'PICTURE', 'SOURCE', 'BR', 'HR', 'IFRAME', 'VIDEO', 'AUDIO', 'TITLE', 'META', 'LINK', 'HEAD', 'HTML', 'BODY']);

/**
 * The smallest elements whose whole normalised text matches `pattern` (anchor it with ^…$ for exact lines).
 * An element is left out when one of its descendants already matches, so a match is reported once, at its tightest.
 */
export function smallestBlocksMatching(doc: Document, pattern: RegExp, opts: BlockSearchOptions = {}): Element[] {
  const root = opts.root ?? doc.body;
  if (!root) return [];
  const max = opts.maxLength ?? 300;
  const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  const matched: Element[] = [];
  const hasMatchedDescendant = new Set<Element>();
  // Document order visits parents before children; walk in reverse so children are decided first.
  const all = Array.from(root.querySelectorAll('*')).filter((e) => !NOT_LINES.has(e.tagName.toUpperCase()));
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    if (hasMatchedDescendant.has(el)) continue;
    const raw = el.textContent ?? '';
    if (raw.length > max * 4) continue;
    const t = normaliseText(raw);
    if (!t || t.length > max || !re.test(t)) continue;
    matched.push(el);
    for (let p = el.parentElement; p && !hasMatchedDescendant.has(p); p = p.parentElement) {
      hasMatchedDescendant.add(p);
      if (p === root) break;
    }
  }
  return matched.reverse();
}

/** Headings and heading-like lines: what a rail or a gate starts with. */
export function isHeadingLike(el: Element): boolean {
  return /^H[1-6]$/.test(el.tagName) || el.getAttribute('role') === 'heading';
}
