/**
 * Issue 6, concurrency through the real message layer: 20 tabs (content scripts, each about its own page) save at
 * once while the library page deletes, archives, marks read and restores, all interleaved. The one writer applies
 * them in arrival order; a model applying the same operations in the same order says what the library must hold,
 * and the final state is checked item by item (entry, flags, stored text). Repeated with several orders.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readLibrary, readRecords } from '../../src/library/read';
import { backgroundInABox, contentScript, POPUP, type Box } from './support/background';

let box: Box | null = null;
afterEach(() => {
  box?.dispose();
  box = null;
});

const text = (url: string, by: string) => `Saved by ${by}: ${url}. The harbour council met on Tuesday to agree the ferry timetable. `.repeat(25);
function article(url: string, by: string) {
  const t = text(url, by);
  return {
    url, title: `Title ${url}`, byline: null, siteName: null, publishedTime: null, lang: 'en', dir: 'ltr', excerpt: null,
    content: `<p>${t}</p>`, textContent: t, wordCount: 400, readingTimeMinutes: 2, leadImage: null, aggregator: null, via: null,
    publisher: null, sourceUrl: null, teaser: false, removed: [],
  };
}
const env = (name: string, payload: unknown) => ({ unwrap: 1, name, payload });

/** A small deterministic PRNG for the orders. */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

type Op =
  | { kind: 'save'; url: string; tab: number }
  | { kind: 'delete'; urls: string[] }
  | { kind: 'archive'; urls: string[] }
  | { kind: 'read'; urls: string[] }
  | { kind: 'restore'; urls: string[] };

interface ModelItem { archived: boolean; read: boolean; by: string }

describe('20 tabs saving while the library page deletes and archives', () => {
  it.each([1, 2, 3, 4, 5])('order %i: the final state is exactly what the operations imply, item by item', async (seed) => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    box = backgroundInABox();
    const seedUrls = Array.from({ length: 30 }, (_, i) => `https://seed.example/${i}`);
    const imported = await box.deliver(env('importItems', { items: seedUrls.map((url) => ({ url, title: `Seed ${url}`, body: { content: `<p>${text(url, 'seed')}</p>`, textContent: text(url, 'seed'), dir: 'ltr', publishedTime: null, leadImage: null, aggregator: null, publisher: null, teaser: false, removed: [], capturedAt: 1 } })) }), POPUP);
    expect(imported?.ok).toBe(true);
    const idOf = new Map<string, string>();
    for (const e of (await readLibrary()).entries) idOf.set(e.url, e.id);

    // 20 tabs: 10 new pages, 5 pages already saved (seed 0–4), 5 pages the library page is deleting (seed 5–9).
    const tabUrls = [...Array.from({ length: 10 }, (_, i) => `https://tab.example/${i}`), ...seedUrls.slice(0, 5), ...seedUrls.slice(5, 10)];
    const ops: Op[] = [
      ...tabUrls.map((url, tab) => ({ kind: 'save' as const, url, tab })),
      ...[5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((i) => ({ kind: 'delete' as const, urls: [seedUrls[i]!] })),
      { kind: 'archive', urls: seedUrls.slice(10, 20) }, // 10–14 are also being deleted
      { kind: 'read', urls: seedUrls.slice(18, 25) },
      { kind: 'restore', urls: [seedUrls[12]!, seedUrls[13]!] }, // restoring what may or may not be deleted yet
    ];
    const order = shuffled(ops, seed);

    // Model: the one writer applies jobs in arrival order.
    const live = new Map<string, ModelItem>(seedUrls.map((u) => [u, { archived: false, read: false, by: 'seed' }]));
    const trash = new Map<string, ModelItem>();
    for (const op of order) {
      if (op.kind === 'save') {
        const cur = live.get(op.url);
        live.set(op.url, cur ? { ...cur, by: `tab ${op.tab}` } : { archived: false, read: false, by: `tab ${op.tab}` });
      } else if (op.kind === 'delete') {
        for (const u of op.urls) { const cur = live.get(u); if (cur) { trash.set(u, cur); live.delete(u); } }
      } else if (op.kind === 'archive' || op.kind === 'read') {
        for (const u of op.urls) { const cur = live.get(u); if (cur) live.set(u, { ...cur, [op.kind === 'archive' ? 'archived' : 'read']: true }); }
      } else {
        for (const u of op.urls) { const cur = trash.get(u); if (cur && !live.has(u)) { live.set(u, cur); trash.delete(u); } }
      }
    }

    // All at once: every message is sent before any answer is awaited.
    const replies = await Promise.all(order.map((op) => {
      if (op.kind === 'save') return box!.deliver(env('saveArticle', { article: article(op.url, `tab ${op.tab}`), canonicalUrl: null }), contentScript(op.url, 100 + op.tab));
      const ids = op.urls.map((u) => idOf.get(u)!);
      const name = op.kind === 'delete' ? 'deleteItems' : op.kind === 'restore' ? 'restoreItems' : 'updateItems';
      const payload = op.kind === 'delete' || op.kind === 'restore' ? { ids } : { ids, patch: op.kind === 'archive' ? { archived: true } : { read: true } };
      return box!.deliver(env(name, payload), POPUP);
    }));
    expect(replies.filter((r) => !r?.ok)).toEqual([]);
    await box.library.whenIdle();

    // Item by item.
    const { entries } = await readLibrary();
    const byUrl = new Map(entries.map((e) => [e.url, e]));
    expect(entries.length).toBe(live.size);
    expect(byUrl.size).toBe(entries.length); // no URL twice
    const records = await readRecords(entries.map((e) => e.id));
    for (const [url, m] of live) {
      const e = byUrl.get(url);
      expect(e, url).toBeDefined();
      expect({ url, archived: e!.archived, read: e!.read }).toEqual({ url, archived: m.archived, read: m.read });
      const rec = records.get(e!.id);
      expect(rec?.ok, url).toBe(true);
      if (rec?.ok) expect(rec.record.body?.textContent.startsWith(`Saved by ${m.by}:`), `${url} text by ${m.by}`).toBe(true);
    }
    // A page deleted and not saved again stays deleted (one deleted and then saved again is a new item, above).
    for (const url of trash.keys()) if (!live.has(url)) expect(byUrl.has(url), `${url} stays deleted`).toBe(false);
    // Deleted items are restorable (in the trash, with their records), nothing vanished.
    const trashed = [...trash.keys()].map((u) => idOf.get(u)!);
    const restored = await box.deliver(env('restoreItems', { ids: trashed }), POPUP);
    expect((restored as { value: { restored: string[] } }).value.restored.sort()).toEqual(trashed.sort());
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('article:')).length).toBeGreaterThanOrEqual(live.size + trash.size);
  });
});
