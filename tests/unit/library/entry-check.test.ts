import { describe, expect, it } from 'vitest';
import { readPlainEntry, readPlainTrashEntry } from '../../../src/library/entry-check';
import { expandEntry, packIndex } from '../../../src/library/index-codec';
import { indexEntrySchema, trashEntrySchema, type IndexEntry } from '../../../src/library/schema';

const valid: IndexEntry = {
  id: 'a_1-B', url: 'https://example.com/a', normalizedUrl: 'example.com/a', canonicalUrl: 'https://example.com/a', sourceUrl: null,
  title: 'Title', siteName: 'Site', byline: null, excerpt: 'e', lang: 'en', via: null, wordCount: 10, readingTimeMinutes: 1, savedAt: 1,
  updatedAt: 2, linkOnly: false, read: true, archived: false, favourite: true, tags: ['x', 'y z'], progress: 0.5,
};
/** The entry as the codec stores it: fields holding their default left out. */
const stored = (e: unknown): unknown => JSON.parse(packIndex(1, [e as IndexEntry], []).json).entries[0];

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
  ['null flag (default false)', { ...valid, read: null }],
  ['null count (default 0)', { ...valid, wordCount: null }],
  ['null tags', { ...valid, tags: null }],
  ['tag with spaces around', { ...valid, tags: [' x '] }],
  ['duplicate tags', { ...valid, tags: ['x', 'x'] }],
  ['empty tag', { ...valid, tags: [''] }],
  ['control char tag', { ...valid, tags: ['a\u0001'] }],
  ['too many tags', { ...valid, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
  ['unknown key', { ...valid, extra: 1 }],
  ['missing title', (({ title: _t, ...rest }) => rest)(valid)],
  ['missing savedAt', (({ savedAt: _s, ...rest }) => rest)(valid)],
  ['all defaults left out', { id: 'd', url: 'https://example.com/d', normalizedUrl: 'example.com/d', title: 'D', savedAt: 5, updatedAt: 6 }],
  ['array', [valid]],
  ['null', null],
  ['string', 'entry'],
];

describe('fast entry check', () => {
  it.each(variants)('%s: accepts only what the schema accepts unchanged, and gives what the schema gives', (_name, value) => {
    const fast = readPlainEntry(structuredClone(value));
    const zod = indexEntrySchema.safeParse(expandEntry(structuredClone(value)));
    if (fast) {
      expect(zod.success).toBe(true);
      expect(fast).toEqual(zod.data);
    }
  });

  it.each(variants)('%s as trash: accepts only what the trash schema accepts unchanged', (_name, value) => {
    const withDate = value && typeof value === 'object' && !Array.isArray(value) ? { ...value, deletedAt: 9 } : value;
    const fast = readPlainTrashEntry(structuredClone(withDate));
    const zod = trashEntrySchema.safeParse(expandEntry(structuredClone(withDate)));
    if (fast) {
      expect(zod.success).toBe(true);
      expect(fast).toEqual(zod.data);
    }
  });

  it('accepts normal entries, stored with or without their defaults (the fast path is actually taken)', () => {
    expect(readPlainEntry(valid)).toEqual(valid);
    const plain = { ...valid, canonicalUrl: null, tags: [], read: false, progress: 0 };
    expect(readPlainEntry(plain)).toEqual(plain);
    expect(readPlainEntry(stored(plain))).toEqual(plain);
    expect(readPlainTrashEntry({ ...(stored(plain) as object), deletedAt: 3 })).toEqual({ ...plain, deletedAt: 3 });
  });

  it('never changes the stored value (the quarantine keeps it verbatim)', () => {
    const s = stored({ ...valid, read: false });
    const before = JSON.stringify(s);
    readPlainEntry(s);
    readPlainEntry({ ...(s as object), extra: 1 });
    expect(JSON.stringify(s)).toBe(before);
  });

  it('a trash entry needs a valid deletedAt', () => {
    expect(readPlainTrashEntry(valid)).toBeNull();
    expect(readPlainTrashEntry({ ...valid, deletedAt: -1 })).toBeNull();
    expect(readPlainEntry({ ...valid, deletedAt: 1 })).toBeNull();
  });
});
