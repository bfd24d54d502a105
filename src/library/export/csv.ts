/**
 * CSV export (Papa Parse). The first five columns are Pocket's (`title,url,time_added,tags,status`), so the file opens
 * in any spreadsheet and imports back into Unwrap or Pocket-compatible tools. Cells that a spreadsheet would run as
 * a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) are prefixed with `'` (CSV injection).
 */
import Papa from 'papaparse';
import type { IndexEntry } from '../schema';
import { isoDate, statusOf } from './types';

export const CSV_COLUMNS = [
  'title', 'url', 'time_added', 'tags', 'status', 'read', 'favourite', 'site', 'byline', 'reading_time_minutes', 'word_count', 'excerpt', 'saved_at',
] as const;

export function toCsv(entries: readonly IndexEntry[]): string {
  const rows = entries.map((e) => [
    e.title,
    e.url,
    String(Math.floor(e.savedAt / 1000)),
    e.tags.join('|'),
    statusOf(e),
    e.read ? '1' : '0',
    e.favourite ? '1' : '0',
    e.siteName ?? '',
    e.byline ?? '',
    String(e.readingTimeMinutes),
    String(e.wordCount),
    e.excerpt ?? '',
    isoDate(e.savedAt),
  ]);
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { escapeFormulae: true, newline: '\r\n', quotes: false })}\r\n`;
}
