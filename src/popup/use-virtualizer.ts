/** @tanstack/virtual-core in Preact (the same wiring as its React adapter). Fixed-height rows, element scroller. */
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';
import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';

export interface VirtualOptions {
  readonly count: number;
  readonly rowHeight: number;
  readonly getScrollElement: () => HTMLElement | null;
  readonly getItemKey: (index: number) => string;
}

export function useVirtualizer(o: VirtualOptions): Virtualizer<HTMLElement, HTMLElement> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options = {
    count: o.count,
    getScrollElement: o.getScrollElement,
    estimateSize: () => o.rowHeight,
    getItemKey: o.getItemKey,
    overscan: 8,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    initialRect: { width: 400, height: 480 },
    onChange: () => rerender(undefined),
  };
  const [v] = useState(() => new Virtualizer<HTMLElement, HTMLElement>(options));
  v.setOptions({ ...v.options, ...options });
  useLayoutEffect(() => v._didMount(), []);
  useLayoutEffect(() => {
    v._willUpdate();
  });
  return v;
}
