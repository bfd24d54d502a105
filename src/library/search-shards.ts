/**
 * The persisted search shards: create, load (a damaged or old-format shard is null, to be rebuilt) and store.
 * Kept apart from search.ts so the library page loads MiniSearch only when it loads the shards.
 */
import MiniSearch from 'minisearch';
import { SEARCH_FORMAT, SEARCH_OPTIONS, type SearchDoc, type StoredShard } from './search';

export function newShard(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
}

/** A stored shard, or null when it is missing, of another format or damaged (it will be rebuilt). */
export function loadShard(raw: unknown): MiniSearch<SearchDoc> | null {
  if (!raw || typeof raw !== 'object') return null;
  const s = raw as Partial<StoredShard>;
  if (s.format !== SEARCH_FORMAT || typeof s.index !== 'string') return null;
  try {
    return MiniSearch.loadJSON<SearchDoc>(s.index, SEARCH_OPTIONS);
  } catch (err) {
    console.warn('Unwrap: a search shard could not be read; it will be rebuilt', err);
    return null;
  }
}

export function storeShard(ms: MiniSearch<SearchDoc>): StoredShard {
  return { format: SEARCH_FORMAT, index: JSON.stringify(ms) };
}

