/**
 * Read-only access to the library for Unwrap's pages (the library page, exports). Pages never write: every
 * change is a message to the background's library service. Reads are validated like everything from storage; a
 * damaged entry is left out of the view and counted, and the background sets it aside.
 */
import { browser } from 'wxt/browser';
import { INDEX_KEY, INDEX_META_KEY, recordKey, searchKeys } from './keys';
import { INDEX_VERSION, type IndexEntry, type QuarantineEntry } from './schema';
import { FullTextIndex, type SearchDoc } from './search';
import { parseIndex, parseRecord, type ParsedRecord } from './validate';
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

export async function readLibrary(): Promise<LibrarySnapshot> {
  const { raw, meta } = await readIndexRaw();
  return snapshotOf(raw, meta);
}

/** The stored index and its version meta, unparsed (the library page times the read and the parse apart). */
export async function readIndexRaw(): Promise<{ raw: unknown; meta: unknown }> {
  const got = await browser.storage.local.get([INDEX_KEY, INDEX_META_KEY]);
  return { raw: got[INDEX_KEY], meta: got[INDEX_META_KEY] };
}

export function snapshotOf(raw: unknown, meta: unknown): LibrarySnapshot {
  const v = (meta as { v?: unknown } | undefined)?.v;
  const needsMigration = raw != null && v !== INDEX_VERSION;
  if (needsMigration) return { rev: -1, entries: [], damaged: 0, needsMigration };
  const parsed = parseIndex(raw, Date.now());
  return { rev: parsed.rev, entries: parsed.entries, damaged: parsed.corrupt.length + (parsed.unreadable ? 1 : 0), needsMigration: false };
}

/** Calls `cb` with a fresh snapshot whenever the background writes the index. */
export function watchLibrary(cb: (s: LibrarySnapshot) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && INDEX_KEY in changes) cb(snapshotOf(changes[INDEX_KEY]?.newValue, { v: INDEX_VERSION }));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export async function readRecords(ids: readonly string[]): Promise<Map<string, ParsedRecord>> {
  const got = await browser.storage.local.get(ids.map(recordKey));
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
