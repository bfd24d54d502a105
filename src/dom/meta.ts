/** The page's `<meta>` facts: the first non-empty content among several property/name/itemprop keys. */
export function metaContent(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const v = (el?.getAttribute('content') ?? '').replace(/\s+/g, ' ').trim();
    if (v) return v;
  }
  return null;
}
