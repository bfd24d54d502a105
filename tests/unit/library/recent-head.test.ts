/** The recent head: the first screen's entries and every filter's count, written with the index by the one writer. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HEAD_KEY, INDEX_KEY } from '../../../src/library/keys';
import { HEAD_SIZE, newestUnread, packHead, unpackHead } from '../../../src/library/recent-head';
import type { IndexEntry } from '../../../src/library/schema';
import { LibraryService } from '../../../src/library/service';
import { article, sequentialIds } from './fixtures';

function entry(i: number, patch: Partial<IndexEntry> = {}): IndexEntry {
  const url = `https://site.example/${i}`;
  return {
    id: `e${i}`, url, canonicalUrl: null, sourceUrl: null, title: `Story ${i}`, siteName: 'Site', byline: null, excerpt: null, lang: 'en', via: null,
    wordCount: 100, readingTimeMinutes: 1, savedAt: 1_700_000_000_000 + i * 1000, linkOnly: false, normalizedUrl: url.slice(8), updatedAt: 1_700_000_000_000,
    read: false, archived: false, favourite: false, tags: [], progress: 0, ...patch,
  };
}

describe('recent head', () => {
  it('keeps the newest unread entries, newest first, and the count of every filter', () => {
    const all = Array.from({ length: 200 }, (_, i) => entry(i, { read: i % 3 === 0, archived: i % 7 === 0, favourite: i % 10 === 0 }));
    const shuffled = [...all].sort((a, b) => ((a.savedAt * 7919) % 101) - ((b.savedAt * 7919) % 101));
    const head = unpackHead(packHead(5, shuffled));
    const expected = all.filter((e) => !e.read && !e.archived).sort((a, b) => b.savedAt - a.savedAt).slice(0, HEAD_SIZE);
    expect(head?.rev).toBe(5);
    expect(head?.entries.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect(head?.entries[0]).toEqual(expected[0]);
    expect(head?.counts).toEqual({
      unread: all.filter((e) => !e.read && !e.archived).length,
      favourites: all.filter((e) => e.favourite).length,
      archived: all.filter((e) => e.archived).length,
      all: 200,
    });
  });

  it('selects the top entries in one pass, ties broken by title as the list sorts them', () => {
    const same = [entry(1, { title: 'b', savedAt: 5 }), entry(2, { title: 'a', savedAt: 5 }), entry(3, { savedAt: 9 })];
    expect(newestUnread(same, 2).map((e) => e.id)).toEqual(['e3', 'e2']);
    expect(newestUnread([], 3)).toEqual([]);
  });

  it('is unusable when missing, of another index version, damaged, or holding an entry the fast path does not accept', () => {
    const good = packHead(1, [entry(1)]);
    expect(unpackHead(undefined)).toBeNull();
    expect(unpackHead({ ...good, v: 1 })).toBeNull();
    expect(unpackHead({ ...good, json: '{not json' })).toBeNull();
    expect(unpackHead({ ...good, json: JSON.stringify({ counts: { unread: 1 }, entries: [] }) })).toBeNull();
    const bad = JSON.parse(good.json) as { entries: Record<string, unknown>[] };
    bad.entries[0]!.url = 'javascript:alert(1)';
    expect(unpackHead({ ...good, json: JSON.stringify(bad) })).toBeNull();
    expect(unpackHead(good)?.entries).toHaveLength(1);
  });
});

describe('the writer keeps the head with the index', () => {
  const services: LibraryService[] = [];
  afterEach(() => services.splice(0).forEach((s) => s.dispose()));

  it('writes head and index in the same storage.local.set, after every change', async () => {
    const lib = new LibraryService({ newId: sequentialIds() });
    services.push(lib);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const a = await lib.saveArticle(article('https://example.com/a'), null);
    await lib.saveArticle(article('https://example.com/b'), null);
    const writes = set.mock.calls.map(([items]) => Object.keys(items as object)).filter((keys) => keys.includes(INDEX_KEY));
    expect(writes.length).toBeGreaterThanOrEqual(2);
    for (const keys of writes) expect(keys).toContain(HEAD_KEY);
    let head = unpackHead((await fakeBrowser.storage.local.get(HEAD_KEY))[HEAD_KEY]);
    expect(head?.entries.map((e) => e.url)).toEqual(['https://example.com/b', 'https://example.com/a']);
    await lib.updateItems([a.id], { archived: true });
    head = unpackHead((await fakeBrowser.storage.local.get(HEAD_KEY))[HEAD_KEY]);
    expect(head?.entries.map((e) => e.url)).toEqual(['https://example.com/b']);
    expect(head?.counts).toEqual({ unread: 1, favourites: 0, archived: 1, all: 2 });
  });
});
