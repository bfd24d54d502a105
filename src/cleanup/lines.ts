/**
 * Detector step 1 — lines: the smallest elements whose text matches a phrase (aggregators.md §4, in the page's
 * languages), when they read like a label or a pitch rather than running prose; and short share links.
 */
import { isLinkish } from '../dom/links';
import { countWords, normaliseText, textLengths } from '../dom/text';
import { allElements } from '../dom/walk';
import { matchShapes, phraseLanguagesOf, type PhraseShape } from './phrases';
import { isShareLink } from './signals';
import { LINE_MAX_WORDS } from './thresholds';

/** Elements that never hold a line of their own. */
export const NOT_LINES: ReadonlySet<string> = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'PATH', 'IMG', 'PICTURE', 'SOURCE', 'BR', 'HR', 'IFRAME', 'VIDEO',
  'AUDIO', 'TITLE', 'META', 'LINK', 'HTML', 'BODY', 'MAIN',
]);

/** One matched line: the tightest element whose text carries a phrase. */
export interface UpsellLine {
  readonly element: Element;
  readonly shapes: readonly PhraseShape[];
  /** Matched characters over the line's characters (0..1). */
  readonly coverage: number;
  readonly words: number;
}

/**
 * Find the lines under `root`: the smallest elements per shape whose normalised text matches a phrase (of the page's
 * languages, `phraseLanguagesOf`).
 */
export function findLines(
  root: Element,
  elements: readonly Element[] = allElements(root),
  langs: readonly string[] = phraseLanguagesOf(root.ownerDocument),
): UpsellLine[] {
  const lengths = textLengths(root);
  const below = new Map<Element, Set<PhraseShape>>();
  const lines: UpsellLine[] = [];
  // Nested elements often carry the same text (a card, its link, the link's span): match each text once.
  const matched = new Map<string, ReturnType<typeof matchShapes>>();
  for (let i = elements.length - 1; i >= 0; i--) {
    const el = elements[i]!;
    if (NOT_LINES.has(el.tagName.toUpperCase())) continue;
    const rawLength = lengths.get(el) ?? 0;
    if (rawLength === 0 || rawLength > 2000) continue; // empty, or a container far longer than a line
    if (isWrapperOfOne(el)) continue; // same text as its only child, which was tested already
    const text = normaliseText(el.textContent ?? '');
    if (!text || text.length > 400) continue;
    const already = below.get(el);
    let all = matched.get(text);
    if (!all) matched.set(text, (all = matchShapes(text, langs)));
    const matches = all.filter((m) => !already?.has(m.shape));
    if (matches.length === 0) continue;
    const words = countWords(text);
    const covered = Math.min(1, matches.reduce((n, m) => n + m.match.length, 0) / text.length);
    if (words > LINE_MAX_WORDS && covered < 0.35) continue; // a phrase inside running prose
    const shapes = matches.map((m) => m.shape);
    lines.push({ element: el, shapes, coverage: covered, words });
    markAncestors(below, el, shapes, root);
  }
  return lines.reverse();
}

/** Share links with a short label ("Share Ledger Lines", "Post to X") count as share lines. */
export function shareLinkLines(elements: readonly Element[]): UpsellLine[] {
  const out: UpsellLine[] = [];
  for (const el of elements) {
    if (!isLinkish(el) || !isShareLink(el)) continue;
    const text = normaliseText(el.textContent ?? '');
    const words = countWords(text);
    if (words === 0 || words > 6) continue;
    out.push({ element: el, shapes: ['share'], coverage: 1, words });
  }
  return out;
}

function isWrapperOfOne(el: Element): boolean {
  if (el.childElementCount !== 1) return false;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 && (n.nodeValue ?? '').trim()) return false;
  }
  return true;
}

function markAncestors(below: Map<Element, Set<PhraseShape>>, el: Element, shapes: readonly PhraseShape[], root: Element): void {
  for (let p: Element | null = el.parentElement; p; p = p.parentElement) {
    let set = below.get(p);
    if (!set) below.set(p, (set = new Set()));
    for (const s of shapes) set.add(s);
    if (p === root) break;
  }
}
