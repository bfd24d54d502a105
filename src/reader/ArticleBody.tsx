/**
 * The article body. Stored or received HTML is sanitised again on display into a fragment, then `replaceChildren`;
 * a body element fresh from this page's own pipeline (its sanitised HTML parsed and sanitised again into an inert
 * document moments ago, never touched since) is moved in directly. Nothing edits the body after it is shown. A saved
 * copy's images come from storage where they were kept (image-source.ts).
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { sanitizeToFragment } from '../extract/sanitize';
import { applyImageSource, type ImageSource } from './image-source';

export type { ImageSource } from './image-source';

export interface ArticleBodyProps {
  readonly html: string;
  readonly body?: Element;
  readonly win: Window & typeof globalThis;
  readonly lang: string | null;
  readonly dir: 'ltr' | 'rtl';
  readonly images?: ImageSource;
}

export function ArticleBody({ html, body, win, lang, dir, images }: ArticleBodyProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const slot = ref.current;
    if (!slot) return;
    if (body && body.childNodes.length > 0) slot.replaceChildren(...Array.from(body.childNodes));
    else {
      slot.replaceChildren(sanitizeToFragment(html, win));
      applyImageSource(slot, images); // once in the document: the inert parsing document loads no images
    }
  }, [html, body, win, images]);
  return <div ref={ref} class="u-body" data-unwrap="body" lang={lang ?? undefined} dir={dir} />;
}
