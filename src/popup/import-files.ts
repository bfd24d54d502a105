/**
 * Importing files from the library page: read, recognise, parse and validate here (the page has a DOMParser and
 * DOMPurify), then hand the valid items to the background in chunks. Article HTML from a file is untrusted: it is
 * sanitised before it is sent (and again whenever it is shown).
 */
import { sanitizeToString } from '../extract/sanitize';
import { MAX_IMPORT_BYTES, parseImportFile } from '../library/import/detect';
import { decodeImportBytes } from '../library/import/decode';
import type { ImportFormat, RowProblem } from '../library/import/types';
import type { ImportItem } from '../library/schema';
import { send } from '../messaging/client';

export interface FileImportResult {
  readonly file: string;
  readonly format: ImportFormat | null;
  readonly added: number;
  readonly duplicates: number;
  readonly filled: number;
  readonly invalid: readonly RowProblem[];
  readonly warnings: readonly RowProblem[];
  /** The whole file was refused, with why. */
  readonly error: string | null;
}

const CHUNK = 1000;

export async function importFiles(files: readonly File[], win: Window & typeof globalThis): Promise<FileImportResult[]> {
  const results: FileImportResult[] = [];
  for (const file of files) results.push(await importFile(file, win));
  return results;
}

async function importFile(file: File, win: Window & typeof globalThis): Promise<FileImportResult> {
  const base = { file: file.name, format: null, added: 0, duplicates: 0, filled: 0, invalid: [], warnings: [] };
  if (file.size > MAX_IMPORT_BYTES) return { ...base, error: `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` };
  const totals = { added: 0, duplicates: 0, filled: 0 };
  try {
    const text = decodeImportBytes(new Uint8Array(await file.arrayBuffer())).text;
    const parsed = parseImportFile(file.name, text, new win.DOMParser());
    const items = parsed.items.map((item) => sanitizeBody(item, win));
    for (let i = 0; i < Math.max(items.length, 1); i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK);
      const quarantine = i === 0 && parsed.quarantine.length ? parsed.quarantine : undefined;
      if (chunk.length === 0 && !quarantine) break;
      const r = await send('importItems', { items: chunk, ...(quarantine ? { quarantine } : {}) });
      totals.added += r.added;
      totals.duplicates += r.duplicates;
      totals.filled += r.filled;
    }
    return { ...base, ...totals, format: parsed.format, invalid: parsed.invalid, warnings: parsed.warnings, error: null };
  } catch (err) {
    console.warn(`Unwrap: import of ${file.name} failed`, err);
    // What was committed before the failure stays (and is counted); importing the file again adds the rest.
    return { ...base, ...totals, error: err instanceof Error ? err.message : String(err) };
  }
}

function sanitizeBody(item: ImportItem, win: Window & typeof globalThis): ImportItem {
  if (!item.body) return item;
  return { ...item, body: { ...item.body, content: sanitizeToString(item.body.content, win) } };
}
