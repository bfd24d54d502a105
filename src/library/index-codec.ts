/**
 * How the index is stored: `{ rev, json }`, the entries serialised as ONE JSON string, each entry without the
 * fields that hold their default (null, false, 0, []). Why: `storage.local` converts an object value into a tree of
 * browser values and back on every read, which for 10,000 entries (200,000 values) took seconds in Chromium; a
 * single string crosses in a fraction of that, and `JSON.parse` is fast. Leaving defaults out halves the string.
 * Pure. Decoding never validates: validate.ts does, entry by entry.
 */
import type { IndexEntry, LibraryIndexV2, TrashEntry } from './schema';

const DEFAULTS: Partial<Record<keyof TrashEntry, unknown>> = {
  canonicalUrl: null, sourceUrl: null, siteName: null, byline: null, excerpt: null, lang: null, via: null,
  wordCount: 0, readingTimeMinutes: 0, linkOnly: false, read: false, archived: false, favourite: false, progress: 0,
};
const DEFAULT_KEYS = Object.keys(DEFAULTS) as (keyof TrashEntry)[];

/** An entry as stored: without the fields that hold their default. */
export function compactEntry(e: IndexEntry | TrashEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { ...e };
  for (const k of DEFAULT_KEYS) if (out[k] === DEFAULTS[k]) delete out[k];
  if (e.tags.length === 0) delete out.tags;
  return out;
}

/**
 * Fill the left-out defaults back in, in place (the object comes fresh from `JSON.parse`; filling in place is many
 * times faster than spreading 10,000 objects). Anything but an object is left for validation to reject.
 */
export function expandEntry(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const r = raw as Record<string, unknown>;
  for (const k of DEFAULT_KEYS) if (r[k] === undefined) r[k] = DEFAULTS[k];
  if (r.tags === undefined) r.tags = [];
  return r;
}

/** The entry as it was stored, before `expandEntry` (for the quarantine, which keeps values verbatim). */
export function storedForm(expanded: unknown): unknown {
  if (!expanded || typeof expanded !== 'object' || Array.isArray(expanded)) return expanded;
  const out: Record<string, unknown> = { ...(expanded as Record<string, unknown>) };
  for (const k of DEFAULT_KEYS) if (out[k] === DEFAULTS[k]) delete out[k];
  if (Array.isArray(out.tags) && out.tags.length === 0) delete out.tags;
  return out;
}

export function packIndex(rev: number, entries: Iterable<IndexEntry>, trash: Iterable<TrashEntry>): LibraryIndexV2 {
  return { rev, json: JSON.stringify({ entries: [...entries].map(compactEntry), trash: [...trash].map(compactEntry) }) };
}

export type UnpackedIndex = { ok: true; rev: number; entries: unknown[]; trash: unknown[] } | { ok: false; reason: string };

export function unpackIndex(raw: unknown): UnpackedIndex {
  const obj = raw as Partial<LibraryIndexV2> | null;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj) || typeof obj.json !== 'string') {
    return { ok: false, reason: 'the library index is not in a readable format' };
  }
  let data: unknown;
  try {
    data = JSON.parse(obj.json);
  } catch (err) {
    return { ok: false, reason: `the library index is not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  const d = data as { entries?: unknown; trash?: unknown } | null;
  if (!d || typeof d !== 'object' || !Array.isArray(d.entries)) return { ok: false, reason: 'the library index has no entry list' };
  const rev = typeof obj.rev === 'number' && Number.isFinite(obj.rev) ? obj.rev : 0;
  return { ok: true, rev, entries: d.entries, trash: Array.isArray(d.trash) ? d.trash : [] };
}
