import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../src/library/import/detect';
import { parseNetscapeHtml } from '../../../src/library/import/netscape-html';
import { parseUnwrapJson } from '../../../src/library/import/unwrap-json';

const parser = () => new new JSDOM('').window.DOMParser();

const BROWSER_EXPORT = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file. -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Lesezeichen</H1>
<DL><p>
    <DT><H3 ADD_DATE="1600000000" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
    <DL><p>
        <DT><A HREF="https://example.com/a" ADD_DATE="1700000000" TAGS="news,long read">A &amp; B</A>
        <DD>A description
        <DT><A HREF="javascript:void(0)" ADD_DATE="1700000000">Bookmarklet</A>
        <DT><A HREF="place:sort=8">Recent</A>
    </DL><p>
    <DT><H3>Archive</H3>
    <DL><p>
        <dt><a href="https://example.com/old" add_date="garbage">Old</a>
    </DL>
</DL>`;

describe('Netscape bookmark HTML import', () => {
  it('reads links, dates, tags, descriptions and folder states; lists what it cannot import', () => {
    const r = parseNetscapeHtml(BROWSER_EXPORT, parser());
    expect(r.items).toEqual([
      expect.objectContaining({ url: 'https://example.com/a', title: 'A & B', savedAt: 1_700_000_000_000, tags: ['news', 'long read'], excerpt: 'A description', archived: false }),
      expect.objectContaining({ url: 'https://example.com/old', title: 'Old', archived: true, read: true, savedAt: undefined }),
    ]);
    expect(r.invalid.map((p) => p.row)).toEqual([2, 3]);
    expect(r.invalid[0]!.reason).toMatch(/not an http\(s\) URL/);
    expect(r.warnings).toEqual([expect.objectContaining({ row: 4, reason: expect.stringMatching(/ADD_DATE "garbage"/) })]);
  });

  it('reads Pocket’s legacy ril_export.html (sections give the state, tags are comma-separated)', () => {
    const html = `<!DOCTYPE html><html><head><title>Pocket Export</title></head><body>
      <h1>Unread</h1><ul><li><a href="https://example.com/u" time_added="1700000000" tags="x,y">U</a></li></ul>
      <h1>Read Archive</h1><ul><li><a href="https://example.com/r" time_added="1600000000" tags="">R</a></li></ul>
    </body></html>`;
    const r = parseImportFile('ril_export.html', html, parser());
    expect(r.format).toBe('netscape-html');
    expect(r.items).toEqual([
      expect.objectContaining({ url: 'https://example.com/u', tags: ['x', 'y'], archived: false, savedAt: 1_700_000_000_000 }),
      expect.objectContaining({ url: 'https://example.com/r', archived: true }),
    ]);
  });

  it('refuses an HTML file without links', () => {
    expect(() => parseImportFile('x.html', '<html><body><p>hi</p></body></html>', parser())).toThrow(/No links found/);
  });
});

describe('Unwrap JSON import', () => {
  const doc = (items: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'unwrap-library', version: 1, exportedAt: '2025-01-01T00:00:00Z', items, quarantine: [], ...extra });

  it('validates every item; invalid ones are listed, valid ones imported', () => {
    const r = parseUnwrapJson(doc([
      { url: 'https://example.com/a', title: 'A', tags: ['t'], read: true, body: null },
      { url: 'nope' },
      42,
      { url: 'https://example.com/b', body: { content: '<p>x</p>' } },
    ]));
    expect(r.items.map((i) => i.url)).toEqual(['https://example.com/a']);
    expect(r.invalid.map((p) => p.row)).toEqual([2, 3, 4]);
  });

  it('refuses files that are not Unwrap exports, or from a newer Unwrap', () => {
    expect(() => parseUnwrapJson('{oops')).toThrow(/not valid JSON/);
    expect(() => parseUnwrapJson('{"items": []}')).toThrow(/not an Unwrap library export/);
    expect(() => parseUnwrapJson(doc([], { version: 99 }))).toThrow(/version 99.*Update Unwrap/);
  });
});

describe('format detection', () => {
  it('recognises each format from the content and refuses the rest with a useful message', () => {
    const p = parser();
    expect(parseImportFile('a.csv', 'title,url,time_added,tags,status\n', p).format).toBe('pocket-csv');
    expect(parseImportFile('a.csv', 'URL,Title,Selection,Folder\n', p).format).toBe('instapaper-csv');
    expect(parseImportFile('a.txt', '{"format":"unwrap-library","version":1,"items":[]}', p).format).toBe('unwrap-json');
    expect(() => parseImportFile('pocket.zip', 'PK\u0003\u0004...', p)).toThrow(/unzip it first/);
    expect(() => parseImportFile('a.csv', 'foo,bar\n1,2', p)).toThrow(/does not recognise.*Pocket CSV \(title,url,time_added,tags,status\)/);
  });
});
