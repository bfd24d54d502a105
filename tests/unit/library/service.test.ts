import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LibraryService } from '../../../src/library/service';
import { recordKey } from '../../../src/library/keys';
import { article, sequentialIds, storedIndex } from './fixtures';

const services: LibraryService[] = [];
function service(opts: ConstructorParameters<typeof LibraryService>[0] = {}): LibraryService {
  const s = new LibraryService({ newId: sequentialIds(), ...opts });
  services.push(s);
  return s;
}
afterEach(() => services.splice(0).forEach((s) => s.dispose()));

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key] as Record<string, unknown> | undefined;
const index = storedIndex;

describe('library service: saving', () => {
  it('saves an article: index entry (metadata only) and a record with the text and the URL as a plain string', async () => {
    const lib = service();
    const r = await lib.saveArticle(article('https://example.com/a'), null);
    expect(r).toMatchObject({ created: true, linkOnly: false });
    const idx = await index();
    expect(idx.entries).toHaveLength(1);
    expect(idx.entries[0]).toMatchObject({ id: r.id, url: 'https://example.com/a', normalizedUrl: 'example.com/a', read: false, archived: false, favourite: false, tags: [], progress: 0, linkOnly: false });
    expect(idx.entries[0]).not.toHaveProperty('content');
    expect(JSON.stringify(await stored('library'))).not.toContain('quick brown fox');
    const rec = await stored(recordKey(r.id));
    expect(rec?.url).toBe('https://example.com/a');
    expect((rec?.body as { textContent: string }).textContent).toContain('quick brown fox');
    expect(await stored('library$')).toEqual({ v: 2 });
  });

  it('does not duplicate the same story: tracking parameters, AMP, trailing slash, www, fragment', async () => {
    const lib = service();
    const first = await lib.saveArticle(article('https://www.example.com/news/story/'), null);
    for (const url of ['https://example.com/news/story?utm_source=tw', 'https://example.com/news/story/amp', 'https://amp.example.com/news/story#x', 'http://example.com/news/story?fbclid=1']) {
      const again = await lib.saveArticle(article(url), null);
      expect(again).toMatchObject({ id: first.id, created: false });
    }
    expect((await index()).entries).toHaveLength(1);
  });

  it('the aggregator copy and the publisher copy are one item', async () => {
    const lib = service();
    const agg = await lib.saveArticle(article('https://www.msn.com/en-gb/news/ar-AA1', { sourceUrl: 'https://publisher.example/story', via: 'MSN' }), null);
    const pub = await lib.saveArticle(article('https://publisher.example/story?utm_campaign=x'), null);
    expect(pub.id).toBe(agg.id);
    expect(await lib.isSaved({ url: 'https://publisher.example/story' })).toEqual({ id: agg.id, linkOnly: false });
    expect(await lib.isSaved({ url: 'https://www.msn.com/en-gb/news/ar-AA1' })).toEqual({ id: agg.id, linkOnly: false });
  });

  it('matches a same-site canonical URL', async () => {
    const lib = service();
    const a = await lib.saveArticle(article('https://example.com/story?page=1&session=abc'), 'https://example.com/story');
    const b = await lib.saveArticle(article('https://example.com/story'), null);
    expect(b.id).toBe(a.id);
  });

  it('keeps reading state and tags when an article is saved again, and a teaser never replaces a full text', async () => {
    const lib = service();
    const { id } = await lib.saveArticle(article('https://example.com/a'), null);
    await lib.updateItems([id], { favourite: true, tags: ['x'], read: true });
    await lib.saveArticle(article('https://example.com/a', { teaser: true, textContent: 'short teaser', wordCount: 2 }), null);
    const e = (await index()).entries[0]!;
    expect(e).toMatchObject({ favourite: true, tags: ['x'], read: true });
    expect(((await stored(recordKey(id)))?.body as { textContent: string }).textContent).toContain('quick brown fox');
  });

  it('saves a link without its text, then captures the text the first time the article is saved from the reader', async () => {
    const lib = service();
    const link = await lib.saveLink('https://example.com/later', 'Read later');
    expect(link).toMatchObject({ created: true, linkOnly: true });
    expect(await lib.isSaved({ url: 'https://example.com/later' })).toEqual({ id: link.id, linkOnly: true });
    expect(await lib.saveLink('https://example.com/later/', null)).toMatchObject({ id: link.id, created: false });
    await lib.saveArticle(article('https://example.com/later'), null);
    const view = await lib.getArticle(link.id);
    expect(view.entry.linkOnly).toBe(false);
    expect(view.body?.textContent).toContain('quick brown fox');
    expect(view.entry.title).toBe('Story at https://example.com/later');
  });
});

