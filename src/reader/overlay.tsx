/**
 * The in-page overlay: Preact inside WXT's `createShadowRootUi` (open shadow root, host `<unwrap-reader>`).
 * Opening records the page's scroll position and focus; closing removes the host and gives both back.
 * The page's DOM is touched only to add and remove the host element. The overlay scrolls itself
 * (`overscroll-behavior: contain`), so the page behind it does not move while it is open.
 */
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import readerCss from './reader.css?inline';
import hostCss from './host.css?inline';
import { ReaderView, type KeyHandlerRef, type SaveControl } from './ReaderView';
import type { ReaderState } from './reader-state';
import { trapTab } from './focus-trap';
import { ensureLegibleFont } from './fonts';
import { loadSettings, updateSettings, watchSettings } from '../settings/settings';
import type { Settings } from '../settings/schema';
import type { SiteToggle } from './SettingsPanel';

export interface OverlayOptions {
  /** Produces what to show; called again with `clean: false` for "show uncleaned". */
  readonly read: (clean: boolean) => ReaderState;
  readonly save?: (state: ReaderState) => SaveHooks | undefined;
  /** Opens the saved library in a new tab (the overlay's "Library" button). */
  readonly openLibrary?: () => void;
  readonly autoOpenHost?: string;
  readonly onClosed?: () => void;
  /** The page removed the overlay again after it was put back once (it is closing). */
  readonly onBlocked?: () => void;
}

export interface SaveHooks {
  readonly initiallySaved: Promise<boolean>;
  readonly toggle: (saved: boolean) => Promise<boolean>;
}

export interface OpenOverlay {
  close(): void;
  /** Read the page again (SPA navigation moved to another article). */
  refresh(): void;
}

export async function openOverlay(ctx: ContentScriptContext, opts: OverlayOptions): Promise<OpenOverlay> {
  const scroll = { x: window.scrollX, y: window.scrollY };
  const previousFocus = deepActiveElement(document);
  performance.mark('unwrap:reader:start');
  const settingsPromise = loadSettings();
  const first = opts.read(true);
  performance.mark('unwrap:reader:extracted');
  const initialSettings = await settingsPromise;
  performance.mark('unwrap:reader:settings');
  let closed = false;
  // The reader's inner layers (settings panel, keys help) take Esc first; only then does Esc close the reader.
  const keys: KeyHandlerRef = { current: null };
  const live: { refresh: () => void } = { refresh: () => undefined };

  const ui = await createShadowRootUi(ctx, {
    name: 'unwrap-reader',
    position: 'modal',
    // On <html>, after <body>: single-page apps that re-render the whole body do not take the reader with it.
    anchor: () => document.documentElement,
    zIndex: 2147483647,
    isolateEvents: true,
    css: `${hostCss}\n${readerCss}`,
    onMount(container, shadow) {
      const mountPoint = document.createElement('div');
      container.append(mountPoint);
      render(<Overlay first={first} initialSettings={initialSettings} opts={opts} onClose={close} shadow={shadow} live={live} keys={keys} />, mountPoint);
      // Capture phase: WXT's event isolation stops keyboard events at the shadow's <body> on the way up.
      shadow.addEventListener('keydown', (e) => onKey(e as KeyboardEvent, shadow), { capture: true });
      // The page can reach this open shadow root and `.click()` or dispatch events on our controls: only the user's
      // own (trusted) events act. Stopped here, in the capture phase, before any control's handler sees them.
      for (const type of USER_EVENTS) shadow.addEventListener(type, dropUntrusted, { capture: true });
      return mountPoint;
    },
    onRemove(mountPoint) {
      if (mountPoint) render(null, mountPoint);
    },
  });

  function onKey(e: KeyboardEvent, shadow: ShadowRoot) {
    if (!e.isTrusted) return;
    if (keys.current?.(e)) {
      e.stopPropagation(); // handled inside: the window listener below must not close the reader too
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else {
      trapTab(shadow, e);
    }
  }

  function close() {
    if (closed) return;
    closed = true;
    removal.disconnect();
    ui.remove();
    window.scrollTo({ left: scroll.x, top: scroll.y, behavior: 'instant' });
    if (previousFocus?.isConnected) previousFocus.focus({ preventScroll: true });
    opts.onClosed?.();
  }

  ctx.onInvalidated(close);
  // Esc closes even when focus is still on the page (e.g. the page kept focus in an iframe).
  ctx.addEventListener(window, 'keydown', (e) => {
    if (!e.isTrusted || e.key !== 'Escape') return;
    if (keys.current?.(e)) e.stopPropagation(); // a panel closed; the reader stays
    else close();
  }, { capture: true });
  // A page script may delete elements it does not know (a MutationObserver removing <unwrap-reader>). The host is
  // put back once; if it is removed again the overlay closes cleanly, so the next toolbar press opens a fresh one.
  let putBack = false;
  const removal = new MutationObserver(() => {
    if (closed || ui.shadowHost.isConnected) return;
    if (putBack) {
      console.warn('Unwrap: this page keeps removing the reader, so it was closed');
      opts.onBlocked?.();
      close();
      return;
    }
    putBack = true;
    document.documentElement.append(ui.shadowHost);
    toTopLayer(ui.shadowHost);
    root?.focus({ preventScroll: true });
  });
  ui.mount();
  toTopLayer(ui.shadowHost);
  performance.mark('unwrap:reader:mounted');
  const root = ui.shadow.querySelector<HTMLElement>('.unwrap-root');
  root?.focus({ preventScroll: true });
  removal.observe(document, { childList: true, subtree: true });
  // Timings for `npm run bench` (the page can read them with performance.getEntriesByName).
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('unwrap:reader:painted')));
  return { close, refresh: () => live.refresh() };
}

