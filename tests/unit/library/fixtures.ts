/** Test data for the library tests. */
import type { SavableArticle } from '../../../src/library/schema';

export function article(url: string, overrides: Partial<SavableArticle> = {}): SavableArticle {
  const words = overrides.textContent ?? `The quick brown fox ${url} jumps over the lazy dog. `.repeat(40);
  return {
    url,
    title: `Story at ${url}`,
    byline: 'Ada Writer',
    siteName: 'Example Times',
    publishedTime: '2025-03-01T10:00:00Z',
    lang: 'en',
    dir: 'ltr',
    excerpt: 'An excerpt.',
    content: `<p>${words}</p>`,
    textContent: words,
    wordCount: words.split(/\s+/).length,
    readingTimeMinutes: 2,
    leadImage: null,
    aggregator: null,
    via: null,
    publisher: null,
    sourceUrl: null,
    teaser: false,
    removed: [{ reason: 'upsell:gate', text: 'Subscribe now' }],
    ...overrides,
  };
}

let n = 0;
export const sequentialIds = () => () => `id${String(++n).padStart(5, '0')}`;

/** The stored index as plain data: `{ rev, entries, trash }` with defaults filled in (see index-codec.ts). */
export async function storedIndex(): Promise<{ rev: number; entries: Record<string, unknown>[]; trash: Record<string, unknown>[] }> {
  const { fakeBrowser } = await import('wxt/testing/fake-browser');
  const { unpackIndex, expandEntry } = await import('../../../src/library/index-codec');
  const raw = (await fakeBrowser.storage.local.get('library')).library;
  const u = unpackIndex(raw);
  if (!u.ok) throw new Error(u.reason);
  return { rev: u.rev, entries: u.entries.map(expandEntry) as Record<string, unknown>[], trash: u.trash.map(expandEntry) as Record<string, unknown>[] };
}

/** Store an index in the packed format, as the service writes it. */
export async function seedIndex(rev: number, entries: unknown[], trash: unknown[] = []): Promise<void> {
  const { fakeBrowser } = await import('wxt/testing/fake-browser');
  await fakeBrowser.storage.local.set({ library: { rev, json: JSON.stringify({ entries, trash }) }, library$: { v: 2 } });
}
