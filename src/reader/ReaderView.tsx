/**
 * The reader: shared by the in-page overlay and the saved-article reader page. It only renders: where the
 * article comes from, and what saving or closing does, are the caller's business.
 * Title, byline, site and every other piece of metadata are text nodes; only the body is (sanitised) HTML.
 */
import { useCallback, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Article } from '../extract/types';
import { t, uiDir } from '../i18n/t';
import type { Settings } from '../settings/schema';
import { ArticleBody } from './ArticleBody';
import { formatDate, hostOf } from './format';
import { CloseIcon, LibraryIcon, SaveIcon, SettingsIcon } from './icons';
import { ProgressBar } from './ProgressBar';
import type { ReaderState } from './reader-state';
import { RemovedDisclosure } from './RemovedDisclosure';
import { SettingsPanel, type SiteToggle } from './SettingsPanel';

export interface SaveControl {
  readonly saved: boolean;
  readonly busy?: boolean;
  readonly onToggle: () => void;
}

export interface ReaderViewProps {
  readonly state: ReaderState;
  readonly settings: Settings;
  readonly onSettings: (patch: Partial<Settings>) => void;
  readonly mode: 'overlay' | 'page';
  readonly win: Window & typeof globalThis;
  readonly onClose?: () => void;
  readonly save?: SaveControl;
  readonly autoOpen?: SiteToggle;
  readonly uncleaned?: boolean;
  readonly onToggleUncleaned?: (v: boolean) => void;
  readonly rootRef?: (el: HTMLDivElement | null) => void;
  /** Shows a "Library" button that opens the saved library (popup.html). */
  readonly onOpenLibrary?: () => void;
}

export function ReaderView(props: ReaderViewProps) {
  const { state, settings, mode } = props;
  const [panelOpen, setPanelOpen] = useState(false);
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const setRootRef = useCallback((el: HTMLDivElement | null) => {
    setRoot(el);
    props.rootRef?.(el);
  }, [props.rootRef]);
  const scroller = useCallback(() => (mode === 'overlay' ? root : props.win), [mode, root, props.win]);
  const style = {
    '--u-font-size': `${settings.fontSize}px`,
    '--u-line-height': String(settings.lineHeight),
    '--u-width': `${settings.contentWidth}px`,
  } as JSX.CSSProperties;
  const dialog = mode === 'overlay' ? { role: 'dialog' as const, 'aria-modal': true, 'aria-labelledby': 'unwrap-title' } : {};

  return (
    <div ref={setRootRef} dir={uiDir()} class={`unwrap-root ${mode === 'overlay' ? 'is-overlay' : 'is-page'}`} data-theme={settings.theme} data-font={settings.font} style={style} tabIndex={-1} {...dialog}>
      <ProgressBar scroller={scroller} />
      <div class="u-toolbar" role="toolbar" aria-label={t('readerLabel')}>
        {props.save && state.kind === 'article' && (
          <button type="button" class="u-btn" data-unwrap-action="save" aria-pressed={props.save.saved} disabled={props.save.busy} title={t('save')} onClick={props.save.onToggle}>
            <SaveIcon filled={props.save.saved} />
            <span>{props.save.saved ? t('saved') : t('save').replace(/\s*\(.*\)$/, '')}</span>
          </button>
        )}
        {props.onOpenLibrary && (
          <button type="button" class="u-btn" data-unwrap-action="library" title={t('libraryTitle')} onClick={props.onOpenLibrary}>
            <LibraryIcon />
            <span>{t('libraryOpen')}</span>
          </button>
        )}
        <button type="button" class="u-btn" data-unwrap-action="settings" aria-expanded={panelOpen} aria-label={t('settings')} title={t('settings')} onClick={() => setPanelOpen((o) => !o)}>
          <SettingsIcon />
        </button>
        {props.onClose && (
          <button type="button" class="u-btn" data-unwrap-action="close" aria-label={t('close')} title={t('close')} onClick={props.onClose}>
            <CloseIcon />
          </button>
        )}
        {panelOpen && <SettingsPanel settings={settings} onChange={props.onSettings} autoOpen={props.autoOpen} />}
      </div>
      <Body {...props} />
    </div>
  );
}

