/** CSV reading with a real parser (Papa Parse): header-based, BOM-tolerant, quoted commas and newlines. */
import Papa from 'papaparse';
import { ImportFileError, excerptOf, type RowProblem } from './types';

export interface CsvRow {
  /** Spreadsheet row number (the header is row 1). */
  readonly row: number;
  /** Values by lower-cased header name. */
  readonly cells: Readonly<Record<string, string>>;
}

const MAX_CELL = 100_000;

export function readCsv(text: string): { header: string[]; rows: CsvRow[]; invalid: RowProblem[] } {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [head, ...data] = result.data;
  if (!head || head.length === 0) throw new ImportFileError('The file is empty.');
  const header = head.map((h) => h.trim().toLowerCase());
  const invalid: RowProblem[] = [];
  const rows: CsvRow[] = [];
  const badRows = new Map<number, string>();
  for (const e of result.errors) if (e.row !== undefined && e.type === 'Quotes') badRows.set(e.row, e.message);
  data.forEach((values, i) => {
    const row = i + 2;
    const dataIndex = i + 1;
    if (badRows.has(dataIndex)) {
      invalid.push({ row, reason: `unreadable CSV: ${badRows.get(dataIndex)}`, excerpt: excerptOf(values.join(',')) });
      return;
    }
    if (values.length !== header.length) {
      invalid.push({ row, reason: `${values.length} columns where the header has ${header.length}`, excerpt: excerptOf(values.join(',')) });
      return;
    }
    if (values.some((v) => v.length > MAX_CELL)) {
      invalid.push({ row, reason: `a cell is longer than ${MAX_CELL.toLocaleString('en')} characters`, excerpt: excerptOf(values.join(',').slice(0, 200)) });
      return;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, j) => {
      cells[h] = unescapeFormula(values[j] ?? '');
    });
    rows.push({ row, cells });
  });
  return { header, rows, invalid };
}

/** Undo the `'` our CSV export puts before formula-looking cells (`'=…`, `'+…`, `'-…`, `'@…`). */
function unescapeFormula(v: string): string {
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}

export function requireColumns(header: readonly string[], required: readonly string[], formatName: string, expected: string): void {
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new ImportFileError(`This does not look like a ${formatName} file: column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing (found: ${header.join(', ') || 'none'}; expected: ${expected}).`);
  }
}
