/**
 * What the runtime-injected extract script returns to the background ("Save this page" in the library, "Save page
 * to Unwrap" in the page's context menu): the same pipeline as the overlay, as plain data.
 */
import { extractArticle, type Article } from '../extract';
import { canonicalUrlOf } from './canonical-url';

export type ExtractForSaving =
  | { readonly kind: 'article'; readonly article: Article; readonly canonicalUrl: string | null }
  | { readonly kind: 'none'; readonly url: string; readonly title: string | null; readonly reason: string };

export function extractForSaving(doc: Document, url: string): ExtractForSaving {
  const title = doc.title.trim() || null;
  try {
    const result = extractArticle(doc, url);
    if (result.kind === 'article') return { kind: 'article', article: result.article, canonicalUrl: canonicalUrlOf(doc) };
    return { kind: 'none', url, title, reason: result.kind === 'stub' ? 'stub' : result.reason };
  } catch (err) {
    console.error('Unwrap: extraction for saving failed', err);
    return { kind: 'none', url, title, reason: err instanceof Error ? err.message : String(err) };
  }
}
