/**
 * Cheap page fingerprints for detectors. They run at page load in the static content script and on every page the
 * reader opens, so they avoid selector matching: class lookups, the script and link lists, and a bounded text walk.
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

/** True when some element carries one of these classes. */
export function hasClass(doc: Document, ...names: readonly string[]): boolean {
  return names.some((n) => doc.getElementsByClassName(n).length > 0);
}

/** True when a `<script src>` or a `<link href>` loads from `host` (e.g. `substackcdn.com`). */
export function loadsFrom(doc: Document, host: string): boolean {
  const from = (url: string | null): boolean => {
    if (!url) return false;
    const i = url.indexOf(host);
    return i > 0 && /^(?:https?:)?\/\/(?:[\w-]+\.)*$/.test(url.slice(0, i));
  };
  for (const s of Array.from(doc.scripts)) if (from(s.getAttribute('src'))) return true;
  for (const l of Array.from(doc.getElementsByTagName('link'))) if (from(l.getAttribute('href'))) return true;
  return false;
}

/** True when `<head prefix>` declares this RDFa prefix (`medium-com:`). */
export function headPrefix(doc: Document, prefix: string): boolean {
  return (doc.head?.getAttribute('prefix') ?? '').split(/\s+/).includes(prefix);
}
