/**
 * The lead image above the body, with its caption and credit as a figcaption (lead-figure.ts finds them in the
 * page's hero figure, which often sits outside the body container). Shown only when the body does not already
 * start with that image; when it does and the body lost the caption, the caption is shown under the body's image
 * by the body itself (figures.ts keeps body captions), so nothing is repeated here.
 */
import type { Article } from '../extract/types';
import { applyImageSource, type ImageSource } from './image-source';

export function LeadFigureView({ article, images }: { article: Article; images?: ImageSource }) {
  const fig = article.leadFigure ?? null;
  const src = fig?.src ?? article.leadImage;
  if (!src || contentHasImage(article.content, src) || (fig && article.leadImage && contentHasImage(article.content, article.leadImage))) return null;
  const caption = [fig?.caption, fig?.credit].filter(Boolean);
  return (
    <figure class="u-lead" data-unwrap="lead-image" ref={(el) => { if (el) applyImageSource(el, images); }}>
      <img src={src} alt={fig?.alt ?? ''} loading="eager" decoding="async" />
      {caption.length > 0 && (
        <figcaption data-unwrap="lead-caption" dir="auto">
          {fig?.caption && <span class="u-caption">{fig.caption}</span>}
          {fig?.caption && fig.credit && ' '}
          {fig?.credit && <span class="u-credit" data-unwrap="lead-credit">{fig.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}

/** Whether the body already shows the image (compared by file name: sizes and CDN hosts differ). */
export function contentHasImage(html: string, image: string): boolean {
  try {
    const u = new URL(image);
    const file = u.pathname.split('/').filter(Boolean).pop();
    return !!file && html.includes(file);
  } catch {
    return false;
  }
}
