/**
 * Feedback for saves that have no page UI (context menus): a short "✓" on the tab's badge, or "!" with the reason
 * in the button's tooltip. Failures are also logged; nothing fails silently.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { t } from '../i18n/t';

export async function reportSave(browser: Browser, tabId: number | undefined, outcome: Promise<{ linkOnly: boolean }>): Promise<void> {
  try {
    const saved = await outcome;
    if (tabId === undefined) return;
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#2e7d32' });
    await browser.action.setBadgeText({ tabId, text: '✓' });
    await browser.action.setTitle({ tabId, title: saved.linkOnly ? t('savedLinkTitle') : t('savedPageTitle') });
    setTimeout(() => {
      void clear(browser, tabId);
    }, 4000);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`Unwrap: save failed: ${message}`);
    if (tabId === undefined) return;
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' }).catch(() => undefined);
    await browser.action.setBadgeText({ tabId, text: '!' }).catch(() => undefined);
    await browser.action.setTitle({ tabId, title: t('saveFailedTitle', message) }).catch(() => undefined);
  }
}

async function clear(browser: Browser, tabId: number): Promise<void> {
  try {
    // `null` (not '') lets the global unread count show again on this tab.
    await browser.action.setBadgeText({ tabId, text: null as unknown as string });
    await browser.action.setTitle({ tabId, title: t('actionTitle') });
  } catch {
    // The tab was closed meanwhile: nothing to clear.
  }
}
