/**
 * One row of the list: title (opens the reader page), site · reading time · saved date · tags, and row actions.
 * The active row's title and actions are in the tab order (one row at a time: arrows move between rows); the
 * actions take their own place at the row's end (they never cover the date). Title and meta line follow the
 * title's direction, so an Arabic title and its site sit on the same side.
 */
import { t } from '../i18n/t';
import { siteLabel } from '../library/list-query';
import { formatBytes } from '../library/offline-images';
import { useStorageUse } from '../library/storage-use';
import type { IndexEntry } from '../library/schema';
import { readerUrl } from './actions';
import { readingTimeLabel, savedDate, textDir } from './format';
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
  /** The popup's narrow row: the four main actions only (the rest are in the library page). */
  readonly compact: boolean;
  /** Marks the first row for the Element Timing API (the benchmark's "first rows painted"). */
  readonly first: boolean;
}

export function ItemRow(p: ItemRowProps) {
  const e = p.entry;
  const tab = p.active ? 0 : -1;
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
      <div class="row-main" dir={textDir(e.title)}>
        <a class="row-title" href={readerUrl(e.id)} target="_blank" rel="noopener" tabIndex={tab} title={e.title} elementtiming={p.first ? 'unwrap-first-row' : undefined}>
          {e.favourite && <span class="row-star" aria-label={t('filterFavourites')}>★ </span>}
          {e.title}
        </a>
        <div class="row-meta">
          {/* <bdi>: each part keeps its own direction; the separators follow the row's. */}
          <span class="row-site"><bdi>{siteLabel(e)}</bdi></span>
          <span><bdi>{readingTimeLabel(e)}</bdi></span>
          <span><bdi>{savedDate(e.savedAt, p.now, p.locale)}</bdi></span>
          {bytes !== null && <span data-unwrap="storage-use"><bdi>{t('storageUse', formatBytes(bytes, p.locale))}</bdi></span>}
          {e.tags.length > 0 && <span class="row-tags"><bdi>{e.tags.map((tag) => `#${tag}`).join(' ')}</bdi></span>}
        </div>
      </div>
      <div class="row-actions" role="group" aria-label={t('rowActions', e.title)}>
        <button type="button" class="icon-btn" data-action="read" aria-pressed={e.read} title={e.read ? t('markUnread') : t('markRead')} aria-label={e.read ? t('markUnread') : t('markRead')} tabIndex={tab} onClick={() => p.onUpdate(e, { read: !e.read })}><CheckIcon /></button>
        <button type="button" class="icon-btn" data-action="favourite" aria-pressed={e.favourite} title={e.favourite ? t('unfavourite') : t('favourite')} aria-label={e.favourite ? t('unfavourite') : t('favourite')} tabIndex={tab} onClick={() => p.onUpdate(e, { favourite: !e.favourite })}><StarIcon filled={e.favourite} /></button>
        <button type="button" class="icon-btn" data-action="archive" aria-pressed={e.archived} title={e.archived ? t('unarchive') : t('archive')} aria-label={e.archived ? t('unarchive') : t('archive')} tabIndex={tab} onClick={() => p.onUpdate(e, { archived: !e.archived })}><ArchiveIcon /></button>
        {!p.compact && <button type="button" class="icon-btn" data-action="tags" title={t('editTags')} aria-label={t('editTags')} tabIndex={tab} onClick={() => p.onTags(e)}><TagIcon /></button>}
        {!p.compact && <a class="icon-btn" data-action="original" href={e.url} target="_blank" rel="noopener noreferrer" title={t('openOriginal')} aria-label={t('openOriginal')} tabIndex={tab}><ExternalIcon /></a>}
        <button type="button" class="icon-btn" data-action="delete" title={t('deleteItem')} aria-label={t('deleteItem')} tabIndex={tab} onClick={() => p.onDelete(e)}><TrashIcon /></button>
      </div>
    </div>
  );
}
