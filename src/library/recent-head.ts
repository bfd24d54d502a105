/**
 * The library's "recent head": a small item beside the index, written by the one writer in the same
 * `storage.local.set` as the index (store.ts `commit`), so the two always agree. It holds what the first screen of
 * the popup and the library page needs — the newest unread entries (their default view) and the count of every
 * filter — so that screen needs one read of a few KB instead of the whole index (about 6 MB and 120–175 ms at
 * 10,000 items). The page then loads the full index after its first paint. Pure; zod-free (read before the first
 * render): entries are checked with the index's own fast path, and anything it does not accept makes the whole head
 * unusable (the page then reads the full index first, as without a head).
 */
import { readPlainEntry } from './entry-check';
import { compactEntry } from './index-codec';
import { INDEX_VERSION } from './limits';
import { countByFilter, FILTERS, type ListFilter } from './list-query';
import type { IndexEntry } from './schema';

/** Entries kept: more than the tallest first screen shows (the library page at 1,200 px shows about 16 rows). */
export const HEAD_SIZE = 40;

export interface StoredHead {
  /** The index version the head was written with (a migrated index makes older heads unusable). */
  readonly v: number;
  /** The index revision it was written with. */
  readonly rev: number;
  /** `{ counts, entries }`, entries without their default fields (index-codec.ts), one string as the index is. */
  readonly json: string;
}

export interface RecentHead {
  readonly rev: number;
  /** How many entries each filter shows in the whole library. */
  readonly counts: Record<ListFilter, number>;
  /** The newest unread entries, newest first, at most HEAD_SIZE. */
  readonly entries: IndexEntry[];
}

const isUnread = (e: IndexEntry) => !e.read && !e.archived;
const newestFirst = (a: IndexEntry, b: IndexEntry) => b.savedAt - a.savedAt || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);

/** The newest `n` unread entries, in one pass (no sort of 10,000 entries on every write). */
export function newestUnread(entries: Iterable<IndexEntry>, n = HEAD_SIZE): IndexEntry[] {
  const top: IndexEntry[] = [];
  for (const e of entries) {
    if (!isUnread(e)) continue;
    if (top.length === n && newestFirst(e, top[n - 1]!) >= 0) continue;
    let i = top.length < n ? top.length : n - 1;
    while (i > 0 && newestFirst(e, top[i - 1]!) < 0) {
      if (i < n) top[i] = top[i - 1]!;
      i--;
    }
    top[i] = e;
  }
  return top;
}

export function packHead(rev: number, entries: Iterable<IndexEntry>): StoredHead {
  const all = [...entries];
  return { v: INDEX_VERSION, rev, json: JSON.stringify({ counts: countByFilter(all), entries: newestUnread(all).map(compactEntry) }) };
}

/** The head as stored, or null when it is missing, of another index version, or not plainly valid. */
export function unpackHead(raw: unknown): RecentHead | null {
  const h = raw as Partial<StoredHead> | null | undefined;
  if (!h || typeof h !== 'object' || h.v !== INDEX_VERSION || typeof h.rev !== 'number' || typeof h.json !== 'string') return null;
  let data: { counts?: Record<string, unknown>; entries?: unknown };
  try {
    data = JSON.parse(h.json) as typeof data;
  } catch {
    return null;
  }
  if (!data || !Array.isArray(data.entries) || data.entries.length > HEAD_SIZE || !data.counts || typeof data.counts !== 'object') return null;
  const counts = {} as Record<ListFilter, number>;
  for (const f of FILTERS) {
    const c = data.counts[f];
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0) return null;
    counts[f] = c;
  }
  const out: IndexEntry[] = [];
  for (const value of data.entries) {
    const e = readPlainEntry(value);
    if (!e || !isUnread(e)) return null;
    out.push(e);
  }
  return { rev: h.rev, counts, entries: out };
}
