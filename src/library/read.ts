/**
 * Read-only access to the library for Unwrap's pages (the library page, exports). Pages never write: every
 * change is a message to the background's library service. Reads are validated like everything from storage; a
 * damaged entry is left out of the view and counted, and the background sets it aside.
 * Zod stays out of this module's imports: the library page reads the index before its first render, and plainly
 * valid entries need no schema (index-parse.ts); validate.ts (zod) is loaded only when something needs it.
 */
import { browser } from 'wxt/browser';
import { INDEX_KEY, INDEX_META_KEY, recordKey, searchKeys } from './keys';
import { parseIndexWith } from './index-parse';
import { INDEX_VERSION } from './limits';
import type { IndexEntry, QuarantineEntry } from './schema';
import { FullTextIndex, type SearchDoc } from './search';
import type { ParsedRecord } from './validate';
import type MiniSearch from 'minisearch';

export interface LibrarySnapshot {
  /** The index revision (newer snapshots have a higher one). */
  readonly rev: number;
  readonly entries: IndexEntry[];
  /** Entries that could not be read (the background quarantines them). */
  readonly damaged: number;
  /** The stored index is older than this version of Unwrap: the background must migrate it first. */
  readonly needsMigration: boolean;
}

/** The stored index and its version meta, unparsed. */
export interface RawIndex {
  readonly raw: unknown;
  readonly meta: unknown;
}

export async function readLibrary(): Promise<LibrarySnapshot> {
  const { raw, meta } = await readIndexRaw();
  return snapshotOf(raw, meta);
}

/** The stored index and its version meta, unparsed (the library page starts this read early and times it). */
export async function readIndexRaw(): Promise<RawIndex> {
  const got = await browser.storage.local.get([INDEX_KEY, INDEX_META_KEY]);
  return { raw: got[INDEX_KEY], meta: got[INDEX_META_KEY] };
}

/**
 * The page's view of a stored index. Asynchronous only because, when some entry is not plainly valid, the schema
 * (zod) is loaded to judge it exactly as the background does; otherwise it answers without loading anything.
 */
export async function snapshotOf(raw: unknown, meta: unknown): Promise<LibrarySnapshot> {
  const v = (meta as { v?: unknown } | undefined)?.v;
  const needsMigration = raw != null && v !== INDEX_VERSION;
  if (needsMigration) return { rev: -1, entries: [], damaged: 0, needsMigration };
  const now = Date.now();
  const parsed = parseIndexWith(raw, now, null) ?? (await import('./validate')).parseIndex(raw, now);
  return { rev: parsed.rev, entries: parsed.entries, damaged: parsed.corrupt.length + (parsed.unreadable ? 1 : 0), needsMigration: false };
}

/** Calls `cb` with a fresh snapshot whenever the background writes the index (the latest write wins). */
export function watchLibrary(cb: (s: LibrarySnapshot) => void): () => void {
  let latest = 0;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(INDEX_KEY in changes)) return;
    const seq = ++latest;
    // A snapshot that needs zod resolves later than one that does not: never let an older write overtake.
    snapshotOf(changes[INDEX_KEY]?.newValue, { v: INDEX_VERSION }).then(
      (s) => seq === latest && cb(s),
      (err: unknown) => console.error('Unwrap: library change not read', err),
    );
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    latest = -1;
    browser.storage.onChanged.removeListener(listener);
  };
}

export async function readRecords(ids: readonly string[]): Promise<Map<string, ParsedRecord>> {
  const [got, { parseRecord }] = await Promise.all([browser.storage.local.get(ids.map(recordKey)), import('./validate')]);
  const now = Date.now();
  const out = new Map<string, ParsedRecord>();
  for (const id of ids) {
    const raw = got[recordKey(id)];
    if (raw != null) out.set(id, parseRecord(recordKey(id), raw, now));
  }
  return out;
}

export async function readQuarantineRaw(): Promise<QuarantineEntry[]> {
  const raw = (await browser.storage.local.get('quarantine')).quarantine;
  return Array.isArray(raw) ? (raw as QuarantineEntry[]) : raw == null ? [] : [{ source: 'quarantine', reason: 'not a list', at: Date.now(), value: raw }];
}

/** The persisted full-text shards (missing or damaged shards are skipped: metadata search still answers). */
export async function readFullTextIndex(): Promise<FullTextIndex> {
  const [got, { loadShard }] = await Promise.all([browser.storage.local.get(searchKeys()), import('./search-shards')]);
  const shards = searchKeys().map((k) => loadShard(got[k])).filter((s): s is MiniSearch<SearchDoc> => s !== null);
  return new FullTextIndex(shards);
}
