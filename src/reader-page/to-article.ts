/** A stored item as the reader's `Article` (pure). The original is always linked: the publisher's, else the saved URL. */
import type { Article } from '../extract/types';
import type { ArticleBody, IndexEntry } from '../library/schema';

export function toArticle(e: IndexEntry, body: ArticleBody): Article {
  return {
    url: e.url,
    title: e.title,
    byline: e.byline,
    siteName: e.siteName,
    publishedTime: body.publishedTime,
    lang: e.lang,
    dir: body.dir,
    excerpt: e.excerpt,
    content: body.content,
    textContent: body.textContent,
    wordCount: e.wordCount,
    readingTimeMinutes: e.readingTimeMinutes,
    leadImage: body.leadImage,
    aggregator: body.aggregator,
    via: e.via,
    publisher: body.publisher,
    sourceUrl: e.sourceUrl ?? e.url,
    teaser: body.teaser,
    removed: body.removed,
    leadFigure: body.leadFigure ?? null,
  };
}
