/**
 * The background's side: one handler per message name, each given the validated payload and the sender.
 * Messages from outside the extension, or that fail validation, are refused with the reason.
 * Replies use `sendResponse` (works with both fake-browser versions WXT ships).
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { parseEnvelope, type MessageName, type Reply, type RequestOf, type Responses } from './protocol';

export interface Sender {
  readonly id?: string;
  readonly url?: string;
  readonly tab?: { id?: number; url?: string };
}

export type Handlers = { [N in MessageName]: (payload: RequestOf<N>, sender: Sender) => Promise<Responses[N]> };

/** Decides per message whether this sender may send it: null = allowed, a string = the reason it is refused. */
export type SenderPolicy = (name: MessageName, sender: Sender) => string | null;

export function listen(browser: Browser, handlers: Handlers, policy?: SenderPolicy): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender, sendResponse: (r: Reply<MessageName>) => void) => {
    if (sender.id !== browser.runtime.id) {
      sendResponse({ ok: false, error: 'refused: not from Unwrap' });
      return false;
    }
    const parsed = parseEnvelope(raw);
    if (typeof parsed === 'string') {
      sendResponse({ ok: false, error: parsed });
      return false;
    }
    const refused = policy?.(parsed.name, sender);
    if (refused) {
      sendResponse({ ok: false, error: refused });
      return false;
    }
    const handler = handlers[parsed.name] as (p: unknown, s: Sender) => Promise<unknown>;
    handler(parsed.payload, sender).then(
      (value) => sendResponse({ ok: true, value } as Reply<MessageName>),
      (err: unknown) => sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
    return true;
  });
}
