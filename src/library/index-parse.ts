/**
 * Reading the stored index back, entry by entry, with the schema as a pluggable fallback. Why pluggable: plainly
 * valid entries (all of them, normally) are read by the zod-free fast path (entry-check.ts); only the rest need
 * the schema. The background passes the schema every time (validate.ts); the library page passes none first and
 * loads zod only if some entry needs it (read.ts), so its first render does not wait for zod. Pure.
 */
import { readPlainEntry, readPlainTrashEntry } from './entry-check';
import { expandEntry, storedForm, unpackIndex } from './index-codec';
import type { IndexEntry, QuarantineEntry, TrashEntry } from './schema';

export interface ParsedIndex {
  readonly rev: number;
  readonly entries: IndexEntry[];
  readonly trash: TrashEntry[];
  /** Entries that failed validation (to be quarantined). */
  readonly corrupt: QuarantineEntry[];
  /** The whole value was not an index (to be quarantined whole and rebuilt from the records). */
  readonly unreadable: QuarantineEntry | null;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** The schema's verdict on an entry the fast path did not accept (given the expanded entry: defaults filled in). */
export interface SchemaChecks {
  entry(expanded: unknown): Checked<IndexEntry>;
  trash(expanded: unknown): Checked<TrashEntry>;
}

/**
 * The index as the schema sees it: good entries, and every bad one as a quarantine entry (kept as stored, with the
 * reason). Returns null only when `schema` is null and some entry needs it: call again with the schema.
 */
export function parseIndexWith(raw: unknown, now: number, schema: SchemaChecks | null): ParsedIndex | null {
  if (raw === null || raw === undefined) return { rev: 0, entries: [], trash: [], corrupt: [], unreadable: null };
  const unpacked = unpackIndex(raw);
  if (!unpacked.ok) {
    return { rev: 0, entries: [], trash: [], corrupt: [], unreadable: { source: 'library', reason: unpacked.reason, at: now, value: raw } };
  }
  const corrupt: QuarantineEntry[] = [];
  const seen = new Set<string>();
  const entries: IndexEntry[] = [];
  const list = unpacked.entries;
  for (let i = 0; i < list.length; i++) {
    const value = list[i];
    let entry = readPlainEntry(value);
    if (!entry) {
      if (!schema) return null;
      const expanded = expandEntry(value);
      const checked = schema.entry(expanded);
      if (!checked.ok) {
        corrupt.push({ source: `library.entries[${i}]`, reason: checked.reason, at: now, value: storedForm(expanded) });
        continue;
      }
      entry = checked.value;
    }
    if (seen.has(entry.id)) corrupt.push({ source: `library.entries[${i}]`, reason: `duplicate id ${entry.id}`, at: now, value: storedForm(value) });
    else {
      seen.add(entry.id);
      entries.push(entry);
    }
  }
  const trash: TrashEntry[] = [];
  for (let i = 0; i < unpacked.trash.length; i++) {
    const value = unpacked.trash[i];
    let entry = readPlainTrashEntry(value);
    if (!entry) {
      if (!schema) return null;
      const expanded = expandEntry(value);
      const checked = schema.trash(expanded);
      if (!checked.ok) {
        corrupt.push({ source: `library.trash[${i}]`, reason: checked.reason, at: now, value: storedForm(expanded) });
        continue;
      }
      entry = checked.value;
    }
    if (!seen.has(entry.id)) {
      seen.add(entry.id);
      trash.push(entry);
    }
  }
  return { rev: unpacked.rev, entries, trash, corrupt, unreadable: null };
}
