import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { INDEX_KEY, recordKey } from '../../../src/library/keys';
import { LibraryService } from '../../../src/library/service';
import { article, seedIndex, storedIndex } from './fixtures';

let lib: LibraryService | null = null;
afterEach(() => lib?.dispose());
const get = async (k: string) => (await fakeBrowser.storage.local.get(k))[k] as never;

async function seedTwo(): Promise<{ a: string; b: string }> {
  const seeder = new LibraryService();
  const a = await seeder.saveArticle(article('https://example.com/a'), null);
  const b = await seeder.saveArticle(article('https://example.com/b'), null);
  seeder.dispose();
  return { a: a.id, b: b.id };
}

describe('quarantine', () => {
  it('sets aside corrupt index entries with the reason, keeps the good ones, and never crashes', async () => {
    const { a } = await seedTwo();
    const idx = await storedIndex();
    const bad = [{ id: 'x1', url: 'javascript:alert(1)' }, 'just a string', null];
    await seedIndex(idx.rev, [...idx.entries.slice(0, 1), ...bad]);
    lib = new LibraryService();
    expect(await lib.isSaved({ url: 'https://example.com/a' })).toEqual({ id: a, linkOnly: false });
    const q = (await get('quarantine')) as { source: string; reason: string; value: unknown }[];
    expect(q.map((e) => e.value)).toEqual(bad);
    expect(q[0]!.reason).toMatch(/url/);
    expect((await storedIndex()).entries).toHaveLength(1);
    expect((await lib.status()).quarantined).toBe(3);
  });

  it('appends to the quarantine, never replaces it', async () => {
    await fakeBrowser.storage.local.set({ quarantine: [{ source: 'earlier', reason: 'old', at: 1, value: 'keep me' }] });
    await seedIndex(1, ['broken']);
    lib = new LibraryService();
    await lib.status();
    expect(((await get('quarantine')) as { value: unknown }[]).map((e) => e.value)).toEqual(['keep me', 'broken']);
  });

  it('an unreadable index is quarantined whole and rebuilt from the records', async () => {
    const { a, b } = await seedTwo();
    await fakeBrowser.storage.local.set({ [INDEX_KEY]: 'total garbage' });
    lib = new LibraryService();
    await lib.status();
    await lib.whenIdle();
    expect((await storedIndex()).entries.map((e) => e.id).sort()).toEqual([a, b].sort());
    expect(((await get('quarantine')) as { value: unknown }[])[0]!.value).toBe('total garbage');
  });
});

describe('repair', () => {
  it('rebuilds entries from records, quarantines bad records, and turns entries without a record into links', async () => {
    const { a, b } = await seedTwo();
    const idx = await storedIndex();
    await seedIndex(idx.rev, idx.entries.filter((e) => e.id === a)); // b's entry lost
    await fakeBrowser.storage.local.set({ [recordKey('orphan-bad')]: { v: 1, id: 'orphan-bad' } });
    await fakeBrowser.storage.local.remove(recordKey(a)); // a's record lost
    lib = new LibraryService();
    const report = await lib.repair();
    expect(report).toMatchObject({ restored: 1, quarantined: 1, textMissing: 1, total: 2 });
    const entries = (await storedIndex()).entries;
    expect(entries.find((e) => e.id === a)).toMatchObject({ linkOnly: true });
    expect(entries.find((e) => e.id === b)).toMatchObject({ linkOnly: false });
    expect(await get(recordKey(a))).toMatchObject({ url: 'https://example.com/a', body: null });
    expect(await get(recordKey('orphan-bad'))).toBeUndefined(); // moved into the quarantine
    expect(((await get('quarantine')) as { source: string; value: unknown }[])).toEqual([
      expect.objectContaining({ source: recordKey('orphan-bad'), value: { v: 1, id: 'orphan-bad' } }),
    ]);
    expect((await lib.repair()).quarantined).toBe(0); // a second repair finds nothing new
  });
});
