/**
 * One caption per figure: when an image's alt text repeats its caption, the alt is emptied (the caption
 * describes it), and a paragraph that merely repeats the caption next to the figure is removed.
 */
const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

export function dedupeFigureCaptions(root: Element): void {
  for (const fig of Array.from(root.querySelectorAll('figure'))) {
    const caption = norm(fig.querySelector('figcaption')?.textContent);
    if (!caption) continue;
    for (const img of Array.from(fig.querySelectorAll('img'))) {
      const alt = norm(img.getAttribute('alt'));
      if (alt && (caption.startsWith(alt) || alt.startsWith(caption))) img.setAttribute('alt', '');
    }
    for (const sib of [fig.previousElementSibling, fig.nextElementSibling]) {
      if (!sib || sib.querySelector('img')) continue;
      const t = norm(sib.textContent);
      if (t && t.length > 15 && caption.startsWith(t)) sib.remove();
    }
    // Nested duplicate captions (a caption inside a caption wrapper repeated).
    const caps = Array.from(fig.querySelectorAll('figcaption'));
    for (const extra of caps.slice(1)) if (norm(extra.textContent) === caption) extra.remove();
  }
}
