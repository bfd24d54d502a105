/**
 * The saved list, in two variants built from the same components: the toolbar popup (`popup.html`: the current tab
 * on top, then the list) and the full-page library (`library.html`: sort, import/export, bulk work, settings).
 * Reads the library straight from storage (the recent head first, then the whole index); every change is a
 * message to the background.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../i18n/t';
import { countByFilter, matchesFilter, sortEntries, type ListFilter, type ListSort } from '../library/list-query';
import type { RecentHead } from '../library/recent-head';
import type { IndexEntry, ItemPatch } from '../library/schema';
import { searchEntries, warmMetadataSearch } from '../library/search';
import { send } from '../messaging/client';
import { AccessPrompt } from './AccessPrompt';
import { deleteItems, failed, openInReader, updateItems, type Feedback } from './actions';
import { exposeBench, markRendered, markRowsPainted } from './bench';
import { BulkBar } from './BulkBar';
import { CurrentTab } from './CurrentTab';
import { EmptyState } from './EmptyState';
import { FilterBar, SortSelect, TagFilter, tagCounts } from './FilterBar';
import { Header } from './Header';
import { ItemList } from './ItemList';
import { commandFor, isTyping } from './keyboard';
import { TagEditor } from './TagEditor';
import { Toast, type ToastState } from './Toast';
import { LazyTransferPanel } from './LazyTransferPanel';
import { Shortcuts } from './Shortcuts';
import { ToolbarSetting } from './ToolbarSetting';
import { useFullText } from './use-full-text';
import { useLibrary } from './use-library';
import { useShortcuts } from './use-shortcuts';

type Panel = null | { kind: 'transfer' } | { kind: 'tags'; ids: string[]; mode: 'set' | 'add'; initial: string[] };

export interface AppProps {
  readonly variant: 'popup' | 'library';
  /** The recent head, read before the first render (null: none; the page reads the whole index first). */
  readonly head: RecentHead | null;
  /** The library page only: the tab it was opened from ("Save this page"). */
  readonly fromTab?: number;
}

