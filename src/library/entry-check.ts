/**
 * A fast check of index entries for the hot path (10,000 entries when the library page opens): plain `typeof`
 * tests that accept only what `indexEntrySchema` accepts. Anything it does not accept goes through the zod schema
 * (validate.ts), which gives the reason or, for values it can normalise (a tag with spaces around it), the fixed
 * entry. So the result is always what the schema would give; only faster. Pure.
 */
import { LIMITS, type IndexEntry } from './schema';
import { isHttpUrl } from './url';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const CONTROL = /[\u0000-\u001f]/;
const KEYS = new Set([
  'id', 'url', 'canonicalUrl', 'sourceUrl', 'title', 'siteName', 'byline', 'excerpt', 'lang', 'via', 'wordCount',
  'readingTimeMinutes', 'savedAt', 'linkOnly', 'normalizedUrl', 'updatedAt', 'read', 'archived', 'favourite', 'tags', 'progress',
]);

const str = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max;
const optStr = (v: unknown, max: number): boolean => v === null || str(v, max);
const url = (v: unknown): boolean => typeof v === 'string' && v.length <= LIMITS.url && isHttpUrl(v);
const optUrl = (v: unknown): boolean => v === null || url(v);
const int = (v: unknown, max: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const bool = (v: unknown): boolean => typeof v === 'boolean';

function tagsOk(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > LIMITS.tags) return false;
  const seen = new Set<string>();
  for (const t of v) {
    if (typeof t !== 'string' || t.length === 0 || t.length > LIMITS.tag || t !== t.trim() || CONTROL.test(t) || seen.has(t)) return false;
    seen.add(t);
  }
  return true;
}

/** True only for values `indexEntrySchema` accepts unchanged (no unknown keys, nothing to normalise). */
export function isPlainValidEntry(v: unknown): v is IndexEntry {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const e = v as Record<string, unknown>;
  if (Object.keys(e).length !== KEYS.size) return false; // every known key is checked below, so none is unknown
  return typeof e.id === 'string' && ID.test(e.id)
    && url(e.url) && optUrl(e.canonicalUrl) && optUrl(e.sourceUrl)
    && str(e.title, LIMITS.title) && optStr(e.siteName, LIMITS.shortText) && optStr(e.byline, LIMITS.shortText)
    && optStr(e.excerpt, LIMITS.excerpt) && optStr(e.lang, 35) && optStr(e.via, 200)
    && int(e.wordCount, 10_000_000) && int(e.readingTimeMinutes, 1_000_000) && int(e.savedAt, 8.64e15) && int(e.updatedAt, 8.64e15)
    && bool(e.linkOnly) && bool(e.read) && bool(e.archived) && bool(e.favourite)
    && str(e.normalizedUrl, LIMITS.url) && tagsOk(e.tags)
    && typeof e.progress === 'number' && e.progress >= 0 && e.progress <= 1;
}
