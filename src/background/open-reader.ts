/**
 * The one way the reader opens: toolbar click (direct mode), the popup's Read, keyboard command, context menu and
 * the aggregator launcher all call `openReaderInTab`. Injecting the reader script toggles the overlay (through
 * inject.ts, which retries the browser's momentary refusals). Pages the browser forbids get a badge and a tooltip
 * that say why, and the outcome says it to the caller (the popup shows it); nothing fails silently.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { t } from '../i18n/t';
import { toggleResident } from '../reader/toggle';
import { executeScript, messageOf } from './inject';
import { restrictionFromError, restrictionOf } from './restricted-url';

export const READER_SCRIPT = '/content-scripts/reader.js';

export interface TabRef {
  readonly id?: number;
  readonly url?: string;
}

/** `reason`: the restriction's message key; `message`: the sentence shown to the user. */
export type OpenOutcome = { ok: true } | { ok: false; reason: string; message?: string };

/**
 * Per tab, the document in which the reader script already runs (Chrome reports a `documentId` per injection).
 * A later press there calls the script's resident toggle instead of evaluating the whole script again; after a
 * navigation the id no longer names a document, the call fails, and the script is injected afresh. Kept in memory
 * only: a restarted service worker simply injects again. A tab that starts loading is forgotten at once
 * (`forgetReaderDocument`): the previous document may live on in the back/forward cache, and the reader must open
 * in the page the user sees.
 */
const readerDocuments = new Map<number, string>();

export function forgetReaderDocument(tabId: number): void {
  readerDocuments.delete(tabId);
}

/**
 * Presses on one tab, one after another: the reader script's first run reports its document only when it has
 * finished opening, so a second press that arrived meanwhile would otherwise inject (and evaluate) the script again.
 */
const pressesByTab = new Map<number, Promise<unknown>>();

export function openReaderInTab(browser: Browser, tab: TabRef): Promise<OpenOutcome> {
  if (tab.id === undefined) return Promise.resolve({ ok: false, reason: 'no tab' });
  const tabId = tab.id;
  // Never wait long: a page that keeps the first run from finishing must not swallow the next press.
  const previous = Promise.race([pressesByTab.get(tabId) ?? Promise.resolve(), new Promise((r) => setTimeout(r, 3000))]);
  const run = previous.then(() => openReader(browser, tab as TabRef & { id: number }));
  const settled = run.catch(() => undefined);
  pressesByTab.set(tabId, settled);
  void settled.then(() => {
    if (pressesByTab.get(tabId) === settled) pressesByTab.delete(tabId);
  });
  return run;
}

async function openReader(browser: Browser, tab: TabRef & { id: number }): Promise<OpenOutcome> {
  const restricted = restrictionOf(tab.url);
  if (restricted) {
    await explain(browser, tab.id, t('restrictedTitle', t(restricted)));
    return { ok: false, reason: restricted, message: t('restrictedTitle', t(restricted)) };
  }
  try {
    const result = (await toggleIfResident(browser, tab.id)) ?? (await injectReader(browser, tab.id));
    if (result === 'unsupported') {
      // The page does not let the overlay exist (an XML document, or it took the overlay's element name).
      await explain(browser, tab.id, t('restrictedTitle', t('restrictedNoOverlay')));
      return { ok: false, reason: 'restrictedNoOverlay', message: t('restrictedTitle', t('restrictedNoOverlay')) };
    }
    await clearExplanation(browser, tab.id);
    return { ok: true };
  } catch (err) {
    const message = messageOf(err);
    const key = restrictionFromError(message, tab.url);
    console.warn(`Unwrap: could not open the reader on ${tab.url ?? 'this tab'}: ${message}`);
    await explain(browser, tab.id, t('restrictedTitle', t(key)));
    return { ok: false, reason: key, message: t('restrictedTitle', t(key)) };
  }
}

type Injected = { documentId?: string; result?: unknown };

/** The resident toggle's outcome, or null when the reader script must be injected. */
async function toggleIfResident(browser: Browser, tabId: number): Promise<unknown> {
  const documentId = readerDocuments.get(tabId);
  if (!documentId) return null;
  try {
    // Through inject.ts too: a momentary refusal here must not make the script load a second time in the page.
    const [first] = (await executeScript(browser, {
      target: { tabId, documentIds: [documentId] } as { tabId: number },
      func: toggleResident,
    })) as Injected[];
    if (first?.result !== 'absent' && first?.result !== undefined) return first.result;
  } catch (err) {
    // The tab moved to another document since (or the frame is gone): inject the script there instead.
    console.debug('Unwrap: reader not resident, injecting it', err);
  }
  readerDocuments.delete(tabId);
  return null;
}

async function injectReader(browser: Browser, tabId: number): Promise<unknown> {
  const [first] = (await executeScript(browser, { target: { tabId }, files: [READER_SCRIPT] })) as Injected[];
  if (first?.documentId) readerDocuments.set(tabId, first.documentId);
  return first?.result;
}

async function explain(browser: Browser, tabId: number, title: string): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '!' }),
    browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' }),
    browser.action.setTitle({ tabId, title }),
  ]);
}

async function clearExplanation(browser: Browser, tabId: number): Promise<void> {
  await Promise.all([
    // null, not '': the tab falls back to the global badge (the unread count, when that setting is on).
    browser.action.setBadgeText({ tabId, text: null as unknown as string }),
    browser.action.setTitle({ tabId, title: t('actionTitle') }),
  ]);
}
