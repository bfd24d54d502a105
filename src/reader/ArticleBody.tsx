/** The article body: sanitised again on display into a fragment, then `replaceChildren`. Nothing edits it after. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { sanitizeToFragment } from '../extract/sanitize';

export function ArticleBody({ html, win, lang, dir }: { html: string; win: Window & typeof globalThis; lang: string | null; dir: 'ltr' | 'rtl' }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    ref.current?.replaceChildren(sanitizeToFragment(html, win));
  }, [html, win]);
  return <div ref={ref} class="u-body" data-unwrap="body" lang={lang ?? undefined} dir={dir} />;
}
