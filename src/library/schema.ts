/**
 * The saved library's shapes: schema = type = validation (zod). Pure.
 *
 * Storage layout (browser.storage.local, see store.ts):
 *   library            the index: metadata and reading state of every item, no article text (listing, filters,
 *                      sorting and metadata search read only this). Versioned with WXT's `library$` meta.
 *   article:<id>       one record per item: the article's cleaned HTML and text plus a snapshot of its metadata,
 *                      so the index can be rebuilt from records alone (repair). Versioned by its own `v` field.
 *   search:<n>         16 shards of a serialised full-text search index (search.ts).
 *   quarantine         entries that failed validation, kept verbatim with the reason (never dropped).
 *
 * Everything read back is untrusted: each entry and record is parsed with these schemas before use.
 */
import { z } from 'zod';
import { LIMITS, RECORD_VERSION } from './limits';
import { isHttpUrl } from './url';

// Extension pages and the service worker run under `script-src 'self'` (no eval): tell zod not to probe for
// `new Function`, which the CSP would report as a violation each time.
z.config({ jitless: true });

export { INDEX_VERSION, LIMITS, RECORD_VERSION } from './limits';

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id must be 1–64 letters, digits, _ or -');
export const httpUrlSchema = z.string().max(LIMITS.url, 'URL too long').refine(isHttpUrl, 'not an http(s) URL');
const nullableText = (max: number) => z.string().max(max).nullable();
const timestamp = z.number().int().min(0).max(8.64e15);
export const tagSchema = z.string().trim().min(1).max(LIMITS.tag).refine((s) => !/[\u0000-\u001f]/.test(s), 'control characters in tag');
const tagsSchema = z.array(tagSchema).max(LIMITS.tags).transform((ts) => [...new Set(ts)]);

/** Metadata shared by the index entry and the record's snapshot. */
const metaFields = {
  id: idSchema,
  url: httpUrlSchema,
  canonicalUrl: httpUrlSchema.nullable(),
  sourceUrl: httpUrlSchema.nullable(),
  title: z.string().max(LIMITS.title),
  siteName: nullableText(LIMITS.shortText),
  byline: nullableText(LIMITS.shortText),
  excerpt: nullableText(LIMITS.excerpt),
  lang: nullableText(35),
  via: nullableText(200),
  wordCount: z.number().int().min(0).max(10_000_000),
  readingTimeMinutes: z.number().int().min(0).max(1_000_000),
  savedAt: timestamp,
  linkOnly: z.boolean(),
};

export const indexEntrySchema = z.object({
  ...metaFields,
  normalizedUrl: z.string().max(LIMITS.url),
  updatedAt: timestamp,
  read: z.boolean(),
  archived: z.boolean(),
  favourite: z.boolean(),
  tags: tagsSchema,
  /** Reading progress in the reader page, 0..1. */
  progress: z.number().min(0).max(1),
});
export type IndexEntry = z.infer<typeof indexEntrySchema>;

export const trashEntrySchema = indexEntrySchema.extend({ deletedAt: timestamp });
export type TrashEntry = z.infer<typeof trashEntrySchema>;

/**
 * The stored index (v2): `json` is `{ entries, trash }` as one JSON string, defaults left out (index-codec.ts).
 * Entries are validated one by one so one bad entry cannot hide the others.
 */
export interface LibraryIndexV2 {
  /** Increases with every write by the library service (lets it notice writes made by anyone else). */
  rev: number;
  /** `{ entries: IndexEntry[], trash: TrashEntry[] }` (deleted items kept for undo until purged). */
  json: string;
}

export const removedBlockSchema = z.object({ reason: z.string().max(200), text: z.string().max(2000) });

const leadFigureSchema = z.object({
  src: httpUrlSchema,
  alt: z.string().max(LIMITS.shortText),
  caption: nullableText(LIMITS.excerpt),
  credit: nullableText(LIMITS.shortText),
});

/** The article itself: everything the reader page needs that the index does not hold. */
export const articleBodySchema = z.object({
  content: z.string().max(LIMITS.content),
  textContent: z.string().max(LIMITS.textContent),
  dir: z.enum(['ltr', 'rtl']),
  publishedTime: nullableText(100),
  leadImage: httpUrlSchema.nullable(),
  aggregator: nullableText(100),
  publisher: nullableText(LIMITS.shortText),
  teaser: z.boolean(),
  removed: z.array(removedBlockSchema).max(LIMITS.removed),
  capturedAt: timestamp,
  /** The lead image's figure (caption, credit); absent in records saved before it existed. */
  leadFigure: leadFigureSchema.nullable().optional(),
});
export type ArticleBody = z.infer<typeof articleBodySchema>;

