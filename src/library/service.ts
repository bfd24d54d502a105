/**
 * The library service: the ONE writer of the saved library, living in the background. Every change (saves from
 * any number of tabs, edits and deletes from the popup, imports, progress from the reader page) is a job in one
 * write queue; each batch of jobs is applied to the in-memory state inside a transaction and committed with one
 * atomic storage write. A failed job is rolled back alone; a failed write rolls back its batch and rejects its jobs
 * with a clear message, leaving earlier data intact.
 */
import { browser } from 'wxt/browser';
import {
  entryFromRecord, linkRecord, recordFromArticle, recordFromEntry, recordFromImport, shouldReplaceBody, stateOf, UNREAD,
} from './entry';
import { imagesKey, INDEX_KEY, recordKey } from './keys';
import type { ArticleBody, ArticleRecord, ImportItem, IndexEntry, ItemPatch, QuarantineEntry, SavableArticle } from './schema';
import { toSearchDoc, type SearchDoc } from './search';
import { SearchWriter } from './search-writer';
import { commit, headValue, indexValue, listRecordIds, quarantine, readIndex, readQuarantine, readRawRecords, readRecord, removeKeys } from './store';
import { buildState, Transaction, type LibraryState } from './transaction';
import { acceptedCanonical, dedupeKeys, normalizeUrl, type UrlClaims } from './url';
import { parseRecord } from './validate';
import { WriteQueue, type Job } from './write-queue';

export interface SaveResult { id: string; created: boolean; linkOnly: boolean }
export interface SavedState { id: string | null; linkOnly: boolean }
export interface ArticleView { entry: IndexEntry; body: ArticleBody | null; problem: string | null }
export interface ImportSummary { added: number; duplicates: number; filled: number; quarantined: number }
export interface RepairReport { restored: number; quarantined: number; textMissing: number; total: number; searchIndexed: number }
export interface LibraryStatus { items: number; unread: number; quarantined: number; searchStale: boolean }

export interface LibraryServiceOptions {
  readonly now?: () => number;
  readonly newId?: () => string;
  /** How long deleted items stay restorable (undo) before their records are removed. Default 1 hour. */
  readonly trashGraceMs?: number;
  /** Called after every committed change (badge). */
  readonly onChange?: (entries: ReadonlyMap<string, IndexEntry>) => void;
}

const CHUNK = 200;

export class LibraryService {
  private state: LibraryState | null = null;
  private readonly ownRevs = new Set<number>();
  private readonly queue = new WriteQueue<Transaction>((jobs) => this.runBatch(jobs));
  private readonly search = new SearchWriter();
  private searchStale = false;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly grace: number;
  private readonly unwatch: () => void;

  constructor(private readonly opts: LibraryServiceOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.newId = opts.newId ?? (() => crypto.randomUUID().replace(/-/g, '').slice(0, 20));
    this.grace = opts.trashGraceMs ?? 60 * 60 * 1000;
    // Someone else wrote the index (a test seeding storage, another copy of the worker): reload before the next job.
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !(INDEX_KEY in changes)) return;
      const rev = (changes[INDEX_KEY]?.newValue as { rev?: unknown } | undefined)?.rev;
      if (typeof rev !== 'number' || !this.ownRevs.has(rev)) {
        this.state = null;
        this.search.reset();
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    this.unwatch = () => browser.storage.onChanged.removeListener(onChanged);
  }

  dispose(): void {
    this.unwatch();
  }

  whenIdle(): Promise<void> {
    return this.queue.whenIdle();
  }

