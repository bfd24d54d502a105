/**
 * Pages the browser does not let extensions read, with the reason to tell the user. Pure: takes a URL string.
 * `null` means "try": the browser may still refuse, and that refusal is reported too (see open-reader.ts).
 */
import type { MessageKey } from '../i18n/t';

const BROWSER_PAGES = /^(?:chrome|edge|brave|opera|vivaldi|about|chrome-extension|moz-extension|extension|devtools|chrome-search|chrome-untrusted|resource|view-source|data|blob|javascript):/i;
const STORES = [
  /^https:\/\/chromewebstore\.google\.com\//i,
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
  /^https:\/\/addons\.mozilla\.org\//i,
  /^https:\/\/addons\.opera\.com\//i,
];

export function restrictionOf(url: string | undefined): MessageKey | null {
  if (!url) return 'restrictedOther';
  if (/^view-source:/i.test(url)) return 'restrictedViewSource';
  if (BROWSER_PAGES.test(url)) return 'restrictedBrowserPage';
  if (STORES.some((r) => r.test(url))) return 'restrictedStore';
  if (/^file:/i.test(url) && /\.pdf(?:$|[?#])/i.test(url)) return 'restrictedPdf';
  if (/^https?:/i.test(url) && /\.pdf(?:$|[?#])/i.test(new URL(url).pathname)) return 'restrictedPdf';
  return null;
}

/** Map a browser refusal message from `scripting.executeScript` to a reason the user can act on. */
export function restrictionFromError(message: string, url: string | undefined): MessageKey {
  if (/file access|file:\/\//i.test(message) || /^file:/i.test(url ?? '')) return 'restrictedFile';
  if (/gallery|web ?store/i.test(message)) return 'restrictedStore';
  if (/pdf/i.test(message)) return 'restrictedPdf';
  return 'restrictedOther';
}
