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

/**
 * "Read more: <another story>" lines: a short block that starts with a recirculation label and a colon (or an arrow),
 * the rest being a link to another page. Between the paragraphs of syndicated stories in every language we ship.
 */
const LINE_LABEL =
  /^(?:read (?:more|also|next)|also read|see also|related(?: stories| articles| coverage)?|more|watch|now watch|listen|lee (?:también|más)|lea también|ver también|à lire aussi|lire aussi|à voir aussi|voir aussi|mehr zum thema|lesen sie auch|auch interessant|weiterlesen|leggi anche|leia também|veja também|saiba mais)\s*[:|»›>→]+\s*/i;

export function recirculationLines(elements: readonly Element[], pageUrl: string): Element[] {
  const out: Element[] = [];
  for (const el of elements) {
    if (!/^(P|DIV|LI|ASIDE|SECTION|H[2-6]|BLOCKQUOTE|SPAN)$/.test(el.tagName)) continue;
    const text = textOf(el);
    if (text.length < 12 || text.length > 300) continue;
    const label = LINE_LABEL.exec(text);
    if (!label) continue;
    // The line, not a container of lines: no block children that are lines of their own.
    if (el.querySelector('p, li, h2, h3, h4, div p')) continue;
    const links = Array.from(el.getElementsByTagName('a')).filter((a) => {
      try {
        return new URL(a.getAttribute('href') ?? '', pageUrl).href.split('#')[0] !== pageUrl.split('#')[0];
      } catch {
        return false;
      }
    });
    const linkText = links.reduce((n, a) => n + textOf(a).length, 0);
    const rest = text.length - label[0].length;
    if (rest > 0 && linkText >= rest * 0.6) out.push(el);
  }
  return out.filter((el) => !out.some((o) => o !== el && o.contains(el)));
}
