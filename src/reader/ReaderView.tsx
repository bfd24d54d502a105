/**
 * The reader: shared by the in-page overlay and the saved-article reader page. It only renders: where the
 * article comes from, and what saving or closing does, are the caller's business.
 * Title, byline, site and every other piece of metadata are text nodes; only the body is (sanitised) HTML.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Article } from '../extract/types';
import { t, uiDir } from '../i18n/t';
import type { Settings } from '../settings/schema';
import { ArticleBody, type ImageSource } from './ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { EmptyState } from './EmptyState';
import { hostOf } from './format';
import { CloseIcon, KeysIcon, LibraryIcon, SettingsIcon } from './icons';
import { KeysHelp } from './KeysHelp';
import { LeadFigureView } from './LeadFigureView';
import { ProgressBar } from './ProgressBar';
import type { ReaderState } from './reader-state';
import { readerKeyAction } from './reader-keys';
import { RemovedDisclosure } from './RemovedDisclosure';
import { SaveButton, type SaveControl } from './SaveButton';
import { SettingsPanel, type OfflineImagesToggle, type SiteToggle } from './SettingsPanel';
import { Toolbar } from './Toolbar';

export type { SaveControl } from './SaveButton';

/** Set by ReaderView: handles a key for the reader's inner layers (panels, help); true when it used the key. */
export type KeyHandlerRef = { current: ((e: KeyboardEvent) => boolean) | null };

export interface ReaderViewProps {
  readonly state: ReaderState;
  readonly settings: Settings;
  readonly onSettings: (patch: Partial<Settings>) => void;
  readonly mode: 'overlay' | 'page';
  readonly win: Window & typeof globalThis;
  readonly onClose?: () => void;
  readonly save?: SaveControl;
  readonly autoOpen?: SiteToggle;
  readonly offlineImages?: OfflineImagesToggle;
  readonly uncleaned?: boolean;
  readonly onToggleUncleaned?: (v: boolean) => void;
  /** "Show anyway" in the empty state: show the extraction of a page judged "not an article". */
  readonly onShowAnyway?: () => void;
  readonly rootRef?: (el: HTMLDivElement | null) => void;
  /** Shows a "Library" button that opens the saved library (popup.html). */
  readonly onOpenLibrary?: () => void;
  /** The overlay routes keys here first (Esc closes the innermost layer); the page mode listens by itself. */
  readonly keys?: KeyHandlerRef;
  /** Stored copies of the body's images (saved articles read offline). */
  readonly images?: ImageSource;
}

export function ReaderView(props: ReaderViewProps) {
  const { state, settings, mode } = props;
  const [panelOpen, setPanelOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const setRootRef = useCallback((el: HTMLDivElement | null) => {
    setRoot(el);
    props.rootRef?.(el);
  }, [props.rootRef]);
  const scroller = useCallback(() => (mode === 'overlay' ? root : props.win), [mode, root, props.win]);

  // Keys: Esc closes the innermost layer first (help, then settings), `?` toggles the keys help.
  const layers = { help: helpOpen, panel: panelOpen };
  const handleKey = (e: KeyboardEvent): boolean => {
    const action = readerKeyAction(e, layers);
    if (action === 'close-help') setHelpOpen(false);
    else if (action === 'close-panel') {
      setPanelOpen(false);
      settingsButton.current?.focus({ preventScroll: true });
    } else if (action === 'toggle-help') setHelpOpen((o) => !o);
    else return false;
    e.preventDefault();
    return true;
  };
  if (props.keys) props.keys.current = handleKey;
  useEffect(() => {
    if (props.keys) return;
    const onKey = (e: KeyboardEvent) => handleKey(e);
    props.win.addEventListener('keydown', onKey);
    return () => props.win.removeEventListener('keydown', onKey);
  });

  const style = {
    '--u-font-size': `${settings.fontSize}px`,
    '--u-line-height': String(settings.lineHeight),
    '--u-width': `${settings.contentWidth}px`,
  } as JSX.CSSProperties;
  const dialog = mode === 'overlay' ? { role: 'dialog' as const, 'aria-modal': true, 'aria-labelledby': 'unwrap-title' } : {};
  const panel = helpOpen
    ? <KeysHelp canSave={!!props.save && state.kind === 'article'} canClose={!!props.onClose} />
    : panelOpen ? <SettingsPanel settings={settings} onChange={props.onSettings} autoOpen={props.autoOpen} offlineImages={props.offlineImages} /> : undefined;

  return (
    <div ref={setRootRef} dir={uiDir()} class={`unwrap-root ${mode === 'overlay' ? 'is-overlay' : 'is-page'}`} data-theme={settings.theme} data-font={settings.font} style={style} tabIndex={-1} {...dialog}>
      {state.kind === 'article' && <ProgressBar scroller={scroller} />}
      <Toolbar root={root} scroller={scroller} columnWidth={settings.contentWidth} panel={panel}>
        {props.save && state.kind === 'article' && <SaveButton save={props.save} />}
        {props.onOpenLibrary && (
          <button type="button" class="u-btn" data-unwrap-action="library" title={t('libraryTitle')} onClick={props.onOpenLibrary}>
            <LibraryIcon />
            <span class="u-label">{t('libraryOpen')}</span>
          </button>
        )}
        <button ref={settingsButton} type="button" class="u-btn" data-unwrap-action="settings" aria-expanded={panelOpen} aria-label={t('settings')} title={t('settings')} onClick={() => { setHelpOpen(false); setPanelOpen((o) => !o); }}>
          <SettingsIcon />
        </button>
        <button type="button" class="u-btn" data-unwrap-action="keys" aria-expanded={helpOpen} aria-label={t('keysButton')} title={t('keysButton')} onClick={() => { setPanelOpen(false); setHelpOpen((o) => !o); }}>
          <KeysIcon />
        </button>
        {props.onClose && (
          <button type="button" class="u-btn" data-unwrap-action="close" aria-label={t('close')} title={t('close')} onClick={props.onClose}>
            <CloseIcon />
          </button>
        )}
      </Toolbar>
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
      return <EmptyState state={state} url={props.win.location.href} onShowAnyway={props.onShowAnyway} />;
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
  return (
    <article class="u-article" lang={article.lang ?? undefined} dir={article.dir}>
      <ArticleHeader article={article} />
      {article.teaser && (
        <p class="u-notice" data-unwrap="teaser" role="note" dir={uiDir()}>{t('teaser')}</p>
      )}
      <LeadFigureView article={article} images={props.images} />
      <ArticleBody html={article.content} body={props.state.kind === 'article' ? props.state.body : undefined} win={props.win} lang={article.lang} dir={article.dir} images={props.images} />
      <RemovedDisclosure removed={article.removed} uncleaned={props.uncleaned ?? false} onToggleUncleaned={props.onToggleUncleaned} />
    </article>
  );
}
