/**
 * Saving from the overlay: typed messages to the background's library service (the one writer). The background
 * accepts these only for the page this script runs in. A link saved earlier without its text ("Save link to
 * Unwrap") is captured the first time it is opened in the reader.
 */
import type { Article } from '../extract/types';
import { send } from '../messaging/client';
import type { RequestOf } from '../messaging/protocol';
import type { SaveHooks } from '../reader/overlay';
import type { ReaderState } from '../reader/reader-state';
import { canonicalUrlOf } from './canonical-url';
import { testMeasure } from './test-marks';

export function saveHooksFor(state: ReaderState): SaveHooks | undefined {
  if (state.kind !== 'article') return undefined;
  const article = state.article;
  const canonicalUrl = canonicalUrlOf(document);
  const claims = { url: article.url, canonicalUrl, sourceUrl: article.sourceUrl };
  const save = () => send('saveArticle', { article: toSavable(article), canonicalUrl });
  const initiallySaved = send('isSaved', claims).then(async (s) => {
    if (!s.id) return false;
    if (s.linkOnly) await save();
    return true;
  });
  return {
    initiallySaved,
    toggle: async (saved) => {
      if (saved) {
        const start = performance.now();
        await save();
        testMeasure('save', start); // bench: save latency, click → stored (test build only)
        return true;
      }
      await send('unsaveUrl', claims);
      return false;
    },
  };
}

export function toSavable(a: Article): RequestOf<'saveArticle'>['article'] {
  return { ...a, removed: a.removed.map((r) => ({ reason: r.reason, text: r.text })) };
}
