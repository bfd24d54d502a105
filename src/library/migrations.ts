/**
 * Library index migrations, one per version, named by what they change. Pure; they never throw: a value they do
 * not understand is passed through unchanged, then fails validation and is quarantined (store.ts), never lost.
 * Each is tested with an example of the old shape (tests/unit/library/migrations.test.ts).
 */
import type { LibraryIndexV2 } from './schema';
import { normalizeUrl } from './url';

/** v1, the first library layout: one `status` per item and no stored dedupe key, no trash, no revision. */
export interface IndexEntryV1 {
  id: string;
  url: string;
  canonicalUrl: string | null;
  sourceUrl: string | null;
  title: string;
  siteName: string | null;
  byline: string | null;
  excerpt: string | null;
  lang: string | null;
  via: string | null;
  wordCount: number;
  readingTimeMinutes: number;
  savedAt: number;
  updatedAt: number;
  status: 'unread' | 'read' | 'archived';
  favourite: boolean;
  tags: string[];
  progress: number;
  linkOnly: boolean;
}
export interface LibraryIndexV1 {
  items: unknown[];
}

/**
 * v1 → v2: `status` becomes two independent flags (an archived item keeps whether it was read, as Pocket's and
 * Instapaper's exports distinguish), the normalised URL is stored for dedupe, the index gains `rev` and `trash`,
 * and it is stored as one JSON string (see index-codec.ts for why).
 */
export function splitStatusIntoFlags(v1: LibraryIndexV1): LibraryIndexV2 {
  if (!v1 || typeof v1 !== 'object' || !Array.isArray(v1.items)) return v1 as unknown as LibraryIndexV2; // quarantined whole
  const entries = v1.items.map((item) => {
    if (!item || typeof item !== 'object') return item;
    const { status, ...rest } = item as Partial<IndexEntryV1> & Record<string, unknown>;
    if (status !== 'unread' && status !== 'read' && status !== 'archived') return item; // quarantined later, as is
    return {
      ...rest,
      normalizedUrl: typeof rest.url === 'string' ? (normalizeUrl(rest.url) ?? rest.url) : rest.url,
      read: status !== 'unread',
      archived: status === 'archived',
    };
  });
  return { rev: 0, json: JSON.stringify({ entries, trash: [] }) };
}

export const INDEX_MIGRATIONS = {
  2: splitStatusIntoFlags,
} as const;
