/**
 * Search over the library: MiniSearch (a real inverted index) for full text, plus an always-available metadata
 * match. Pure: takes entries and already-loaded shards.
 *
 * Why a persisted, sharded index: listing 10,000 items must not load 10,000 bodies. The background (the one writer)
 * keeps a serialised MiniSearch index of title, site, byline, tags and full text in 16 `search:<n>` shards and
 * updates only the shard of each changed item. The popup renders from the metadata index first, answers at once
 * with the metadata match, and loads the shards in the background of the page (no article body is read). Items
 * a shard does not cover yet (a failed shard write, storage seeded by hand) are still found by their metadata,
 * and the popup asks the background to rebuild the shards.
 */
import type MiniSearch from 'minisearch';
import type { Options } from 'minisearch';
import { SEARCH_SHARDS } from './keys';
import type { IndexEntry } from './schema';

export const SEARCH_FORMAT = 1;
/** Long articles are indexed on their first 60,000 characters (about 10,000 words). */
export const MAX_INDEXED_TEXT = 60_000;

export interface SearchDoc {
  id: string;
  title: string;
  site: string;
  byline: string;
  tags: string;
  text: string;
}

export interface StoredShard {
  readonly format: number;
  /** MiniSearch's own JSON serialisation. */
  readonly index: string;
}

export const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export const SEARCH_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: ['title', 'site', 'byline', 'tags', 'text'],
  storeFields: [],
  autoVacuum: false, // the writer vacuums before storing a shard (search-writer.ts)
  processTerm: (term) => {
    const t = fold(term);
    return t.length > 0 && t.length <= 40 ? t : null;
  },
  searchOptions: { prefix: true, combineWith: 'AND', boost: { title: 3, site: 2, tags: 2, byline: 1.5 } },
};

export function toSearchDoc(e: IndexEntry, text: string): SearchDoc {
  return {
    id: e.id,
    title: e.title,
    site: [e.siteName, e.via, hostOf(e.url)].filter(Boolean).join(' '),
    byline: e.byline ?? '',
    tags: e.tags.join(' '),
    text: text.slice(0, MAX_INDEXED_TEXT),
  };
}

export function shardOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % SEARCH_SHARDS;
}

/** Full-text search over the loaded shards. */
export class FullTextIndex {
  constructor(private readonly shards: readonly MiniSearch<SearchDoc>[]) {}

  covers(id: string): boolean {
    return this.shards.some((s) => s.has(id));
  }

  get size(): number {
    return this.shards.reduce((n, s) => n + s.documentCount, 0);
  }

  ids(query: string): Set<string> {
    const out = new Set<string>();
    if (!query.trim()) return out;
    for (const s of this.shards) for (const r of s.search(query)) out.add(String(r.id));
    return out;
  }
}

const haystacks = new WeakMap<IndexEntry, string>();

function haystack(e: IndexEntry): string {
  let h = haystacks.get(e);
  if (h === undefined) {
    h = fold([e.title, e.siteName, e.via, e.byline, e.tags.join(' '), e.url].filter(Boolean).join('\u0001'));
    haystacks.set(e, h);
  }
  return h;
}

/** Prepare the metadata match for every entry ahead of the first keystroke (call when the page is idle). */
export function warmMetadataSearch(entries: readonly IndexEntry[]): void {
  for (const e of entries) haystack(e);
}

export function queryTerms(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** Metadata match: every term appears in the title, site, byline, tags or URL (substring, accents ignored). */
export function matchesMetadata(e: IndexEntry, terms: readonly string[]): boolean {
  const h = haystack(e);
  return terms.every((t) => h.includes(t));
}

/**
 * The entries matching `query`, in the given order: a metadata match, or a full-text match when the shards are
 * loaded. An empty query returns `entries` unchanged.
 */
export function searchEntries(entries: readonly IndexEntry[], query: string, fullText: FullTextIndex | null): readonly IndexEntry[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return entries;
  const hits = fullText ? fullText.ids(query) : null;
  return entries.filter((e) => hits?.has(e.id) || matchesMetadata(e, terms));
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
