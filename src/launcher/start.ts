/**
 * The static aggregator content script: detection only, then the launcher (or the reader itself when the user
 * chose "open automatically" for this site). Re-runs on SPA navigation (MSN, Yahoo swap articles client-side).
 * Imports nothing heavy: no Readability, DOMPurify, Preact or zod.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectAggregator } from '../aggregators/detectors';
import { showLauncher, type LauncherHandle } from './launcher-ui';
import { envelope } from '../messaging/envelope';
import { testMeasure } from '../content/test-marks';

interface SiteLists {
  autoOpen: boolean;
  hidden: boolean;
}

export function startAggregatorDetection(ctx: ContentScriptContext): void {
  let launcher: LauncherHandle | null = null;
  let lastUrl = '';

  const run = async () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    const t0 = performance.now();
    const detector = detectAggregator(document, location.href);
    testMeasure('aggregator:detect', t0); // bench (footprint), test build only
    launcher?.remove();
    launcher = null;
    // The toolbar icon and the popup show what was found (src/background/detected-tabs.ts).
    browser.runtime.sendMessage(envelope('pageDetected', { label: detector?.label ?? null })).catch(report);
    if (!detector) return;
    const lists = await siteLists(location.hostname);
    if (ctx.isInvalid) return;
    if (lists.autoOpen) {
      if (!document.querySelector('unwrap-reader')) openReader();
      return;
    }
    if (lists.hidden) return;
    launcher = showLauncher(
      document,
      { read: browser.i18n.getMessage('launcherRead'), dismiss: browser.i18n.getMessage('launcherDismiss'), via: `Unwrap · ${detector.label}` },
      () => {
        launcher?.remove();
        launcher = null;
        openReader();
      },
      () => {
        launcher?.remove();
        launcher = null;
        browser.runtime.sendMessage(envelope('hideLauncher', { host: location.hostname })).catch(report);
      },
    );
  };

  ctx.onInvalidated(() => launcher?.remove());
  ctx.addEventListener(window, 'wxt:locationchange', () => void run().catch(report));
  void run().catch(report);
}

function openReader(): void {
  browser.runtime.sendMessage(envelope('openReader', {})).catch(report);
}

/** Reads the two per-site lists from the settings item, tolerating any shape (the full validation lives elsewhere). */
async function siteLists(host: string): Promise<SiteLists> {
  const got = (await browser.storage.sync.get('settings')) as { settings?: { autoOpenSites?: unknown; launcherHiddenSites?: unknown } };
  const has = (v: unknown) => Array.isArray(v) && v.includes(host);
  return { autoOpen: has(got.settings?.autoOpenSites), hidden: has(got.settings?.launcherHiddenSites) };
}

function report(err: unknown): void {
  console.warn('Unwrap launcher:', err);
}
