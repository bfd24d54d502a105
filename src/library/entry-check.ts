/**
 * The fast path for reading index entries (10,000 of them before the library page can show its list): plain
 * `typeof` tests on the entry as stored (index-codec.ts leaves out fields that hold their default) that accept only
 * what `indexEntrySchema` accepts unchanged, and the full entry built as one object literal: every entry gets the
 * same shape, and the stored value is never changed (no separate pass filling defaults in).
 * Anything this does not accept (null) goes through the zod schema (validate.ts), which gives the reason or, for
 * values it can normalise (a tag with spaces around it, an unknown key), the fixed entry. So the result is always
 * what the schema would give; only faster. Zod-free on purpose: the library page loads zod only when an entry
 * needs it. Pure.
 */
import { LIMITS } from './limits';
import type { IndexEntry, TrashEntry } from './schema';
import { isHttpUrl } from './url';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const CONTROL = /[\u0000-\u001f]/;
const MAX_TIME = 8.64e15;

const str = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max;
const optStr = (v: unknown, max: number): boolean => v === null || str(v, max);
const url = (v: unknown): boolean => typeof v === 'string' && v.length <= LIMITS.url && isHttpUrl(v);
const optUrl = (v: unknown): boolean => v === null || url(v);
const int = (v: unknown, max: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const bool = (v: unknown): boolean => typeof v === 'boolean';

// At most 50 tags, and most entries have none or one: looking back for duplicates beats allocating a Set per entry.
function tagsOk(v: unknown): v is string[] {
  if (!Array.isArray(v) || v.length > LIMITS.tags) return false;
  for (let i = 0; i < v.length; i++) {
    const t: unknown = v[i];
    if (typeof t !== 'string' || t.length === 0 || t.length > LIMITS.tag || t !== t.trim() || CONTROL.test(t) || v.indexOf(t) !== i) return false;
  }
  return true;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * A stored index entry (defaults left out or not) as the full entry, or null when only the schema can decide
 * (invalid, an unknown key, something to normalise). Never changes `v`.
 */
export function readPlainEntry(v: unknown): IndexEntry | null {
  return isRecord(v) ? plainFields(v, 0) : null;
}

/** The same for an entry of the trash (an index entry plus `deletedAt`). */
export function readPlainTrashEntry(v: unknown): TrashEntry | null {
  if (!isRecord(v) || !int(v.deletedAt, MAX_TIME)) return null;
  const e = plainFields(v, 1);
  return e && { ...e, deletedAt: v.deletedAt as number };
}

const REQUIRED = 6; // id, url, title, savedAt, normalizedUrl, updatedAt: checked below, so present when accepted

/**
 * Fields with a default may be left out (index-codec.ts); only `undefined` means "left out" (a stored null where
 * the default is false or 0 stays null, and is refused, as the schema does). `extra`: how many known keys besides
 * the entry's own `r` has (1 for the trash's `deletedAt`).
 */
function plainFields(r: Record<string, unknown>, extra: number): IndexEntry | null {
  let present = REQUIRED + extra;
  const has = (value: unknown): boolean => value !== undefined && ++present > 0;
  const canonicalUrl = has(r.canonicalUrl) ? r.canonicalUrl : null;
  const sourceUrl = has(r.sourceUrl) ? r.sourceUrl : null;
  const siteName = has(r.siteName) ? r.siteName : null;
  const byline = has(r.byline) ? r.byline : null;
  const excerpt = has(r.excerpt) ? r.excerpt : null;
  const lang = has(r.lang) ? r.lang : null;
  const via = has(r.via) ? r.via : null;
  const wordCount = has(r.wordCount) ? r.wordCount : 0;
  const readingTimeMinutes = has(r.readingTimeMinutes) ? r.readingTimeMinutes : 0;
  const linkOnly = has(r.linkOnly) ? r.linkOnly : false;
  const read = has(r.read) ? r.read : false;
  const archived = has(r.archived) ? r.archived : false;
  const favourite = has(r.favourite) ? r.favourite : false;
  const progress = has(r.progress) ? r.progress : 0;
  const tags = has(r.tags) ? r.tags : [];
  // Every key counted above is a known one; any other key makes the count differ (the schema drops unknown keys,
  // so it must decide).
  const ok = Object.keys(r).length === present
    && typeof r.id === 'string' && ID.test(r.id)
    && url(r.url) && optUrl(canonicalUrl) && optUrl(sourceUrl)
    && str(r.title, LIMITS.title) && optStr(siteName, LIMITS.shortText) && optStr(byline, LIMITS.shortText)
    && optStr(excerpt, LIMITS.excerpt) && optStr(lang, 35) && optStr(via, 200)
    && int(wordCount, 10_000_000) && int(readingTimeMinutes, 1_000_000) && int(r.savedAt, MAX_TIME) && int(r.updatedAt, MAX_TIME)
    && bool(linkOnly) && bool(read) && bool(archived) && bool(favourite)
    && str(r.normalizedUrl, LIMITS.url) && tagsOk(tags)
    && typeof progress === 'number' && progress >= 0 && progress <= 1;
  if (!ok) return null;
  return {
    id: r.id, url: r.url, canonicalUrl, sourceUrl, title: r.title, siteName, byline, excerpt, lang, via, wordCount,
    readingTimeMinutes, savedAt: r.savedAt, linkOnly, normalizedUrl: r.normalizedUrl, updatedAt: r.updatedAt, read,
    archived, favourite, tags, progress,
  } as IndexEntry;
}
