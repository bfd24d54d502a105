/** The toolbar badge's unread count (setting `badgeUnreadCount`). Global text: per-tab texts ("!") still win. */
import type { WxtBrowser as Browser } from 'wxt/browser';

export function badgeText(unread: number): string {
  if (unread <= 0) return '';
  return unread > 999 ? '999+' : String(unread);
}

export async function showUnreadBadge(browser: Browser, enabled: boolean, unread: number): Promise<void> {
  await browser.action.setBadgeText({ text: enabled ? badgeText(unread) : '' });
  if (enabled) await browser.action.setBadgeBackgroundColor({ color: '#2f6fdf' });
}
