import { describe, expect, it } from 'vitest';
import { isPlainValidEntry } from '../../../src/library/entry-check';
import { indexEntrySchema, type IndexEntry } from '../../../src/library/schema';

const valid: IndexEntry = {
  id: 'a_1-B', url: 'https://example.com/a', normalizedUrl: 'example.com/a', canonicalUrl: 'https://example.com/a', sourceUrl: null,
  title: 'Title', siteName: 'Site', byline: null, excerpt: 'e', lang: 'en', via: null, wordCount: 10, readingTimeMinutes: 1, savedAt: 1,
  updatedAt: 2, linkOnly: false, read: true, archived: false, favourite: true, tags: ['x', 'y z'], progress: 0.5,
};

const variants: [string, unknown][] = [
  ['valid', valid],
  ['bad id', { ...valid, id: 'a b' }],
  ['js url', { ...valid, url: 'javascript:alert(1)' }],
  ['broken url', { ...valid, url: 'http://[bad' }],
  ['canonical not a url', { ...valid, canonicalUrl: 'nope' }],
  ['title too long', { ...valid, title: 'x'.repeat(2001) }],
  ['NaN progress', { ...valid, progress: Number.NaN }],
  ['progress > 1', { ...valid, progress: 1.5 }],
  ['fractional count', { ...valid, wordCount: 1.5 }],
  ['negative date', { ...valid, savedAt: -1 }],
  ['string flag', { ...valid, read: 'yes' }],
  ['tag with spaces around', { ...valid, tags: [' x '] }],
  ['duplicate tags', { ...valid, tags: ['x', 'x'] }],
  ['empty tag', { ...valid, tags: [''] }],
  ['control char tag', { ...valid, tags: ['a\u0001'] }],
  ['too many tags', { ...valid, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
  ['unknown key', { ...valid, extra: 1 }],
  ['missing key', (({ title: _t, ...rest }) => rest)(valid)],
  ['array', [valid]],
  ['null', null],
];

describe('fast entry check', () => {
  it.each(variants)('%s: accepts only what the schema accepts unchanged', (_name, value) => {
    const fast = isPlainValidEntry(value);
    const zod = indexEntrySchema.safeParse(value);
    if (fast) {
      expect(zod.success).toBe(true);
      expect(zod.data).toEqual(value);
    }
  });

  it('accepts a normal entry (the fast path is actually taken)', () => {
    expect(isPlainValidEntry(valid)).toBe(true);
    expect(isPlainValidEntry({ ...valid, canonicalUrl: null, tags: [] })).toBe(true);
  });
});
