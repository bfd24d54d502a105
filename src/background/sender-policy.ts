/**
 * Who may ask what. Unwrap's own pages (popup/library, reader page) may send every message. A content script runs
 * inside a web page the page's author controls, so it may only send the few messages listed in the protocol, and
 * only about the page it runs in: it cannot save, query or remove another URL.
 */
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
  const page = sender.url ?? sender.tab?.url;
  if (!sameDocumentUrl(page, url)) {
    throw new Error('refused: a page can only save or query itself');
  }
}
