/**
 * The library page's read path: plainly valid entries are read without the schema (zod), anything else by the
 * schema, and the page's view always equals what the background's validator says (same entries, damaged count).
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { packIndex } from '../../../src/library/index-codec';
import { parseIndexWith } from '../../../src/library/index-parse';
import { INDEX_KEY, INDEX_META_KEY } from '../../../src/library/keys';
import { INDEX_VERSION } from '../../../src/library/limits';
import { readLibrary, snapshotOf, watchLibrary, type LibrarySnapshot } from '../../../src/library/read';
import type { IndexEntry } from '../../../src/library/schema';
import { parseIndex } from '../../../src/library/validate';

const entry = (i: number, more: Partial<IndexEntry> = {}): IndexEntry => ({
  id: `e${i}`, url: `https://news.example/${i}`, normalizedUrl: `news.example/${i}`, canonicalUrl: null, sourceUrl: null, title: `Story ${i}`,
  siteName: i % 2 ? 'News' : null, byline: null, excerpt: null, lang: 'en', via: null, wordCount: 100 * i, readingTimeMinutes: i, savedAt: 1000 - i,
  updatedAt: 2000, linkOnly: false, read: i % 3 === 0, archived: false, favourite: i % 4 === 0, tags: i % 5 ? [] : ['later'], progress: 0, ...more,
});
const good = Array.from({ length: 30 }, (_, i) => entry(i));
/** A stored index with extra raw (possibly bad) entries appended. */
const stored = (entries: unknown[], trash: unknown[] = []) => {
  const packed = packIndex(3, good, []);
  const data = JSON.parse(packed.json) as { entries: unknown[]; trash: unknown[] };
  return { rev: 3, json: JSON.stringify({ entries: [...data.entries, ...entries], trash: [...data.trash, ...trash] }) };
};
const damaged = [
  { ...good[1], id: 'badurl', url: 'javascript:alert(1)' },
  { ...good[2], id: 'badread', read: 'yes' },
  { ...good[3] }, // duplicate id
  null,
  'text',
];
const normalisable = [{ ...entry(40), tags: [' spaced '] }, { ...entry(41), extra: 'unknown key' }];

describe('the library page read path', () => {
  it('reads plainly valid entries without the schema, exactly as the schema would', async () => {
    const raw = stored([]);
    const fast = parseIndexWith(raw, 5, null);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(parseIndex(raw, 5));
    const snap = await snapshotOf(raw, { v: INDEX_VERSION });
    expect(snap).toEqual({ rev: 3, entries: good, damaged: 0, needsMigration: false });
  });

  it('asks the schema when an entry is not plainly valid, and counts the damaged ones like the background', async () => {
    const badTrash = [{ ...entry(50), deletedAt: 'never' }];
    for (const extra of [damaged, normalisable, [...normalisable, ...damaged]]) {
      const raw = stored(extra, badTrash);
      expect(parseIndexWith(raw, 5, null)).toBeNull();
      const full = parseIndex(raw, 5);
      const snap = await snapshotOf(raw, { v: INDEX_VERSION });
      expect(snap.entries).toEqual(full.entries);
      expect(snap.damaged).toBe(full.corrupt.length);
    }
    const snap = await snapshotOf(stored([...normalisable, ...damaged], badTrash), { v: INDEX_VERSION });
    expect(snap.damaged).toBe(damaged.length + 1); // + the bad trash entry
    expect(snap.entries.find((e) => e.id === 'e40')?.tags).toEqual(['spaced']); // normalised, not lost
    expect(snap.entries.some((e) => e.id === 'e41')).toBe(true);
  });

  it('an unreadable index counts as one damaged entry; an old one waits for the migration', async () => {
    expect(await snapshotOf({ rev: 1, json: '{broken' }, { v: INDEX_VERSION })).toMatchObject({ entries: [], damaged: 1, needsMigration: false });
    expect(await snapshotOf(stored([]), { v: 1 })).toMatchObject({ entries: [], needsMigration: true });
    expect(await snapshotOf(undefined, undefined)).toMatchObject({ entries: [], damaged: 0, needsMigration: false });
  });

  it('readLibrary reads what is stored', async () => {
    await fakeBrowser.storage.local.set({ [INDEX_KEY]: stored(damaged), [INDEX_META_KEY]: { v: INDEX_VERSION } });
    const snap = await readLibrary();
    expect(snap.entries.map((e) => e.id)).toEqual(good.map((e) => e.id));
    expect(snap.damaged).toBe(damaged.length);
  });

  it('the watcher delivers the latest write, even when an older one took longer to read', async () => {
    const seen: LibrarySnapshot[] = [];
    const unwatch = watchLibrary((s) => seen.push(s));
    // The first write needs the schema (loaded asynchronously); the second is plain and is read at once.
    await fakeBrowser.storage.local.set({ [INDEX_KEY]: stored(damaged) });
    await fakeBrowser.storage.local.set({ [INDEX_KEY]: packIndex(4, good.slice(0, 2), []) });
    await expect.poll(() => seen.at(-1)?.rev).toBe(4);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.at(-1)).toMatchObject({ rev: 4, damaged: 0 });
    expect(seen.at(-1)?.entries).toHaveLength(2);
    unwatch();
  });
});
