/**
 * The popup's current tab: what the browser lets it see (title and URL are visible because opening the popup
 * granted activeTab), whether the browser forbids Unwrap there (with the reason), the aggregator detected on it,
 * and whether it is saved. Read once when the popup opens; Save updates it.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { detectedIn } from '../background/detected-tabs';
import { restrictionOf } from '../background/restricted-url';
import { t } from '../i18n/t';
import { isHttpUrl } from '../library/url';
import { send } from '../messaging/client';

export interface CurrentTab {
  readonly id: number;
  readonly title: string;
  readonly site: string;
  /** Why Unwrap cannot read this tab, or null. */
  readonly blocked: string | null;
  /** The aggregator detected on the page ("inkl"), or null. */
  readonly aggregator: string | null;
  readonly saved: boolean;
}

export type TabLoad = { readonly status: 'loading' } | { readonly status: 'none' } | { readonly status: 'ready'; readonly tab: CurrentTab };

export function siteOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return u.protocol.startsWith('http') ? u.hostname.replace(/^www\./, '') : u.protocol.replace(/:$/, '');
  } catch {
    return '';
  }
}

export function useCurrentTab(): [TabLoad, (saved: boolean) => void] {
  const [load, setLoad] = useState<TabLoad>({ status: 'loading' });
  useEffect(() => {
    (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return setLoad({ status: 'none' });
      const restricted = restrictionOf(tab.url);
      const [aggregator, saved] = await Promise.all([
        detectedIn(browser, tab.id).catch(() => null),
        !restricted && tab.url && isHttpUrl(tab.url) ? send('isSaved', { url: tab.url }).then((s) => s.id !== null && !s.linkOnly, () => false) : false,
      ]);
      setLoad({
        status: 'ready',
        tab: { id: tab.id, title: tab.title || tab.url || '', site: siteOf(tab.url), blocked: restricted ? t(restricted) : null, aggregator, saved },
      });
    })().catch((err: unknown) => {
      console.error('Unwrap: current tab unknown', err);
      setLoad({ status: 'none' });
    });
  }, []);
  const markSaved = (saved: boolean) => setLoad((l) => (l.status === 'ready' ? { status: 'ready', tab: { ...l.tab, saved } } : l));
  return [load, markSaved];
}
