/** What an empty list says: how to save (empty library), or why this view is empty (filter, search). */
import { t } from '../i18n/t';
import type { ListFilter } from '../library/list-query';

export function EmptyState({ libraryEmpty, filter, query, onSearchAll }: { libraryEmpty: boolean; filter: ListFilter; query: string; onSearchAll?: () => void }) {
  if (libraryEmpty) {
    return (
      <div class="empty" data-unwrap="library-empty">
        <h2>{t('emptyLibraryTitle')}</h2>
        <p>{t('emptyLibraryBody')}</p>
        <ul>
          <li>{t('emptyHowReader')}</li>
          <li>{t('emptyHowMenu')}</li>
          <li>{t('emptyHowPopup')}</li>
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
