/** Unread / Favourites / Archived / All, with counts, and the sort order. */
import { t, type MessageKey } from '../i18n/t';
import { FILTERS, SORTS, type ListFilter, type ListSort } from '../library/list-query';

const FILTER_LABEL: Record<ListFilter, MessageKey> = { unread: 'filterUnread', favourites: 'filterFavourites', archived: 'filterArchived', all: 'filterAll' };
const SORT_LABEL: Record<ListSort, MessageKey> = { newest: 'sortNewest', oldest: 'sortOldest', site: 'sortSite', readingTime: 'sortReadingTime' };

export interface FilterBarProps {
  readonly filter: ListFilter;
  readonly counts: Record<ListFilter, number>;
  readonly onFilter: (f: ListFilter) => void;
  readonly locale: string | undefined;
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
    </div>
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
