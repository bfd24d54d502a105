/**
 * Every message Unwrap sends, in one typed map: name → request schema and response type. The background
 * validates each request against its schema and checks the sender before handling it; anything else is refused
 * with a clear error. Pages cannot reach this: only Unwrap's own scripts and pages can call `runtime.sendMessage`.
 */
import { z } from 'zod';
import type { IndexEntry } from '../library/schema';
import {
  httpUrlSchema, idsSchema, importItemSchema, itemPatchSchema, quarantineEntrySchema, savableArticleSchema,
} from '../library/schema';
import type {
  ArticleView, ImportSummary, LibraryStatus, RepairReport, SavedState, SaveResult,
} from '../library/service';

const urlClaims = z.object({
  url: httpUrlSchema,
  canonicalUrl: z.string().max(4096).nullable().optional(),
  sourceUrl: z.string().max(4096).nullable().optional(),
}).strict();

/** Why the reader moved to its own tab (what the page did to the overlay). */
export const FALLBACK_REASONS = ['removed', 'hidden', 'covered', 'zoomed', 'inert', 'no-shadow-root'] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

/** An article handed from a page's reader to Unwrap's reader tab. */
export interface Handoff {
  readonly article: RequestOf<'saveArticle'>['article'];
  readonly canonicalUrl: string | null;
  readonly reason: FallbackReason;
  readonly at: number;
}

export const REQUESTS = {
  /** From the aggregator launcher: open the reader in the sender's own tab. */
  openReader: z.object({}).strict(),
  /**
   * From the reader in a page that will not let the overlay be (removes or hides it, covers it, breaks shadow roots):
   * show the same article in Unwrap's own reader tab. Handed over through `storage.session`; saved only if the user
   * saves it there.
   */
  openFallbackTab: z.object({
    article: savableArticleSchema,
    canonicalUrl: z.string().max(4096).nullable(),
    reason: z.enum(FALLBACK_REASONS),
  }).strict(),
  /** From the reader tab (`read.html?handoff=…`): the article a page's reader handed over. */
  getHandoff: z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/i) }).strict(),
  /** From the aggregator content script, after each detection: the aggregator shown in the sender's tab, or null. */
  pageDetected: z.object({ label: z.string().min(1).max(100).nullable() }).strict(),
  /** From the toolbar popup: open (or close) the reader in that tab (activeTab was granted by opening the popup). */
  openReaderInTab: z.object({ tabId: z.number().int().nonnegative() }).strict(),
  /** From the aggregator launcher: stop offering "Read clean" on the sender's site. */
  hideLauncher: z.object({ host: z.string().min(1).max(253).regex(/^[a-z0-9.-]+$/i) }).strict(),

  // ——— Saved library (issue 4). Content scripts may only use the first three, for their own page. ———
  /** Save (or update) the article shown by the overlay. */
  saveArticle: z.object({ article: savableArticleSchema, canonicalUrl: z.string().max(4096).nullable() }).strict(),
  /** Is this page saved (and is it a link still waiting for its text)? */
  isSaved: urlClaims,
  /** Remove the item saved for this page (the overlay's toggle; restorable). */
  unsaveUrl: urlClaims,
  /** Open the library page (from the overlay's Library button), remembering the sender's tab for "Save this page". */
  openLibrary: z.object({}).strict(),
  /** Extract and save the page in a tab (the library's "Save this page"); no tab id = the active tab. */
  savePageFromTab: z.object({ tabId: z.number().int().nonnegative().optional() }).strict(),
  saveLink: z.object({ url: httpUrlSchema, title: z.string().max(2000).nullable() }).strict(),
  updateItems: z.object({ ids: idsSchema, patch: itemPatchSchema }).strict(),
  deleteItems: z.object({ ids: idsSchema }).strict(),
  restoreItems: z.object({ ids: idsSchema }).strict(),
  getArticle: z.object({ id: z.string().max(64) }).strict(),
  setProgress: z.object({ id: z.string().max(64), progress: z.number().min(0).max(1), markRead: z.boolean() }).strict(),
  importItems: z.object({ items: z.array(importItemSchema).max(20_000), quarantine: z.array(quarantineEntrySchema).max(20_000).optional() }).strict(),
  repairLibrary: z.object({}).strict(),
  rebuildSearch: z.object({}).strict(),
  libraryStatus: z.object({}).strict(),
  /** Keep a saved article's images now (the reader page, right after "Keep images for offline reading" is turned on). */
  keepImages: z.object({ id: z.string().max(64) }).strict(),
} as const;

export type MessageName = keyof typeof REQUESTS;
export type RequestOf<N extends MessageName> = z.infer<(typeof REQUESTS)[N]>;

export interface Responses {
  openReader: { ok: boolean; reason?: string };
  openFallbackTab: { id: string };
  getHandoff: Handoff | null;
  pageDetected: { ok: true };
  openReaderInTab: { ok: boolean; reason?: string; message?: string };
  saveArticle: SaveResult;
  isSaved: SavedState;
  hideLauncher: { hidden: string[] };
  unsaveUrl: { deleted: string[] };
  openLibrary: { ok: true };
  savePageFromTab: SaveResult & { title: string };
  saveLink: SaveResult;
  updateItems: { updated: number };
  deleteItems: { deleted: string[] };
  restoreItems: { restored: string[] };
  getArticle: ArticleView;
  setProgress: { read: boolean };
  importItems: ImportSummary & { ids: string[] };
  repairLibrary: RepairReport;
  rebuildSearch: { indexed: number };
  libraryStatus: LibraryStatus;
  keepImages: { granted: boolean; kept: number; skipped: number; bytes: number };
}

/** Messages a content script may send (each checked against the page it runs in); everything else is for Unwrap's own pages. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageName> = new Set<MessageName>(['openReader', 'openFallbackTab', 'pageDetected', 'hideLauncher', 'saveArticle', 'isSaved', 'unsaveUrl', 'openLibrary']);

export type { IndexEntry };

export interface Envelope<N extends MessageName = MessageName> {
  readonly unwrap: 1;
  readonly name: N;
  readonly payload: RequestOf<N>;
}

export type Reply<N extends MessageName> = { ok: true; value: Responses[N] } | { ok: false; error: string };

/** Validate an incoming message; a string is the reason it was refused. */
export function parseEnvelope(raw: unknown): { name: MessageName; payload: unknown } | string {
  if (!raw || typeof raw !== 'object') return 'not an Unwrap message';
  const { unwrap, name, payload } = raw as Record<string, unknown>;
  if (unwrap !== 1 || typeof name !== 'string' || !Object.hasOwn(REQUESTS, name)) return `unknown message ${String(name)}`;
  const schema = REQUESTS[name as MessageName];
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return `invalid ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`;
  return { name: name as MessageName, payload: parsed.data };
}
