/**
 * Embedded players, frames and media become plain links: the reader shows no third-party frames.
 * Runs on Readability's output before sanitising.
 */
import { resolveUrl } from './resolve-url';

const EMBEDS = 'iframe, embed, object, video, audio';

export function embedsToLinks(root: Element, baseUrl: string): void {
  const doc = root.ownerDocument;
  for (const el of Array.from(root.querySelectorAll(EMBEDS))) {
    if (!el.isConnected) continue;
    const raw =
      el.getAttribute('src') ??
      el.getAttribute('data') ??
      el.querySelector('source[src]')?.getAttribute('src') ??
      el.getAttribute('data-src');
    const href = resolveUrl(raw, baseUrl);
    if (!href) {
      el.remove();
      continue;
    }
    const p = doc.createElement('p');
    p.setAttribute('data-unwrap-embed', '');
    const a = doc.createElement('a');
    a.setAttribute('href', href);
    const title = el.getAttribute('title')?.trim();
    a.textContent = `${embedLabel(el.tagName)}: ${title || new URL(href).hostname}`;
    p.append(a);
    el.replaceWith(p);
  }
}

function embedLabel(tag: string): string {
  if (tag === 'VIDEO') return 'Video';
  if (tag === 'AUDIO') return 'Audio';
  return 'Embedded content';
}
