/**
 * Section 5: library scale, in real Chromium with the built extension.
 *  - Saves from the overlay (the real save button) on an empty library: save latency (click → button shows
 *    "saved") and storage bytes per article (`getBytesInUse` before/after, and the record alone).
 *  - At 1,000 and 10,000 items seeded into chrome.storage.local in the library's own storage shape (built with
 *    src/library's codec and recent head, checked with its validator before writing): first rows painted, from
 *    navigation start, for the toolbar popup (popup.html at 380 × 560) and the full library (library.html at
 *    1000 × 800), median of runs — the paint time of the first row's title from the Element Timing API, else the
 *    page's `unwrap:popup:rows-painted` mark (a frame after the rows entered the DOM); search latency per
 *    keystroke (`unwrap:popup:search`: input → list updated in the DOM) while typing, and save latency at that size.
 * Defensive: when the library is not built (no popup.html / library.html, no src/library), the section says why.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadGroundTruth, listRtpPages, ROOT, RTP } from '../lib/corpus';
import { launchWith, helpers } from '../lib/browser';
import { fmt, ms, table, type BenchContext, type SectionResult, type Target } from '../lib/section';
import { median, round, summarize, type Summary } from '../lib/stats';

const SIZES = [1000, 10_000] as const;
const SEED_BODY_CHARS = 1200;
const QUERIES = ['lighthouse', 'council budget'];

interface Seed {
  readonly items: Record<string, unknown>;
  readonly count: number;
}

/** N items in the library's storage shape, from the product's own codec, validated by its own validator. */
async function buildSeed(n: number): Promise<Seed> {
  const codec = await import('../../src/library/index-codec');
  const keys = await import('../../src/library/keys');
  const schema = await import('../../src/library/schema');
  const validate = await import('../../src/library/validate');
  type IndexEntry = import('../../src/library/schema').IndexEntry;
  type ArticleRecord = import('../../src/library/schema').ArticleRecord;
  const gt = Object.values(loadGroundTruth());
  const now = Date.now();
  const entries: IndexEntry[] = [];
  const items: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const id = `bench${i.toString(36)}`;
    const src = gt[i % gt.length]!;
    const url = `https://site${i % 97}.example/news/${i}/${encodeURIComponent(src.url.split('/').filter(Boolean).pop() ?? 'story').slice(0, 60)}`;
    const text = src.articleBody.slice(0, SEED_BODY_CHARS);
    const title = `${text.split(/[.!?\n]/)[0]!.slice(0, 90)}${i % 997 === 1 ? ' lighthouse' : ''}`;
    const meta = {
      id, url, canonicalUrl: null, sourceUrl: null, title, siteName: `Site ${i % 97}`, byline: null,
      excerpt: text.slice(0, 160), lang: 'en', via: null, wordCount: 900, readingTimeMinutes: 4, savedAt: now - i * 60_000, linkOnly: false,
    };
    entries.push({ ...meta, normalizedUrl: url.replace(/^https?:\/\//, ''), updatedAt: now, read: i % 3 === 0 && i % 997 !== 1, archived: false, favourite: i % 10 === 0, tags: i % 5 === 0 ? ['later'] : [], progress: 0 });
    const record: ArticleRecord = {
      v: schema.RECORD_VERSION, ...meta,
      body: { content: `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n+/g, '</p><p>')}</p>`, textContent: text, dir: 'ltr', publishedTime: null, leadImage: null, aggregator: null, publisher: null, teaser: false, removed: [], capturedAt: now },
    };
    items[keys.recordKey(id)] = record;
  }
  const index = codec.packIndex(1, entries, []);
  const parsed = validate.parseIndex(index, now);
  if (parsed.unreadable || parsed.entries.length !== n) {
    throw new Error(`the library's validator accepted ${parsed.entries.length} of ${n} seeded entries (${parsed.unreadable?.reason ?? parsed.corrupt[0]?.reason ?? ''})`);
  }
  const rec = schema.articleRecordSchema.safeParse(items[keys.recordKey(entries[0]!.id)]);
  if (!rec.success) throw new Error(`seeded record rejected by the schema: ${rec.error.message.slice(0, 200)}`);
  // The full-text shards too, as the library's writer stores them, so the popup finds no stale index to rebuild.
  const search = await import('../../src/library/search');
  const shards = await import('../../src/library/search-shards');
  const fresh = Array.from({ length: keys.SEARCH_SHARDS }, () => shards.newShard());
  for (const e of entries) {
    const rec = items[keys.recordKey(e.id)] as ArticleRecord;
    fresh[search.shardOf(e.id)]!.add(search.toSearchDoc(e, rec.body?.textContent ?? ''));
  }
  fresh.forEach((ms, i) => { items[keys.searchKey(i)] = shards.storeShard(ms); });
  items[keys.INDEX_KEY] = index;
  items[keys.INDEX_META_KEY] = { v: schema.INDEX_VERSION };
  // The recent head, as the library's writer stores it with every index write.
  const head = await import('../../src/library/recent-head');
  items[keys.HEAD_KEY] = head.packHead(1, entries);
  return { items, count: n };
}

type Launched = Awaited<ReturnType<typeof launchWith>>;

async function clearStorage(l: Launched): Promise<void> {
  await l.worker.evaluate('chrome.storage.local.clear()');
}

async function bytesInUse(l: Launched, key: string | null = null): Promise<number> {
  return (await l.worker.evaluate(`chrome.storage.local.getBytesInUse(${key === null ? 'null' : JSON.stringify(key)})`)) as number;
}

async function writeSeed(l: Launched, seed: Seed): Promise<void> {
  const keysAll = Object.keys(seed.items);
  const chunk = 1000;
  for (let i = 0; i < keysAll.length; i += chunk) {
    const part = Object.fromEntries(keysAll.slice(i, i + chunk).map((k) => [k, seed.items[k]]));
    await l.worker.evaluate(`chrome.storage.local.set(${JSON.stringify(part)})`);
  }
}

type PageKind = 'popup' | 'library';
const PAGE_VIEW: Record<PageKind, { path: string; width: number; height: number }> = {
  popup: { path: 'popup.html', width: 380, height: 560 },
  library: { path: 'library.html', width: 1000, height: 800 },
};

/**
 * Open the popup or the library page in a fresh tab; ms from navigation start to the first rows painted (Element
 * Timing's renderTime of the first row's title where the browser reports it, else the rows-painted mark).
 */
async function openPage(l: Launched, kind: PageKind = 'popup', timeout = 60_000): Promise<{ page: Page; renderedMs: number; source: string }> {
  const view = PAGE_VIEW[kind];
  const page = await l.context.newPage();
  await page.setViewportSize({ width: view.width, height: view.height });
  // Observe element timing from the first script of the page on (buffered entries cover what came before).
  await page.goto(`chrome-extension://${l.extensionId}/${view.path}`);
  await page.waitForFunction(() => performance.getEntriesByName('unwrap:popup:rows-painted').length > 0, undefined, { timeout });
  const got = (await page.evaluate(`new Promise((resolve) => {
    const mark = performance.getEntriesByName('unwrap:popup:rows-painted')[0].startTime;
    try {
      const po = new PerformanceObserver((list) => {
        const e = list.getEntries().find((x) => x.identifier === 'unwrap-first-row');
        if (e) { po.disconnect(); resolve({ ms: e.renderTime || e.loadTime, source: 'element timing', mark }); }
      });
      po.observe({ type: 'element', buffered: true });
      setTimeout(() => { po.disconnect(); resolve({ ms: mark, source: 'rows-painted mark', mark }); }, 500);
    } catch { resolve({ ms: mark, source: 'rows-painted mark', mark }); }
  })`)) as { ms: number; source: string };
  return { page, renderedMs: got.ms, source: got.source };
}

/** Baseline in the same run: an extension page's own first paint (read.html for an id that is not saved). */
async function extensionPageFirstPaint(l: Launched): Promise<number> {
  const page = await l.context.newPage();
  await page.setViewportSize({ width: 380, height: 560 });
  await page.goto(`chrome-extension://${l.extensionId}/read.html?id=bench-baseline`);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 30_000 });
  const fcp = (await page.evaluate(`performance.getEntriesByName('first-contentful-paint')[0].startTime`)) as number;
  await page.close();
  return fcp;
}

