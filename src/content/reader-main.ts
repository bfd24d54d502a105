/** What the runtime-injected reader script does: toggle the overlay over the current page. */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extractArticle } from '../extract';
import type { ReaderState } from '../reader/reader-state';
import { openOverlay, type OpenOverlay } from '../reader/overlay';
import { toggleState } from '../reader/toggle';
import { send } from '../messaging/client';
import { saveHooksFor, toSavable } from './save-hooks';
import { canonicalUrlOf } from './canonical-url';
import type { FallbackReason } from '../messaging/protocol';
import { testMark } from './test-marks';

/** The event name WXT uses for "a newer run of this script started" (typed private in WXT 0.20; read, not patched). */
const SCRIPT_STARTED = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;

/** `unsupported`: the page does not let the overlay exist (the background explains with the badge). */
export async function runReader(ctx: ContentScriptContext): Promise<'opened' | 'closed' | 'unsupported'> {
  const state = toggleState(globalThis);
  if (state.current) {
    state.current.close(); // the second press closes the reader
    ctx.abort('reader toggled off');
    return 'closed';
  }
  if (state.opening) {
    ctx.abort('reader already opening');
    return 'closed';
  }
  // WXT's "newer script started" signal is a DOM event on the page's document: a page could dispatch it to
  // invalidate this context and close the overlay. Reader runs replace each other through `state` instead.
  window.addEventListener(SCRIPT_STARTED, (e) => e.stopImmediatePropagation(), { capture: true, signal: ctx.signal });
  state.opening = true;
  let navigated = false;
  const read = (clean: boolean): ReaderState => readPage(document, location.href, clean, navigated);
  let overlay: OpenOverlay;
  let blocked = false;
  /** Set when the page would not let the overlay be: settles true once the reader tab has opened. */
  let fallback: Promise<boolean> | null = null;
  try {
    overlay = await openOverlay(ctx, {
      read,
      save: saveHooksFor,
      openLibrary: () => {
        send('openLibrary', {}).catch((err: unknown) => console.error('Unwrap: library not opened', err));
      },
      autoOpenHost: location.hostname,
      onClosed: () => {
        if (state.current === overlay) state.current = null;
        ctx.abort('reader closed'); // release listeners; the next injection starts fresh
      },
      onSabotaged: (reason, shown) => {
        blocked = true;
        fallback = openFallbackTab(reason, shown);
      },
    });
  } catch (err) {
    // An XML document (no HTML elements), or a page that claimed the <unwrap-reader> element name for itself.
    console.warn('Unwrap: the reader cannot be shown on this page', err);
    ctx.abort('reader not shown');
    return (await fallback) ? 'opened' : 'unsupported';
  } finally {
    state.opening = false;
  }
  state.current = overlay;
  // Single-page apps (MSN, Yahoo) swap articles without a page load: read the new one once it has rendered.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    navigated = true;
    ctx.setTimeout(() => overlay.refresh(), 600);
  });
  // A page that deletes the overlay as soon as it appears: the reader opens in its own tab (see overlay.tsx); when
  // that cannot be either (nothing to show), the badge explains.
  await new Promise((r) => setTimeout(r, 100));
  if (!blocked) return 'opened';
  return (await fallback) ? 'opened' : 'unsupported';
}

/**
 * The same article in Unwrap's own reader tab (`read.html`, handed over through the background's `storage.session`,
 * not saved). Only an article moves; an empty state or a stub stays explained by the badge.
 */
function openFallbackTab(reason: FallbackReason, shown: ReaderState): Promise<boolean> | null {
  if (shown.kind !== 'article') return null;
  return send('openFallbackTab', { article: toSavable(shown.article), canonicalUrl: canonicalUrlOf(document), reason }).then(
    () => true,
    (err: unknown) => {
      console.error('Unwrap: the reader tab did not open', err);
      return false;
    },
  );
}

export function readPage(doc: Document, url: string, clean: boolean, preferHeadline = false): ReaderState {
  try {
    const timings: Record<string, number> | undefined = __UNWRAP_TEST__ ? {} : undefined;
    const result = extractArticle(doc, url, { clean, timings, preferHeadline });
    // Per-stage timings for `npm run bench` (test build only: the page can read its performance timeline).
    if (__UNWRAP_TEST__ && timings) for (const [stage, ms] of Object.entries(timings)) testMark(`stage:${stage}`, Math.round(ms * 10) / 10);
    if (result.kind === 'article') return { kind: 'article', article: result.article, body: result.body, verdict: result.verdict };
    if (result.kind === 'stub') return { kind: 'stub', stub: result.stub };
    return { kind: 'empty', reason: result.reason, removed: result.removed, verdict: result.verdict, anyway: result.anyway };
  } catch (err) {
    console.error('Unwrap: extraction failed', err);
    return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}
