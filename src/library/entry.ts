/**
 * Building records and index entries. Pure. A record is self-contained (metadata snapshot + body), so the index
 * can always be rebuilt from records; the entry adds the reading state (read, archived, favourite, tags, progress).
 */
import {
  RECORD_VERSION,
  type ArticleBody, type ArticleRecord, type ImportItem, type IndexEntry, type SavableArticle,
} from './schema';
import { acceptedCanonical, normalizeUrl } from './url';

export type ReadingState = Pick<IndexEntry, 'read' | 'archived' | 'favourite' | 'tags' | 'progress'>;

export const UNREAD: ReadingState = { read: false, archived: false, favourite: false, tags: [], progress: 0 };

export function recordFromArticle(id: string, a: SavableArticle, canonicalUrl: string | null, savedAt: number, now: number): ArticleRecord {
  return {
    v: RECORD_VERSION,
    id,
    url: a.url,
    canonicalUrl: acceptedCanonical(a.url, canonicalUrl),
    sourceUrl: a.sourceUrl,
    title: a.title || fallbackTitle(a.url),
    siteName: a.siteName,
    byline: a.byline,
    excerpt: a.excerpt,
    lang: a.lang,
    via: a.via,
    wordCount: a.wordCount,
    readingTimeMinutes: a.readingTimeMinutes,
    savedAt,
    linkOnly: false,
    body: {
      content: a.content,
      textContent: a.textContent,
      dir: a.dir,
      publishedTime: a.publishedTime,
      leadImage: a.leadImage,
      aggregator: a.aggregator,
      publisher: a.publisher,
      teaser: a.teaser,
      removed: a.removed.map((r) => ({ reason: r.reason, text: r.text })),
      capturedAt: now,
      leadFigure: a.leadFigure ?? null,
    },
  };
}

export function linkRecord(id: string, url: string, title: string | null, savedAt: number): ArticleRecord {
  return {
    v: RECORD_VERSION, id, url, canonicalUrl: null, sourceUrl: null, title: title?.trim() || fallbackTitle(url),
    siteName: null, byline: null, excerpt: null, lang: null, via: null, wordCount: 0, readingTimeMinutes: 0,
    savedAt, linkOnly: true, body: null,
  };
}

export function recordFromImport(id: string, item: ImportItem, now: number): ArticleRecord {
  const body: ArticleBody | null = item.body ?? null;
  return {
    v: RECORD_VERSION,
    id,
    url: item.url,
    canonicalUrl: item.canonicalUrl ?? null,
    sourceUrl: item.sourceUrl ?? null,
    title: item.title?.trim() || fallbackTitle(item.url),
    siteName: item.siteName ?? null,
    byline: item.byline ?? null,
    excerpt: item.excerpt ?? null,
    lang: item.lang ?? null,
    via: item.via ?? null,
    wordCount: item.wordCount ?? 0,
    readingTimeMinutes: item.readingTimeMinutes ?? 0,
    savedAt: item.savedAt ?? now,
    linkOnly: body === null,
    body,
  };
}

export function entryFromRecord(r: ArticleRecord, state: ReadingState, updatedAt: number): IndexEntry {
  return {
    id: r.id,
    url: r.url,
    normalizedUrl: normalizeUrl(r.url) ?? r.url,
    canonicalUrl: r.canonicalUrl,
    sourceUrl: r.sourceUrl,
    title: r.title,
    siteName: r.siteName,
    byline: r.byline,
    excerpt: r.excerpt,
    lang: r.lang,
    via: r.via,
    wordCount: r.wordCount,
    readingTimeMinutes: r.readingTimeMinutes,
    savedAt: r.savedAt,
    linkOnly: r.linkOnly,
    updatedAt,
    read: state.read,
    archived: state.archived,
    favourite: state.favourite,
    tags: [...state.tags],
    progress: state.progress,
  };
}

/** The record matching an entry's metadata (used when an entry's record is missing or damaged: link only). */
export function recordFromEntry(e: IndexEntry): ArticleRecord {
  return {
    v: RECORD_VERSION, id: e.id, url: e.url, canonicalUrl: e.canonicalUrl, sourceUrl: e.sourceUrl, title: e.title,
    siteName: e.siteName, byline: e.byline, excerpt: e.excerpt, lang: e.lang, via: e.via, wordCount: 0,
    readingTimeMinutes: 0, savedAt: e.savedAt, linkOnly: true, body: null,
  };
}

export function stateOf(e: IndexEntry): ReadingState {
  return { read: e.read, archived: e.archived, favourite: e.favourite, tags: e.tags, progress: e.progress };
}

/** A readable title for an item saved without one: host and path. */
export function fallbackTitle(url: string): string {
  try {
    const u = new URL(url);
    const path = decodeURIComponent(u.pathname).replace(/\/+$/, '');
    return `${u.hostname.replace(/^www\./, '')}${path}`.slice(0, 200);
  } catch {
    return url.slice(0, 200);
  }
}

/** Whether a new capture should replace the stored body (a fuller text wins; a teaser never replaces a full text). */
export function shouldReplaceBody(old: ArticleRecord, next: ArticleRecord): boolean {
  if (!old.body || !next.body) return !!next.body;
  if (next.body.teaser && !old.body.teaser) return false;
  if (old.body.teaser && !next.body.teaser) return true;
  return next.wordCount >= old.wordCount * 0.5;
}
