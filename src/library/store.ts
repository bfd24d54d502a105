/**
 * The library's storage layer, used by the background's library service only (the one writer).
 *
 * - The index is a versioned `@wxt-dev/storage` item (`local:library`, meta `library$`); its migrations run when
 *   this module is imported, i.e. in the background only, so no page ever races the writer with a migration.
 * - Records (`local:article:<id>`) carry their own version (`v`).
 * - The quarantine (`local:quarantine`) keeps every entry that failed validation, verbatim, with its reason.
 * - A commit writes the index, its recent head (recent-head.ts) and every changed record in ONE `storage.local.set`
 *   call (atomic in Chrome and Firefox): a failed write (quota, I/O) leaves the previous data untouched, and the
 *   head never disagrees with the index.
 */
import { storage } from '#imports';
import { browser } from 'wxt/browser';
import { HEAD_KEY, INDEX_KEY, INDEX_META_KEY, QUARANTINE_KEY, RECORD_PREFIX, recordKey } from './keys';
import { INDEX_MIGRATIONS } from './migrations';
import type { StoredHead } from './recent-head';
import { INDEX_VERSION, quarantineEntrySchema, type LibraryIndexV2, type QuarantineEntry } from './schema';
import { parseIndex, parseRecord, type ParsedIndex, type ParsedRecord } from './validate';

export const libraryItem = storage.defineItem<LibraryIndexV2 | null>(`local:${INDEX_KEY}`, {
  version: INDEX_VERSION,
  fallback: null,
  migrations: INDEX_MIGRATIONS,
});

export const quarantineItem = storage.defineItem<QuarantineEntry[]>(`local:${QUARANTINE_KEY}`, {
  version: 1,
  fallback: [],
});

/** A storage write failed; nothing of this write was applied. */
export class LibraryWriteError extends Error {
  constructor(cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    const quota = /quota/i.test(detail);
    super(
      quota
        ? `Storage is full, so Unwrap could not save this change (${detail}). Nothing was changed: your saved articles are intact. Free space in the browser's storage or delete saved articles, then try again.`
        : `Unwrap could not write to the browser's storage (${detail}). Nothing was changed: your saved articles are intact.`,
      { cause },
    );
    this.name = 'LibraryWriteError';
  }
}

export async function readIndex(now: number): Promise<ParsedIndex> {
  return parseIndex(await libraryItem.getValue(), now);
}

export { packIndex as indexValue } from './index-codec';
export { packHead as headValue } from './recent-head';

/** Write the index, its head and records together, atomically. Throws LibraryWriteError (nothing applied) on failure. */
export async function commit(index: LibraryIndexV2, puts: ReadonlyMap<string, unknown>, head: StoredHead): Promise<void> {
  const items: Record<string, unknown> = Object.fromEntries(puts);
  items[INDEX_KEY] = index;
  items[HEAD_KEY] = head;
  items[INDEX_META_KEY] = { v: INDEX_VERSION };
  try {
    await browser.storage.local.set(items);
  } catch (err) {
    throw new LibraryWriteError(err);
  }
}

export async function removeKeys(keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  try {
    await browser.storage.local.remove([...keys]);
  } catch (err) {
    throw new LibraryWriteError(err);
  }
}

export async function readRecord(id: string, now: number): Promise<ParsedRecord | null> {
  const key = recordKey(id);
  const raw = (await browser.storage.local.get(key))[key];
  return raw === undefined || raw === null ? null : parseRecord(key, raw, now);
}

export async function readRawRecords(ids: readonly string[]): Promise<Record<string, unknown>> {
  if (ids.length === 0) return {};
  return browser.storage.local.get(ids.map(recordKey));
}

/** Every stored record id (uses `getKeys` where the browser has it, so bodies are not loaded just to list them). */
export async function listRecordIds(): Promise<string[]> {
  const area = browser.storage.local as typeof browser.storage.local & { getKeys?: () => Promise<string[]> };
  const keys = typeof area.getKeys === 'function' ? await area.getKeys() : Object.keys(await area.get(null));
  return keys.filter((k) => k.startsWith(RECORD_PREFIX)).map((k) => k.slice(RECORD_PREFIX.length));
}

/** Append to the quarantine (never replaces what is there). */
export async function quarantine(entries: readonly QuarantineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const current = await readQuarantine();
  try {
    await quarantineItem.setValue([...current, ...entries]);
  } catch (err) {
    throw new LibraryWriteError(err);
  }
  for (const e of entries) console.warn(`Unwrap: set aside a damaged library entry (${e.source}): ${e.reason}`);
}

export async function readQuarantine(): Promise<QuarantineEntry[]> {
  const raw = await quarantineItem.getValue();
  if (!Array.isArray(raw)) {
    // Even the quarantine is damaged: keep it inside itself rather than lose it.
    return raw == null ? [] : [{ source: QUARANTINE_KEY, reason: 'the quarantine was not a list', at: Date.now(), value: raw }];
  }
  return raw.map((value, i) => {
    const parsed = quarantineEntrySchema.safeParse(value);
    return parsed.success ? parsed.data : { source: `${QUARANTINE_KEY}[${i}]`, reason: 'unreadable quarantine entry', at: Date.now(), value };
  });
}
