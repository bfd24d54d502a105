/**
 * Issue 6, concurrency in real Chromium: 20 tabs press "Save" in their overlays at the same moment while the
 * library page deletes, archives and marks items read. The operations are chosen so that the right final state does
 * not depend on the order they arrive in (saves fill and keep reading state, archive/read set flags, deletes touch
 * only items no tab saves); every item is then checked: present or not, flags, stored text. Order-dependent races
 * (a save racing a delete of the same page) are checked against a model in tests/hardening/concurrency.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickToolbar, launch, uniqueUrl, type Launched } from './helpers/chromium';
import { startSentinelServer, type SentinelServer } from '../hardening/support/sentinel-server';
import { articleParagraphs } from '../fixtures/hostile/bad-pages';

let server: SentinelServer;
let l: Launched;
const TABS = 20;

beforeAll(async () => {
  server = await startSentinelServer();
  for (let i = 0; i < TABS; i++) {
    server.route(`/c/tab-${i}.html`, `<!doctype html><html lang="en"><head><title>Tab ${i} story</title></head><body><article><h1>Tab ${i} story</h1>${articleParagraphs(6, `tab ${i}`)}</article></body></html>`);
  }
  l = await launch();
});
afterAll(async () => {
  await l?.close();
  await server?.close();
});

interface Entry { id: string; url: string; archived?: boolean; read?: boolean; linkOnly?: boolean }

async function library(): Promise<{ entries: Entry[]; trash: Entry[]; texts: Record<string, string> }> {
  return l.worker.evaluate(async () => {
    const raw = (await chrome.storage.local.get('library')).library as { json?: string; entries?: unknown[]; trash?: unknown[] } | undefined;
    const data = (typeof raw?.json === 'string' ? JSON.parse(raw.json) : raw ?? { entries: [], trash: [] }) as { entries: Entry[]; trash: Entry[] };
    const recs = await chrome.storage.local.get(data.entries.map((e) => `article:${e.id}`));
    const texts: Record<string, string> = {};
    for (const e of data.entries) texts[e.url] = ((recs[`article:${e.id}`] as { body?: { textContent?: string } | null } | undefined)?.body?.textContent ?? '').slice(0, 80);
    return { entries: data.entries, trash: data.trash ?? [], texts };
  });
}

describe('20 tabs saving at once while the library page deletes and archives', () => {
  it('ends in exactly the state the operations imply, item by item', async () => {
    // Open the 20 pages and their readers.
    const pages: { page: Page; url: string }[] = [];
    for (let i = 0; i < TABS; i++) {
      const page = await l.context.newPage();
      const url = uniqueUrl(`${server.url}/c/tab-${i}.html`);
      await page.goto(url);
      await clickToolbar(l, page);
      await page.locator('unwrap-reader [data-unwrap="body"]').waitFor({ timeout: 15_000 });
      pages.push({ page, url });
    }
    // The library page, seeded with 30 links: 5 of them are pages the tabs will save (their text gets filled in).
    const lib = await l.context.newPage();
    await lib.goto(`chrome-extension://${l.extensionId}/library.html`);
    await lib.locator('[data-unwrap="library"]').waitFor();
    const seedUrls = [...Array.from({ length: 25 }, (_, i) => `https://seed.example/${i}`), ...pages.slice(0, 5).map((p) => p.url)];
    const seeded = await lib.evaluate(async (urls: string[]) => {
      const runtime = chrome.runtime as unknown as { sendMessage: (m: unknown) => Promise<unknown> };
      const r = await runtime.sendMessage({ unwrap: 1, name: 'importItems', payload: { items: urls.map((url) => ({ url, title: `Seed ${url}` })) } });
      return r as { ok: boolean; value: { ids: string[] } };
    }, seedUrls);
    expect(seeded.ok).toBe(true);
    const idOf = new Map(seedUrls.map((u, i) => [u, seeded.value.ids[i]!]));
    const ids = (urls: string[]) => urls.map((u) => idOf.get(u)!);
    const deleted = seedUrls.slice(0, 8);
    const archived = [...seedUrls.slice(8, 16), ...seedUrls.slice(25, 28)]; // 3 of them are being saved by tabs right now
    const read = [...seedUrls.slice(14, 20), ...seedUrls.slice(27, 30)];

    // At once: 20 trusted clicks on "Save" in 20 tabs, and the library page's changes, none awaited before the others.
    const saves = pages.map(({ page }) => page.locator('unwrap-reader [data-unwrap-action="save"]').click());
    const edits = lib.evaluate(async ({ del, arc, rd }) => {
      const runtime = chrome.runtime as unknown as { sendMessage: (m: unknown) => Promise<{ ok: boolean; error?: string }> };
      const send = (name: string, payload: unknown) => runtime.sendMessage({ unwrap: 1, name, payload });
      const out = await Promise.all([
        ...del.map((id) => send('deleteItems', { ids: [id] })),
        ...arc.map((id) => send('updateItems', { ids: [id], patch: { archived: true } })),
        send('updateItems', { ids: rd, patch: { read: true } }),
      ]);
      return out.filter((r) => !r.ok).map((r) => r.error);
    }, { del: ids(deleted), arc: ids(archived), rd: ids(read) });
    await Promise.all(saves);
    expect(await edits).toEqual([]);
    for (const { page } of pages) await page.locator('unwrap-reader [data-unwrap-action="save"][aria-pressed="true"]').waitFor({ timeout: 15_000 });

    // Item by item.
    const { entries, trash, texts } = await library();
    const byUrl = new Map(entries.map((e) => [e.url, e]));
    const expected = new Map<string, { archived: boolean; read: boolean; text: boolean }>();
    for (const u of seedUrls) if (!deleted.includes(u)) expected.set(u, { archived: archived.includes(u), read: read.includes(u), text: false });
    for (const { url } of pages) expected.set(url, { archived: archived.includes(url), read: read.includes(url), text: true });
    expect(entries.length).toBe(expected.size);
    expect(byUrl.size).toBe(entries.length);
    let lost = 0;
    for (const [url, want] of expected) {
      const e = byUrl.get(url);
      if (!e) { lost++; continue; }
      expect({ url, archived: !!e.archived, read: !!e.read }).toEqual({ url, archived: want.archived, read: want.read });
      if (want.text) expect(texts[url], url).toMatch(/Paragraph 1 about tab \d+/);
      else expect(e.linkOnly, url).toBe(true);
    }
    expect(lost).toBe(0);
    expect(trash.map((t) => t.url).sort()).toEqual([...deleted].sort());
    console.log(`[hardening] concurrency (real browser): ${TABS} tabs saved at once with ${deleted.length} deletes, ${archived.length} archives and 1 bulk mark-read; ${entries.length} items checked one by one, lost ${lost}`);
    for (const { page } of pages) await page.close();
    await lib.close();
  }, 180_000);
});
