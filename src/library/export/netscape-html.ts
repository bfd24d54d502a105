/**
 * Netscape bookmark HTML: any browser imports it. One folder per state ("Unwrap – Unread", "Unwrap – Read",
 * "Unwrap – Archived"), `TAGS` for tags, `ADD_DATE` = saved time, `<DD>` = excerpt. The article text cannot travel
 * in this format: pair it with the JSON export. Every value is HTML-escaped.
 */
import type { IndexEntry } from '../schema';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const secs = (ms: number): number => Math.floor(ms / 1000);

export const FOLDERS = { unread: 'Unwrap – Unread', read: 'Unwrap – Read', archive: 'Unwrap – Archived' } as const;

export function toNetscapeHtml(entries: readonly IndexEntry[], now: number): string {
  const groups = { unread: [] as IndexEntry[], read: [] as IndexEntry[], archive: [] as IndexEntry[] };
  for (const e of entries) groups[e.archived ? 'archive' : e.read ? 'read' : 'unread'].push(e);
  const lines = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file.',
    '     It will be read and overwritten.',
    '     DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
  ];
  for (const key of ['unread', 'read', 'archive'] as const) {
    if (groups[key].length === 0) continue;
    lines.push(`    <DT><H3 ADD_DATE="${secs(now)}" LAST_MODIFIED="${secs(now)}">${esc(FOLDERS[key])}</H3>`, '    <DL><p>');
    for (const e of groups[key]) {
      const tags = e.tags.length ? ` TAGS="${esc(e.tags.join(','))}"` : '';
      lines.push(`        <DT><A HREF="${esc(e.url)}" ADD_DATE="${secs(e.savedAt)}" LAST_MODIFIED="${secs(e.updatedAt)}"${tags}>${esc(e.title)}</A>`);
      if (e.excerpt) lines.push(`        <DD>${esc(e.excerpt.replace(/\s+/g, ' '))}`);
    }
    lines.push('    </DL><p>');
  }
  lines.push('</DL><p>', '');
  return lines.join('\n');
}
