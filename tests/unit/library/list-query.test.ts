import { describe, expect, it } from 'vitest';
import { countByFilter, matchesFilter, sortEntries } from '../../../src/library/list-query';
import type { IndexEntry } from '../../../src/library/schema';

const e = (id: string, over: Partial<IndexEntry>): IndexEntry => ({
  id, url: `https://${id}.example/`, normalizedUrl: '', canonicalUrl: null, sourceUrl: null, title: id, siteName: null, byline: null, excerpt: null,
  lang: null, via: null, wordCount: 0, readingTimeMinutes: 5, savedAt: 0, updatedAt: 0, read: false, archived: false, favourite: false, tags: [],
  progress: 0, linkOnly: false, ...over,
});

const list = [
  e('a', { savedAt: 3, siteName: 'Zeta', readingTimeMinutes: 10 }),
  e('b', { savedAt: 1, siteName: 'alpha', read: true, favourite: true, readingTimeMinutes: 2 }),
  e('c', { savedAt: 2, archived: true, readingTimeMinutes: 7 }),
  e('d', { savedAt: 4, linkOnly: true, readingTimeMinutes: 0 }),
];

describe('list filters and sorting', () => {
  it('filters unread / favourites / archived / all, with counts', () => {
    expect(list.filter((x) => matchesFilter(x, 'unread')).map((x) => x.id)).toEqual(['a', 'd']);
    expect(list.filter((x) => matchesFilter(x, 'favourites')).map((x) => x.id)).toEqual(['b']);
    expect(list.filter((x) => matchesFilter(x, 'archived')).map((x) => x.id)).toEqual(['c']);
    expect(countByFilter(list)).toEqual({ unread: 2, favourites: 1, archived: 1, all: 4 });
  });

  it('sorts by newest, oldest, site (case-insensitive, host when no name) and reading time (links last)', () => {
    expect(sortEntries(list, 'newest').map((x) => x.id)).toEqual(['d', 'a', 'c', 'b']);
    expect(sortEntries(list, 'oldest').map((x) => x.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(sortEntries(list, 'site').map((x) => x.id)).toEqual(['b', 'c', 'd', 'a']);
    expect(sortEntries(list, 'readingTime').map((x) => x.id)).toEqual(['b', 'c', 'a', 'd']);
  });
});
