/**
 * Unwrap's own JSON export (complete: metadata, reading state, tags, article text, and the quarantine). Every item
 * is validated like any other import; a newer format version than this Unwrap knows is refused with a message.
 */
import { quarantineEntrySchema, type QuarantineEntry } from '../schema';
import { UNWRAP_JSON_FORMAT, UNWRAP_JSON_VERSION } from '../export/unwrap-json';
import { validateRow } from './row-item';
import { excerptOf, ImportFileError, type ParsedImport, type RowProblem } from './types';

export function parseUnwrapJson(text: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ImportFileError(`The file is not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
  }
  const obj = data as Record<string, unknown> | null;
  if (!obj || typeof obj !== 'object' || obj.format !== UNWRAP_JSON_FORMAT || !Array.isArray(obj.items)) {
    throw new ImportFileError(`This JSON file is not an Unwrap library export (expected "format": "${UNWRAP_JSON_FORMAT}" and an "items" list).`);
  }
  if (typeof obj.version !== 'number' || obj.version > UNWRAP_JSON_VERSION || obj.version < 1) {
    throw new ImportFileError(`This export has format version ${String(obj.version)}; this Unwrap reads versions 1 to ${UNWRAP_JSON_VERSION}. Update Unwrap and try again.`);
  }
  const items: ParsedImport['items'] = [];
  const invalid: RowProblem[] = [];
  obj.items.forEach((raw, i) => {
    const row = i + 1;
    if (!raw || typeof raw !== 'object') {
      invalid.push({ row, reason: 'not an item', excerpt: excerptOf(raw) });
      return;
    }
    const r = raw as Record<string, unknown>;
    const outcome = validateRow(row, r, r.url ?? r.title ?? raw, []);
    if (outcome.item) items.push(outcome.item);
    if (outcome.invalid) invalid.push(outcome.invalid);
  });
  const quarantine: QuarantineEntry[] = [];
  (Array.isArray(obj.quarantine) ? obj.quarantine : []).forEach((q, i) => {
    const parsed = quarantineEntrySchema.safeParse(q);
    if (parsed.success) quarantine.push(parsed.data);
    else invalid.push({ row: i + 1, reason: 'unreadable quarantine entry (not imported)', excerpt: excerptOf(q) });
  });
  return { format: 'unwrap-json', items, invalid, warnings: [], quarantine };
}