describe('library service: editing', () => {
  it('updates flags and tags, and ignores unknown ids', async () => {
    const lib = service();
    const a = await lib.saveArticle(article('https://example.com/a'), null);
    const b = await lib.saveArticle(article('https://example.com/b'), null);
    expect(await lib.updateItems([a.id, b.id, 'nope'], { archived: true, addTags: ['news', 'news', 'long read'] })).toEqual({ updated: 2 });
    await lib.updateItems([a.id], { removeTags: ['news'] });
    const [ea, eb] = (await index()).entries;
    expect(ea).toMatchObject({ archived: true, tags: ['long read'] });
    expect(eb).toMatchObject({ archived: true, tags: ['news', 'long read'] });
  });

  it('deletes into a restorable trash (undo), then purges after the grace period', async () => {
    let now = 1_000_000;
    const lib = service({ now: () => now, trashGraceMs: 60_000 });
    const a = await lib.saveArticle(article('https://example.com/a'), null);
    expect(await lib.deleteItems([a.id])).toEqual({ deleted: [a.id] });
    expect((await index()).entries).toHaveLength(0);
    expect(await lib.isSaved({ url: 'https://example.com/a' })).toEqual({ id: null, linkOnly: false });
    expect(await lib.restoreItems([a.id])).toEqual({ restored: [a.id] });
    expect((await index()).entries).toHaveLength(1);
    expect((await lib.getArticle(a.id)).body?.textContent).toContain('quick brown fox');

    await lib.deleteItems([a.id]);
    now += 61_000;
    await lib.status(); // any job purges what has expired
    expect(await stored(recordKey(a.id))).toBeUndefined();
    expect((await index()).trash).toHaveLength(0);
    expect(await lib.restoreItems([a.id])).toEqual({ restored: [] });
  });

  it('keeps reading progress and marks read at the end when asked', async () => {
    const lib = service();
    const a = await lib.saveArticle(article('https://example.com/a'), null);
    expect(await lib.setProgress(a.id, 0.4321, false)).toEqual({ read: false });
    expect((await index()).entries[0]).toMatchObject({ progress: 0.432, read: false });
    expect(await lib.setProgress(a.id, 1, true)).toEqual({ read: true });
    expect((await index()).entries[0]).toMatchObject({ progress: 1, read: true });
    await expect(lib.setProgress('missing', 0.5, false)).rejects.toThrow(/no longer in your library/);
  });

  it('unsaves the page shown in the overlay', async () => {
    const lib = service();
    const a = await lib.saveArticle(article('https://example.com/a'), null);
    expect(await lib.unsave({ url: 'https://example.com/a#frag' })).toEqual({ deleted: [a.id] });
    expect(await lib.unsave({ url: 'https://example.com/a' })).toEqual({ deleted: [] });
  });
});

describe('library service: failures never lose data', () => {
  it('a quota error rejects with a clear message and leaves the stored library and memory unchanged', async () => {
    const lib = service();
    const a = await lib.saveArticle(article('https://example.com/a'), null);
    const before = await index();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(lib.saveArticle(article('https://example.com/b'), null)).rejects.toThrow(/Storage is full.*Nothing was changed/);
    set.mockRestore();
    expect(await index()).toEqual(before);
    expect(await lib.isSaved({ url: 'https://example.com/b' })).toEqual({ id: null, linkOnly: false });
    // The next save works and the first item is still there.
    await lib.saveArticle(article('https://example.com/c'), null);
    expect((await index()).entries.map((e) => e.url)).toEqual(['https://example.com/a', 'https://example.com/c']);
    expect((await lib.getArticle(a.id)).body).not.toBeNull();
  });

  it('a failing job is rolled back alone; the other jobs of its batch commit', async () => {
    const lib = service();
    const results = await Promise.allSettled([
      lib.saveArticle(article('https://example.com/a'), null),
      lib.setProgress('unknown-id', 0.5, false),
      lib.saveArticle(article('https://example.com/b'), null),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await index()).entries).toHaveLength(2);
  });

  it('a damaged record is set aside in the quarantine, and the item stays as a link', async () => {
    const lib = service();
    const a = await lib.saveArticle(article('https://example.com/a'), null);
    await fakeBrowser.storage.local.set({ [recordKey(a.id)]: { v: 1, id: a.id, url: 42, body: 'garbage' } });
    const view = await lib.getArticle(a.id);
    expect(view.body).toBeNull();
    expect(view.problem).toMatch(/damaged.*set aside/);
    expect(view.entry.linkOnly).toBe(true);
    const q = (await stored('quarantine')) as unknown as { source: string; value: unknown }[];
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ source: recordKey(a.id), value: { url: 42, body: 'garbage' } });
  });
});

describe('library service: hostile page metadata', () => {
  it('clips overlong page metadata instead of refusing the save; refuses only an oversized body', async () => {
    const { savableArticleSchema } = await import('../../../src/library/schema');
    const parsed = savableArticleSchema.parse(article('https://example.com/a', {
      title: 't'.repeat(5000), byline: 'b'.repeat(900), lang: 'x'.repeat(80), leadImage: 'javascript:alert(1)', sourceUrl: 'data:text/html,x',
      removed: Array.from({ length: 2500 }, () => ({ reason: 'r'.repeat(300), text: 'x'.repeat(3000) })),
    }));
    expect(parsed.title).toHaveLength(2000);
    expect(parsed.title.endsWith('…')).toBe(true);
    expect(parsed.byline).toHaveLength(500);
    expect(parsed).toMatchObject({ lang: null, leadImage: null, sourceUrl: null });
    expect(parsed.removed).toHaveLength(2000);
    const lib = service();
    expect((await lib.saveArticle(parsed, null)).created).toBe(true);
    expect(savableArticleSchema.safeParse(article('https://example.com/b', { content: 'x'.repeat(8_000_001) })).error?.issues[0]?.message).toBe('article too large to save');
  });
});
