/**
 * Inline recirculation: a short list inside the article whose every item is one headline-like link to another page
 * on the same site ("Related:" lists). Short (2–6 items) and small next to the article's prose, so a link round-up
 * that *is* the article keeps its lists.
 */
import type { ProseMap } from '../dom/prose-map';
import { countWords, normaliseText, textOf } from '../dom/text';
import { ARTICLE_SHARE } from './thresholds';

export function recirculationLists(elements: readonly Element[], prose: ProseMap, pageUrl: string): Element[] {
  let host: string | null = null;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    host = null; // no usable document URL: same-site cannot be judged, so no list qualifies
  }
  if (!host) return [];
  const out: Element[] = [];
  for (const el of elements) {
    if (el.tagName !== 'UL' && el.tagName !== 'OL') continue;
    const items = Array.from(el.children).filter((c) => c.tagName === 'LI');
    if (items.length < 2 || items.length > 6 || items.length !== el.children.length) continue;
    const parent = el.parentElement;
    if (!parent || prose.share(parent) <= ARTICLE_SHARE) continue; // only lists inside the article
    const listText = textOf(el).length;
    if (listText > prose.of(parent) * 0.2) continue;
    const allSameSiteHeadlines = items.every((li) => {
      const links = li.getElementsByTagName('a');
      if (links.length !== 1) return false;
      const a = links[0]!;
      const text = normaliseText(a.textContent ?? '');
      if (text !== textOf(li) || countWords(text) < 4) return false;
      try {
        return new URL(a.getAttribute('href') ?? '', pageUrl).hostname === host;
      } catch {
        return false;
      }
    });
    if (allSameSiteHeadlines) out.push(el);
  }
  return out;
}
