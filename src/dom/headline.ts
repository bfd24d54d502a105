/**
 * The page's headline, found one way for every stage: the `<h1>` that titles the article. Near a known body it is the
 * `<h1>` inside it or the last one before it; otherwise the one sharing most words with `<title>`; otherwise the first.
 */

const words = (s: string): Set<string> => new Set(s.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);

/** The `<h1>` sharing most words with `title`; null when none shares a word. */
export function headlineMatching(h1s: readonly Element[], title: string): Element | null {
  const t = words(title);
  let best: Element | null = null;
  let bestScore = 0;
  for (const h of h1s) {
    let score = 0;
    for (const w of words(h.textContent ?? '')) if (t.has(w)) score++;
    if (score > bestScore) {
      best = h;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The headline of the article around `near` (the body, when known): an `<h1>` inside it, else the best `<h1>` before it
 * (most words shared with `<title>`, else the last one); without `near`, the best `<h1>` of the page.
 */
export function headlineOf(doc: Document, near?: Element | null): Element | null {
  const all = Array.from(doc.getElementsByTagName('h1'));
  if (all.length === 0) return null;
  if (near) {
    const inside = all.find((h) => near.contains(h));
    if (inside) return inside;
    const before = all.filter((h) => (h.compareDocumentPosition(near) & 4) !== 0);
    if (before.length > 0) return headlineMatching(before, doc.title) ?? before[before.length - 1]!;
  }
  return headlineMatching(all, doc.title) ?? all[0]!;
}

/** The visible headline's text inside the page's article or main region (or a marked headline), when it reads as one. */
export function visibleHeadlineText(doc: Document): string | null {
  const h = doc.querySelector('article h1, main h1, [role="main"] h1, h1[itemprop="headline"]') ?? headlineOf(doc);
  const t = (h?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return t.length >= 8 ? t : null;
}
