/**
 * Every index migration, tested with an example of the old shape seeded as WXT stores it (value + `library$` meta),
 * then the store module imported fresh (migrations run when the item is defined). A missing example fails.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { INDEX_MIGRATIONS, splitStatusIntoFlags, type IndexEntryV1, type LibraryIndexV1 } from '../../../src/library/migrations';
import { INDEX_VERSION } from '../../../src/library/schema';

const v1Entry = (id: string, status: IndexEntryV1['status']): IndexEntryV1 => ({
  id, url: `https://www.example.com/${id}/?utm_source=x`, canonicalUrl: null, sourceUrl: null, title: `Title ${id}`, siteName: 'Example',
  byline: null, excerpt: null, lang: 'en', via: null, wordCount: 300, readingTimeMinutes: 2, savedAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000, status, favourite: status === 'read', tags: ['a'], progress: 0.5, linkOnly: false,
});

/** One example of each old version's stored shape. */
const EXAMPLES: Record<number, LibraryIndexV1> = {
  1: { items: [v1Entry('one', 'unread'), v1Entry('two', 'read'), v1Entry('three', 'archived')] },
};

async function freshStore() {
  vi.resetModules();
  return import('../../../src/library/store');
}

describe('library index migrations', () => {
  it('has an example for every version below the current one, and a migration for every version above 1', () => {
    for (let v = 1; v < INDEX_VERSION; v++) expect(EXAMPLES[v], `example of v${v}`).toBeDefined();
    for (let v = 2; v <= INDEX_VERSION; v++) expect(INDEX_MIGRATIONS[v as keyof typeof INDEX_MIGRATIONS], `migration to v${v}`).toBeTypeOf('function');
  });

  it('v1 → v2: status becomes read/archived flags, the normalised URL is stored, rev and trash are added', async () => {
    await fakeBrowser.storage.local.set({ library: EXAMPLES[1], library$: { v: 1 } });
    const { readIndex, libraryItem } = await freshStore();
    const parsed = await readIndex(Date.now());
    expect(parsed.corrupt).toEqual([]);
    expect(parsed.entries.map((e) => [e.id, e.read, e.archived])).toEqual([['one', false, false], ['two', true, false], ['three', true, true]]);
    expect(parsed.entries[0]).toMatchObject({ normalizedUrl: 'example.com/one', favourite: false, tags: ['a'], progress: 0.5 });
    expect(parsed.entries[0]).not.toHaveProperty('status');
    expect(await libraryItem.getMeta()).toEqual({ v: 2 });
    const stored = (await fakeBrowser.storage.local.get('library')).library as { rev: number; json: string };
    expect(stored.rev).toBe(0);
    expect(JSON.parse(stored.json)).toMatchObject({ entries: [{ id: 'one', read: false }, { id: 'two', read: true }, { id: 'three', archived: true }], trash: [] });
  });

  it('v1 → v2 passes an entry it does not understand through unchanged, to be quarantined (never dropped)', async () => {
    const broken = { id: 'x', status: 'weird' };
    await fakeBrowser.storage.local.set({ library: { items: [v1Entry('ok', 'unread'), broken, 'nonsense'] }, library$: { v: 1 } });
    const { readIndex } = await freshStore();
    const parsed = await readIndex(Date.now());
    expect(parsed.entries.map((e) => e.id)).toEqual(['ok']);
    expect(parsed.corrupt.map((c) => c.value)).toEqual([broken, 'nonsense']);
  });

  it('a v1 value without items is kept whole for the quarantine', () => {
    const garbage = { something: 'else' } as unknown as LibraryIndexV1;
    expect(splitStatusIntoFlags(garbage)).toBe(garbage);
  });

  it('a fresh install starts at the current version with no migration', async () => {
    const { readIndex, libraryItem } = await freshStore();
    expect((await readIndex(Date.now())).entries).toEqual([]);
    expect(((await libraryItem.getMeta()) as { v?: number }).v ?? INDEX_VERSION).toBe(INDEX_VERSION);
  });
});
