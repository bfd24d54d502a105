/**
 * Cheap page fingerprints for detectors (they run at page load in the static content script: keep this tiny).
 */

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg']);

/** The first `max` characters of the body's visible-ish text, whitespace collapsed, lowercased, apostrophes folded. */
export function leadingText(doc: Document, max = 2000): string {
  const body = doc.body;
  if (!body) return '';
  let out = '';
  const walker = doc.createTreeWalker(body, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n && out.length < max; n = walker.nextNode()) {
    if (SKIP.has(n.parentElement?.tagName ?? '')) continue;
    const t = n.nodeValue ?? '';
    if (t.trim()) out += ` ${t}`;
  }
  return out.replace(/\s+/g, ' ').replace(/[\u2018\u2019]/g, "'").toLowerCase().slice(0, max);
}

/** True when the document has an element matching `selector` (invalid selectors count as absent). */
export function has(doc: Document, selector: string): boolean {
  try {
    return doc.querySelector(selector) !== null;
  } catch {
    return false;
  }
}
