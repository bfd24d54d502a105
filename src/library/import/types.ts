/** What every importer returns: valid items, and every row it could not use with the reason (nothing silently skipped). */
import type { ImportItem, QuarantineEntry } from '../schema';

export type ImportFormat = 'unwrap-json' | 'pocket-csv' | 'instapaper-csv' | 'netscape-html';

export interface RowProblem {
  /** Human row reference: spreadsheet row number for CSV (header = 1), link number for HTML, item number for JSON. */
  readonly row: number;
  readonly reason: string;
  /** The start of the row's content, as text, so the user can find it. */
  readonly excerpt: string;
}

export interface ParsedImport {
  readonly format: ImportFormat;
  readonly items: ImportItem[];
  /** Rows not imported, with why. */
  readonly invalid: RowProblem[];
  /** Rows imported with a change (e.g. a bad date replaced by the import date). */
  readonly warnings: RowProblem[];
  /** Damaged entries carried by an Unwrap JSON export, kept as they are. */
  readonly quarantine: QuarantineEntry[];
}

/** The whole file cannot be imported (wrong format, wrong columns): the message says what was expected. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export const excerptOf = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
};

/** Unix seconds → ms, or null when the value is not a plausible date (1995–2100). */
export function unixSeconds(raw: string | undefined): number | null {
  const s = (raw ?? '').trim();
  if (!/^\d{1,12}(?:\.\d+)?$/.test(s)) return null;
  const ms = Math.round(Number(s) * 1000);
  return ms >= Date.UTC(1995, 0, 1) && ms <= Date.UTC(2100, 0, 1) ? ms : null;
}
