/**
 * Reading progress in the reader page: restored when the article opens, saved (debounced, and when the page is
 * hidden or closed) through the background, and "read to the end" marks the item read when the setting is on.
 */
import { useEffect, useRef } from 'preact/hooks';
import { send } from '../messaging/client';

export const END = 0.98;

/** Fraction of the article scrolled past (0..1); a page that fits in the window counts as 1. */
export function progressOf(scrollTop: number, scrollHeight: number, clientHeight: number): number {
  const max = scrollHeight - clientHeight;
  if (max <= 0) return 1;
  return Math.min(1, Math.max(0, scrollTop / max));
}

/** Where to put the reader when it opens: the saved position, unless it is at the very start or the end. */
export function restoreTarget(saved: number, scrollHeight: number, clientHeight: number): number | null {
  if (saved <= 0.01 || saved >= END) return null;
  return Math.round(saved * Math.max(0, scrollHeight - clientHeight));
}

export function useReadingProgress(win: Window, id: string, saved: number | null, markReadAtEnd: boolean): void {
  const markRef = useRef(markReadAtEnd);
  markRef.current = markReadAtEnd;
  useEffect(() => {
    if (saved === null) return;
    const el = win.document.scrollingElement ?? win.document.documentElement;
    let last = saved;
    let pending: number | null = null;
    let scrolled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      if (pending === null) return;
      const progress = pending;
      pending = null;
      last = progress;
      send('setProgress', { id, progress, markRead: markRef.current && progress >= END })
        .catch((err: unknown) => console.warn('Unwrap: reading progress not saved', err));
    };
    const onScroll = () => {
      scrolled = true;
      const p = Math.round(progressOf(el.scrollTop, el.scrollHeight, el.clientHeight) * 1000) / 1000;
      if (Math.abs(p - last) < 0.005 && !(p >= END && last < END)) return;
      pending = p;
      clearTimeout(timer);
      timer = setTimeout(flush, p >= END ? 200 : 1500);
    };
    const onHide = () => {
      if (scrolled) flush();
    };
    const raf = win.requestAnimationFrame(() => win.requestAnimationFrame(() => {
      const target = restoreTarget(saved, el.scrollHeight, el.clientHeight);
      if (target !== null) win.scrollTo({ top: target, behavior: 'instant' });
      win.addEventListener('scroll', onScroll, { passive: true });
    }));
    win.addEventListener('pagehide', onHide);
    const onVisibility = () => win.document.visibilityState === 'hidden' && onHide();
    win.document.addEventListener('visibilitychange', onVisibility);
    return () => {
      win.cancelAnimationFrame(raf);
      onHide();
      win.removeEventListener('scroll', onScroll);
      win.removeEventListener('pagehide', onHide);
      win.document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [id, saved === null]);
}
