/**
 * The reader's fallback (issue 14): a page that will not let the overlay be (it removes or hides it again and
 * again, covers it with its own top-layer dialog, zooms it away, breaks shadow roots) cannot reach Unwrap's own
 * reader tab. The page's reader hands the article it already extracted to the background, which keeps it in
 * `storage.session` (memory only, gone when the browser closes, unreadable by content scripts) and opens
 * `read.html?handoff=<id>` next to the page. Nothing is saved unless the user saves it there.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import type { Handoff, RequestOf } from '../messaging/protocol';
import type { Handlers, Sender } from '../messaging/server';
import { assertOwnPage } from './sender-policy';

export const READER_PAGE = '/read.html';
const KEY_PREFIX = 'handoff:';
/** Hand-overs kept at once (the newest): enough for a few tabs, small next to `storage.session`'s 10 MB. */
const KEEP = 4;

type FallbackHandlers = Pick<Handlers, 'openFallbackTab' | 'getHandoff'>;

export function fallbackHandlers(browser: Browser, extensionOrigin: string): FallbackHandlers {
  return {
    openFallbackTab: async (payload, sender) => {
      assertOwnPage(sender, payload.article.url, extensionOrigin);
      return openFallbackTab(browser, payload, sender);
    },
    getHandoff: async ({ id }) => {
      const key = `${KEY_PREFIX}${id}`;
      const stored = (await browser.storage.session.get(key))[key] as Handoff | undefined;
      return stored ?? null;
    },
  };
}

async function openFallbackTab(browser: Browser, payload: RequestOf<'openFallbackTab'>, sender: Sender): Promise<{ id: string }> {
  const id = crypto.randomUUID();
  const handoff: Handoff = { ...payload, at: Date.now() };
  await dropOldHandoffs(browser);
  await browser.storage.session.set({ [`${KEY_PREFIX}${id}`]: handoff });
  const tab = sender.tab as { id?: number; index?: number; windowId?: number } | undefined;
  await browser.tabs.create({
    url: browser.runtime.getURL(`${READER_PAGE}?handoff=${id}` as '/read.html'),
    active: true,
    ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
    ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}),
    ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
  });
  return { id };
}

/** Keep the newest `KEEP - 1` hand-overs, so that with the new one there are at most `KEEP`. */
async function dropOldHandoffs(browser: Browser): Promise<void> {
  const all = await browser.storage.session.get(null);
  const old = Object.entries(all)
    .filter(([k]) => k.startsWith(KEY_PREFIX))
    .sort(([, a], [, b]) => ((b as Handoff).at ?? 0) - ((a as Handoff).at ?? 0))
    .slice(KEEP - 1)
    .map(([k]) => k);
  if (old.length > 0) await browser.storage.session.remove(old);
}
