/**
 * Who may ask what. Unwrap's own pages (popup/library, reader page) may send every message. A content script runs
 * inside a web page the page's author controls, so it may only send the few messages listed in the protocol, and
 * only about the page it runs in: it cannot save, query or remove another URL.
 */
import { AGGREGATOR_MATCHES } from '../aggregators/hosts';
import { CONTENT_SCRIPT_MESSAGES, type MessageName } from '../messaging/protocol';
import type { Sender } from '../messaging/server';
import { sameDocumentUrl } from '../library/url';

export function isContentScript(sender: Sender, extensionOrigin: string): boolean {
  return !(sender.url ?? '').startsWith(extensionOrigin) && (sender.tab !== undefined || sender.url !== undefined);
}

/** Null when allowed, otherwise the reason for refusing. */
export function refusal(name: MessageName, sender: Sender, extensionOrigin: string): string | null {
  if (!isContentScript(sender, extensionOrigin)) return null;
  return CONTENT_SCRIPT_MESSAGES.has(name) ? null : `refused: ${name} is only for Unwrap's own pages`;
}

/** Throws unless a content script's request is about its own page (pages of the extension may name any URL). */
export function assertOwnPage(sender: Sender, url: string, extensionOrigin: string): void {
  if (!isContentScript(sender, extensionOrigin)) return;
  // `sender.url` is the URL the document loaded with; after a single-page app's `pushState` (MSN, Yahoo) only the
  // tab's URL shows where the page is now. Either is the page the script runs in.
  if (!sameDocumentUrl(sender.url, url) && !sameDocumentUrl(sender.tab?.url, url)) {
    throw new Error(`refused: a page can only save or query itself (asked about ${url.slice(0, 200)} from ${String(sender.tab?.url ?? sender.url).slice(0, 200)})`);
  }
}

/**
 * A content script's claim that its page is a copy of another URL (`sourceUrl`, found by an aggregator adapter) is
 * a dedupe key: it lets a save, an "is this saved?" and an unsave reach the item saved under that other URL. Page
 * content decides it, and adapters also match by fingerprint on any host, so the claim is kept only for pages on
 * the listed aggregator hosts; elsewhere a page could probe the library for any URL, or remove another item.
 */
export function trustedSourceUrl(sender: Sender, sourceUrl: string | null | undefined, extensionOrigin: string): string | null {
  if (!sourceUrl) return null;
  if (!isContentScript(sender, extensionOrigin)) return sourceUrl;
  const page = sender.tab?.url ?? sender.url;
  return page && AGGREGATOR_PATTERNS.some((re) => re.test(page)) ? sourceUrl : null;
}

/** `*://*.inkl.com/*` → a RegExp over the whole URL (scheme http/https, the host or any subdomain). */
const AGGREGATOR_PATTERNS: readonly RegExp[] = AGGREGATOR_MATCHES.map((pattern) => {
  const m = /^\*:\/\/(\*\.)?([^/]+)\/\*$/.exec(pattern);
  if (!m) return /$^/;
  const host = m[2]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^https?://${m[1] ? '(?:[^/:@]+\\.)?' : ''}${host}(?::\\d+)?/`, 'i');
});
