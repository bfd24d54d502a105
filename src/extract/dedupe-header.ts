/**
 * The reader shows title and byline in its own header, so the body should not repeat them: a leading block that
 * only restates the title, or only the byline ("By Mara Lindqvist"), is removed from the extracted body.
 */
const norm = (s: string | null | undefined): string =>
  (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase().replace(/^(by|von|par|por|di|door)\s+/, '');

export function dropRepeatedHeader(root: Element, title: string, byline: string | null): void {
  const t = norm(title);
  const b = norm(byline);
  const blocks = Array.from(root.querySelectorAll('h1, h2, p, div, span, address')).slice(0, 8);
  for (const el of blocks) {
    if (!root.contains(el) || el.querySelector('img, figure, table')) continue; // gone with an earlier block
    const text = norm(el.textContent);
    if (!text) continue;
    const extraWords = b && text.endsWith(b) ? text.slice(0, text.length - b.length).trim().split(/\s+/).filter(Boolean).length : Infinity;
    // "By Ann Lee", "بقلم ليلى حداد", "Texte : Ann Lee": the byline with at most two words before it.
    if ((t && text === t) || (b && extraWords <= 2)) el.remove();
  }
}
