/** What the runtime-injected reader script does: toggle the overlay over the current page. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extractArticle } from '../extract';
import type { ReaderState } from '../reader/reader-state';
import { openOverlay } from '../reader/overlay';
import { shouldOpen, toggleState } from '../reader/toggle';
import { send } from '../messaging/client';
import { saveHooksFor } from './save-hooks';

export async function runReader(ctx: ContentScriptContext): Promise<'opened' | 'closed'> {
  const state = toggleState(globalThis);
  if (!shouldOpen(state)) return 'closed';
  state.open = true;
  let replaced = true;
  ctx.onInvalidated(() => {
    if (state.open && replaced) state.closedByReinjection = true;
    state.open = false;
  });
  let navigated = false;
  const read = (clean: boolean): ReaderState => readPage(document, location.href, clean, navigated);
  const overlay = await openOverlay(ctx, {
    read,
    save: saveHooksFor,
    openLibrary: () => {
      send('openLibrary', {}).catch((err: unknown) => console.error('Unwrap: library not opened', err));
    },
    autoOpenHost: location.hostname,
    onClosed: () => {
      replaced = false;
      state.open = false;
      ctx.abort('reader closed'); // release listeners; the next injection starts fresh
    },
  });
  // Single-page apps (MSN, Yahoo) swap articles without a page load: read the new one once it has rendered.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    navigated = true;
    ctx.setTimeout(() => overlay.refresh(), 600);
  });
  return 'opened';
}

export function readPage(doc: Document, url: string, clean: boolean, preferHeadline = false): ReaderState {
  try {
    const timings: Record<string, number> = {};
    const result = extractArticle(doc, url, { clean, timings, preferHeadline });
    // Per-stage timings on the page's performance timeline, for `npm run bench` and diagnostics.
    for (const [stage, ms] of Object.entries(timings)) performance.mark(`unwrap:stage:${stage}`, { detail: Math.round(ms * 10) / 10 });
    if (result.kind === 'article') return { kind: 'article', article: result.article, body: result.body };
    if (result.kind === 'stub') return { kind: 'stub', stub: result.stub };
    return { kind: 'empty', reason: result.reason, removed: result.removed };
  } catch (err) {
    console.error('Unwrap: extraction failed', err);
    return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}
