/**
 * Reading stored library data back: everything is untrusted. Each index entry and record is parsed on its own;
 * what fails is returned as a quarantine entry (kept verbatim, with the reason) instead of being dropped or
 * crashing the caller. Pure: used by the background (which moves bad entries to quarantine) and by pages
 * (which show only the good ones and report the rest).
 */
import { isPlainValidEntry } from './entry-check';
import { expandEntry, storedForm, unpackIndex } from './index-codec';
import {
  articleRecordSchema, indexEntrySchema, reasonOf, trashEntrySchema,
  type ArticleRecord, type IndexEntry, type QuarantineEntry, type TrashEntry,
} from './schema';

export interface ParsedIndex {
  readonly rev: number;
  readonly entries: IndexEntry[];
  readonly trash: TrashEntry[];
  /** Entries that failed validation (to be quarantined). */
  readonly corrupt: QuarantineEntry[];
  /** The whole value was not an index (to be quarantined whole and rebuilt from the records). */
  readonly unreadable: QuarantineEntry | null;
}

export function parseIndex(raw: unknown, now: number): ParsedIndex {
  if (raw === null || raw === undefined) return { rev: 0, entries: [], trash: [], corrupt: [], unreadable: null };
  const unpacked = unpackIndex(raw);
  if (!unpacked.ok) {
    return { rev: 0, entries: [], trash: [], corrupt: [], unreadable: { source: 'library', reason: unpacked.reason, at: now, value: raw } };
  }
  const corrupt: QuarantineEntry[] = [];
  const seen = new Set<string>();
  const entries: IndexEntry[] = [];
  unpacked.entries.forEach((value, i) => {
    const expanded = expandEntry(value);
    const parsed = isPlainValidEntry(expanded) ? { success: true as const, data: expanded } : indexEntrySchema.safeParse(expanded);
    if (!parsed.success) corrupt.push({ source: `library.entries[${i}]`, reason: reasonOf(parsed.error), at: now, value: storedForm(value) });
    else if (seen.has(parsed.data.id)) corrupt.push({ source: `library.entries[${i}]`, reason: `duplicate id ${parsed.data.id}`, at: now, value: storedForm(value) });
    else {
      seen.add(parsed.data.id);
      entries.push(parsed.data);
    }
  });
  const trash: TrashEntry[] = [];
  unpacked.trash.forEach((value, i) => {
    const parsed = trashEntrySchema.safeParse(expandEntry(value));
    if (!parsed.success) corrupt.push({ source: `library.trash[${i}]`, reason: reasonOf(parsed.error), at: now, value: storedForm(value) });
    else if (!seen.has(parsed.data.id)) {
      seen.add(parsed.data.id);
      trash.push(parsed.data);
    }
  });
  return { rev: unpacked.rev, entries, trash, corrupt, unreadable: null };
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