  saveArticle(article: SavableArticle, canonicalUrl: string | null): Promise<SaveResult> {
    return this.queue.enqueue(async (tx) => {
      const now = tx.now;
      const existingId = tx.findByKeys(dedupeKeys({ url: article.url, canonicalUrl, sourceUrl: article.sourceUrl }));
      if (existingId === undefined) {
        const id = this.freshId(tx);
        const record = recordFromArticle(id, article, canonicalUrl, now, now);
        tx.putRecord(record);
        tx.putEntry(entryFromRecord(record, UNREAD, now));
        tx.reindex(id);
        return { id, created: true, linkOnly: false };
      }
      const entry = tx.state.entries.get(existingId)!;
      const old = tx.pendingRecord(existingId) ?? (await this.recordOrStub(entry, now));
      const next = recordFromArticle(existingId, article, canonicalUrl, entry.savedAt, now);
      if (shouldReplaceBody(old, next)) {
        // The item keeps the URL it was first saved under (so every address it was saved from still finds it);
        // a capture from another address (the publisher's page for an aggregator copy) becomes its source URL.
        const record: ArticleRecord = {
          ...next,
          url: old.url,
          canonicalUrl: acceptedCanonical(old.url, canonicalUrl) ?? old.canonicalUrl,
          sourceUrl: next.sourceUrl ?? old.sourceUrl ?? (normalizeUrl(next.url) !== normalizeUrl(old.url) ? next.url : null),
        };
        tx.putRecord(record);
        tx.putEntry(entryFromRecord(record, stateOf(entry), now));
        tx.reindex(existingId);
      }
      return { id: existingId, created: false, linkOnly: false };
    });
  }

  saveLink(url: string, title: string | null): Promise<SaveResult> {
    return this.queue.enqueue(async (tx) => {
      const existingId = tx.findByKeys(dedupeKeys({ url }));
      if (existingId !== undefined) return { id: existingId, created: false, linkOnly: tx.state.entries.get(existingId)!.linkOnly };
      const id = this.freshId(tx);
      const record = linkRecord(id, url, title, tx.now);
      tx.putRecord(record);
      tx.putEntry(entryFromRecord(record, UNREAD, tx.now));
      tx.reindex(id);
      return { id, created: true, linkOnly: true };
    });
  }

  isSaved(claims: UrlClaims): Promise<SavedState> {
    return this.queue.enqueue(async (tx) => {
      const id = tx.findByKeys(dedupeKeys(claims));
      return { id: id ?? null, linkOnly: id ? tx.state.entries.get(id)!.linkOnly : false };
    });
  }

  /** Remove the item saved for this page (the overlay's "saved" toggle); restorable like any delete. */
  unsave(claims: UrlClaims): Promise<{ deleted: string[] }> {
    return this.queue.enqueue(async (tx) => {
      const id = tx.findByKeys(dedupeKeys(claims));
      return { deleted: id ? this.trash(tx, [id]) : [] };
    });
  }

  updateItems(ids: readonly string[], patch: ItemPatch): Promise<{ updated: number }> {
    return this.queue.enqueue(async (tx) => {
      let updated = 0;
      for (const id of ids) {
        const e = tx.state.entries.get(id);
        if (!e) continue;
        let tags = patch.tags ?? e.tags;
        if (patch.addTags) tags = [...new Set([...tags, ...patch.addTags])];
        if (patch.removeTags) tags = tags.filter((t) => !patch.removeTags!.includes(t));
        const next: IndexEntry = {
          ...e,
          read: patch.read ?? e.read,
          archived: patch.archived ?? e.archived,
          favourite: patch.favourite ?? e.favourite,
          tags: tags.slice(0, 50),
          updatedAt: tx.now,
        };
        tx.putEntry(next);
        if (next.tags.join('\u0000') !== e.tags.join('\u0000')) tx.reindex(id);
        updated++;
      }
      return { updated };
    });
  }

  deleteItems(ids: readonly string[]): Promise<{ deleted: string[] }> {
    return this.queue.enqueue(async (tx) => ({ deleted: this.trash(tx, ids) }));
  }

