/** One row of the list: title (opens the reader page), site · reading time · saved date · tags, and row actions. */
import { t } from '../i18n/t';
import { siteLabel } from '../library/list-query';
import { formatBytes } from '../library/offline-images';
import { useStorageUse } from '../library/storage-use';
import type { IndexEntry } from '../library/schema';
import { readerUrl } from './actions';
import { readingTimeLabel, savedDate } from './format';
import { ArchiveIcon, CheckIcon, ExternalIcon, StarIcon, TagIcon, TrashIcon } from './icons';

export interface RowHandlers {
  onSelect(id: string, on: boolean, range: boolean): void;
  onActivate(index: number): void;
  onUpdate(e: IndexEntry, patch: { read?: boolean; favourite?: boolean; archived?: boolean }): void;
  onDelete(e: IndexEntry): void;
  onTags(e: IndexEntry): void;
}

export interface ItemRowProps extends RowHandlers {
  readonly entry: IndexEntry;
  readonly index: number;
  readonly selected: boolean;
  readonly active: boolean;
  readonly top: number;
  readonly height: number;
  readonly now: number;
  readonly locale: string | undefined;
}

export function ItemRow(p: ItemRowProps) {
  const e = p.entry;
  const bytes = useStorageUse(e.id);
  return (
    <div
      class={`row${p.active ? ' is-active' : ''}${p.selected ? ' is-selected' : ''}${e.read || e.archived ? ' is-read' : ''}`}
      role="listitem"
      data-index={p.index}
      data-id={e.id}
      data-unwrap-item={e.id}
      aria-current={p.active ? 'true' : undefined}
      style={{ transform: `translateY(${p.top}px)`, height: `${p.height}px` }}
      onMouseDown={() => p.onActivate(p.index)}
    >
      <input
        type="checkbox"
        class="row-check"
        checked={p.selected}
        aria-label={t('selectItem', e.title)}
        tabIndex={-1}
        onClick={(ev) => p.onSelect(e.id, (ev.currentTarget as HTMLInputElement).checked, ev.shiftKey)}
      />
      <div class="row-main">
        <a class="row-title" href={readerUrl(e.id)} target="_blank" rel="noopener" tabIndex={p.active ? 0 : -1} title={e.title} dir="auto">
          {e.favourite && <span class="row-star" aria-label={t('filterFavourites')}>★ </span>}
          {e.title}
        </a>
        <div class="row-meta">
          <span class="row-site" dir="auto">{siteLabel(e)}</span>
          <span>{readingTimeLabel(e)}</span>
          <span>{savedDate(e.savedAt, p.now, p.locale)}</span>
          {bytes !== null && <span data-unwrap="storage-use">{t('storageUse', formatBytes(bytes, p.locale))}</span>}
          {e.tags.length > 0 && <span class="row-tags" dir="auto">{e.tags.map((tag) => `#${tag}`).join(' ')}</span>}
        </div>
      </div>
      <div class="row-actions">
        <button type="button" class="icon-btn" data-action="read" aria-pressed={e.read} title={e.read ? t('markUnread') : t('markRead')} aria-label={e.read ? t('markUnread') : t('markRead')} tabIndex={-1} onClick={() => p.onUpdate(e, { read: !e.read })}><CheckIcon /></button>
        <button type="button" class="icon-btn" data-action="favourite" aria-pressed={e.favourite} title={e.favourite ? t('unfavourite') : t('favourite')} aria-label={e.favourite ? t('unfavourite') : t('favourite')} tabIndex={-1} onClick={() => p.onUpdate(e, { favourite: !e.favourite })}><StarIcon filled={e.favourite} /></button>
        <button type="button" class="icon-btn" data-action="archive" aria-pressed={e.archived} title={e.archived ? t('unarchive') : t('archive')} aria-label={e.archived ? t('unarchive') : t('archive')} tabIndex={-1} onClick={() => p.onUpdate(e, { archived: !e.archived })}><ArchiveIcon /></button>
        <button type="button" class="icon-btn" data-action="tags" title={t('editTags')} aria-label={t('editTags')} tabIndex={-1} onClick={() => p.onTags(e)}><TagIcon /></button>
        <a class="icon-btn" data-action="original" href={e.url} target="_blank" rel="noopener noreferrer" title={t('openOriginal')} aria-label={t('openOriginal')} tabIndex={-1}><ExternalIcon /></a>
        <button type="button" class="icon-btn" data-action="delete" title={t('deleteItem')} aria-label={t('deleteItem')} tabIndex={-1} onClick={() => p.onDelete(e)}><TrashIcon /></button>
      </div>
    </div>
  );
}
