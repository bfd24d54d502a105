/**
 * The "aggregator page detected" state of a tab: the aggregator content script reports what it found
 * (`pageDetected`), the toolbar icon of that tab shows the variant with the amber dot, and the popup reads the
 * aggregator's name to say so. Kept in `storage.session` (it outlives a restarted service worker, not the
 * browser); a tab that starts loading another page, or closes, is forgotten.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { t } from '../i18n/t';

export const DETECTED_PREFIX = 'detected:';
const detectedKey = (tabId: number) => `${DETECTED_PREFIX}${tabId}`;

const icon = (variant: '' | 'detected-') => ({ 16: `/icons/icon-${variant}16.png`, 32: `/icons/icon-${variant}32.png` });

export async function markDetected(browser: Browser, tabId: number, label: string | null): Promise<void> {
  if (label === null) return forgetDetected(browser, tabId);
  await Promise.all([
    browser.storage.session.set({ [detectedKey(tabId)]: label }),
    browser.action.setIcon({ tabId, path: icon('detected-') }),
    browser.action.setTitle({ tabId, title: t('actionTitleDetected', label) }),
  ]);
}

export async function forgetDetected(browser: Browser, tabId: number): Promise<void> {
  const key = detectedKey(tabId);
  const had = (await browser.storage.session.get(key))[key] !== undefined;
  if (!had) return;
  await browser.storage.session.remove(key);
  await Promise.all([
    browser.action.setIcon({ tabId, path: icon('') }).catch(() => undefined), // the tab may be gone
    browser.action.setTitle({ tabId, title: t('actionTitle') }).catch(() => undefined),
  ]);
}

/** The aggregator shown in a tab, or null (read by the popup, an extension page). */
export async function detectedIn(browser: Browser, tabId: number): Promise<string | null> {
  const key = detectedKey(tabId);
  const v = (await browser.storage.session.get(key))[key];
  return typeof v === 'string' ? v : null;
}
