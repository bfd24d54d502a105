/**
 * "Keep images for offline reading": a saved article's images, fetched by the background (which holds the
 * optional host permission the user granted when turning the setting on), downscaled where large, and stored with
 * the saved copy under `images:<id>` as data: URLs, within a budget per article. The reader page shows them from
 * there; an image left out (over budget, unreachable) gets the placeholder with its caption and a link.
 * Also the per-article storage use the library lists (`storage-use`).
 */
import { imagesKey, STORAGE_USE_KEY } from './keys';

/** What the optional host permission covers: images can live on any site (and its CDNs). */
export const OFFLINE_IMAGE_ORIGINS = ['https://*/*', 'http://*/*'];
/** Per article: images past this many stored bytes are left out. */
export const IMAGE_BUDGET = 5 * 1024 * 1024;
/** Longest side of a stored image; larger ones are scaled down. */
export const MAX_SIDE = 1600;
/** Images at most this size are stored as they are (no decoding: SVG, small photos). */
const KEEP_AS_IS = 200 * 1024;
const MAX_IMAGES = 60;

export interface KeptImages {
  readonly v: 1;
  /** Original URL → data: URL. */
  readonly images: Record<string, string>;
  readonly bytes: number;
  /** URLs not kept, with the reason (over budget, fetch failed, not an image). */
  readonly skipped: readonly { url: string; reason: string }[];
  readonly keptAt: number;
}

export interface StorageUse {
  readonly text: number;
  readonly images: number;
}

interface LocalArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The images a saved body shows (sanitised HTML: double-quoted attributes), plus the lead image. */
export function imageUrlsOf(html: string, extra: readonly (string | null | undefined)[] = []): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/gi)) urls.push(decodeEntities(m[1]!));
  for (const u of extra) if (u) urls.push(u);
  return [...new Set(urls.filter((u) => /^https?:\/\//i.test(u)))].slice(0, MAX_IMAGES);
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

export interface KeepDeps {
  readonly fetch: (url: string) => Promise<Response>;
  /** Scale an image down to `maxSide` (createImageBitmap + OffscreenCanvas); null when it cannot be decoded. */
  readonly shrink?: (blob: Blob, maxSide: number) => Promise<Blob | null>;
  readonly now?: () => number;
  readonly budget?: number;
}

/** Fetch, shrink and encode the images, in page order, until the budget is spent. Never throws for one image. */
export async function keepImages(urls: readonly string[], deps: KeepDeps): Promise<KeptImages> {
  const budget = deps.budget ?? IMAGE_BUDGET;
  const images: Record<string, string> = {};
  const skipped: { url: string; reason: string }[] = [];
  let bytes = 0;
  for (const url of urls) {
    try {
      const res = await deps.fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      let blob = await res.blob();
      const type = (res.headers.get('content-type') ?? blob.type).split(';')[0]!.trim().toLowerCase();
      if (!type.startsWith('image/')) throw new Error(`not an image (${type || 'no type'})`);
      blob = blob.type ? blob : new Blob([blob], { type });
      if (blob.size > KEEP_AS_IS && type !== 'image/svg+xml' && deps.shrink) {
        const smaller = await deps.shrink(blob, MAX_SIDE);
        if (smaller && smaller.size < blob.size) blob = smaller;
      }
      if (bytes + blob.size > budget) {
        skipped.push({ url, reason: 'over the per-article budget' });
        continue;
      }
      images[url] = await dataUrlOf(blob, blob.type || type);
      bytes += blob.size;
    } catch (err) {
      skipped.push({ url, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return { v: 1, images, bytes, skipped, keptAt: (deps.now ?? Date.now)() };
}

/** Browser shrink: decode, draw smaller on an OffscreenCanvas, encode as WebP (JPEG where WebP is not written). */
export async function shrinkInBrowser(blob: Blob, maxSide: number): Promise<Blob | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    return null; // not decodable here (e.g. SVG in a worker): stored as it is if it fits
  }
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const webp = await canvas.convertToBlob({ type: 'image/webp', quality: 0.82 });
  return webp.type === 'image/webp' ? webp : canvas.convertToBlob({ type: 'image/jpeg', quality: 0.82 });
}

async function dataUrlOf(blob: Blob, type: string): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(binary)}`;
}

export async function readKeptImages(local: LocalArea, id: string): Promise<KeptImages | null> {
  const raw = (await local.get(imagesKey(id)))[imagesKey(id)] as Partial<KeptImages> | undefined;
  if (!raw || raw.v !== 1 || !raw.images || typeof raw.images !== 'object') return null;
  const images: Record<string, string> = {};
  for (const [url, data] of Object.entries(raw.images)) if (typeof data === 'string' && data.startsWith('data:image/')) images[url] = data;
  return { v: 1, images, bytes: Number(raw.bytes) || 0, skipped: Array.isArray(raw.skipped) ? raw.skipped : [], keptAt: Number(raw.keptAt) || 0 };
}

let useWrites: Promise<unknown> = Promise.resolve();

/** Record one article's storage use (writes in order: read, change, write). */
export function recordStorageUse(local: LocalArea, id: string, patch: Partial<StorageUse> | null): Promise<void> {
  const run = useWrites.then(async () => {
    const all = ((await local.get(STORAGE_USE_KEY))[STORAGE_USE_KEY] ?? {}) as Record<string, StorageUse>;
    if (patch === null) delete all[id];
    else all[id] = { text: all[id]?.text ?? 0, images: all[id]?.images ?? 0, ...patch };
    await local.set({ [STORAGE_USE_KEY]: all });
  });
  useWrites = run.catch(() => undefined);
  return run;
}

export async function readStorageUse(local: LocalArea): Promise<Record<string, StorageUse>> {
  const raw = (await local.get(STORAGE_USE_KEY))[STORAGE_USE_KEY];
  return raw && typeof raw === 'object' ? (raw as Record<string, StorageUse>) : {};
}

/** Bytes of a saved article's text as stored (UTF-8 of its HTML and plain text). */
export function textBytes(content: string, textContent: string): number {
  const enc = new TextEncoder();
  return enc.encode(content).length + enc.encode(textContent).length;
}

/** Keep a saved article's images and record the bytes they take. */
export async function storeImagesFor(local: LocalArea, id: string, urls: readonly string[], deps: KeepDeps): Promise<KeptImages> {
  const kept = await keepImages(urls, deps);
  await local.set({ [imagesKey(id)]: kept });
  await recordStorageUse(local, id, { images: kept.bytes });
  if (kept.skipped.length > 0) console.warn(`Unwrap: ${kept.skipped.length} image(s) of ${id} not kept offline`, kept.skipped);
  return kept;
}

/** Forget the images and storage use of purged articles. */
export async function forgetImages(local: LocalArea, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await local.remove(ids.map(imagesKey));
  for (const id of ids) await recordStorageUse(local, id, null);
}

export function formatBytes(n: number, locale?: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: v < 10 && i > 0 ? 1 : 0 }).format(v)} ${units[i]}`;
}
