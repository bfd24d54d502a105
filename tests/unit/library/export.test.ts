import { JSDOM } from 'jsdom';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { collectExport } from '../../../src/library/export/collect';
import { toCsv } from '../../../src/library/export/csv';
import { toMarkdown } from '../../../src/library/export/markdown';
import { toNetscapeHtml } from '../../../src/library/export/netscape-html';
import { toUnwrapJson } from '../../../src/library/export/unwrap-json';
import { parseImportFile } from '../../../src/library/import/detect';
import { recordKey } from '../../../src/library/keys';
import type { IndexEntry } from '../../../src/library/schema';
import { LibraryService } from '../../../src/library/service';
import { article } from './fixtures';

const services: LibraryService[] = [];
afterEach(() => services.splice(0).forEach((s) => s.dispose()));
const parser = () => new new JSDOM('').window.DOMParser();
const NOW = Date.UTC(2025, 5, 1);

async function sampleLibrary(): Promise<LibraryService> {
  const lib = new LibraryService({ now: () => NOW });
  services.push(lib);
  const a = await lib.saveArticle(article('https://example.com/a', { title: 'Plain title', via: 'MSN', sourceUrl: 'https://publisher.example/a' }), 'https://example.com/a');
  const b = await lib.saveArticle(article('https://example.com/b', { title: '=HYPERLINK("http://evil.example","click me")', siteName: '+44 News', byline: '@handle' }), null);
  const c = await lib.saveLink('https://example.com/c?x=1&y=2', 'Comma, "quotes" and\nnewline -1');
  await lib.updateItems([a.id], { favourite: true, tags: ['news', 'long read'], read: true });
  await lib.updateItems([b.id], { archived: true, tags: ['-neg'] });
  await lib.setProgress(a.id, 0.25, false);
  await lib.updateItems([c.id], { tags: ['ünï'] });
  return lib;
}

const entriesOf = async () => (await collectExport()).items;

describe('Unwrap JSON export', () => {
  it('is lossless: export → import into an empty library → export gives the same document', async () => {
    await sampleLibrary();
    const first = await collectExport();
    const json = toUnwrapJson(first.items, first.quarantine, NOW);
    expect(JSON.parse(json)).toMatchObject({ format: 'unwrap-library', version: 1, exportedAt: '2025-06-01T00:00:00.000Z' });

    fakeBrowser.reset();
    const fresh = new LibraryService({ now: () => NOW + 1 });
    services.push(fresh);
    const parsed = parseImportFile('unwrap.json', json, parser());
    expect(parsed.invalid).toEqual([]);
    expect(await fresh.importItems(parsed.items, parsed.quarantine)).toMatchObject({ added: 3, duplicates: 0 });
    const second = await collectExport();
    expect(toUnwrapJson(second.items, second.quarantine, NOW)).toBe(json);
  });

  it('importing the same export twice adds nothing (no duplicates)', async () => {
    const lib = await sampleLibrary();
    const { items, quarantine } = await collectExport();
    const parsed = parseImportFile('unwrap.json', toUnwrapJson(items, quarantine, NOW), parser());
    expect(await lib.importItems(parsed.items)).toMatchObject({ added: 0, duplicates: 3 });
  });

  it('exports damaged records in the quarantine list instead of hiding them', async () => {
    await sampleLibrary();
    const [first] = await entriesOf();
    await fakeBrowser.storage.local.set({ [recordKey(first!.id)]: { broken: true } });
    const { items, quarantine } = await collectExport();
    expect(items.find((i) => i.id === first!.id)!.body).toBeNull();
    expect(quarantine).toEqual([expect.objectContaining({ source: recordKey(first!.id), value: { broken: true } })]);
  });
});

describe('CSV export', () => {
  it('escapes formula-looking cells, keeps quotes, commas and newlines, and imports back', async () => {
    await sampleLibrary();
    const entries = await entriesOf();
    const csv = toCsv(entries);
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]!.slice(0, 5)).toEqual(['title', 'url', 'time_added', 'tags', 'status']);
    const cells = rows.flat();
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","click me")`);
    expect(cells).toContain(`'+44 News`);
    expect(cells).toContain(`'@handle`);
    expect(cells).toContain(`'-neg`);
    expect(cells.some((c) => /^[=+@-]/.test(c))).toBe(false);
    expect(cells).toContain('Comma, "quotes" and\nnewline -1');

    const back = parseImportFile('export.csv', csv, parser());
    expect(back.invalid).toEqual([]);
    expect(back.items.map((i) => i.title)).toEqual(entries.map((e) => e.title));
    expect(back.items.map((i) => [i.read, i.archived, i.favourite ?? false, i.tags])).toEqual(entries.map((e) => [e.read, e.archived, e.favourite, e.tags]));
  });
});

describe('Netscape bookmark HTML export', () => {
  it('is a valid bookmark file (folders per state, TAGS, ADD_DATE, escaped) that imports back', async () => {
    await sampleLibrary();
    const entries = await entriesOf();
    const html = toNetscapeHtml(entries, NOW);
    expect(html.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>')).toBe(true);
    expect(html).toContain('<H3 ADD_DATE="1748736000" LAST_MODIFIED="1748736000">Unwrap – Archived</H3>');
    expect(html).toContain('TAGS="news,long read"');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;click me&quot;)');
    expect(html).not.toMatch(/<script/i);
    const back = parseImportFile('bookmarks.html', html, parser());
    expect(back.invalid).toEqual([]);
    const byUrl = new Map(back.items.map((i) => [i.url, i]));
    for (const e of entries) {
      expect(byUrl.get(e.url)).toMatchObject({ title: e.title.replace(/\s+/g, ' '), tags: e.tags, archived: e.archived, read: e.read || e.archived, savedAt: Math.floor(e.savedAt / 1000) * 1000 });
    }
  });
});

describe('Markdown export', () => {
  it('lists items by state with links, and escapes titles so they cannot inject links or HTML', () => {
    const e = (over: Partial<IndexEntry>): IndexEntry => ({
      id: 'x', url: 'https://example.com/a (b)', normalizedUrl: '', canonicalUrl: null, sourceUrl: null, title: 'T', siteName: 'Site', byline: null,
      excerpt: null, lang: null, via: null, wordCount: 100, readingTimeMinutes: 3, savedAt: NOW, updatedAt: NOW, read: false, archived: false,
      favourite: false, tags: [], progress: 0, linkOnly: false, ...over,
    });
    const md = toMarkdown([e({ title: 'Evil](javascript:alert(1)) <img src=x onerror=alert(1)>', tags: ['a'] }), e({ id: 'y', archived: true, title: 'Old' })], NOW);
    expect(md).toContain('## Unread');
    expect(md).toContain('## Archived');
    expect(md).toContain('[Evil\\]\\(javascript:alert\\(1\\)\\) \\<img src=x onerror=alert\\(1\\)\\>](https://example.com/a%20%28b%29)');
    expect(md).toContain('Site · 3 min · saved 2025-06-01 · #a');
  });
});