/** The popup with the search box ready (the search measurements). */
async function openPopup(l: Launched, timeout = 60_000): Promise<{ page: Page; renderedMs: number }> {
  return openPage(l, 'popup', timeout);
}

/** Type each query a key at a time; every keystroke yields one `unwrap:popup:search` measure. */
async function searchLatencies(page: Page): Promise<{ perKey: number[]; fullTextReady: boolean; fullTextMs: number | null }> {
  const fullTextReady = await page.waitForFunction(() => performance.getEntriesByName('unwrap:popup:fulltext-ready').length > 0, undefined, { timeout: 90_000 }).then(() => true, () => false);
  const fullTextMs = fullTextReady ? ((await page.evaluate(`performance.getEntriesByName('unwrap:popup:fulltext-ready')[0].startTime`)) as number) : null;
  const input = page.locator('[data-unwrap="library-search"]');
  await input.waitFor({ timeout: 10_000 });
  await page.evaluate('performance.clearMeasures()');
  for (const q of QUERIES) {
    await input.fill('');
    await page.waitForTimeout(100);
    await input.pressSequentially(q, { delay: 120 });
    await page.waitForTimeout(300);
  }
  const perKey = (await page.evaluate(`performance.getEntriesByName('unwrap:popup:search').map((m) => m.duration)`)) as number[];
  return { perKey, fullTextReady, fullTextMs };
}

