/** What an empty list says: how to save (empty library), or why this view is empty (filter, search). */
import { t } from '../i18n/t';
import type { ListFilter } from '../library/list-query';

export interface EmptyStateProps {
  readonly libraryEmpty: boolean;
  readonly filter: ListFilter;
  readonly query: string;
  /** The key the browser assigned to toggle-reader (commands.getAll), or null when none is. */
  readonly readerKey: string | null;
  /** The library page was opened from a page, so "Save this page" is there. */
  readonly fromPage: boolean;
  readonly onSearchAll?: () => void;
}

export function EmptyState({ libraryEmpty, filter, query, readerKey, fromPage, onSearchAll }: EmptyStateProps) {
  if (libraryEmpty) {
    return (
      <div class="empty" data-unwrap="library-empty">
        <h2>{t('emptyLibraryTitle')}</h2>
        <p>{t('emptyLibraryBody')}</p>
        <ul>
          <li>{readerKey ? t('emptyHowReaderKey', readerKey) : t('emptyHowReader')}</li>
          <li>{t('emptyHowMenu')}</li>
          {fromPage && <li>{t('emptyHowPopup')}</li>}
          <li>{t('emptyHowImport')}</li>
        </ul>
      </div>
    );
  }
  const message = query.trim()
    ? t('noResults', query.trim())
    : filter === 'unread' ? t('emptyUnread') : filter === 'favourites' ? t('emptyFavourites') : t('emptyArchived');
  return (
    <div class="empty" data-unwrap="library-empty-view">
      <p>{message}</p>
      {query.trim() && onSearchAll && <button type="button" class="btn" onClick={onSearchAll}>{t('searchAll')}</button>}
    </div>
  );
}
