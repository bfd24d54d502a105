/**
 * The "smallest block whose text matches" search that adapters' text rules and the generic detector share: every
 * element whose text is a plausible line, and the tightest of those a pattern matches.
 */
import { normaliseText, textLengths } from './text';

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
