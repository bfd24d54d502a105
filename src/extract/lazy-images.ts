/**
 * Stage 2: promote lazy-loaded images before anything can strip them, and make image and link URLs absolute.
 * Handles `data-src`/`data-srcset`/`data-original`/`data-lazy-src` (and common variants), `<noscript>` fallbacks
 * next to placeholders, and `<picture><source srcset>` without a usable `<img src>`.
 */
import { parseFragment } from './parse-fragment';
import { baseUrlOf, resolveSrcset, resolveUrl } from './resolve-url';

const SRC_ATTRS = ['data-src', 'data-original', 'data-lazy-src', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-orig-file'];
const SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];
const PLACEHOLDER = /(?:^data:image\/(?:gif|png|svg)|spaceball\.gif|blank\.gif|pixel\.gif|placeholder|1x1|transparent\.(?:gif|png)|lazy[-_]?load)/i;

export function isPlaceholderSrc(src: string | null): boolean {
  if (!src || !src.trim()) return true;
  if (src.startsWith('data:') && src.length < 200) return true;
  return PLACEHOLDER.test(src);
}

export function promoteLazyImages(doc: Document, url: string): void {
  const base = baseUrlOf(doc, url);
  const body = doc.body;
  if (!body) return;

  // <noscript> fallbacks: the real image for a placeholder next to it, or on its own.
  for (const ns of Array.from(body.querySelectorAll('noscript'))) {
    // With scripting on (a browser) <noscript> holds raw text; without (jsdom, saved pages) it holds elements.
    const parsedImg = ns.querySelector('img');
    const html = parsedImg ? '' : ns.textContent ?? '';
    if (!parsedImg && !/<img\b/i.test(html)) continue;
    const realImg = parsedImg ?? parseFragment(doc, html).querySelector('img');
    if (!realImg) continue;
    const prev = ns.previousElementSibling;
    const placeholder = prev?.tagName === 'IMG' ? prev : prev?.querySelector?.('img') ?? null;
    if (placeholder && isPlaceholderSrc(lazySrc(placeholder) ?? placeholder.getAttribute('src'))) {
      placeholder.replaceWith(realImg);
      ns.remove();
    } else if (!placeholder) {
      ns.replaceWith(realImg);
    }
  }

  for (const img of Array.from(body.querySelectorAll('img'))) {
    const current = img.getAttribute('src');
    const lazy = lazySrc(img);
    if (lazy && (isPlaceholderSrc(current) || lazy !== current)) img.setAttribute('src', lazy);
    const lazySet = SRCSET_ATTRS.map((a) => img.getAttribute(a)).find((v) => v && v.trim());
    if (lazySet) img.setAttribute('srcset', lazySet);
    if (isPlaceholderSrc(img.getAttribute('src'))) {
      // A <picture> source or a srcset candidate can still give a real image.
      const fromSet = firstCandidate(img.getAttribute('srcset')) ?? pictureSource(img);
      if (fromSet) img.setAttribute('src', fromSet);
    }
    absolutize(img, 'src', base);
    const set = resolveSrcset(img.getAttribute('srcset'), base);
    if (set) img.setAttribute('srcset', set);
    else img.removeAttribute('srcset');
  }

  for (const source of Array.from(body.querySelectorAll('picture source'))) {
    const lazySet = SRCSET_ATTRS.map((a) => source.getAttribute(a)).find((v) => v && v.trim());
    if (lazySet) source.setAttribute('srcset', lazySet);
    const set = resolveSrcset(source.getAttribute('srcset'), base);
    if (set) source.setAttribute('srcset', set);
    else source.remove();
  }

  for (const a of Array.from(body.querySelectorAll('a[href]'))) absolutize(a, 'href', base, true);
}

function lazySrc(img: Element): string | null {
  for (const a of SRC_ATTRS) {
    const v = img.getAttribute(a);
    if (v && v.trim() && !isPlaceholderSrc(v)) return v.trim();
  }
  return null;
}

function firstCandidate(srcset: string | null): string | null {
  if (!srcset) return null;
  const first = srcset.split(/,\s+/)[0]?.trim().split(/\s+/)[0];
  return first || null;
}

function pictureSource(img: Element): string | null {
  const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
  if (!picture) return null;
  for (const s of Array.from(picture.querySelectorAll('source'))) {
    const c = firstCandidate(s.getAttribute('srcset') ?? SRCSET_ATTRS.map((a) => s.getAttribute(a)).find(Boolean) ?? null);
    if (c) return c;
  }
  return null;
}

function absolutize(el: Element, attr: string, base: string, keepFragments = false): void {
  const v = el.getAttribute(attr);
  if (v === null) return;
  if (keepFragments && v.trim().startsWith('#')) return;
  const abs = resolveUrl(v, base);
  if (abs) el.setAttribute(attr, abs);
  else if (attr === 'src') el.removeAttribute(attr);
}
