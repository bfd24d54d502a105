/** What the reader shows: an article, an empty state, a stub page's destination, or an error. */
import type { Article, EmptyReason, RemovedBlock, StubPage, Verdict } from '../extract/types';

export type ReaderState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'article'; readonly article: Article; readonly body?: Element; readonly verdict?: Verdict }
  | {
      readonly kind: 'empty';
      readonly reason: EmptyReason;
      readonly removed: readonly RemovedBlock[];
      readonly verdict?: Verdict;
      /** The extraction of a page judged "not an article": what "Show anyway" renders. */
      readonly anyway?: { readonly article: Article; readonly body?: Element };
    }
  | { readonly kind: 'stub'; readonly stub: StubPage }
  | { readonly kind: 'error'; readonly message: string };
