/**
 * Keeping the persisted search shards up to date (background only, called by the library service inside its write
 * queue, after the library itself was written). A failure here never loses library data: it is logged, and the
 * popup still finds the item by its metadata until the shards are rebuilt.
 */
import type MiniSearch from 'minisearch';
import { browser } from 'wxt/browser';
import { searchKey, searchKeys, SEARCH_SHARDS } from './keys';
import { shardOf, type SearchDoc } from './search';
import { loadShard, newShard, storeShard } from './search-shards';

export class SearchWriter {
  private cache = new Map<number, MiniSearch<SearchDoc>>();

  /** Add or replace `upserts`, drop `removes`; writes only the shards that changed, in one storage call. */
  async apply(upserts: readonly SearchDoc[], removes: readonly string[]): Promise<void> {
    const touched = new Set<number>();
    for (const id of removes) {
      const n = shardOf(id);
      const ms = await this.shard(n);
      if (ms.has(id)) {
        ms.discard(id);
        touched.add(n);
      }
    }
    for (const doc of upserts) {
      const n = shardOf(doc.id);
      const ms = await this.shard(n);
      if (ms.has(doc.id)) ms.replace(doc);
      else ms.add(doc);
      touched.add(n);
    }
    await this.write(touched);
  }

  /** Rebuild every shard from scratch (repair; storage seeded without shards). */
  async rebuild(docs: AsyncIterable<readonly SearchDoc[]>): Promise<number> {
    const fresh = Array.from({ length: SEARCH_SHARDS }, () => newShard());
    let count = 0;
    for await (const chunk of docs) {
      for (const doc of chunk) {
        const ms = fresh[shardOf(doc.id)]!;
        if (ms.has(doc.id)) ms.replace(doc);
        else ms.add(doc);
        count++;
      }
    }
    fresh.forEach((ms, n) => this.cache.set(n, ms));
    await this.write(new Set(fresh.keys()));
    return count;
  }

  /** Forget cached shards (someone else wrote storage). */
  reset(): void {
    this.cache.clear();
  }

  private async shard(n: number): Promise<MiniSearch<SearchDoc>> {
    let ms = this.cache.get(n);
    if (!ms) {
      const key = searchKey(n);
      ms = loadShard((await browser.storage.local.get(key))[key]) ?? newShard();
      this.cache.set(n, ms);
    }
    return ms;
  }

  private async write(shards: ReadonlySet<number>): Promise<void> {
    if (shards.size === 0) return;
    const items: Record<string, unknown> = {};
    for (const n of shards) {
      const ms = this.cache.get(n);
      if (!ms) continue;
      if (ms.dirtCount > 50 && ms.dirtFactor > 0.1) await ms.vacuum({ batchSize: 100_000, batchWait: 0 });
      items[searchKey(n)] = storeShard(ms);
    }
    try {
      await browser.storage.local.set(items);
    } catch (err) {
      this.reset(); // memory and storage may now differ: reload from storage next time
      throw err;
    }
  }
}

export const ALL_SEARCH_KEYS = searchKeys();
