import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { INDEX_KEY, searchKeys } from '../../../src/library/keys';
import { readFullTextIndex, readLibrary } from '../../../src/library/read';
import { FullTextIndex, matchesMetadata, queryTerms, searchEntries, shardOf } from '../../../src/library/search';
import { LibraryService } from '../../../src/library/service';
import { article } from './fixtures';

let lib: LibraryService | null = null;
afterEach(() => lib?.dispose());

async function library() {
  lib = new LibraryService();
  await lib.saveArticle(article('https://example.com/whales', { title: 'The song of whales', siteName: 'Ocean Weekly', byline: 'Marina Deep', textContent: 'Humpback whales sing complex songs that travel across oceans. '.repeat(10) }), null);
  await lib.saveArticle(article('https://example.com/bread', { title: 'Sourdough at home', siteName: 'Kitchen Notes', byline: 'Baker Jo', textContent: 'A levain needs flour, water and patience. Crème fraîche optional. '.repeat(10) }), null);
  const { id } = await lib.saveArticle(article('https://example.com/rust', { title: 'Ownership explained', siteName: 'Systems Blog', byline: 'Fer Ris', textContent: 'The borrow checker enforces aliasing rules at compile time. '.repeat(10) }), null);
  await lib.updateItems([id], { tags: ['programming'] });
  await lib.whenIdle();
  return (await readLibrary()).entries;
}

describe('search', () => {
  it('finds items by full text without loading any article body (persisted shards)', async () => {
    const entries = await library();
    const ft = await readFullTextIndex();
    expect(ft.size).toBe(3);
    const titles = (q: string) => searchEntries(entries, q, ft).map((e) => e.title);
    expect(titles('humpback')).toEqual(['The song of whales']);
    expect(titles('borrow check')).toEqual(['Ownership explained']); // prefix on the last word
    expect(titles('levain patience')).toEqual(['Sourdough at home']); // every word must match
    expect(titles('creme fraiche')).toEqual(['Sourdough at home']); // accents folded
    expect(titles('kitchen')).toEqual(['Sourdough at home']); // site
    expect(titles('marina')).toEqual(['The song of whales']); // byline
    expect(titles('programming')).toEqual(['Ownership explained']); // tags
    expect(titles('nothing-like-this')).toEqual([]);
    expect(searchEntries(entries, '   ', ft)).toBe(entries);
  });

  it('answers from metadata alone when the shards are missing (seeded storage), and rebuilds them on request', async () => {
    const entries = await library();
    await fakeBrowser.storage.local.remove(searchKeys());
    const empty = await readFullTextIndex();
    expect(empty.size).toBe(0);
    expect(searchEntries(entries, 'sourdough', empty).map((e) => e.title)).toEqual(['Sourdough at home']);
    expect(searchEntries(entries, 'humpback', empty)).toEqual([]);
    expect(await lib!.rebuildSearch()).toBe(3);
    expect(searchEntries(entries, 'humpback', await readFullTextIndex()).map((e) => e.title)).toEqual(['The song of whales']);
  });

  it('deleted items leave the index; restored ones come back', async () => {
    const entries = await library();
    const whales = entries.find((e) => e.title.includes('whales'))!;
    await lib!.deleteItems([whales.id]);
    await lib!.whenIdle();
    expect((await readFullTextIndex()).ids('humpback').size).toBe(0);
    await lib!.restoreItems([whales.id]);
    await lib!.whenIdle();
    expect([...(await readFullTextIndex()).ids('humpback')]).toEqual([whales.id]);
  });

  it('a damaged shard is skipped, not fatal', async () => {
    await library();
    await fakeBrowser.storage.local.set({ 'search:0': { format: 1, index: '{not json' }, 'search:1': 'junk' });
    const ft = await readFullTextIndex();
    expect(ft.size).toBeGreaterThanOrEqual(0);
    expect(ft).toBeInstanceOf(FullTextIndex);
  });

  it('metadata match folds case and accents and needs every term', () => {
    const e = { title: 'Café Society', siteName: 'Le Monde', via: null, byline: null, tags: ['paris'], url: 'https://lemonde.fr/x' } as never;
    expect(matchesMetadata(e, queryTerms('CAFE monde'))).toBe(true);
    expect(matchesMetadata(e, queryTerms('cafe berlin'))).toBe(false);
    expect(shardOf('abc')).toBe(shardOf('abc'));
  });

  it('is fast enough at 10,000 items (metadata path)', async () => {
    const base = (await library())[0]!;
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...base, url: `https://example.org/${i}`, siteName: 'Site', byline: null, id: `i${i}`, title: `Item ${i} about ${i % 7 === 0 ? 'whales' : 'bread'}` }));
    searchEntries(many, 'warm', null);
    const start = performance.now();
    const hits = searchEntries(many, 'whales', null);
    expect(hits.length).toBe(Math.ceil(10_000 / 7));
    expect(performance.now() - start).toBeLessThan(250); // generous: CI machines are slow; the bench reports the real figure
    expect(INDEX_KEY).toBe('library');
  });
});
