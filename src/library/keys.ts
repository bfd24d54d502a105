/** Every storage key of the saved library, in one place (all in `browser.storage.local`). */
export const INDEX_KEY = 'library';
/** WXT's metadata for the index item (`{ v: <version> }`). */
export const INDEX_META_KEY = 'library$';
/** The recent head: the first screen's entries and the filter counts, written with the index (recent-head.ts). */
export const HEAD_KEY = 'library:head';
export const QUARANTINE_KEY = 'quarantine';
export const RECORD_PREFIX = 'article:';
export const SEARCH_PREFIX = 'search:';
export const SEARCH_SHARDS = 16;

export const recordKey = (id: string): string => `${RECORD_PREFIX}${id}`;
export const searchKey = (shard: number): string => `${SEARCH_PREFIX}${shard}`;
export const searchKeys = (): string[] => Array.from({ length: SEARCH_SHARDS }, (_, i) => searchKey(i));
/** Images kept with a saved article for offline reading (offline-images.ts). */
export const IMAGES_PREFIX = 'images:';
export const imagesKey = (id: string): string => `${IMAGES_PREFIX}${id}`;
/** Bytes each saved article takes (text and kept images), for the library's list: `{ [id]: StorageUse }`. */
export const STORAGE_USE_KEY = 'storage-use';
