/**
 * Instapaper's CSV export: `URL,Title,Selection,Folder` (old) or `URL,Title,Selection,Folder,Timestamp,Tags` (since
 * November 2025; `Tags` is a JSON array string, `Timestamp` Unix seconds). Folder `Unread` / `Archive` / `Starred`
 * are states (Starred → favourite); any other folder becomes a tag, so nothing of the user's filing is lost.
 */
import { readCsv, requireColumns } from './csv';
import { cleanTags, nonEmpty, validateRow } from './row-item';
import { excerptOf, unixSeconds, type ParsedImport, type RowProblem } from './types';

export const INSTAPAPER_COLUMNS = 'URL,Title,Selection,Folder[,Timestamp,Tags]';

export function parseInstapaperCsv(text: string): ParsedImport {
  const { header, rows, invalid } = readCsv(text);
  requireColumns(header, ['url', 'title', 'folder'], 'Instapaper CSV', INSTAPAPER_COLUMNS);
  const items: ParsedImport['items'] = [];
  const warnings: RowProblem[] = [];
  for (const { row, cells } of rows) {
    const rowWarnings: RowProblem[] = [];
    const folder = (cells.folder ?? '').trim();
    const state = folder.toLowerCase();
    let savedAt: number | undefined;
    if (nonEmpty(cells.timestamp)) {
      const ts = unixSeconds(cells.timestamp);
      if (ts === null) rowWarnings.push({ row, reason: `Timestamp "${excerptOf(cells.timestamp)}" is not a date: saved with the import date`, excerpt: excerptOf(cells.url) });
      else savedAt = ts;
    }
    const tags = cleanTags(row, [...tagsOf(row, cells.tags, rowWarnings), ...(['', 'unread', 'archive', 'starred'].includes(state) ? [] : [folder])], rowWarnings);
    const raw = {
      url: (cells.url ?? '').trim(),
      title: nonEmpty(cells.title),
      excerpt: nonEmpty(cells.selection)?.slice(0, 1000) ?? null,
      savedAt,
      tags,
      read: state === 'archive',
      archived: state === 'archive',
      favourite: state === 'starred',
    };
    const outcome = validateRow(row, raw, cells.url || cells.title, rowWarnings);
    if (outcome.item) items.push(outcome.item);
    if (outcome.invalid) invalid.push(outcome.invalid);
    warnings.push(...outcome.warnings);
  }
  invalid.sort((a, b) => a.row - b.row);
  return { format: 'instapaper-csv', items, invalid, warnings, quarantine: [] };
}

function tagsOf(row: number, raw: string | undefined, warnings: RowProblem[]): string[] {
  const s = (raw ?? '').trim();
  if (!s) return [];
  if (s.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(s);
      if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
    } catch {
      // fall through: report below
    }
    warnings.push({ row, reason: 'Tags is not a JSON list: read as comma-separated', excerpt: excerptOf(s) });
    return s.replace(/^\[|\]$/g, '').split(',').map((t) => t.replace(/^\s*"|"\s*$/g, ''));
  }
  return s.split(',');
}
