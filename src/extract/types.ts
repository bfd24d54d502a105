/** Shapes shared by every stage of the extraction pipeline. Plain data: serialisable, storable, printable. */

import type { RemovedBlock } from '../cleanup/block-stripper';

export type { RemovedBlock };

export interface Article {
  /** The document URL the article was read from (never a URL the page claims). */
  readonly url: string;
  readonly title: string;
  readonly byline: string | null;
  /** Publisher name (for an aggregator page: the original publisher, e.g. "The Guardian - UK"). */
  readonly siteName: string | null;
  readonly publishedTime: string | null;
  readonly lang: string | null;
  readonly dir: 'ltr' | 'rtl';
  readonly excerpt: string | null;
  /** Sanitised HTML of the article body. Sanitise again on display. */
  readonly content: string;
  readonly textContent: string;
  readonly wordCount: number;
  readonly readingTimeMinutes: number;
  readonly leadImage: string | null;
  /** Aggregator adapter id (`inkl`, `msn`, …) or null on an ordinary page. */
  readonly aggregator: string | null;
  /** Human name of the aggregator, e.g. "inkl". */
  readonly via: string | null;
  /** Original publisher name when the page gives it (same as siteName on aggregators). */
  readonly publisher: string | null;
  /** The publisher's original URL when the page reveals it (canonical, og:url, JSON-LD, a "read more" link). */
  readonly sourceUrl: string | null;
  /** True when the page shows only the start of the story and gates the rest. */
  readonly teaser: boolean;
  readonly removed: readonly RemovedBlock[];
  /** The lead (hero) image's figure as the page shows it: its caption and credit as text (lead-figure.ts). */
  readonly leadFigure?: LeadFigure | null;
}

/** The figure holding the lead image, which often sits outside the body container (above or beside the headline). */
export interface LeadFigure {
  /** The image as the figure shows it (resolved URL). */
  readonly src: string;
  readonly alt: string;
  readonly caption: string | null;
  /** "Photograph: Ann Lee / Agency", as the page writes it. */
  readonly credit: string | null;
}

/** A page that is only a pointer to somewhere else (Google News "Opening https://…"). */
export interface StubPage {
  readonly url: string;
  readonly aggregator: string;
  readonly via: string;
  readonly destination: string;
  readonly title: string | null;
}

/** What kind of page this is, judged from its structure before any text is shown (see `verdict.ts`). */
export type PageKind = 'article' | 'forum' | 'docs' | 'listing' | 'product' | 'service' | 'collection' | 'unknown';

/** The page verdict: does the reader show the text directly, or the empty state with "Show anyway"? */
export interface Verdict {
  /** True: show the article. False: show the empty state; the extraction is still available (`anyway`). */
  readonly readable: boolean;
  readonly kind: PageKind;
  /** The signals that decided, as short `name:value` strings (diagnostics, "Report a page"). */
  readonly signals: readonly string[];
}

export type ExtractResult =
  | {
      readonly kind: 'article';
      readonly article: Article;
      readonly verdict: Verdict;
      /**
       * The sanitised body as a fresh element: `article.content` parsed and sanitised again into the sanitiser's
       * inert document (never the working copy's own nodes). The overlay moves its children in directly; anything
       * stored or sent elsewhere uses `article.content` and is sanitised again on display.
       */
      readonly body?: Element;
    }
  | { readonly kind: 'stub'; readonly stub: StubPage }
  | {
      readonly kind: 'empty';
      readonly url: string;
      readonly reason: EmptyReason;
      readonly removed: readonly RemovedBlock[];
      readonly verdict?: Verdict;
      /** The best extraction of a page judged "not an article": what "Show anyway" renders. */
      readonly anyway?: { readonly article: Article; readonly body?: Element };
    };

export type EmptyReason = 'no-content' | 'not-an-article' | 'too-large' | 'not-html';
