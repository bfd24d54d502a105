/** Unread / Favourites / Archived / All, with counts; the tag filter; the sort order. */
import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../i18n/t';
import { FILTERS, SORTS, type ListFilter, type ListSort } from '../library/list-query';

const FILTER_LABEL: Record<ListFilter, MessageKey> = { unread: 'filterUnread', favourites: 'filterFavourites', archived: 'filterArchived', all: 'filterAll' };
const SORT_LABEL: Record<ListSort, MessageKey> = { newest: 'sortNewest', oldest: 'sortOldest', site: 'sortSite', readingTime: 'sortReadingTime' };

export interface FilterBarProps {
  readonly filter: ListFilter;
  readonly counts: Record<ListFilter, number>;
  readonly onFilter: (f: ListFilter) => void;
  readonly locale: string | undefined;
  /** The tag filter, shown at the end of the row (the popup shows it beside the search box instead). */
  readonly children?: ComponentChildren;
}

export function FilterBar(p: FilterBarProps) {
  const compact = new Intl.NumberFormat(p.locale, { notation: 'compact', maximumFractionDigits: 1 });
  return (
    <div class="filters">
      <div class="tabs" role="group" aria-label={t('filtersLabel')}>
        {FILTERS.map((f) => (
          <button key={f} type="button" class="tab" data-filter={f} aria-pressed={p.filter === f} onClick={() => p.onFilter(f)}>
            {t(FILTER_LABEL[f])} <span class="count" data-count={p.counts[f]}>{compact.format(p.counts[f])}</span>
          </button>
        ))}
      </div>
      {p.children}
    </div>
  );
}

export interface TagFilterProps {
  /** Every tag in the library with its count, most used first (empty: nothing shown). */
  readonly tags: readonly (readonly [string, number])[];
  readonly tag: string | null;
  readonly onTag: (tag: string | null) => void;
}

export function TagFilter(p: TagFilterProps) {
  if (p.tags.length === 0) return null;
  return (
    <select class="tag-filter" data-unwrap="tag-filter" aria-label={t('tagFilterLabel')} value={p.tag ?? ''} onChange={(e) => p.onTag((e.currentTarget as HTMLSelectElement).value || null)}>
      <option value="">{t('tagFilterAll')}</option>
      {p.tags.map(([tag, n]) => <option key={tag} value={tag}>{`#${tag} (${n})`}</option>)}
    </select>
  );
}

export function SortSelect(p: { sort: ListSort; onSort: (s: ListSort) => void }) {
  return (
    <label class="sort">
      <span class="visually-hidden">{t('sortLabel')}</span>
      <select data-unwrap="library-sort" value={p.sort} aria-label={t('sortLabel')} onChange={(e) => p.onSort((e.currentTarget as HTMLSelectElement).value as ListSort)}>
        {SORTS.map((s) => <option key={s} value={s}>{t(SORT_LABEL[s])}</option>)}
      </select>
    </label>
  );
}

/** Every tag with its count, most used first, then by name (pure). */
export function tagCounts(entries: readonly { tags: readonly string[] }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of entries) for (const tag of e.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
