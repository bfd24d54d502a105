/**
 * Reading stored library data back: everything is untrusted. Each index entry and record is parsed on its own;
 * what fails is returned as a quarantine entry (kept verbatim, with the reason) instead of being dropped or
 * crashing the caller. Pure: used by the background (which moves bad entries to quarantine) and by pages
 * (which show only the good ones and report the rest).
 */
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
  const obj = raw as Record<string, unknown>;
  if (typeof raw !== 'object' || Array.isArray(raw) || !Array.isArray(obj.entries)) {
    return {
      rev: 0, entries: [], trash: [], corrupt: [],
      unreadable: { source: 'library', reason: 'the library index is not in a readable format', at: now, value: raw },
    };
  }
  const rev = typeof obj.rev === 'number' && Number.isFinite(obj.rev) ? obj.rev : 0;
  const corrupt: QuarantineEntry[] = [];
  const seen = new Set<string>();
  const entries: IndexEntry[] = [];
  obj.entries.forEach((value, i) => {
    const parsed = indexEntrySchema.safeParse(value);
    if (!parsed.success) corrupt.push({ source: `library.entries[${i}]`, reason: reasonOf(parsed.error), at: now, value });
    else if (seen.has(parsed.data.id)) corrupt.push({ source: `library.entries[${i}]`, reason: `duplicate id ${parsed.data.id}`, at: now, value });
    else {
      seen.add(parsed.data.id);
      entries.push(parsed.data);
    }
  });
  const trash: TrashEntry[] = [];
  (Array.isArray(obj.trash) ? obj.trash : []).forEach((value, i) => {
    const parsed = trashEntrySchema.safeParse(value);
    if (!parsed.success) corrupt.push({ source: `library.trash[${i}]`, reason: reasonOf(parsed.error), at: now, value });
    else if (!seen.has(parsed.data.id)) {
      seen.add(parsed.data.id);
      trash.push(parsed.data);
    }
  });
  return { rev, entries, trash, corrupt, unreadable: null };
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
