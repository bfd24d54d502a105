/** Title row: "Save this page", the import/export panel toggle, and the search box. */
import type { ComponentChildren, Ref } from 'preact';
import { t } from '../i18n/t';
import { MenuIcon, SaveIcon, SearchIcon } from './icons';

export interface HeaderProps {
  readonly query: string;
  readonly onQuery: (q: string) => void;
  readonly searchRef: Ref<HTMLInputElement>;
  readonly saving: boolean;
  readonly onSavePage: () => void;
  readonly panelOpen: boolean;
  readonly onTogglePanel: () => void;
  readonly onSearchKey: (e: KeyboardEvent) => void;
  /** Shown next to the search box (the sort order). */
  readonly children?: ComponentChildren;
}

export function Header(p: HeaderProps) {
  return (
    <header class="head">
      <div class="head-row">
        <h1 class="head-title">{t('libraryTitle')}</h1>
        <button type="button" class="btn btn-primary" data-action="save-page" disabled={p.saving} onClick={p.onSavePage}>
          <SaveIcon />
          <span>{p.saving ? t('savingPage') : t('saveThisPage')}</span>
        </button>
        <button type="button" class="icon-btn" data-action="transfer" aria-expanded={p.panelOpen} title={t('transferTitle')} aria-label={t('transferTitle')} onClick={p.onTogglePanel}>
          <MenuIcon />
        </button>
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
