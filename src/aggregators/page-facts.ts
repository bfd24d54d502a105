/**
 * Small readers of page facts shared by adapters: the first short text behind a list of selectors, a string from the
 * JSON a page embeds in a script, the short label printed just above the headline. Read-only; never fetches.
 */
import { normaliseText } from '../upsell/text-blocks';

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

/** A string value from JSON embedded in the page's scripts: `"key":"value"` (the first occurrence). */
export function scriptString(doc: Document, key: string): string | null {
  const re = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:\\s*"((?:[^"\\\\]|\\\\.){1,500})"`);
  for (const s of Array.from(doc.querySelectorAll('script'))) {
    const m = re.exec(s.textContent ?? '');
    if (m?.[1]) {
      try {
        return JSON.parse(`"${m[1]}"`) as string;
      } catch {
        return m[1];
      }
    }
  }
  return null;
}

/** The page's headline: the last `<h1>` before `near` (or the first `<h1>` at all). */
export function headlineOf(doc: Document, near?: Element | null): Element | null {
  const all = Array.from(doc.querySelectorAll('h1'));
  if (near) {
    const before = all.filter((h) => h === near || near.contains(h) || (h.compareDocumentPosition(near) & 4) !== 0);
    const inside = before.filter((h) => near.contains(h));
    if (inside[0]) return inside[0];
    if (before.length > 0) return before[before.length - 1]!;
  }
  return all[0] ?? null;
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