function Body(props: ReaderViewProps) {
  const { state } = props;
  switch (state.kind) {
    case 'loading':
      return <div class="u-empty" data-unwrap="loading"><p>{t('loading')}</p></div>;
    case 'empty':
      return (
        <div class="u-empty" data-unwrap="empty" data-reason={state.reason} role="status">
          <h1 id="unwrap-title">{t('emptyTitle')}</h1>
          <p>{state.reason === 'too-large' ? t('emptyTooLarge') : t('emptyBody')}</p>
        </div>
      );
    case 'error':
      return (
        <div class="u-empty" data-unwrap="error" role="alert">
          <h1 id="unwrap-title">{t('errorTitle')}</h1>
          <p>{state.message}</p>
        </div>
      );
    case 'stub':
      return (
        <div class="u-empty" data-unwrap="stub">
          <h1 id="unwrap-title">{t('stubTitle')}</h1>
          <p>{state.stub.title ? `${state.stub.title} · ` : ''}{t('via', state.stub.via)}</p>
          <p>{t('stubBody')}</p>
          <a class="u-btn" data-unwrap="source-link" href={state.stub.destination} target="_blank" rel="noopener noreferrer">
            {t('stubOpen')} ({hostOf(state.stub.destination)})
          </a>
        </div>
      );
    case 'article':
      return <ArticleView {...props} article={state.article} />;
  }
}

function ArticleView(props: ReaderViewProps & { article: Article }) {
  const { article } = props;
  const date = formatDate(article.publishedTime, article.lang ?? undefined);
  const showLead = article.leadImage && !contentHasImage(article.content, article.leadImage);
  return (
    <article class="u-article" lang={article.lang ?? undefined} dir={article.dir}>
      <header class="u-meta">
        <div class="u-meta-line">
          {article.siteName && <span class="u-site" data-unwrap="site">{article.siteName}</span>}
          {article.via && <span dir={uiDir()}>{t('viaPrefix')} <span data-unwrap="via">{article.via}</span></span>}
        </div>
        <h1 class="u-title" id="unwrap-title">{article.title}</h1>
        <div class="u-meta-line">
          {article.byline && <span class="u-byline" data-unwrap="byline">{article.byline}</span>}
          {date && <time data-unwrap="date" dateTime={article.publishedTime ?? undefined}>{date}</time>}
          <span data-unwrap="reading-time" dir={uiDir()}>{t('readingTime', article.readingTimeMinutes)}</span>
          {article.sourceUrl && (
            <a class="u-source" data-unwrap="source-link" href={article.sourceUrl} target="_blank" rel="noopener noreferrer">
              {t('sourceLink')} ({hostOf(article.sourceUrl)})
            </a>
          )}
        </div>
      </header>
      {article.teaser && (
        <p class="u-notice" data-unwrap="teaser" role="note" dir={uiDir()}>{t('teaser')}</p>
      )}
      {showLead && (
        <figure class="u-lead" data-unwrap="lead-image">
          <img src={article.leadImage ?? undefined} alt="" loading="eager" decoding="async" />
        </figure>
      )}
      <ArticleBody html={article.content} body={props.state.kind === 'article' ? props.state.body : undefined} win={props.win} lang={article.lang} dir={article.dir} />
      <RemovedDisclosure removed={article.removed} uncleaned={props.uncleaned ?? false} onToggleUncleaned={props.onToggleUncleaned} />
    </article>
  );
}

/** The lead image is shown only when the body does not already start with it (compare by path). */
function contentHasImage(html: string, image: string): boolean {
  try {
    const u = new URL(image);
    const file = u.pathname.split('/').filter(Boolean).pop();
    return !!file && html.includes(file);
  } catch {
    return false;
  }
}