export function App({ fromTab, variant, head }: AppProps) {
  const popup = variant === 'popup';
  const load = useLibrary(head);
  const entries = load.status === 'ready' ? load.entries : null;
  const complete = load.status === 'ready' && load.complete;
  const fullText = useFullText(complete ? entries : null);
  const shortcuts = useShortcuts();
  const [filter, setFilter] = useState<ListFilter>('unread');
  const [sort, setSort] = useState<ListSort>('newest');
  const [tag, setTag] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState(0);
  const [focusActive, setFocusActive] = useState(false);
  const [toast, setToast] = useState<ToastState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [saving, setSaving] = useState(false);
  const [quarantined, setQuarantined] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const anchor = useRef<string | null>(null);
  const locale = useMemo(() => browser.i18n?.getUILanguage?.(), []);
  const now = Date.now();

  const all = entries ?? [];
  const counts = useMemo(() => (load.status === 'ready' && load.counts) || countByFilter(all), [all]);
  const tags = useMemo(() => (complete ? tagCounts(all) : []), [all, complete]);
  // The head holds the default view's first screen (newest unread); any other view waits for the whole index.
  const waiting = load.status === 'ready' && !complete && (filter !== 'unread' || sort !== 'newest' || tag !== null || query.trim() !== '');
  const sorted = useMemo(() => sortEntries(all.filter((e) => matchesFilter(e, filter) && (tag === null || e.tags.includes(tag))), sort), [all, filter, sort, tag]);
  const visible = useMemo(() => searchEntries(sorted, query, fullText), [sorted, query, fullText]);
  const latest = useRef({ sorted, fullText, visible });
  latest.current = { sorted, fullText, visible };
  // Bench: time from a keystroke in the search box to the updated list in the DOM (`unwrap:popup:search` measures).
  const searchStart = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (searchStart.current === null) return;
    performance.measure('unwrap:popup:search', { start: searchStart.current, end: performance.now(), detail: { query, count: visible.length } });
    searchStart.current = null;
  }, [visible]);

  const feedback: Feedback = useMemo(() => ({
    toast: (message, undo) => setToast({ id: Date.now() + Math.random(), message, undo }),
    error: (message) => setError(message),
  }), []);

  useEffect(() => {
    if (load.status !== 'ready') return;
    markRendered();
  }, [load.status]);
  useEffect(() => {
    if (!complete) return;
    send('libraryStatus', {}).then((s) => setQuarantined(s.quarantined), (err: unknown) => console.warn('Unwrap: library status unavailable', err));
  }, [complete]);
  useLayoutEffect(() => {
    if (visible.length > 0 && !waiting) markRowsPainted();
  }, [visible, waiting]);
  useEffect(() => exposeBench({
    search: (q) => {
      const start = performance.now();
      const count = searchEntries(latest.current.sorted, q, latest.current.fullText).length;
      return { count, ms: performance.now() - start };
    },
    count: () => all.length,
    fullTextReady: () => latest.current.fullText !== null,
  }), [all]);
  useEffect(() => {
    if (active >= visible.length) setActive(Math.max(0, visible.length - 1));
  }, [visible.length]);
  useEffect(() => {
    // The first search should not pay for preparing 10,000 entries: do it while the page is idle.
    const idle = window.requestIdleCallback?.(() => warmMetadataSearch(all), { timeout: 2000 });
    return () => idle !== undefined && window.cancelIdleCallback?.(idle);
  }, [all]);

  const selectedItems = () => visible.filter((e) => selected.has(e.id));
  const targets = (): IndexEntry[] => {
    const s = selectedItems();
    if (s.length) return s;
    const a = visible[active];
    return a ? [a] : [];
  };
  const update = (items: readonly IndexEntry[], patch: ItemPatch) => void updateItems(feedback, items.map((e) => e.id), patch);
  const remove = (items: readonly IndexEntry[]) => {
    setSelected(new Set());
    void deleteItems(feedback, items);
  };
  const select = (id: string, on: boolean, range: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      const from = anchor.current ? visible.findIndex((e) => e.id === anchor.current) : -1;
      const to = visible.findIndex((e) => e.id === id);
      if (range && from >= 0 && to >= 0) {
        for (let i = Math.min(from, to); i <= Math.max(from, to); i++) next.add(visible[i]!.id);
      } else if (on) next.add(id);
      else next.delete(id);
      anchor.current = id;
      return next;
    });
  };
  const savePage = () => {
    if (fromTab === undefined) return;
    setSaving(true);
    send('savePageFromTab', { tabId: fromTab })
      .then((r) => feedback.toast(r.created ? t('savedThisPage', r.title) : t('alreadySaved', r.title)), failed(feedback))
      .finally(() => setSaving(false));
  };
  const openFullLibrary = () => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      const from = tab?.id !== undefined && tab.url && /^https?:/i.test(tab.url) ? `?tab=${tab.id}` : '';
      return browser.tabs.create({ url: browser.runtime.getURL(`/library.html${from}` as '/library.html') });
    }).then(() => window.close(), failed(feedback));
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (panel) return;
      const cmd = commandFor(e, isTyping(e.target));
      if (!cmd) return;
      // Enter and Space keep their own meaning on buttons, links (a title link opens itself), and other controls.
      const onControl = (e.target as HTMLElement).closest?.('a, button, select, summary, input, label');
      if (onControl && (cmd === 'open' || (e.key === ' ' && !onControl.classList.contains('row-title')))) return;
      const move = (to: number) => {
        e.preventDefault();
        setActive(Math.max(0, Math.min(visible.length - 1, to)));
        setFocusActive(true);
      };
      switch (cmd) {
        case 'down': return move(isTyping(e.target) ? active : active + 1);
        case 'up': return move(active - 1);
        case 'first': return move(0);
        case 'last': return move(visible.length - 1);
        case 'open': {
          const a = visible[active];
          if (!a) return;
          e.preventDefault();
          openInReader(a.id);
          return;
        }
        case 'delete': {
          e.preventDefault();
          remove(targets());
          return;
        }
        case 'archive': {
          const items = targets();
          if (!items.length) return;
          e.preventDefault();
          update(items, { archived: !items.every((x) => x.archived) });
          return;
        }
        case 'favourite': {
          const items = targets();
          if (!items.length) return;
          e.preventDefault();
          update(items, { favourite: !items.every((x) => x.favourite) });
          return;
        }
        case 'search':
          e.preventDefault();
          searchRef.current?.focus();
          searchRef.current?.select();
          return;
        case 'select': {
          const a = visible[active];
          if (!a) return;
          e.preventDefault();
          select(a.id, !selected.has(a.id), false);
          return;
        }
        case 'escape':
          if (selected.size) setSelected(new Set());
          else if (query) setQuery('');
          else return;
          e.preventDefault();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const tagFilter = <TagFilter tags={tags} tag={tag} onTag={(next) => { setTag(next); setActive(0); setSelected(new Set()); }} />;
  return (
    <div class={`app app-${variant}`} data-unwrap="library" data-variant={variant}>
      {popup && <CurrentTab feedback={feedback} />}
      <Header
        variant={variant}
        query={query}
        onQuery={(q) => { searchStart.current = performance.now(); setQuery(q); setActive(0); }}
        searchRef={searchRef}
        saving={saving}
        onSavePage={!popup && fromTab !== undefined ? savePage : undefined}
        panelOpen={panel?.kind === 'transfer'}
        onTogglePanel={() => setPanel((p) => (p?.kind === 'transfer' ? null : { kind: 'transfer' }))}
        onOpenLibrary={openFullLibrary}
        onSearchKey={(e) => e.key === 'Enter' && visible[0] && (e.preventDefault(), setActive(0), setFocusActive(true))}
      >
        {popup ? tagFilter : <SortSelect sort={sort} onSort={setSort} />}
      </Header>
      <main class="main" aria-label={t('savedListLabel')}>
        {!popup && <AccessPrompt />}
        <FilterBar
          filter={filter}
          counts={counts}
          locale={locale}
          onFilter={(f) => { setFilter(f); setActive(0); setSelected(new Set()); }}
        >
          {!popup && tagFilter}
        </FilterBar>
        {error && (
          <p class="notice notice-error" role="alert" data-unwrap="library-error">
            {error} <button type="button" class="link-btn" onClick={() => setError(null)}>{t('closePanel')}</button>
          </p>
        )}
        {load.status === 'error' && <p class="notice notice-error" role="alert">{t('loadFailed', load.message)}</p>}
        {(quarantined > 0 || (load.status === 'ready' && load.damaged > 0)) && (
          <p class="notice" role="status" data-unwrap="quarantine-notice">{t('damagedNotice', Math.max(quarantined, load.status === 'ready' ? load.damaged : 0))}</p>
        )}
        {panel?.kind === 'transfer' && <LazyTransferPanel feedback={feedback} onClose={() => setPanel(null)} />}
        {panel?.kind === 'tags' && (
          <TagEditor
            mode={panel.mode}
            initial={panel.initial}
            onCancel={() => setPanel(null)}
            onSave={(tags) => {
              void updateItems(feedback, panel.ids, panel.mode === 'add' ? { addTags: tags } : { tags });
              setPanel(null);
            }}
          />
        )}
        {selected.size > 0 && (
          <BulkBar
            count={selected.size}
            onRead={(read) => update(selectedItems(), { read })}
            onFavourite={() => update(selectedItems(), { favourite: !selectedItems().every((e) => e.favourite) })}
            onArchive={(archived) => update(selectedItems(), { archived })}
            onTags={() => setPanel({ kind: 'tags', ids: selectedItems().map((e) => e.id), mode: 'add', initial: [] })}
            onDelete={() => remove(selectedItems())}
            onSelectAll={() => setSelected(new Set(visible.map((e) => e.id)))}
            onClear={() => setSelected(new Set())}
          />
        )}
        {(load.status === 'loading' || waiting) && <p class="notice" role="status">{t('loading')}</p>}
        {load.status === 'ready' && !waiting && visible.length === 0 && (complete || all.length === 0) && (
          <EmptyState
            libraryEmpty={counts.all === 0}
            filter={filter}
            query={query}
            readerKey={shortcuts?.['toggle-reader'] || null}
            fromPage={!popup && fromTab !== undefined}
            onSearchAll={filter !== 'all' ? () => setFilter('all') : undefined}
          />
        )}
        {visible.length > 0 && !waiting && (
          <ItemList
            items={visible}
            selected={selected}
            active={active}
            focusActive={focusActive}
            now={now}
            locale={locale}
            compact={popup}
            onSelect={select}
            onActivate={(i) => { setActive(i); setFocusActive(false); }}
            onUpdate={(e, patch) => update([e], patch)}
            onDelete={(e) => remove([e])}
            onTags={(e) => setPanel({ kind: 'tags', ids: [e.id], mode: 'set', initial: e.tags })}
          />
        )}
        <Toast toast={toast} onDone={() => setToast(null)} />
      </main>
      <footer class="foot">
        <p class="keys" aria-hidden="true">{t('keyboardHelp')}</p>
        <Shortcuts keys={shortcuts} />
        {!popup && <ToolbarSetting feedback={feedback} />}
      </footer>
    </div>
  );
}
