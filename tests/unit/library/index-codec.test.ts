import { describe, expect, it } from 'vitest';
import { expandEntry, packIndex, unpackIndex } from '../../../src/library/index-codec';
import type { IndexEntry } from '../../../src/library/schema';
import { parseIndex } from '../../../src/library/validate';

const entry: IndexEntry = {
  id: 'a', url: 'https://example.com/a', normalizedUrl: 'example.com/a', canonicalUrl: null, sourceUrl: null, title: 'A', siteName: null,
  byline: null, excerpt: null, lang: null, via: null, wordCount: 0, readingTimeMinutes: 0, savedAt: 1, updatedAt: 2, linkOnly: false,
  read: false, archived: false, favourite: false, tags: [], progress: 0,
};

describe('index codec', () => {
  it('stores one JSON string without default fields, and reads back exactly', () => {
    const full = { ...entry, id: 'b', siteName: 'Site', read: true, tags: ['x'], progress: 0.5 };
    const packed = packIndex(7, [entry, full], [{ ...entry, id: 'c', deletedAt: 3 }]);
    expect(typeof packed.json).toBe('string');
    expect(JSON.parse(packed.json).entries[0]).toEqual({ id: 'a', url: 'https://example.com/a', normalizedUrl: 'example.com/a', title: 'A', savedAt: 1, updatedAt: 2 });
    const parsed = parseIndex(packed, 0);
    expect(parsed).toMatchObject({ rev: 7, corrupt: [], unreadable: null });
    expect(parsed.entries).toEqual([entry, full]);
    expect(parsed.trash).toEqual([{ ...entry, id: 'c', deletedAt: 3 }]);
  });

  it('reports unreadable values instead of throwing', () => {
    expect(unpackIndex({ rev: 1, json: '{broken' })).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
    expect(unpackIndex({ rev: 1, json: '{"nothing":1}' })).toMatchObject({ ok: false });
    expect(unpackIndex('text')).toMatchObject({ ok: false });
    expect(parseIndex({ rev: 1, json: '[' }, 5).unreadable).toMatchObject({ source: 'library', at: 5, value: { rev: 1, json: '[' } });
    expect(expandEntry('x')).toBe('x');
  });
});
