/**
 * Reading stored library data back: everything is untrusted. Each index entry and record is parsed on its own;
 * what fails is returned as a quarantine entry (kept verbatim, with the reason) instead of being dropped or
 * crashing the caller. Pure: used by the background (which moves bad entries to quarantine) and by pages
 * (which show only the good ones and report the rest; the library page loads this module, and so zod, only when
 * an entry is not plainly valid: see read.ts).
 */
import { parseIndexWith, type Checked, type ParsedIndex, type SchemaChecks } from './index-parse';
import { articleRecordSchema, indexEntrySchema, reasonOf, trashEntrySchema, type ArticleRecord, type QuarantineEntry } from './schema';
import type { z } from 'zod';

export type { ParsedIndex } from './index-parse';

function checked<T>(parsed: z.ZodSafeParseResult<T>): Checked<T> {
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: reasonOf(parsed.error) };
}

const schemaChecks: SchemaChecks = {
  entry: (expanded) => checked(indexEntrySchema.safeParse(expanded)),
  trash: (expanded) => checked(trashEntrySchema.safeParse(expanded)),
};

export function parseIndex(raw: unknown, now: number): ParsedIndex {
  // With the schema given, parseIndexWith always answers.
  return parseIndexWith(raw, now, schemaChecks)!;
}

export type ParsedRecord = { ok: true; record: ArticleRecord } | { ok: false; problem: QuarantineEntry };

export function parseRecord(key: string, raw: unknown, now: number): ParsedRecord {
  const parsed = articleRecordSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: { source: key, reason: reasonOf(parsed.error), at: now, value: raw } };
  if (key !== `article:${parsed.data.id}`) {
    return { ok: false, problem: { source: key, reason: `record id ${parsed.data.id} does not match its key`, at: now, value: raw } };
  }
  return { ok: true, record: parsed.data };
}
