/**
 * Title row and search box. The library page adds "Save this page" (only when opened from a page: alone, there is
 * no page to save) and the import/export panel; the popup adds "Open full library".
 */
import type { ComponentChildren, Ref } from 'preact';
import { t } from '../i18n/t';
import { LibraryIcon, MenuIcon, SaveIcon, SearchIcon } from './icons';

export interface HeaderProps {
  readonly variant: 'popup' | 'library';
  readonly query: string;
  readonly onQuery: (q: string) => void;
  readonly searchRef: Ref<HTMLInputElement>;
  readonly saving: boolean;
  /** Absent: no page to save (the library opened on its own, or the popup, which saves from its top). */
  readonly onSavePage?: () => void;
  readonly panelOpen: boolean;
  readonly onTogglePanel: () => void;
  readonly onOpenLibrary: () => void;
  readonly onSearchKey: (e: KeyboardEvent) => void;
  /** Shown next to the search box (the sort order). */
  readonly children?: ComponentChildren;
}

export function Header(p: HeaderProps) {
  const popup = p.variant === 'popup';
  return (
    <header class="head">
      <div class="head-row">
        <h1 class="head-title">{popup ? t('popupSavedTitle') : t('libraryTitle')}</h1>
        {p.onSavePage && (
          <button type="button" class="btn btn-primary" data-action="save-page" disabled={p.saving} onClick={p.onSavePage}>
            <SaveIcon />
            <span>{p.saving ? t('savingPage') : t('saveThisPage')}</span>
          </button>
        )}
        {popup ? (
          <button type="button" class="btn" data-action="open-library" onClick={p.onOpenLibrary}>
            <LibraryIcon /><span>{t('openFullLibrary')}</span>
          </button>
        ) : (
          <button type="button" class="icon-btn" data-action="transfer" aria-expanded={p.panelOpen} title={t('transferTitle')} aria-label={t('transferTitle')} onClick={p.onTogglePanel}>
            <MenuIcon />
          </button>
        )}
      </div>
      <div class="head-search">
        <label class="search">
          <SearchIcon />
          <input
            ref={p.searchRef}
            type="search"
            data-unwrap="library-search"
            placeholder={t('searchPlaceholder')}
            aria-label={t('searchLabel')}
            value={p.query}
            onInput={(e) => p.onQuery((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={p.onSearchKey}
            autoComplete="off"
            spellcheck={false}
          />
        </label>
        {p.children}
      </div>
    </header>
  );
}