/** Open an article, open the overlay with the toolbar, press Save; ms from the click to the button showing "saved". */
async function saveOnce(l: Launched, serverUrl: string, slug: string): Promise<{ ms: number; url: string }> {
  const { clickToolbar } = await helpers();
  const page = await l.context.newPage();
  const url = `${serverUrl}/${encodeURIComponent(slug)}/source.html?bench=${Date.now()}`;
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.bringToFront();
    await clickToolbar(l, page);
    await page.waitForFunction(() => !!document.querySelector('unwrap-reader')?.shadowRoot?.querySelector('[data-unwrap-action="save"]'), undefined, { timeout: 30_000 }).catch(async (err: Error) => {
      const state = await page.evaluate(`(() => { const h = document.querySelector('unwrap-reader'); return h ? 'overlay without a save button: ' + (h.shadowRoot?.textContent ?? '').slice(0, 120) : 'no overlay'; })()`).catch(() => 'page gone');
      throw new Error(`${slug}: ${String(state)} (${err.message.split('\n')[0]})`);
    });
    await page.waitForTimeout(150); // the initial "is it saved?" answer
    // Arm an observer, then a real (trusted) click: the product ignores synthetic clicks on its buttons.
    await page.evaluate(`(() => {
      const root = document.querySelector('unwrap-reader').shadowRoot;
      const btn = root.querySelector('[data-unwrap-action="save"]');
      if (btn.getAttribute('aria-pressed') === 'true') throw new Error('already saved');
      window.__unwrapSave = new Promise((resolve, reject) => {
        const t0 = performance.now();
        const mo = new MutationObserver(() => {
          const b = root.querySelector('[data-unwrap-action="save"]');
          if (b && b.getAttribute('aria-pressed') === 'true') { mo.disconnect(); resolve(performance.now() - t0); }
        });
        mo.observe(root, { attributes: true, subtree: true, childList: true });
        setTimeout(() => { mo.disconnect(); reject(new Error('save did not complete within 30 s')); }, 30000);
      });
    })()`);
    await page.locator('unwrap-reader [data-unwrap-action="save"]').click();
    const took = (await page.evaluate('window.__unwrapSave')) as number;
    return { ms: took, url };
  } finally {
    await page.close();
  }
}

export { buildSeed, writeSeed, openPage, openPopup, searchLatencies };

