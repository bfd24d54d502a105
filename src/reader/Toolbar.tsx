/**
 * The reader's toolbar (see toolbar-placement.ts): a rail in the margin when there is room, else a bar with a
 * background that hides on scroll down and shows on scroll up. The settings panel opens from it.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from '../i18n/t';
import { barHiddenAfter, toolbarPlacement, type ToolbarPlacement } from './toolbar-placement';

export interface ToolbarProps {
  /** The element whose width decides the placement (the reader's root). */
  readonly root: HTMLElement | null;
  /** The scrolling element or window. */
  readonly scroller: () => HTMLElement | Window | null;
  readonly columnWidth: number;
  readonly children: ComponentChildren;
  /** Shown under the buttons (the settings panel). */
  readonly panel?: ComponentChildren;
}

export function Toolbar({ root, scroller, columnWidth, children, panel }: ToolbarProps) {
  const [placement, setPlacement] = useState<ToolbarPlacement>('bar');
  const [hidden, setHidden] = useState(false);
  const [scrolled, setScrolled] = useState(false);
  const bar = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (!root) return;
    const measure = () => setPlacement(toolbarPlacement(root.clientWidth, columnWidth));
    measure();
    if (typeof ResizeObserver === 'undefined') return; // no layout to follow (tests without one)
    const ro = new ResizeObserver(measure);
    ro.observe(root);
    return () => ro.disconnect();
  }, [root, columnWidth]);

  useLayoutEffect(() => {
    const target = scroller();
    if (!target) return;
    const top = () => (target instanceof HTMLElement ? target.scrollTop : target.scrollY);
    let last = top();
    let wasHidden = false;
    const onScroll = () => {
      const now = top();
      wasHidden = barHiddenAfter(wasHidden, last, now, bar.current?.offsetHeight ?? 52);
      last = now;
      setHidden(wasHidden);
      setScrolled(now > 0);
    };
    target.addEventListener('scroll', onScroll, { passive: true });
    return () => target.removeEventListener('scroll', onScroll);
  }, [scroller]);

  const cls = `u-toolbar is-${placement}${placement === 'bar' && hidden && !panel ? ' is-hidden' : ''}${scrolled ? ' is-scrolled' : ''}`;
  return (
    <div ref={bar} class={cls} data-unwrap="toolbar" data-placement={placement}>
      <div class="u-tools" role="toolbar" aria-label={t('readerLabel')}>{children}</div>
      {panel}
    </div>
  );
}
