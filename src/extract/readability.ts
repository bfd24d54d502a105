/**
 * Stage 5: Mozilla Readability on the pruned working copy. `isProbablyReaderable` is only a hint that the caller
 * weighs: the user asked to read, so we always try. The serializer returns the element itself, so the body is
 * sanitised as a DOM without a serialise/parse round trip.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';

export interface ReadabilityOutput {
  title: string | null;
  byline: string | null;
  dir: string | null;
  lang: string | null;
  excerpt: string | null;
  siteName: string | null;
  publishedTime: string | null;
  contentElement: Element | null;
  textContent: string;
  length: number;
  probablyReaderable: boolean;
}

export function runReadability(doc: Document): ReadabilityOutput | null {
  const probablyReaderable = isProbablyReaderable(doc, { minContentLength: 140, minScore: 20 });
  const reader = new Readability<Element>(doc, {
    charThreshold: 250,
    keepClasses: false,
    serializer: (el) => el as Element,
  });
  const parsed = reader.parse();
  if (!parsed) return null;
  return {
    title: parsed.title ?? null,
    byline: parsed.byline ?? null,
    dir: parsed.dir ?? null,
    lang: parsed.lang ?? null,
    excerpt: parsed.excerpt ?? null,
    siteName: parsed.siteName ?? null,
    publishedTime: parsed.publishedTime ?? null,
    contentElement: (parsed.content as Element | null | undefined) ?? null,
    textContent: parsed.textContent ?? '',
    length: parsed.length ?? 0,
    probablyReaderable,
  };
}
