/**
 * Host access for aggregator detection. The manifest's host permissions (aggregator hosts only) are opt-in in
 * Firefox MV3, and users can withdraw them in Firefox and Chrome alike. Without them the "Read clean" launcher
 * cannot appear; the reader itself still opens from the toolbar, shortcut and context menu (activeTab).
 * This module says whether access is granted, asks for it, and follows changes. The prompt lives in the library
 * page (`src/popup/AccessPrompt.tsx`): `permissions.request` is an extension-page API and needs a user's click.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { AGGREGATOR_MATCHES } from '../aggregators/hosts';

type Permissions = Browser['permissions'];
export type PermissionsApi = Pick<Permissions, 'contains' | 'request' | 'onAdded' | 'onRemoved'>;

const ACCESS = { origins: AGGREGATOR_MATCHES };

export function hasAggregatorAccess(permissions: Pick<Permissions, 'contains'>): Promise<boolean> {
  return permissions.contains(ACCESS);
}

/**
 * Ask for every aggregator host. Call it straight from a click handler, before any `await`: Firefox shows the
 * prompt only while it is handling the user's input.
 */
export function requestAggregatorAccess(permissions: Pick<Permissions, 'request'>): Promise<boolean> {
  return permissions.request(ACCESS);
}

/** Calls `onChange` with the current answer whenever the user grants or withdraws host access; returns a stop function. */
export function watchAggregatorAccess(permissions: PermissionsApi, onChange: (granted: boolean) => void, onError: (err: unknown) => void): () => void {
  const check = () => void hasAggregatorAccess(permissions).then(onChange, onError);
  permissions.onAdded.addListener(check);
  permissions.onRemoved.addListener(check);
  check();
  return () => {
    permissions.onAdded.removeListener(check);
    permissions.onRemoved.removeListener(check);
  };
}

/**
 * Right after install: when the browser did not grant aggregator access (Firefox with origin controls that do
 * not grant by default, or a user who declined), open the library page, whose banner explains and asks.
 * Returns whether the page was opened.
 */
export async function promptForAggregatorAccessAfterInstall(browser: Pick<Browser, 'permissions' | 'tabs' | 'runtime'>, libraryPage: string): Promise<boolean> {
  if (await hasAggregatorAccess(browser.permissions)) return false;
  await browser.tabs.create({ url: browser.runtime.getURL(libraryPage as '/popup.html') });
  return true;
}
