/**
 * The article body. Stored or received HTML is sanitised again on display into a fragment, then `replaceChildren`;
 * a body element fresh from this page's own pipeline (its sanitised HTML parsed and sanitised again into an inert
 * document moments ago, never touched since) is moved in directly. Nothing edits the body after it is shown.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { sanitizeToFragment } from '../extract/sanitize';

export interface ArticleBodyProps {
  readonly html: string;
  readonly body?: Element;
  readonly win: Window & typeof globalThis;
  readonly lang: string | null;
  readonly dir: 'ltr' | 'rtl';
}

export function ArticleBody({ html, body, win, lang, dir }: ArticleBodyProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const slot = ref.current;
    if (!slot) return;
    if (body && body.childNodes.length > 0) slot.replaceChildren(...Array.from(body.childNodes));
    else slot.replaceChildren(sanitizeToFragment(html, win));
  }, [html, body, win]);
  return <div ref={ref} class="u-body" data-unwrap="body" lang={lang ?? undefined} dir={dir} />;
}
