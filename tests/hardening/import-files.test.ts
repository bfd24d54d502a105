/**
 * Issue 6, import files that are huge, deeply nested, wrongly encoded or mislabelled: each is imported correctly or
 * refused with a clear message, in bounded time, and never crashes the library page or pollutes anything.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { File as NodeFile } from 'node:buffer';
import { JSDOM } from 'jsdom';
import { importFiles, type FileImportResult } from '../../src/popup/import-files';
import { decodeImportBytes } from '../../src/library/import/decode';
import { readLibrary } from '../../src/library/read';
import { PNG_1X1, tinyPdf } from '../fixtures/hostile/bad-pages';
import { backgroundInABox, POPUP, type Box } from './support/background';

const win = new JSDOM('').window as unknown as Window & typeof globalThis;
let box: Box;
const figures = { files: 0, handled: 0 };
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  box = backgroundInABox();
  box.routeSendMessage(POPUP);
});
afterEach(() => box.dispose());

const file = (body: string | Uint8Array | Buffer, name: string) => new NodeFile([body], name) as unknown as File;
async function importOne(f: File): Promise<FileImportResult & { ms: number }> {
  const t = performance.now();
  const [r] = await importFiles([f], win);
  figures.files++;
  return { ...r!, ms: Math.round(performance.now() - t) };
}
const POCKET = 'title,url,time_added,tags,status';
const pocketRow = (i: number, title = `Item ${i}`) => `"${title}",https://import.example/${i},1735689600,t,unread`;

describe('huge files', () => {
  it('50 MB of random bytes named .json: refused as not JSON, quickly', async () => {
    const bytes = Buffer.alloc(50 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i * 31) & 0xff;
    bytes[0] = 0x7b; // "{": looks like JSON for a moment
    const r = await importOne(file(bytes, 'library.json'));
    expect(r.error).toMatch(/not valid JSON/);
    expect(r.added).toBe(0);
    expect(r.ms).toBeLessThan(20_000);
    figures.handled++;
  });

  it('a 50 MB Unwrap export with one 50 MB article: that item is refused with its reason, the others import', async () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ url: `https://ok.example/${i}`, title: `OK ${i}` }));
    const huge = { url: 'https://huge.example/', title: 'Huge', body: { content: `<p>${'x'.repeat(50 * 1024 * 1024)}</p>`, textContent: 'x', dir: 'ltr', publishedTime: null, leadImage: null, aggregator: null, publisher: null, teaser: false, removed: [], capturedAt: 1 } };
    const json = JSON.stringify({ format: 'unwrap-library', version: 1, exportedAt: '2025-01-01T00:00:00Z', items: [...items.slice(0, 5), huge, ...items.slice(5)] });
    expect(json.length).toBeGreaterThan(50 * 1024 * 1024);
    const r = await importOne(file(json, 'unwrap-export.json'));
    expect(r).toMatchObject({ error: null, added: 10 });
    expect(r.invalid).toHaveLength(1);
    expect(r.invalid[0]!.reason).toMatch(/content|too big|characters/i);
    expect(r.invalid[0]!.excerpt.length).toBeLessThan(200);
    figures.handled++;
  });

  it('a 50 MB CSV whose rows have enormous cells: those rows are refused, the file still imports', async () => {
    const big = 'y'.repeat(5 * 1024 * 1024);
    const rows = [POCKET, pocketRow(1), ...Array.from({ length: 10 }, (_, i) => pocketRow(100 + i, big)), pocketRow(2)];
    const r = await importOne(file(rows.join('\n'), 'part_000000.csv'));
    expect(r).toMatchObject({ error: null, added: 2 });
    expect(r.invalid).toHaveLength(10);
    expect(r.invalid[0]!.reason).toMatch(/longer than/);
    figures.handled++;
  });

  it('a file over the size limit is refused before it is read', async () => {
    const fake = { name: 'enormous.json', size: 201 * 1024 * 1024, text: () => { throw new Error('read'); }, arrayBuffer: () => { throw new Error('read'); } } as unknown as File;
    const r = await importOne(fake);
    expect(r.error).toMatch(/larger than 200 MB/);
    figures.handled++;
  });
});

describe('deeply nested and hostile JSON', () => {
  it('nesting deeper than the parser allows: refused as invalid JSON with the reason', async () => {
    const depth = 200_000;
    const json = `{"format":"unwrap-library","version":1,"items":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const r = await importOne(file(json, 'nested.json'));
    // Either the parser refuses it, or it parses and the items are rejected one by one; never a crash.
    expect(r.error === null || /JSON|stack|nested/i.test(r.error)).toBe(true);
    expect(r.added).toBe(0);
    figures.handled++;
  });

  it('deep values inside items and the quarantine: those rows are refused with a short excerpt, the rest import', async () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    const items = [{ url: 'https://ok.example/a' }, { url: 'https://ok.example/b', tags: deep }, deep, { url: deep }, { url: 'https://ok.example/c' }];
    // JSON.stringify cannot write this either: build the text by hand.
    const deepText = `${'['.repeat(50_000)}"bottom"${']'.repeat(50_000)}`;
    const json = `{"format":"unwrap-library","version":1,"items":[{"url":"https://ok.example/a"},{"url":"https://ok.example/b","tags":${deepText}},${deepText},{"url":${deepText}},{"url":"https://ok.example/c"}],"quarantine":[${deepText}]}`;
    expect(items).toHaveLength(5);
    const r = await importOne(file(json, 'deep.json'));
    if (r.error === null) {
      expect(r.added).toBe(2);
      expect(r.invalid.length).toBeGreaterThanOrEqual(3);
      for (const p of r.invalid) expect(p.excerpt.length).toBeLessThan(200);
    } else {
      expect(r.error).toMatch(/JSON|stack|nested/i);
    }
    figures.handled++;
  });

  it('__proto__, constructor and prototype keys are ignored, nothing is polluted', async () => {
    const json = '{"format":"unwrap-library","version":1,"items":[{"url":"https://ok.example/p","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"tags":["x"]}],"__proto__":{"polluted":3}}';
    const r = await importOne(file(json, 'proto.json'));
    expect(r).toMatchObject({ error: null, added: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    figures.handled++;
  });
});

describe('wrong encodings', () => {
  // Latin-1 letters only: Node's decoder maps 0x80–0x9F (Windows-1252's “–” …) differently from browsers.
  const csv = `${POCKET}\n"Café à Genève, Über naïve façades",https://import.example/enc,1735689600,voyage,unread\n`;
  const title = 'Café à Genève, Über naïve façades';

  it.each([
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')])],
    ['UTF-16 LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')])],
    ['UTF-16 BE with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(csv, 'utf16le').swap16()])],
    ['Windows-1252 / Latin-1 (no mark)', Buffer.from(new TextEncoderLatin1().encode(csv))],
  ])('%s: imported with the right characters', async (_name, bytes) => {
    const r = await importOne(file(bytes, 'part_000000.csv'));
    expect(r).toMatchObject({ error: null, format: 'pocket-csv', added: 1 });
    const { entries } = await readLibrary();
    expect(entries.find((e) => e.url === 'https://import.example/enc')?.title).toBe(title);
    figures.handled++;
  });

  it('decodeImportBytes names what it found', () => {
    expect(decodeImportBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00])).encoding).toBe('utf-16le');
    expect(decodeImportBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9])).text).toBe('café');
    expect(decodeImportBytes(new TextEncoder().encode('café')).encoding).toBe('utf-8');
  });
});

describe('mislabelled files', () => {
  it.each([
    ['a PNG named .csv', PNG_1X1, 'export.csv', /does not recognise this file/],
    ['a PDF named .json', tinyPdf(), 'library.json', /does not recognise this file|not valid JSON/],
    ['a zip named .csv', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200)]), 'pocket.csv', /zip archive/],
    ['binary noise named .html', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)), 'bookmarks.html', /does not recognise|No links found/],
    ['an empty file', Buffer.alloc(0), 'empty.csv', /does not recognise|empty/i],
    ['a web page named .json', Buffer.from('<!doctype html><html><body><p>Just a page, no links.</p></body></html>'), 'x.json', /No links found|does not recognise/],
    ['a JSON file from another app', Buffer.from('{"bookmarks":[{"href":"https://x.example"}]}'), 'other.json', /not an Unwrap library export/],
    ['an Unwrap export from the future', Buffer.from('{"format":"unwrap-library","version":99,"items":[]}'), 'future.json', /version 99.*Update Unwrap/],
    ['a CSV with the wrong columns', Buffer.from('name,link\nx,https://x.example\n'), 'other.csv', /does not recognise/],
  ])('%s: refused with a clear message', async (_name, bytes, name, message) => {
    const r = await importOne(file(bytes, name));
    expect(r.error).toMatch(message);
    expect(r.added).toBe(0);
    figures.handled++;
  });

  it('a Pocket CSV named .json or .html is still read by its content', async () => {
    const r = await importOne(file(`${POCKET}\n${pocketRow(7)}\n`, 'pocket-export.json'));
    expect(r).toMatchObject({ error: null, format: 'pocket-csv', added: 1 });
    figures.handled++;
    console.log(`[hardening] import files: ${figures.files} hostile files, ${figures.handled} imported correctly or refused with a clear message`);
  });
});

/** Latin-1 bytes for the characters used above (Node has no encoder for it). */
class TextEncoderLatin1 {
  encode(s: string): Uint8Array {
    return Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
  }
}
