import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { INDEX_KEY, recordKey } from '../../../src/library/keys';
import { LibraryService } from '../../../src/library/service';
import { article, seedIndex, storedIndex } from './fixtures';

let lib: LibraryService | null = null;
afterEach(() => lib?.dispose());

const entries = async () => (await storedIndex()).entries as { id: string; url: string; tags: string[] }[];

describe('one writer under concurrency', () => {
  it('50 concurrent saves and 10 concurrent deletes end in exactly the expected state', async () => {
    lib = new LibraryService();
    const seeded = await Promise.all(Array.from({ length: 10 }, (_, i) => lib!.saveArticle(article(`https://seed.example/${i}`), null)));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const saves = Array.from({ length: 50 }, (_, i) => lib!.saveArticle(article(`https://example.com/story-${i}`), null));
    const deletes = seeded.map((s) => lib!.deleteItems([s.id]));
    const tags = lib.updateItems(seeded.slice(0, 1).map((s) => s.id), { tags: ['gone'] }); // races the delete
    const results = await Promise.all(saves);
    await Promise.all([...deletes, tags]);

    expect(new Set(results.map((r) => r.id)).size).toBe(50);
    const final = await entries();
    expect(final.map((e) => e.url).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `https://example.com/story-${i}`).sort());
    for (const r of results) expect((await fakeBrowser.storage.local.get(recordKey(r.id)))[recordKey(r.id)]).toBeDefined();
    // Group commit: far fewer index writes than jobs.
    const indexWrites = set.mock.calls.filter(([items]) => INDEX_KEY in (items as object)).length;
    expect(indexWrites).toBeLessThan(10);
  });

  it('the same page saved from 20 tabs at once is one item', async () => {
    lib = new LibraryService();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => lib!.saveArticle(article(`https://example.com/same?utm_source=tab${i}`), null)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await entries()).toHaveLength(1);
  });

  it('interleaved tag edits on one item are all applied (no lost update)', async () => {
    lib = new LibraryService();
    const { id } = await lib.saveArticle(article('https://example.com/a'), null);
    await Promise.all(Array.from({ length: 30 }, (_, i) => lib!.updateItems([id], { addTags: [`t${i}`] })));
    expect((await entries())[0]!.tags).toHaveLength(30);
  });

  it('notices a write by someone else (storage seeded by hand) and reloads before the next job', async () => {
    lib = new LibraryService();
    await lib.saveArticle(article('https://example.com/a'), null);
    expect(await entries()).toHaveLength(1);
    await seedIndex(999, []);
    expect(await lib.isSaved({ url: 'https://example.com/a' })).toEqual({ id: null, linkOnly: false });
  });
});
