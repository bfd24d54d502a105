/**
 * The library's in-memory state and a transaction over it. Every mutation is logged with its inverse, so a failed
 * job is rolled back to its checkpoint and a failed commit rolls the whole batch back: memory never disagrees with
 * storage, and no copy of 10,000 entries is made per job. Pure (no storage access).
 */
import { recordKey } from './keys';
import type { ArticleRecord, IndexEntry, TrashEntry } from './schema';
import { dedupeKeys } from './url';

export interface LibraryState {
  rev: number;
  readonly entries: Map<string, IndexEntry>;
  readonly trash: Map<string, TrashEntry>;
  /** Dedupe key → id of the live entry it belongs to. */
  readonly keys: Map<string, string>;
}

export function keysOf(e: Pick<IndexEntry, 'url' | 'canonicalUrl' | 'sourceUrl'>): string[] {
  return dedupeKeys({ url: e.url, canonicalUrl: e.canonicalUrl, sourceUrl: e.sourceUrl });
}

export function buildState(rev: number, entries: readonly IndexEntry[], trash: readonly TrashEntry[]): LibraryState {
  const state: LibraryState = { rev, entries: new Map(), trash: new Map(), keys: new Map() };
  for (const e of entries) {
    state.entries.set(e.id, e);
    for (const k of keysOf(e)) if (!state.keys.has(k)) state.keys.set(k, e.id);
  }
  for (const t of trash) if (!state.entries.has(t.id)) state.trash.set(t.id, t);
  return state;
}

export class Transaction {
  /** Storage writes of this batch (records), by key. */
  readonly puts = new Map<string, unknown>();
  /** Ids whose search document must be (re)written / removed after the commit. */
  readonly searchUpserts = new Map<string, true>();
  readonly searchRemoves = new Map<string, true>();
  /** Text of records written in this batch, for the search index. */
  readonly texts = new Map<string, string>();
  private readonly log: (() => void)[] = [];
  /** Set when the index must be written even though no job changed it (entries were quarantined on load). */
  forceWrite = false;

  constructor(readonly state: LibraryState, readonly now: number) {}

  get changed(): boolean {
    return this.forceWrite || this.log.length > 0;
  }

  checkpoint(): number {
    return this.log.length;
  }

  rollback(to = 0): void {
    while (this.log.length > to) this.log.pop()!();
  }

  findByKeys(keys: readonly string[]): string | undefined {
    for (const k of keys) {
      const id = this.state.keys.get(k);
      if (id !== undefined && this.state.entries.has(id)) return id;
    }
    return undefined;
  }

  /** Insert or replace a live entry (and its dedupe keys). */
  putEntry(e: IndexEntry): void {
    const old = this.state.entries.get(e.id);
    if (old) for (const k of keysOf(old)) if (this.state.keys.get(k) === e.id) this.set(this.state.keys, k, undefined);
    this.set(this.state.entries, e.id, e);
    for (const k of keysOf(e)) {
      const owner = this.state.keys.get(k);
      if (owner === undefined || !this.state.entries.has(owner)) this.set(this.state.keys, k, e.id);
    }
  }

  dropEntry(id: string): void {
    const old = this.state.entries.get(id);
    if (!old) return;
    for (const k of keysOf(old)) if (this.state.keys.get(k) === id) this.set(this.state.keys, k, undefined);
    this.set(this.state.entries, id, undefined);
  }

  putTrash(t: TrashEntry | undefined, id: string): void {
    this.set(this.state.trash, id, t);
  }

  putRecord(r: ArticleRecord): void {
    this.set(this.puts, recordKey(r.id), r);
    this.set(this.texts, r.id, r.body?.textContent ?? '');
  }

  /** A record written earlier in this batch, if any. */
  pendingRecord(id: string): ArticleRecord | undefined {
    return this.puts.get(recordKey(id)) as ArticleRecord | undefined;
  }

  reindex(id: string): void {
    this.set(this.searchRemoves, id, undefined);
    this.set(this.searchUpserts, id, true);
  }

  unindex(id: string): void {
    this.set(this.searchUpserts, id, undefined);
    this.set(this.searchRemoves, id, true);
  }

  private set<K, V>(map: Map<K, V>, key: K, value: V | undefined): void {
    const had = map.has(key);
    const old = map.get(key);
    this.log.push(() => (had ? map.set(key, old as V) : map.delete(key)));
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }
}
