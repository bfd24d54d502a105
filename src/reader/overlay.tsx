/**
 * The in-page overlay: Preact inside WXT's `createShadowRootUi` (open shadow root, host `<unwrap-reader>`).
 * Opening records the page's scroll position and focus; closing removes the host and gives both back.
 * The page's DOM is touched only to add and remove the host element. The overlay scrolls itself
 * (`overscroll-behavior: contain`), so the page behind it does not move while it is open.
 *
 * A page that will not let the overlay be — it removes the host again after it was put back once, hides it, covers
 * it with its own top-layer dialog, zooms it away, makes it inert, or breaks shadow roots so that it cannot be made —
 * cannot take the article away: the overlay closes and hands its state to `onSabotaged`, which opens the same
 * article in Unwrap's own reader tab (issue 14).
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
import { testMark } from '../content/test-marks';
import type { FallbackReason } from '../messaging/protocol';

export interface OverlayOptions {
  /** Produces what to show; called again with `clean: false` for "show uncleaned". */
  readonly read: (clean: boolean) => ReaderState;
  readonly save?: (state: ReaderState) => SaveHooks | undefined;
  /** Opens the saved library in a new tab (the overlay's "Library" button). */
  readonly openLibrary?: () => void;
  readonly autoOpenHost?: string;
  readonly onClosed?: () => void;
  /**
   * The page will not let the overlay be (`reason`); called with what the reader shows, just before the overlay
   * closes itself (or, for `no-shadow-root`, before `openOverlay` rejects). Opens the reader's fallback tab.
   */
  readonly onSabotaged?: (reason: FallbackReason, state: ReaderState) => void;
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
  testMark('reader:start'); // timing marks: test build only (a page can read them)
  const settingsPromise = loadSettings();
  const first = opts.read(true);
  testMark('reader:extracted');
  const initialSettings = await settingsPromise;
  testMark('reader:settings');
  let closed = false;
  // The reader's inner layers (settings panel, keys help) take Esc first; only then does Esc close the reader.
  const keys: KeyHandlerRef = { current: null };
  const live: Live = { refresh: () => undefined, state: first };

  const ui = await createHost().catch((err: unknown) => {
    // The page took the element name or broke shadow roots (a custom element without one, a patched
    // `attachShadow`): the overlay cannot be made here at all.
    if (first.kind === 'article') opts.onSabotaged?.('no-shadow-root', first);
    throw err;
  });

  function createHost() {
    return createShadowRootUi(ctx, {
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
  }

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
    clearInterval(watch);
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
  /** The page will not let the overlay be: the article moves to the reader tab, the overlay closes. */
  function sabotaged(reason: FallbackReason) {
    if (closed) return;
    console.warn(`Unwrap: this page keeps the reader from showing (${reason}), so it opens in its own tab`);
    opts.onSabotaged?.(reason, live.state);
    close();
  }

  // A page script may delete elements it does not know (a MutationObserver removing <unwrap-reader>). The host is
  // put back once; if it is removed again, the reader moves to its own tab.
  let putBack = false;
  const removal = new MutationObserver(() => {
    if (closed || ui.shadowHost.isConnected) return;
    if (putBack) {
      sabotaged('removed');
      return;
    }
    putBack = true;
    document.documentElement.append(ui.shadowHost);
    toTopLayer(ui.shadowHost);
    root?.focus({ preventScroll: true });
  });
  // Mounted and watched in one go: a page's MutationObserver runs only after this task, and finds the watch set.
  ui.mount();
  toTopLayer(ui.shadowHost);
  testMark('reader:mounted');
  const root = ui.shadow.querySelector<HTMLElement>('.unwrap-root');
  root?.focus({ preventScroll: true });
  removal.observe(document, { childList: true, subtree: true });
  // Hiding, covering, zooming and inert are not mutations of the tree (a style sheet, a top-layer dialog): looked
  // for a few times a second while the reader is open; seen twice in a row, the reader moves to its own tab.
  const before = topLayerNow(ui.shadowHost);
  let seen: FallbackReason | null = null;
  const watch = setInterval(() => {
    if (closed) return;
    const now = interference(ui.shadowHost, before);
    if (now && now === seen) sabotaged(now);
    seen = now;
  }, WATCH_MS);
  // Timings for `npm run bench` (test build only).
  if (__UNWRAP_TEST__) requestAnimationFrame(() => requestAnimationFrame(() => testMark('reader:painted')));
  return { close, refresh: () => live.refresh() };
}

/** What the mounted component shares with `openOverlay`: how to read the page again, and what it shows now. */
interface Live {
  refresh: () => void;
  state: ReaderState;
}

function Overlay({ first, initialSettings, opts, onClose, shadow, live, keys }: { first: ReaderState; initialSettings: Settings; opts: OverlayOptions; onClose: () => void; shadow: ShadowRoot; live: Live; keys: KeyHandlerRef }) {
  const [settings, setSettings] = useState(initialSettings);
  const [state, setState] = useState(first);
  live.state = state;
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
  if (typeof host.showPopover !== 'function' || !host.isConnected) return;
  host.popover = 'manual';
  host.showPopover();
}

const WATCH_MS = 250;

/** Top-layer elements of the page (modal dialogs, open popovers) other than the reader's host. */
function topLayerNow(host: Element): Set<Element> {
  try {
    return new Set(Array.from(document.querySelectorAll(':modal, :popover-open')).filter((el) => el !== host));
  } catch {
    return new Set(); // a browser without these selectors: hit testing below still sees a cover
  }
}

/**
 * What the page does to keep the reader from being read, or null. `earlier`: the page's top-layer elements from
 * before the reader opened (they sit below it).
 */
function interference(host: HTMLElement, earlier: ReadonlySet<Element>): FallbackReason | null {
  if (!host.isConnected) return null; // removal has its own observer
  for (let n: Element | null = host; n; n = n.parentElement) if ((n as HTMLElement).inert) return 'inert';
  if (typeof host.checkVisibility === 'function' && !host.checkVisibility()) return 'hidden';
  const rect = host.getBoundingClientRect();
  if (rect.width < 1 || rect.height < 1) return 'hidden';
  const zoom = (host as { currentCSSZoom?: number }).currentCSSZoom;
  if (typeof zoom === 'number' && Math.abs(zoom - 1) > 0.01) return 'zoomed';
  if (document.fullscreenElement && document.fullscreenElement !== host) return 'covered';
  for (const el of topLayerNow(host)) if (!earlier.has(el)) return 'covered';
  if (innerWidth > 0 && innerHeight > 0) {
    const hit = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
    if (hit && hit !== host) return 'covered';
  }
  return null;
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