function Overlay({ first, initialSettings, opts, onClose, shadow, live, keys }: { first: ReaderState; initialSettings: Settings; opts: OverlayOptions; onClose: () => void; shadow: ShadowRoot; live: { refresh: () => void }; keys: KeyHandlerRef }) {
  const [settings, setSettings] = useState(initialSettings);
  const [state, setState] = useState(first);
  const [uncleaned, setUncleaned] = useState(false);
  live.refresh = () => {
    setUncleaned(false);
    setState(opts.read(true));
    shadow.querySelector('.unwrap-root')?.scrollTo({ top: 0 });
  };
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const hooks = useMemo(() => opts.save?.(state), [state]);

  useEffect(() => watchSettings(setSettings), []);
  useEffect(() => {
    if (settings.font === 'legible') ensureLegibleFont(document.fonts, (p) => browser.runtime.getURL(p as '/'));
  }, [settings.font]);
  useEffect(() => {
    let live = true;
    hooks?.initiallySaved.then((s) => live && setSaved(s), (err: unknown) => console.warn('Unwrap: could not read saved state', err));
    return () => { live = false; };
  }, [state]);

  const onSettings = (patch: Partial<Settings>) => {
    setSettings((s) => ({ ...s, ...patch }));
    updateSettings(patch).catch((err: unknown) => console.error('Unwrap: settings not saved', err));
  };
  const save: SaveControl | undefined = hooks && {
    saved,
    busy,
    onToggle: () => {
      setBusy(true);
      hooks.toggle(!saved).then(setSaved, (err: unknown) => {
        console.error('Unwrap: save failed', err);
        setState((s) => s); // keep the article; the button shows the unchanged state
      }).finally(() => setBusy(false));
    },
  };
  const host = opts.autoOpenHost;
  const autoOpen: SiteToggle | undefined = host
    ? {
        enabled: settings.autoOpenSites.includes(host),
        onToggle: (on) => onSettings({ autoOpenSites: on ? [...new Set([...settings.autoOpenSites, host])] : settings.autoOpenSites.filter((h) => h !== host) }),
      }
    : undefined;

  useEffect(() => {
    const onKey = (e: Event) => {
      const k = e as KeyboardEvent;
      if (!k.isTrusted || k.ctrlKey || k.metaKey || k.altKey) return;
      const target = k.composedPath()[0] as HTMLElement | undefined;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (k.key === 's' && save) {
        k.preventDefault();
        save.onToggle();
      }
    };
    shadow.addEventListener('keydown', onKey, { capture: true });
    return () => shadow.removeEventListener('keydown', onKey, { capture: true });
  });

  return (
    <ReaderView
      state={state}
      settings={settings}
      onSettings={onSettings}
      mode="overlay"
      win={window}
      onClose={onClose}
      keys={keys}
      onShowAnyway={() => {
        if (state.kind === 'empty' && state.anyway) setState({ kind: 'article', article: state.anyway.article, body: state.anyway.body, verdict: state.verdict });
      }}
      save={save}
      onOpenLibrary={opts.openLibrary}
      autoOpen={autoOpen}
      uncleaned={uncleaned}
      onToggleUncleaned={(v) => {
        setUncleaned(v);
        setState(opts.read(!v));
      }}
    />
  );
}

/**
 * The host goes into the top layer (a manual popover: no light dismiss; Esc is ours), where the page's styles on
 * <html> and <body> (`html:has(unwrap-reader) { opacity: 0 }`, filters, transforms, clip paths, zoom) no longer
 * reach it, and no z-index can cover it. Browsers without popovers keep the fixed, maximal z-index host.
 */
function toTopLayer(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  host.popover = 'manual';
  host.showPopover();
}

/** Events that make the overlay act; a page's synthetic ones (`isTrusted === false`) are dropped. */
const USER_EVENTS = ['click', 'auxclick', 'dblclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'input', 'change', 'beforeinput', 'keydown', 'keyup', 'keypress', 'submit'] as const;

function dropUntrusted(e: Event): void {
  if (e.isTrusted) return;
  e.preventDefault();
  e.stopImmediatePropagation();
}

function deepActiveElement(doc: Document): HTMLElement | null {
  let a: Element | null = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a instanceof HTMLElement ? a : null;
}
