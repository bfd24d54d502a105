/**
 * The saved-article reader page (`read.html?id=…`): the stored article rendered by the same ReaderView as the
 * overlay, with the same settings, from local storage only (works with the network off). The body is sanitised
 * again on display (ArticleBody). A link saved without its text explains how to capture it.
 * `read.html?handoff=…` shows instead an article a page's reader handed over because the page kept closing the
 * overlay (not saved unless the user saves it; handoff.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from '../i18n/t';
import type { ArticleBody, IndexEntry } from '../library/schema';
import { send } from '../messaging/client';
import { ReaderView } from '../reader/ReaderView';
import { loadSettings, updateSettings, watchSettings } from '../settings/settings';
import type { Settings } from '../settings/schema';
import { useReadingProgress } from './reading-progress';
import { toArticle } from './to-article';
import type { Handoff } from '../messaging/protocol';
import { loadHandoff, useHandoffSave } from './handoff';
import { useOfflineImages } from './offline-images';

type View =
  | { kind: 'loading' }
  | { kind: 'ready'; entry: IndexEntry; body: ArticleBody | null; problem: string | null }
  | { kind: 'handoff'; handoff: Handoff }
  | { kind: 'missing'; message: string };

export function ReaderPage({ id, handoff, win }: { id: string; handoff?: string; win: Window & typeof globalThis }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const handoffSave = useHandoffSave(view.kind === 'handoff' ? view.handoff : null);
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    loadSettings().then(setSettings, (err: unknown) => console.error('Unwrap: settings not loaded', err));
    return watchSettings(setSettings);
  }, []);
  useEffect(() => {
    if (handoff) {
      loadHandoff(handoff).then(
        (h) => setView(h ? { kind: 'handoff', handoff: h } : { kind: 'missing', message: t('handoffGone') }),
        (err: unknown) => setView({ kind: 'missing', message: err instanceof Error ? err.message : String(err) }),
      );
      return;
    }
    if (!id) {
      setView({ kind: 'missing', message: t('notFoundBody') });
      return;
    }
    send('getArticle', { id }).then(
      (r) => setView({ kind: 'ready', entry: r.entry, body: r.body, problem: r.problem }),
      (err: unknown) => setView({ kind: 'missing', message: err instanceof Error ? err.message : String(err) }),
    );
  }, [id, handoff]);
  useEffect(() => {
    if (view.kind === 'ready') win.document.title = view.entry.title;
    if (view.kind === 'handoff') win.document.title = view.handoff.article.title;
  }, [view]);
  const offline = useOfflineImages(id, settings?.offlineImages ?? false);
  const ready = view.kind === 'ready' && view.body !== null && settings !== null && offline.images !== undefined;
  useReadingProgress(win, id, ready && view.kind === 'ready' ? view.entry.progress : null, settings?.markReadAtEnd ?? false);

  const openLibrary = () => win.location.assign('library.html');
  // Wait for the kept images too (a quick local read), so the body is laid out once, with its stored pictures.
  if (view.kind === 'loading' || !settings || (view.kind === 'ready' && view.body && !offline.images)) return <Shell settings={settings}><p>{t('loading')}</p></Shell>;
  if (view.kind === 'missing') {
    return (
      <Shell kind="missing" settings={settings}>
        <h1 id="unwrap-title">{t('notFoundTitle')}</h1>
        <p>{view.message}</p>
        <a class="u-btn" href="library.html">{t('libraryTitle')}</a>
      </Shell>
    );
  }
  if (view.kind === 'handoff') {
    const onSettings = (patch: Partial<Settings>) => {
      setSettings((s) => (s ? { ...s, ...patch } : s));
      updateSettings(patch).catch((err: unknown) => console.error('Unwrap: settings not saved', err));
    };
    return (
      <>
        <p class="u-fallback-notice" role="status" data-unwrap="fallback-notice">{t('fallbackNotice')}</p>
        <ReaderView state={{ kind: 'article', article: view.handoff.article }} settings={settings} onSettings={onSettings} mode="page" win={win} save={handoffSave} onOpenLibrary={openLibrary} />
      </>
    );
  }
  if (!view.body) {
    return (
      <Shell kind="link-only" settings={settings}>
        <h1 id="unwrap-title" dir="auto">{view.entry.title}</h1>
        {view.problem && <p role="alert">{view.problem}</p>}
        <p>{t('linkOnlyBody')}</p>
        <p class="u-empty-actions">
          <a class="u-btn" data-unwrap="source-link" href={view.entry.url} target="_blank" rel="noopener noreferrer">{t('openOriginal')}</a>
          <a class="u-btn" href="library.html">{t('libraryTitle')}</a>
        </p>
      </Shell>
    );
  }
  // The page's one main landmark holds the whole reader (toolbar, header, article): axe's landmark rules.
  return (
    <main class="u-page-main">
    <ReaderView
      state={{ kind: 'article', article: toArticle(view.entry, view.body) }}
      settings={settings}
      onSettings={(patch) => {
        setSettings((s) => (s ? { ...s, ...patch } : s));
        updateSettings(patch).catch((err: unknown) => console.error('Unwrap: settings not saved', err));
      }}
      mode="page"
      win={win}
      onOpenLibrary={openLibrary}
      offlineImages={offline.toggle}
      images={offline.images}
    />
    </main>
  );
}

/** The page around a message (loading, not found, link only), in the reader's theme. */
function Shell({ kind, settings, children }: { kind?: string; settings: Settings | null; children: ComponentChildren }) {
  return (
    <main class="u-page-main unwrap-root is-page" data-theme={settings?.theme ?? 'auto'} data-font="sans">
      <div class="u-empty" data-unwrap={kind ?? 'loading'}>{children}</div>
    </main>
  );
}
