/**
 * Pocket's CSV export (`part_000000.csv` inside `pocket.zip`): `title,url,time_added,tags,status`, sometimes with an
 * extra `cursor` column, so columns are read by header name. `time_added` is Unix seconds, `tags` are separated by
 * `|`, `status` is `unread` or `archive`. Unwrap's own CSV export uses the same columns (plus more), so it
 * imports here too.
 */
import { readCsv, requireColumns } from './csv';
import { cleanTags, nonEmpty, validateRow } from './row-item';
import { excerptOf, unixSeconds, type ParsedImport, type RowProblem } from './types';

export const POCKET_COLUMNS = 'title,url,time_added,tags,status';

export function parsePocketCsv(text: string): ParsedImport {
  const { header, rows, invalid } = readCsv(text);
  requireColumns(header, ['url', 'time_added'], 'Pocket CSV', POCKET_COLUMNS);
  const items: ParsedImport['items'] = [];
  const warnings: RowProblem[] = [];
  for (const { row, cells } of rows) {
    const rowWarnings: RowProblem[] = [];
    const savedAt = unixSeconds(cells.time_added);
    if (savedAt === null) rowWarnings.push({ row, reason: `time_added "${excerptOf(cells.time_added ?? '')}" is not a date: saved with the import date`, excerpt: excerptOf(cells.url) });
    const status = (cells.status ?? '').trim().toLowerCase();
    if (status && !['unread', 'archive', 'archived', 'read'].includes(status)) {
      rowWarnings.push({ row, reason: `unknown status "${excerptOf(status)}": imported as unread`, excerpt: excerptOf(cells.url) });
    }
    const archived = status === 'archive' || status === 'archived';
    const raw = {
      url: (cells.url ?? '').trim(),
      title: nonEmpty(cells.title),
      savedAt: savedAt ?? undefined,
      tags: cleanTags(row, (cells.tags ?? '').split('|'), rowWarnings),
      // Unwrap's own CSV has a `read` column (an archived item may be unread); Pocket's archive means read.
      read: cells.read !== undefined ? ['1', 'true', 'yes'].includes(cells.read.trim().toLowerCase()) : archived || status === 'read',
      archived,
      favourite: ['1', 'true', 'yes'].includes((cells.favourite ?? '').trim().toLowerCase()) || undefined,
      siteName: nonEmpty(cells.site) ?? null,
      byline: nonEmpty(cells.byline) ?? null,
      excerpt: nonEmpty(cells.excerpt)?.slice(0, 1000) ?? null,
    };
    const outcome = validateRow(row, raw, cells.url || cells.title, rowWarnings);
    if (outcome.item) items.push(outcome.item);
    if (outcome.invalid) invalid.push(outcome.invalid);
    warnings.push(...outcome.warnings);
  }
  invalid.sort((a, b) => a.row - b.row);
  return { format: 'pocket-csv', items, invalid, warnings, quarantine: [] };
}