  restoreItems(ids: readonly string[]): Promise<{ restored: string[] }> {
    return this.queue.enqueue(async (tx) => {
      const restored: string[] = [];
      for (const id of ids) {
        const t = tx.state.trash.get(id);
        if (!t) continue;
        const { deletedAt: _deletedAt, ...entry } = t;
        tx.putTrash(undefined, id);
        tx.putEntry({ ...entry, updatedAt: tx.now });
        tx.reindex(id);
        restored.push(id);
      }
      return { restored };
    });
  }

  getArticle(id: string): Promise<ArticleView> {
    return this.queue.enqueue(async (tx) => {
      const entry = tx.state.entries.get(id);
      if (!entry) throw new Error('This article is no longer in your library.');
      const parsed = await readRecord(id, tx.now);
      if (parsed?.ok) return { entry, body: parsed.record.body, problem: null };
      if (parsed && !parsed.ok) await quarantine([parsed.problem]);
      if (entry.linkOnly && !parsed) return { entry, body: null, problem: null };
      // Text missing or damaged (set aside in the quarantine): keep the item as a link so it can be captured again.
      const asLink = { ...entry, linkOnly: true, wordCount: 0, readingTimeMinutes: 0, updatedAt: tx.now };
      tx.putRecord(recordFromEntry(asLink));
      tx.putEntry(asLink);
      return {
        entry: asLink,
        body: null,
        problem: parsed ? `The saved text of this article was damaged (${parsed.ok ? '' : parsed.problem.reason}); it was set aside, not deleted.` : 'The saved text of this article is missing.',
      };
    });
  }

  setProgress(id: string, progress: number, markRead: boolean): Promise<{ read: boolean }> {
    return this.queue.enqueue(async (tx) => {
      const e = tx.state.entries.get(id);
      if (!e) throw new Error('This article is no longer in your library.');
      const p = Math.round(Math.min(1, Math.max(0, progress)) * 1000) / 1000;
      const read = e.read || markRead;
      if (p !== e.progress || read !== e.read) tx.putEntry({ ...e, progress: p, read, updatedAt: tx.now });
      return { read };
    });
  }

  importItems(items: readonly ImportItem[], quarantined: readonly QuarantineEntry[] = []): Promise<ImportSummary & { ids: string[] }> {
    return this.queue.enqueue(async (tx) => {
      const summary = { added: 0, duplicates: 0, filled: 0, quarantined: 0, ids: [] as string[] };
      for (const item of items) {
        const existingId = tx.findByKeys(dedupeKeys({ url: item.url, canonicalUrl: item.canonicalUrl, sourceUrl: item.sourceUrl }));
        if (existingId !== undefined) {
          const e = tx.state.entries.get(existingId)!;
          if (e.linkOnly && item.body) {
            const record = { ...recordFromImport(existingId, item, tx.now), savedAt: e.savedAt };
            tx.putRecord(record);
            tx.putEntry(entryFromRecord(record, stateOf(e), tx.now));
            tx.reindex(existingId);
            summary.filled++;
          } else summary.duplicates++;
          continue;
        }
        const id = item.id && !tx.state.entries.has(item.id) && !tx.state.trash.has(item.id) && !tx.pendingRecord(item.id) ? item.id : this.freshId(tx);
        const record = recordFromImport(id, item, tx.now);
        tx.putRecord(record);
        tx.putEntry(entryFromRecord(record, {
          read: item.read ?? false, archived: item.archived ?? false, favourite: item.favourite ?? false,
          tags: item.tags ?? [], progress: item.progress ?? 0,
        }, item.updatedAt ?? tx.now));
        tx.reindex(id);
        summary.added++;
        summary.ids.push(id);
      }
      if (quarantined.length) {
        const have = new Set((await readQuarantine()).map((q) => JSON.stringify(q)));
        const fresh = quarantined.filter((q) => !have.has(JSON.stringify(q)));
        await quarantine(fresh);
        summary.quarantined = fresh.length;
      }
      return summary;
    });
  }

