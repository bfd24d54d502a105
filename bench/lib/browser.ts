/**
 * Real-browser helpers for the bench, on top of the e2e harness (tests/e2e/helpers): Debian Chromium with the
 * built extension, pages served from 127.0.0.1, every other host failing DNS at once (no network here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './corpus';

export const OFFLINE_HOST_RULES = 'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';

export async function launchWith(extensionDir: string) {
  process.env.UNWRAP_EXTENSION_DIR = extensionDir;
  // The helper reads UNWRAP_EXTENSION_DIR when it is first imported.
  const { launch } = await import('../../tests/e2e/helpers/chromium');
  return launch({ hostRules: OFFLINE_HOST_RULES });
}

export async function helpers() {
  return import('../../tests/e2e/helpers/chromium');
}

export function readabilitySource(): string {
  return readFileSync(join(ROOT, 'node_modules', '@mozilla', 'readability', 'Readability.js'), 'utf8');
}

/** Wait until no `<unwrap-reader>` is left in the page. */
export async function waitNoOverlay(page: Page, timeout = 5000): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('unwrap-reader'), undefined, { timeout, polling: 'raf' });
}

export interface PaintTiming {
  /** performance.now() in the page when the trigger was sent. */
  readonly t0: number;
  /** `<unwrap-reader>` attached. */
  readonly host: number | null;
  /** `[data-unwrap="body"]` (or `"empty"`) present in the shadow root. */
  readonly body: number | null;
  /** Two animation frames later: the overlay has been painted. */
  readonly painted: number | null;
  readonly kind: 'body' | 'empty' | 'timeout';
}

/**
 * Arm a listener in the page, before the trigger: a MutationObserver on the document element sees the host
 * arrive; the shadow root's body (or empty state) is then awaited, and two rAFs mark the paint.
 * (Plain JavaScript source: tsx's name helpers must not leak into the page.)
 */
const PROBE = String.raw`(timeout) => {
  const w = window;
  w.__unwrapBench = new Promise((resolve) => {
    let host = null, body = null, done = false, mo = null;
    function finish(kind, painted) {
      if (done) return;
      done = true;
      if (mo) mo.disconnect();
      resolve({ t0: w.__unwrapBenchT0, host, body, painted, kind });
    }
    function lookForBody() {
      if (done) return;
      const el = document.querySelector('unwrap-reader');
      const found = el && el.shadowRoot && el.shadowRoot.querySelector('article [data-unwrap="body"], [data-unwrap="empty"]');
      if (found) {
        body = performance.now();
        const kind = found.getAttribute('data-unwrap') === 'empty' ? 'empty' : 'body';
        requestAnimationFrame(() => requestAnimationFrame(() => finish(kind, performance.now())));
      } else {
        requestAnimationFrame(lookForBody);
      }
    }
    mo = new MutationObserver(() => {
      if (host === null && document.querySelector('unwrap-reader')) {
        host = performance.now();
        lookForBody();
      }
    });
    mo.observe(document.documentElement, { childList: true, subtree: true });
    setTimeout(() => finish('timeout', null), timeout);
  });
  w.__unwrapBenchT0 = performance.now();
}`;

export async function armPaintProbe(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.evaluate(`(${PROBE})(${Number(timeoutMs)})`);
}

export async function readPaintProbe(page: Page): Promise<PaintTiming> {
  return (await page.evaluate('window.__unwrapBench')) as PaintTiming;
}
