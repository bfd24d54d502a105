/** Resolve a possibly relative URL against a base; null when it is not a usable http(s)/data:image URL. */
export function resolveUrl(raw: string | null | undefined, base: string): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!trimmed || trimmed.startsWith('#')) return null;
  try {
    const u = new URL(trimmed, base);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    if (u.protocol === 'data:' && /^data:image\//i.test(trimmed)) return trimmed;
    return null;
  } catch {
    return null; // unparseable URL: the caller drops the attribute
  }
}

/** Resolve every candidate of a `srcset`, keeping descriptors; null if none survives. */
export function resolveSrcset(raw: string | null | undefined, base: string): string | null {
  if (!raw) return null;
  const parts = raw
    .split(/,\s+(?=\S)/)
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const [url, ...desc] = c.split(/\s+/);
      const abs = resolveUrl(url, base);
      return abs ? [abs, ...desc].join(' ') : null;
    })
    .filter((c): c is string => c !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The base URL to resolve against: the page's `<base href>` only when it is plain http(s), else the document URL. */
export function baseUrlOf(doc: Document, url: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    try {
      const b = new URL(href, url);
      if (b.protocol === 'http:' || b.protocol === 'https:') return b.href;
    } catch {
      // a malformed <base> is ignored: the document URL is the truth
    }
  }
  return url;
}
