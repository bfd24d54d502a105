/** The page's `<link rel="canonical">`, resolved: a claim, which the library accepts only on the same site. */
export function canonicalUrlOf(doc: Document): string | null {
  const link = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
  if (!link) return null;
  try {
    const u = new URL(link.getAttribute('href') ?? '', doc.baseURI);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
