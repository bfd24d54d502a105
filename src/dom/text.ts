/**
 * Text as the detector, the adapters and the pipeline measure it: normalised (whitespace collapsed, curly quotes
 * folded), its collapsed length, word counts (CJK by characters), and raw text lengths per element in one walk.
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