export async function runLibrary(ctx: BenchContext): Promise<SectionResult> {
  const t0 = Date.now();
  const notAvailable = (reason: string): SectionResult => ({
    name: 'library', status: 'not available', reason, seconds: (Date.now() - t0) / 1000, data: { reason },
    md: `## 5. Library scale\n\nnot available: ${reason}\n`,
    targets: [
      { section: 'library', name: 'popup first rows painted @10,000', target: '≤ 100 ms', value: `not available: ${reason}`, met: null },
      { section: 'library', name: 'library first rows painted @10,000', target: '≤ 150 ms', value: `not available: ${reason}`, met: null },
      { section: 'library', name: 'search per keystroke @10,000', target: '≤ 30 ms', value: `not available: ${reason}`, met: null },
    ],
  });
  if (!existsSync(join(ROOT, 'src', 'library', 'store.ts'))) return notAvailable('src/library/store.ts does not exist yet');
  if (!existsSync(join(ctx.extensionDir, 'popup.html')) || !existsSync(join(ctx.extensionDir, 'library.html'))) return notAvailable('the build has no popup.html / library.html');
  const pages = listRtpPages().filter((p) => !/^\d/.test(p)).slice(0, 40);
  if (pages.length < 8) return notAvailable('not enough Readability test pages to save');

  const l = await launchWith(ctx.extensionDir);
  const { startServer } = await import('../../tests/e2e/helpers/server');
  const server = await startServer({ root: RTP });
  const data: Record<string, unknown> = {};
  const sizes: Record<number, { firstRender: Summary; libraryRender: Summary; paintSource: string; search: Summary; searchKeys: number; fullTextReady: boolean; fullTextMs: number | null; save: Summary; seedBytes: number }> = {};
  let pageIdx = 0;
  const nextSlug = () => pages[pageIdx++ % pages.length]!;
  try {
    // Empty library: save latency and bytes per article.
    await clearStorage(l);
    const saves: { ms: number; bytes: number; recordBytes: number }[] = [];
    for (let i = 0; i < Math.max(3, ctx.runs); i++) {
      const before = await bytesInUse(l);
      const slug = nextSlug();
      const s = await saveOnce(l, server.url, slug);
      await new Promise((r) => setTimeout(r, 300)); // search shards may be written just after the reply
      const after = await bytesInUse(l);
      const ids = (await l.worker.evaluate(`chrome.storage.local.get(null).then((all) => Object.keys(all).filter((k) => k.startsWith('article:')))`)) as string[];
      const recordBytes = ids.length ? await bytesInUse(l, ids[ids.length - 1]!) : Number.NaN;
      saves.push({ ms: s.ms, bytes: after - before, recordBytes });
      ctx.log(`library: saved ${slug} in ${s.ms.toFixed(0)} ms, +${after - before} bytes`);
    }
    const allRecords = (await l.worker.evaluate(`chrome.storage.local.get(null).then((all) => Object.keys(all).filter((k) => k.startsWith('article:')))`)) as string[];
    const recordSizes: number[] = [];
    for (const k of allRecords) recordSizes.push(await bytesInUse(l, k));
    const baseline: number[] = [];
    for (let r = 0; r < Math.max(5, ctx.runs); r++) baseline.push(await extensionPageFirstPaint(l));
    data.baselineFirstPaint = summarize(baseline);
    ctx.log(`library: baseline, an extension page's first paint (read.html, nothing saved to show): ${fmt(median(baseline), 0)} ms`);
    data.empty = { saves, saveMs: summarize(saves.map((s) => s.ms)), bytesPerArticle: summarize(saves.map((s) => s.bytes)), recordBytes: summarize(recordSizes) };

    for (const n of SIZES) {
      ctx.log(`library: seeding ${n} items`);
      const seed = await buildSeed(n);
      await clearStorage(l);
      await writeSeed(l, seed);
      const seedBytes = await bytesInUse(l);
      // First render: the first open may also find the search index stale; each open is a fresh page.
      const renders: number[] = [];
      const libraryRenders: number[] = [];
      let paintSource = '';
      for (let r = 0; r < Math.max(5, ctx.runs); r++) {
        for (const kind of ['popup', 'library'] as const) {
          const { page, renderedMs, source } = await openPage(l, kind);
          (kind === 'popup' ? renders : libraryRenders).push(renderedMs);
          paintSource = source;
          await page.close();
        }
      }
      const { page } = await openPopup(l);
      const s = await searchLatencies(page);
      await page.close();
      const saveMs: number[] = [];
      for (let i = 0; i < 3; i++) saveMs.push((await saveOnce(l, server.url, nextSlug())).ms);
      sizes[n] = { firstRender: summarize(renders), libraryRender: summarize(libraryRenders), paintSource, search: summarize(s.perKey), searchKeys: s.perKey.length, fullTextReady: s.fullTextReady, fullTextMs: s.fullTextMs === null ? null : round(s.fullTextMs, 1), save: summarize(saveMs), seedBytes };
      ctx.log(`library: ${n} items: first rows painted: popup ${fmt(median(renders), 0)} ms, library ${fmt(median(libraryRenders), 0)} ms (${paintSource}), search ${fmt(median(s.perKey), 1)} ms/key (${s.perKey.length} keys), save ${fmt(median(saveMs), 0)} ms`);
    }
    data.sizes = sizes;
  } catch (err) {
    const e = err as Error;
    ctx.log(`library: failed: ${e.message.split('\n')[0]}`);
    if (Object.keys(sizes).length === 0 && !data.empty) {
      await server.close();
      await l.close();
      return notAvailable(`the library did not answer as expected (${e.message.split('\n')[0]!.slice(0, 200)})`);
    }
    data.error = e.message.split('\n')[0];
  } finally {
    await server.close().catch(() => undefined);
    await l.close();
  }

  const big = sizes[10_000];
  const targets: Target[] = [
    { section: 'library', name: 'popup first rows painted @10,000', target: '≤ 100 ms', value: big ? ms(big.firstRender.median) : 'not measured', met: big ? big.firstRender.median <= 100 : null },
    { section: 'library', name: 'library first rows painted @10,000', target: '≤ 150 ms', value: big ? ms(big.libraryRender.median) : 'not measured', met: big ? big.libraryRender.median <= 150 : null },
    { section: 'library', name: 'search per keystroke @10,000', target: '≤ 30 ms', value: big ? `${ms(big.search.median)} (p95 ${ms(big.search.p95)})` : 'not measured', met: big ? big.search.median <= 30 : null },
  ];
  const empty = data.empty as { saveMs: Summary; bytesPerArticle: Summary; recordBytes: Summary } | undefined;
  const md: string[] = [];
  md.push('## 5. Library scale');
  md.push('');
  md.push(`Chromium with the built extension. Seeded items are written straight into \`chrome.storage.local\` in the library's storage shape, built with \`src/library/index-codec.ts\` and checked with its validator first (bodies: the first ${SEED_BODY_CHARS} characters of the benchmark's articles). First rows painted = ms from navigation start to the paint of the first row (${big?.paintSource ?? 'element timing'}; the page shows the recent head first and loads the whole index after that paint), popup.html at 380 × 560 and library.html at 1000 × 800, ${Math.max(5, ctx.runs)} opens each, median; search = \`unwrap:popup:search\` per keystroke (input → list updated in the DOM) while typing ${QUERIES.map((q) => `“${q}”`).join(' and ')}; save = a real click on the overlay's Save → the button shows “saved” (includes the input dispatch).`);
  md.push('');
  md.push(table(['Items', 'Popup first rows (median, min–max)', 'Library first rows (median, min–max)', 'Search per keystroke (median / p95 / max)', 'Save (median)', 'Full-text index ready', 'Storage used'], [
    ...(empty ? [['0 (empty)', '–', '–', '–', ms(empty.saveMs.median), '–', '–']] : []),
    ...SIZES.filter((n) => sizes[n]).map((n) => {
      const s = sizes[n]!;
      return [n.toLocaleString('en'), `${ms(s.firstRender.median)} (${ms(s.firstRender.min)}–${ms(s.firstRender.max)})`, `${ms(s.libraryRender.median)} (${ms(s.libraryRender.min)}–${ms(s.libraryRender.max)})`, `${ms(s.search.median)} / ${ms(s.search.p95)} / ${ms(s.search.max)} (${s.searchKeys} keys)`, ms(s.save.median), s.fullTextReady ? ms(s.fullTextMs) : 'not within 90 s', `${(s.seedBytes / 2 ** 20).toFixed(1)} MiB`];
    }),
  ]));
  md.push('');
  const base = data.baselineFirstPaint as Summary | undefined;
  if (base && big) md.push(`Baseline in the same run: an extension page's own first paint (read.html with nothing to show) ${ms(base.median)} median (${ms(base.min)}–${ms(base.max)}); at 10,000 items the popup's first rows come ${(big.firstRender.median / base.median).toFixed(2)}× that, the library's ${(big.libraryRender.median / base.median).toFixed(2)}×.`);
  if (empty) md.push(`Storage per saved article (real pages saved from the overlay): median ${(empty.bytesPerArticle.median / 1024).toFixed(1)} KB added per save (index + record + search shards; min ${(empty.bytesPerArticle.min / 1024).toFixed(1)}, max ${(empty.bytesPerArticle.max / 1024).toFixed(1)} KB); the record alone median ${(empty.recordBytes.median / 1024).toFixed(1)} KB.`);
  if (data.error) md.push(`\nPartly measured: ${String(data.error)}`);
  md.push('');
  return { name: 'library', status: 'ok', seconds: (Date.now() - t0) / 1000, data, md: md.join('\n'), targets };
}
