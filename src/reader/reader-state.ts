/** What the reader shows: an article, an empty state, a stub page's destination, or an error. */
import type { Article, EmptyReason, RemovedBlock, StubPage } from '../extract/types';

export type ReaderState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'article'; readonly article: Article; readonly body?: Element }
  | { readonly kind: 'empty'; readonly reason: EmptyReason; readonly removed: readonly RemovedBlock[] }
  | { readonly kind: 'stub'; readonly stub: StubPage }
  | { readonly kind: 'error'; readonly message: string };