  /** Rebuild the index from the stored records (and every record missing for an entry), then the search shards. */
  repair(): Promise<RepairReport> {
    return this.queue.enqueue(async (tx) => {
      const report = { restored: 0, quarantined: 0, textMissing: 0, total: 0, searchIndexed: 0 };
      const ids = await listRecordIds();
      const found = new Set<string>();
      for (let i = 0; i < ids.length; i += CHUNK) {
        const raw = await readRawRecords(ids.slice(i, i + CHUNK));
        const problems: QuarantineEntry[] = [];
        for (const [key, value] of Object.entries(raw)) {
          const parsed = parseRecord(key, value, tx.now);
          if (!parsed.ok) {
            problems.push(parsed.problem);
            continue;
          }
          const r = parsed.record;
          found.add(r.id);
          if (tx.state.entries.has(r.id) || tx.state.trash.has(r.id)) continue;
          tx.putEntry(entryFromRecord(r, UNREAD, tx.now));
          tx.reindex(r.id);
          report.restored++;
        }
        await quarantine(problems);
        // Now safe in the quarantine: remove the damaged records so the next repair does not set them aside twice.
        await removeKeys(problems.map((p) => p.source));
        report.quarantined += problems.length;
      }
      for (const e of [...tx.state.entries.values()]) {
        if (found.has(e.id)) continue;
        const asLink = { ...e, linkOnly: true, wordCount: 0, readingTimeMinutes: 0 };
        tx.putRecord(recordFromEntry(asLink));
        tx.putEntry(asLink);
        if (!e.linkOnly) report.textMissing++;
      }
      report.total = tx.state.entries.size;
      tx.forceWrite = true;
      return report;
    }).then(async (report) => ({ ...report, searchIndexed: await this.rebuildSearch() }));
  }

  /** Rebuild every search shard from the records (the popup asks when shards miss items). */
  rebuildSearch(): Promise<number> {
    return this.queue.enqueue(async (tx) => {
      const entries = [...tx.state.entries.values()];
      const count = await this.search.rebuild(this.docsOf(entries));
      this.searchStale = false;
      return count;
    });
  }

  status(): Promise<LibraryStatus> {
    return this.queue.enqueue(async (tx) => ({
      items: tx.state.entries.size,
      unread: unreadCount(tx.state.entries),
      quarantined: (await readQuarantine()).length,
      searchStale: this.searchStale,
    }));
  }

  // ——— internals ———

  private trash(tx: Transaction, ids: readonly string[]): string[] {
    const deleted: string[] = [];
    for (const id of ids) {
      const e = tx.state.entries.get(id);
      if (!e) continue;
      tx.dropEntry(id);
      tx.putTrash({ ...e, deletedAt: tx.now }, id);
      tx.unindex(id);
      deleted.push(id);
    }
    return deleted;
  }

  private freshId(tx: Transaction): string {
    for (;;) {
      const id = this.newId();
      if (!tx.state.entries.has(id) && !tx.state.trash.has(id) && !tx.pendingRecord(id)) return id;
    }
  }

  private async recordOrStub(entry: IndexEntry, now: number): Promise<ArticleRecord> {
    const parsed = await readRecord(entry.id, now);
    if (parsed?.ok) return parsed.record;
    if (parsed) await quarantine([parsed.problem]);
    return recordFromEntry(entry);
  }

  private async load(now: number): Promise<{ state: LibraryState; mustWrite: boolean }> {
    if (this.state) return { state: this.state, mustWrite: false };
    const parsed = await readIndex(now);
    // Quarantine first: if that write fails, the index is not rewritten and nothing is lost.
    await quarantine([...(parsed.unreadable ? [parsed.unreadable] : []), ...parsed.corrupt]);
    const state = buildState(parsed.rev, parsed.entries, parsed.trash);
    this.state = state;
    this.search.reset();
    const mustWrite = parsed.corrupt.length > 0 || parsed.unreadable !== null;
    if (parsed.unreadable) {
      console.warn('Unwrap: the library index was unreadable; it was set aside and is being rebuilt from the saved articles.');
      void this.repair().catch((err: unknown) => console.error('Unwrap: library repair failed', err));
    }
    return { state, mustWrite };
  }

