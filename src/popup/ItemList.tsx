/** The virtualised list (@tanstack/virtual-core): only the rows in view (plus a few) exist in the DOM. */
import { useCallback, useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/t';
import type { IndexEntry } from '../library/schema';
import { ItemRow, type RowHandlers } from './ItemRow';
import { useVirtualizer } from './use-virtualizer';

export const ROW_HEIGHT = 72;

export interface ItemListProps extends RowHandlers {
  readonly items: readonly IndexEntry[];
  readonly selected: ReadonlySet<string>;
  readonly active: number;
  /** Move keyboard focus to the active row's title after it scrolls into view. */
  readonly focusActive: boolean;
  readonly now: number;
  readonly locale: string | undefined;
  readonly compact: boolean;
}

export function ItemList(p: ItemListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // Stable while the list is the same: the virtualizer recomputes every row's position (10,000 at most) whenever
  // this function changes, and it re-renders on every scroll step.
  const items = p.items;
  const getItemKey = useCallback((i: number) => items[i]?.id ?? String(i), [items]);
  const v = useVirtualizer({
    count: items.length,
    rowHeight: ROW_HEIGHT,
    getScrollElement: () => scroller.current,
    getItemKey,
  });

  useEffect(() => {
    if (p.active < 0 || p.active >= p.items.length) return;
    v.scrollToIndex(p.active, { align: 'auto' });
    if (p.focusActive) {
      requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${p.active}"] .row-title`)?.focus({ preventScroll: true }));
    }
  }, [p.active, p.focusActive]);

  return (
    <div ref={scroller} class="list" data-unwrap="library-list" aria-label={t('libraryTitle')}>
      <div class="list-inner" role="list" style={{ height: `${v.getTotalSize()}px` }}>
        {v.getVirtualItems().map((vi) => {
          const e = p.items[vi.index];
          if (!e) return null;
          return (
            <ItemRow
              key={e.id}
              entry={e}
              index={vi.index}
              top={vi.start}
              height={ROW_HEIGHT}
              selected={p.selected.has(e.id)}
              active={vi.index === p.active}
              now={p.now}
              locale={p.locale}
              compact={p.compact}
              first={vi.index === 0}
              onSelect={p.onSelect}
              onActivate={p.onActivate}
              onUpdate={p.onUpdate}
              onDelete={p.onDelete}
              onTags={p.onTags}
            />
          );
        })}
      </div>
    </div>
  );
}
