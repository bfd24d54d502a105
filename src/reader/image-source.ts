/**
 * Images of a saved copy: a stored copy (data: URL, kept with "Keep images for offline reading") replaces the
 * original address; an image without one that cannot load (offline, or gone) becomes a tidy placeholder with its
 * caption and a link to the original. Works on the DOM the reader shows, after sanitising.
 */
import { t } from '../i18n/t';

export interface ImageSource {
  /** The stored copy of the image at `url` (a data: URL), or null. */
  readonly stored: (url: string) => string | null;
}

export function applyImageSource(root: ParentNode, images: ImageSource | undefined): void {
  if (!images) return;
  for (const img of Array.from(root.querySelectorAll('img'))) {
    if (img.hasAttribute('data-unwrap-img')) continue; // already looked at (a re-render)
    img.setAttribute('data-unwrap-img', '');
    const src = img.getAttribute('src') ?? '';
    const copy = src ? images.stored(src) : null;
    if (copy) {
      img.removeAttribute('srcset');
      img.setAttribute('src', copy);
      img.setAttribute('data-unwrap-stored', '');
      continue;
    }
    const fallback = () => replaceWithPlaceholder(img, src);
    if (img.complete && img.naturalWidth === 0 && src) fallback();
    else img.addEventListener('error', fallback, { once: true });
  }
}

function replaceWithPlaceholder(img: HTMLImageElement, src: string): void {
  if (!img.isConnected) return;
  const doc = img.ownerDocument;
  const box = doc.createElement('span');
  box.className = 'u-img-missing';
  box.setAttribute('data-unwrap', 'image-placeholder');
  const caption = img.closest('figure')?.querySelector('figcaption')?.textContent?.trim();
  const alt = img.getAttribute('alt')?.trim();
  const label = doc.createElement('span');
  label.className = 'u-img-missing-label';
  label.textContent = t('imageOffline');
  box.append(label);
  if (!caption && alt) {
    const text = doc.createElement('span');
    text.className = 'u-img-missing-text';
    text.textContent = alt;
    box.append(text);
  }
  if (/^https?:/i.test(src)) {
    const link = doc.createElement('a');
    link.href = src;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.textContent = t('imageOpen');
    box.append(link);
  }
  img.replaceWith(box);
}
