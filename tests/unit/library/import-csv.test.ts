import { describe, expect, it } from 'vitest';
import { parseInstapaperCsv } from '../../../src/library/import/instapaper-csv';
import { parsePocketCsv } from '../../../src/library/import/pocket-csv';
import { ImportFileError } from '../../../src/library/import/types';

describe('Pocket CSV import', () => {
  it('reads the documented columns by header name (BOM, quoted commas and newlines, pipe tags, status)', () => {
    const csv = '\uFEFFtitle,url,time_added,tags,status\r\n'
      + '"Hello, world",https://example.com/a,1700000000,news|long read,unread\r\n'
      + '"Two\nlines",https://example.com/b,1600000000,,archive\r\n'
      + ',https://example.com/c,1500000000,Ünïcode tag,unread\r\n';
    const r = parsePocketCsv(csv);
    expect(r.invalid).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.items).toEqual([
      expect.objectContaining({ url: 'https://example.com/a', title: 'Hello, world', savedAt: 1_700_000_000_000, tags: ['news', 'long read'], read: false, archived: false }),
      expect.objectContaining({ url: 'https://example.com/b', title: 'Two\nlines', tags: [], read: true, archived: true }),
      expect.objectContaining({ url: 'https://example.com/c', title: undefined, tags: ['Ünïcode tag'] }),
    ]);
  });

  it('accepts the 2024 variant with an extra cursor column', () => {
    const r = parsePocketCsv('title,url,time_added,cursor,tags,status\nA,https://example.com/a,1700000000,123456,x,unread\n');
    expect(r.items[0]).toMatchObject({ url: 'https://example.com/a', tags: ['x'] });
  });

  it('lists invalid rows with the reason and imports the valid ones', () => {
    const huge = 'x'.repeat(150_000);
    const csv = [
      'title,url,time_added,tags,status',
      'ok,https://example.com/ok,1700000000,,unread',
      'bad url,javascript:alert(1),1700000000,,unread',
      'no url,,1700000000,,unread',
      'too,many,columns,here,unread,extra',
      `huge,https://example.com/huge,1700000000,${huge},unread`,
      `long title ${'y'.repeat(3000)},https://example.com/long,1700000000,,unread`,
      'bad date,https://example.com/date,yesterday,,unread',
      'weird status,https://example.com/status,1700000000,,pending',
      '"=HYPERLINK(""http://evil.example"",""click"")",https://example.com/formula,1700000000,,unread',
    ].join('\n');
    const r = parsePocketCsv(csv);
    expect(r.items.map((i) => i.url)).toEqual(['https://example.com/ok', 'https://example.com/date', 'https://example.com/status', 'https://example.com/formula']);
    expect(r.invalid.map((p) => [p.row, p.reason])).toEqual([
      [3, expect.stringMatching(/url: not an http\(s\) URL/)],
      [4, expect.stringMatching(/url/)],
      [5, '6 columns where the header has 5'],
      [6, expect.stringMatching(/longer than 100,000 characters/)],
      [7, expect.stringMatching(/title/)],
    ]);
    expect(r.warnings.map((w) => [w.row, w.reason])).toEqual([
      [8, expect.stringMatching(/time_added "yesterday" is not a date/)],
      [9, expect.stringMatching(/unknown status "pending"/)],
    ]);
    expect(r.items.find((i) => i.url.endsWith('date'))!.savedAt).toBeUndefined();
    expect(r.items.find((i) => i.url.endsWith('formula'))!.title).toBe('=HYPERLINK("http://evil.example","click")'); // text, never run
  });

  it('refuses a file with the wrong columns, saying what it expected', () => {
    expect(() => parsePocketCsv('name,link\nA,https://example.com')).toThrow(ImportFileError);
    expect(() => parsePocketCsv('name,link\nA,https://example.com')).toThrow(/columns url, time_added missing.*expected: title,url,time_added,tags,status/);
    expect(() => parsePocketCsv('')).toThrow(/empty/);
  });

  it('handles 10,000 rows', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `Story ${i},https://example.com/${i},1700000000,,unread`);
    const r = parsePocketCsv(['title,url,time_added,tags,status', ...rows].join('\n'));
    expect(r.items).toHaveLength(10_000);
  });
});

describe('Instapaper CSV import', () => {
  it('reads the old four-column layout; folders are states or tags', () => {
    const csv = 'URL,Title,Selection,Folder\n'
      + 'https://example.com/a,A,"Quoted, selection",Unread\n'
      + 'https://example.com/b,B,,Archive\n'
      + 'https://example.com/c,C,,Starred\n'
      + 'https://example.com/d,D,,Cooking\n';
    const r = parsePocketOrFail(parseInstapaperCsv(csv));
    expect(r.items).toEqual([
      expect.objectContaining({ url: 'https://example.com/a', excerpt: 'Quoted, selection', read: false, archived: false, favourite: false, tags: [] }),
      expect.objectContaining({ url: 'https://example.com/b', read: true, archived: true }),
      expect.objectContaining({ url: 'https://example.com/c', favourite: true, archived: false }),
      expect.objectContaining({ url: 'https://example.com/d', tags: ['Cooking'] }),
    ]);
  });

  it('reads the new six-column layout (Timestamp, Tags as a JSON list) and reports bad values', () => {
    const csv = 'URL,Title,Selection,Folder,Timestamp,Tags\n'
      + 'https://example.com/a,A,,Unread,1700000000,"[""programming"", ""go""]"\n'
      + 'https://example.com/b,B,,Unread,not-a-time,[broken\n'
      + 'ftp://example.com/c,C,,Unread,1700000000,[]\n';
    const r = parseInstapaperCsv(csv);
    expect(r.items[0]).toMatchObject({ savedAt: 1_700_000_000_000, tags: ['programming', 'go'] });
    expect(r.items[1]).toMatchObject({ url: 'https://example.com/b', savedAt: undefined });
    expect(r.warnings.map((w) => w.reason)).toEqual([expect.stringMatching(/Timestamp "not-a-time"/), expect.stringMatching(/not a JSON list/)]);
    expect(r.invalid).toEqual([expect.objectContaining({ row: 4, reason: expect.stringMatching(/url/) })]);
  });

  it('refuses a Pocket file given as Instapaper', () => {
    expect(() => parseInstapaperCsv('title,url,time_added,tags,status\n')).toThrow(/Instapaper CSV.*missing/);
  });
});

function parsePocketOrFail<T extends { invalid: unknown[] }>(r: T): T {
  expect(r.invalid).toEqual([]);
  return r;
}
