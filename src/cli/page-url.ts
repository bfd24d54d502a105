/**
 * The URL a page is extracted under, and where it came from: `--url` (one file), else the `--urls` map, else the
 * page's own `<link rel=canonical>` or `og:url` (absolute http(s) only), else the file's `file://` URL.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isHttpUrl } from './args';

export type UrlSource = 'flag' | 'map' | 'canonical' | 'og:url' | 'file';

export interface UrlMap {
  /** The URL for a file as given or found (also matched by absolute path). */
  lookup(file: string): string | null;
}

export function readUrlMap(path: string): UrlMap {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`--urls ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`--urls ${path}: expected a JSON object { "file": "url" }`);
  const byPath = new Map<string, string>();
  for (const [file, url] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof url !== 'string' || !isHttpUrl(url)) throw new Error(`--urls ${path}: the URL for "${file}" is not an http(s) URL`);
    byPath.set(resolve(file), url);
  }
  return { lookup: (file) => byPath.get(resolve(file)) ?? null };
}

/** The page's own address, read from the parsed document (http(s) only: a relative or odd value is ignored). */
export function ownUrl(doc: Document): { url: string; from: 'canonical' | 'og:url' } | null {
  const canonical = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href')?.trim();
  if (canonical && isHttpUrl(canonical)) return { url: canonical, from: 'canonical' };
  const og = doc.querySelector('meta[property="og:url" i][content], meta[name="og:url" i][content]')?.getAttribute('content')?.trim();
  if (og && isHttpUrl(og)) return { url: og, from: 'og:url' };
  return null;
}

export function fileUrl(file: string): string {
  return pathToFileURL(resolve(file)).href;
}
