/**
 * Small readers of page facts shared by adapters: the first short text behind a list of selectors, a string from the
 * JSON a page embeds in a script, the short label printed just above the headline. Read-only; never fetches.
 */
import { headlineOf } from '../dom/headline';
import { normaliseText } from '../dom/text';

export { scriptString } from '../dom/json-in-script';

/** Text of the first element matching one of `selectors` (in order) that is non-empty and at most `max` characters. */
export function firstText(doc: Document, selectors: readonly string[], max = 80): string | null {
  for (const sel of selectors) {
    let els: Element[];
    try {
      els = Array.from(doc.querySelectorAll(sel));
    } catch {
      continue; // unsupported selector in this DOM implementation
    }
    for (const el of els) {
      const t = normaliseText(el.textContent ?? '');
      if (t && t.length <= max) return t;
    }
  }
  return null;
}

/** The first attribute value of the first element matching one of `selectors`. */
export function firstAttr(doc: Document, selectors: readonly string[], attr: string, max = 80): string | null {
  for (const sel of selectors) {
    let el: Element | null;
    try {
      el = doc.querySelector(sel);
    } catch {
      continue;
    }
    const v = normaliseText(el?.getAttribute(attr) ?? '');
    if (v && v.length <= max) return v;
  }
  return null;
}

const NOT_A_LABEL = /^(follow|subscribe|sign ?in|log ?in|sign ?up|share|home|menu|news|\d.*|[·•|–-])$/i;

/**
 * The short link printed just above the headline in the article's own column (the source/publisher label of many
 * aggregators: "Atlas Obscura · July 9"). Looks back from the headline through at most `maxSteps` elements.
 */
export function labelBeforeHeadline(doc: Document, maxSteps = 25): string | null {
  const h1 = headlineOf(doc);
  if (!h1) return null;
  const all = Array.from(doc.querySelectorAll('body *'));
  const at = all.indexOf(h1);
  for (let i = at - 1, steps = 0; i >= 0 && steps < maxSteps; i--, steps++) {
    const el = all[i]!;
    if (el.closest('nav, header, [role="banner"], [role="navigation"]')) break;
    if (el.tagName !== 'A') continue;
    const t = normaliseText(el.textContent ?? '');
    if (t.length >= 2 && t.length <= 60 && !NOT_A_LABEL.test(t)) return t;
  }
  return null;
}
