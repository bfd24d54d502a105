/** Reading progress along the top edge; follows the scroller it is given. Hidden while the article fits in the window. */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/t';

export function ProgressBar({ scroller }: { scroller: () => HTMLElement | Window | null }) {
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = scroller();
    if (!target) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const el = target instanceof HTMLElement ? target : document.scrollingElement ?? document.documentElement;
      const max = el.scrollHeight - el.clientHeight;
      const f = max > 0 ? Math.min(1, Math.max(0, el.scrollTop / max)) : 1;
      const track = bar.current?.parentElement;
      if (track) track.hidden = max <= 1;
      if (bar.current) {
        bar.current.style.transform = `scaleX(${f})`;
        bar.current.parentElement?.setAttribute('aria-valuenow', String(Math.round(f * 100)));
      }
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    target.addEventListener('scroll', onScroll, { passive: true });
    // The article's height settles after first paint (images, fonts): look again when the content resizes.
    const content = target instanceof HTMLElement ? target : document.documentElement;
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onScroll);
    for (const child of Array.from(content.children)) ro?.observe(child);
    ro?.observe(content);
    update();
    return () => {
      ro?.disconnect();
      target.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scroller]);
  return (
    <div class="u-progress" hidden role="progressbar" aria-label={t('progress')} aria-valuemin={0} aria-valuemax={100} data-unwrap="progress">
      <div ref={bar} />
    </div>
  );
}
