/** Actions on every selected item. */
import { t } from '../i18n/t';
import { CloseIcon } from './icons';

export interface BulkBarProps {
  readonly count: number;
  readonly onRead: (read: boolean) => void;
  readonly onFavourite: () => void;
  readonly onArchive: (archived: boolean) => void;
  readonly onTags: () => void;
  readonly onDelete: () => void;
  readonly onSelectAll: () => void;
  readonly onClear: () => void;
}

export function BulkBar(p: BulkBarProps) {
  return (
    <div class="bulk" role="toolbar" aria-label={t('selectedCount', p.count)} data-unwrap="bulk-bar">
      <span class="bulk-count">{t('selectedCount', p.count)}</span>
      <button type="button" class="icon-btn" aria-label={t('clearSelection')} title={t('clearSelection')} onClick={p.onClear}><CloseIcon /></button>
      <button type="button" class="chip" onClick={p.onSelectAll}>{t('selectAll')}</button>
      <button type="button" class="chip" data-bulk="read" onClick={() => p.onRead(true)}>{t('markRead')}</button>
      <button type="button" class="chip" data-bulk="unread" onClick={() => p.onRead(false)}>{t('markUnread')}</button>
      <button type="button" class="chip" data-bulk="favourite" onClick={p.onFavourite}>{t('favourite')}</button>
      <button type="button" class="chip" data-bulk="archive" onClick={() => p.onArchive(true)}>{t('archive')}</button>
      <button type="button" class="chip" data-bulk="unarchive" onClick={() => p.onArchive(false)}>{t('unarchive')}</button>
      <button type="button" class="chip" data-bulk="tags" onClick={p.onTags}>{t('editTags')}</button>
      <button type="button" class="chip chip-danger" data-bulk="delete" onClick={p.onDelete}>{t('deleteItem')}</button>
    </div>
  );
}
