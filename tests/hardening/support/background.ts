/**
 * The background's message side in a box: the real server (`listen`), the real sender policy and the real library
 * handlers over the fake browser, so unit tests can send Unwrap's messages as a page, a content script or a
 * stranger would. `fakeBrowser.runtime.sendMessage` passes no sender, so messages are delivered with an explicit one.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser as Browser } from 'wxt/browser';
import { libraryHandlers } from '../../../src/background/library-handlers';
import { refusal } from '../../../src/background/sender-policy';
import { LibraryService } from '../../../src/library/service';
import { listen, type Sender } from '../../../src/messaging/server';
import type { MessageName, Reply } from '../../../src/messaging/protocol';
import { fallbackHandlers } from '../../../src/background/open-fallback-tab';

export const ORIGIN = `chrome-extension://${fakeBrowser.runtime.id}/`;
export const POPUP: Sender = { id: fakeBrowser.runtime.id, url: `${ORIGIN}popup.html` };
export const READER_PAGE: Sender = { id: fakeBrowser.runtime.id, url: `${ORIGIN}read.html?id=x` };
export const contentScript = (pageUrl: string, tabId = 7): Sender => ({ id: fakeBrowser.runtime.id, url: pageUrl, tab: { id: tabId, url: pageUrl } });

export interface Box {
  readonly library: LibraryService;
  /** Deliver a raw message as `sender` and resolve with the reply (`undefined` when nobody answered). */
  deliver(raw: unknown, sender: Sender): Promise<Reply<MessageName> | undefined>;
  /** Route `browser.runtime.sendMessage` (used by Unwrap's pages) through the server as `sender`. */
  routeSendMessage(sender: Sender): void;
  dispose(): void;
}

export function backgroundInABox(opts: ConstructorParameters<typeof LibraryService>[0] = {}): Box {
  const library = new LibraryService(opts);
  const browser = fakeBrowser as unknown as Browser;
  listen(browser, {
    openReader: async () => ({ ok: true }),
    openReaderInTab: async () => ({ ok: true }),
    pageDetected: async () => ({ ok: true }),
    hideLauncher: async ({ host }) => ({ hidden: [host] }),
    ...libraryHandlers(browser, library, ORIGIN),
    ...fallbackHandlers(browser, ORIGIN),
  }, (name, sender) => refusal(name, sender, ORIGIN));
  const deliver = (raw: unknown, sender: Sender) =>
    new Promise<Reply<MessageName> | undefined>((resolve) => {
      let answered = false;
      const sendResponse = (r: Reply<MessageName>) => {
        answered = true;
        resolve(r);
      };
      const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown>;
      void trigger(raw, sender, sendResponse).then(() => {
        setTimeout(() => answered || resolve(undefined), 5_000);
      });
    });
  return {
    library,
    deliver,
    routeSendMessage(sender) {
      vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((raw: unknown) => deliver(raw, sender)) as never);
    },
    dispose: () => library.dispose(),
  };
}

/** UI strings: the fake browser has no i18n; answer with the key so text is predictable. */
export function fakeI18n(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => key) as never);
}