  private async runBatch(jobs: readonly Job<Transaction>[]): Promise<void> {
    const now = this.now();
    const { state, mustWrite } = await this.load(now);
    const tx = new Transaction(state, now);
    tx.forceWrite = mustWrite;
    const expired = [...state.trash.values()].filter((t) => now - t.deletedAt >= this.grace).map((t) => t.id);
    if (expired.length) {
      // Records go first; only once they are gone are their trash entries dropped from the index.
      await removeKeys(expired.flatMap((id) => [recordKey(id), imagesKey(id)])).then(
        () => expired.forEach((id) => tx.putTrash(undefined, id)),
        (err: unknown) => console.warn('Unwrap: could not purge deleted articles yet', err),
      );
    }
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    for (const job of jobs) {
      const cp = tx.checkpoint();
      try {
        outcomes.push({ ok: true, value: await job.run(tx) });
      } catch (error) {
        tx.rollback(cp);
        outcomes.push({ ok: false, error });
      }
    }
    if (tx.changed) {
      const rev = state.rev + 1;
      try {
        this.ownRevs.add(rev);
        await commit(indexValue(rev, state.entries.values(), state.trash.values()), tx.puts, headValue(rev, state.entries.values()));
        state.rev = rev;
        if (this.ownRevs.size > 64) this.ownRevs.delete(Math.min(...this.ownRevs));
      } catch (err) {
        this.ownRevs.delete(rev);
        tx.rollback();
        console.error('Unwrap: library write failed; nothing was changed', err);
        jobs.forEach((j, i) => {
          const o = outcomes[i]!;
          j.reject(o.ok ? err : o.error);
        });
        return;
      }
    }
    jobs.forEach((j, i) => {
      const o = outcomes[i]!;
      if (o.ok) j.resolve(o.value);
      else j.reject(o.error);
    });
    if (tx.changed) {
      try {
        this.opts.onChange?.(state.entries);
      } catch (err) {
        console.error('Unwrap: library change listener failed', err);
      }
      await this.updateSearch(tx);
    }
  }

  private async updateSearch(tx: Transaction): Promise<void> {
    try {
      const removes = [...tx.searchRemoves.keys()];
      const entries = [...tx.searchUpserts.keys()].map((id) => tx.state.entries.get(id)).filter((e): e is IndexEntry => !!e);
      const known = entries.filter((e) => tx.texts.has(e.id)).map((e) => toSearchDoc(e, tx.texts.get(e.id)!));
      const unknown = entries.filter((e) => !tx.texts.has(e.id));
      const docs = [...known];
      for await (const chunk of this.docsOf(unknown)) docs.push(...chunk);
      await this.search.apply(docs, removes);
    } catch (err) {
      this.searchStale = true;
      console.error('Unwrap: the search index could not be updated (items are still found by title and site)', err);
    }
  }

  private async *docsOf(entries: readonly IndexEntry[]): AsyncGenerator<SearchDoc[]> {
    for (let i = 0; i < entries.length; i += CHUNK) {
      const chunk = entries.slice(i, i + CHUNK);
      const raw = await readRawRecords(chunk.map((e) => e.id));
      yield chunk.map((e) => {
        const body = (raw[recordKey(e.id)] as Partial<ArticleRecord> | undefined)?.body;
        const text = body && typeof body.textContent === 'string' ? body.textContent : '';
        return toSearchDoc(e, text);
      });
    }
  }
}

export function unreadCount(entries: ReadonlyMap<string, IndexEntry>): number {
  let n = 0;
  for (const e of entries.values()) if (!e.read && !e.archived) n++;
  return n;
}
