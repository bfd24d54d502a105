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

/**
 * `s.replace(/\s+/g, ' ').trim().length`, without the replacement in the common case (text with single spaces
 * only): the detector measures every text node of the page this way, several times.
 */
export function collapsedLength(s: string): number {
  const t = s.trim();
  return NEEDS_COLLAPSE.test(t) ? t.replace(/\s+/g, ' ').length : t.length;
}

/** Whitespace other than a single space: a run of two, or a tab, newline, NBSP… */
const NEEDS_COLLAPSE = /\s\s|[^\S ]/;

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

/** A link or a button: its text is a control's label, not running prose. */
export function isLinkish(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'A' || tag === 'BUTTON') return true;
  const role = el.getAttribute('role');
  return role === 'button' || role === 'link';
}

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

/**
 * Raw text length of every element under `root` (whitespace included), in one walk: lets callers skip big containers
 * before paying for `textContent`.
 */
export function textLengths(root: Element): Map<Element, number> {
  const out = new Map<Element, number>();
  const walk = (el: Element): number => {
    let n = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) n += (c.nodeValue ?? '').length;
      else if (c.nodeType === 1) n += walk(c as Element);
    }
    out.set(el, n);
    return n;
  };
  walk(root);
  return out;
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

export interface BlockSearchOptions {
  /** Longest normalised text considered a "line" (default 300 characters). */
  readonly maxLength?: number;
  /** Root to search under (default `doc.body`). */
  readonly root?: Element;
}

/** Elements that never hold a line of text of their own. */
const NOT_LINES = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'PATH', 'IMG', 'PICTURE', 'SOURCE', 'BR', 'HR', 'IFRAME', 'VIDEO', 'AUDIO', 'TITLE', 'META', 'LINK', 'HEAD', 'HTML', 'BODY']);

/** A candidate line: an element and its normalised text. */
export interface TextLine {
  readonly element: Element;
  readonly text: string;
}

/**
 * Every element under `root` whose text is a plausible line (non-empty, at most `maxLength` normalised characters),
 * in document order. Build it once and match many patterns against it with `smallestMatching`.
 */
export function textLines(root: Element, maxLength = 300): TextLine[] {
  const lengths = textLengths(root);
  const out: TextLine[] = [];
  const walk = (el: Element): void => {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      const raw = lengths.get(c) ?? 0;
      if (raw > 0 && !NOT_LINES.has(c.tagName.toUpperCase())) {
        if (raw <= maxLength * 4) {
          const text = normaliseText(c.textContent ?? '');
          if (text && text.length <= maxLength) out.push({ element: c, text });
        }
        walk(c);
      }
    }
  };
  walk(root);
  return out;
}

/** The smallest lines whose whole text matches `pattern`: a line is dropped when a line inside it matches too. */
export function smallestMatching(lines: readonly TextLine[], pattern: RegExp): Element[] {
  const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  const hits = lines.filter((l) => re.test(l.text)).map((l) => l.element);
  const hitSet = new Set(hits);
  return hits.filter((el) => {
    for (const other of hitSet) if (other !== el && el.contains(other)) return false;
    return true;
  });
}

/**
 * The smallest elements whose whole normalised text matches `pattern` (anchor it with ^…$ for exact lines).
 * An element is left out when one of its descendants already matches, so a match is reported once, at its tightest.
 */
export function smallestBlocksMatching(doc: Document, pattern: RegExp, opts: BlockSearchOptions = {}): Element[] {
  const root = opts.root ?? doc.body;
  if (!root) return [];
  return smallestMatching(textLines(root, opts.maxLength ?? 300), pattern);
}