/** One stored record per item (`article:<id>`). `body` is null for a link saved without its text. */
export const articleRecordSchema = z.object({
  v: z.literal(RECORD_VERSION),
  ...metaFields,
  body: articleBodySchema.nullable(),
});
export type ArticleRecord = z.infer<typeof articleRecordSchema>;

/** Text cut to `max` characters (with an ellipsis): page metadata is the page's, and a long title must not block a save. */
const clipped = (max: number) => z.string().transform((s) => (s.length > max ? `${s.slice(0, max - 1)}…` : s));
const httpOrNull = z.string().nullable().transform((s) => (s && s.length <= LIMITS.url && isHttpUrl(s) ? s : null));

/**
 * What a content script or page sends to save an article (the pipeline's `Article`). Metadata the page controls is
 * clipped to the stored limits; only an article body too large to store is refused, with that reason.
 */
export const savableArticleSchema = z.object({
  url: httpUrlSchema,
  title: clipped(LIMITS.title),
  byline: clipped(LIMITS.shortText).nullable(),
  siteName: clipped(LIMITS.shortText).nullable(),
  publishedTime: clipped(100).nullable(),
  lang: z.string().nullable().transform((s) => (s && s.length <= 35 ? s : null)),
  dir: z.enum(['ltr', 'rtl']).catch('ltr'),
  excerpt: clipped(LIMITS.excerpt).nullable(),
  content: z.string().max(LIMITS.content, 'article too large to save'),
  textContent: z.string().max(LIMITS.textContent, 'article too large to save'),
  wordCount: z.number().int().min(0).max(10_000_000),
  readingTimeMinutes: z.number().int().min(0).max(1_000_000),
  leadImage: httpOrNull,
  aggregator: clipped(100).nullable(),
  via: clipped(200).nullable(),
  publisher: clipped(LIMITS.shortText).nullable(),
  sourceUrl: httpOrNull,
  teaser: z.boolean(),
  removed: z.array(z.object({ reason: clipped(200), text: clipped(2000) })).transform((r) => r.slice(0, LIMITS.removed)),
  /** A figure the page gave wrongly is dropped (the save goes on without it). */
  leadFigure: z.object({ src: httpUrlSchema, alt: clipped(LIMITS.shortText), caption: clipped(LIMITS.excerpt).nullable(), credit: clipped(LIMITS.shortText).nullable() })
    .nullable().optional().catch(null),
});
export type SavableArticle = z.infer<typeof savableArticleSchema>;

/** An item coming from an import file (or an Unwrap JSON export): only `url` is required. */
export const importItemSchema = z.object({
  id: idSchema.optional(),
  url: httpUrlSchema,
  title: z.string().max(LIMITS.title).optional(),
  canonicalUrl: httpUrlSchema.nullable().optional(),
  sourceUrl: httpUrlSchema.nullable().optional(),
  siteName: nullableText(LIMITS.shortText).optional(),
  byline: nullableText(LIMITS.shortText).optional(),
  excerpt: nullableText(LIMITS.excerpt).optional(),
  lang: nullableText(35).optional(),
  via: nullableText(200).optional(),
  wordCount: z.number().int().min(0).max(10_000_000).optional(),
  readingTimeMinutes: z.number().int().min(0).max(1_000_000).optional(),
  savedAt: timestamp.optional(),
  updatedAt: timestamp.optional(),
  read: z.boolean().optional(),
  archived: z.boolean().optional(),
  favourite: z.boolean().optional(),
  tags: tagsSchema.optional(),
  progress: z.number().min(0).max(1).optional(),
  body: articleBodySchema.nullable().optional(),
});
export type ImportItem = z.infer<typeof importItemSchema>;

export const quarantineEntrySchema = z.object({
  /** Where it was found: `library.entries[3]`, `article:abc`, an import file name… */
  source: z.string().max(500),
  reason: z.string().max(2000),
  at: timestamp,
  value: z.unknown(),
});
export type QuarantineEntry = z.infer<typeof quarantineEntrySchema>;

/** Changes the popup can make to items. */
export const itemPatchSchema = z.object({
  read: z.boolean().optional(),
  archived: z.boolean().optional(),
  favourite: z.boolean().optional(),
  tags: tagsSchema.optional(),
  addTags: tagsSchema.optional(),
  removeTags: tagsSchema.optional(),
}).strict();
export type ItemPatch = z.infer<typeof itemPatchSchema>;

export const idsSchema = z.array(idSchema).min(1).max(100_000);

/** First zod issue as a short readable reason. */
export function reasonOf(error: z.ZodError): string {
  return error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
}
