/**
 * Real-browser helpers for the bench, on top of the e2e harness (tests/e2e/helpers): Debian Chromium with the
 * built extension, pages served from 127.0.0.1, every other host failing DNS at once (no network here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { ROOT } from './corpus';

export const OFFLINE_HOST_RULES = 'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';

export async function launchWith(extensionDir: string, extraExtensions: readonly { dir: string; id: string }[] = []) {
  process.env.UNWRAP_EXTENSION_DIR = extensionDir;
  const { launch } = await import('../../tests/e2e/helpers/chromium');
  return launch({ hostRules: OFFLINE_HOST_RULES, extensionDir, extraExtensions });
}

type Launched = Awaited<ReturnType<typeof launchWith>>;

/** Another loaded extension's service worker, by id. */
export async function workerOf(l: Launched, id: string): Promise<Worker> {
  const is = (w: Worker) => w.url().startsWith(`chrome-extension://${id}/`);
  return l.context.serviceWorkers().find(is) ?? (await l.context.waitForEvent('serviceworker', { predicate: is, timeout: 15_000 }));
}

/**
 * Press an extension's toolbar button on `page`'s tab for real (CDP `Extensions.triggerAction`), like the e2e
 * helper's clickToolbar but for any extension whose background records `globalThis[outcomeKey] = { ok }`:
 * headless Chromium now and then runs the action without granting activeTab, and such a press is pressed again.
 */
export async function pressAction(l: Launched, page: Page, ext: { id: string; worker: Worker; outcomeKey: string }): Promise<void> {
  await page.bringToFront();
  const { targetInfos } = (await l.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }, { type: 'page' }] } as never)) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const url = page.url();
  const tabs = targetInfos.filter((t) => t.type === 'tab' && t.url === url);
  const candidates = tabs.length > 0 ? tabs : targetInfos.filter((t) => t.type === 'page' && t.url === url);
  if (candidates.length !== 1) throw new Error(`${candidates.length} tabs show ${url}`);
  for (let attempt = 1; ; attempt++) {
    await ext.worker.evaluate((k) => { (globalThis as Record<string, unknown>)[k] = undefined; }, ext.outcomeKey);
    await l.cdp.send('Extensions.triggerAction' as never, { id: ext.id, targetId: candidates[0]!.targetId } as never);
    const outcome = await ext.worker.evaluate(async (k) => {
      const g = globalThis as Record<string, unknown>;
      for (let i = 0; i < 100 && g[k] === undefined; i++) await new Promise((r) => setTimeout(r, 20));
      return g[k] as { ok: boolean; reason?: string } | undefined;
    }, ext.outcomeKey);
    if (!outcome || outcome.ok || attempt >= 3) return;
    await page.bringToFront();
  }
}

export async function helpers() {
  return import('../../tests/e2e/helpers/chromium');
}

export function readabilitySource(): string {
  return readFileSync(join(ROOT, 'node_modules', '@mozilla', 'readability', 'Readability.js'), 'utf8');
}

/** How the paint probe recognises a reader's overlay: its host element and, in its shadow root, body or empty state. */
export interface OverlayShape {
  readonly host: string;
  readonly body: string;
  readonly empty: string;
}
export const UNWRAP_OVERLAY: OverlayShape = { host: 'unwrap-reader', body: 'article [data-unwrap="body"]', empty: '[data-unwrap="empty"]' };
export const PEER_OVERLAY: OverlayShape = { host: 'peer-reader', body: '[data-peer="body"]', empty: '[data-peer="empty"]' };

/** Wait until no overlay host is left in the page. */
export async function waitNoOverlay(page: Page, timeout = 5000, host = UNWRAP_OVERLAY.host): Promise<void> {
  await page.waitForFunction((h) => !document.querySelector(h), host, { timeout, polling: 'raf' });
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
const PROBE = String.raw`(timeout, shape) => {
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
      const el = document.querySelector(shape.host);
      const found = el && el.shadowRoot && el.shadowRoot.querySelector(shape.body + ', ' + shape.empty);
      if (found) {
        body = performance.now();
        const kind = found.matches(shape.empty) ? 'empty' : 'body';
        requestAnimationFrame(() => requestAnimationFrame(() => finish(kind, performance.now())));
      } else {
        requestAnimationFrame(lookForBody);
      }
    }
    mo = new MutationObserver(() => {
      if (host === null && document.querySelector(shape.host)) {
        host = performance.now();
        lookForBody();
      }
    });
    mo.observe(document.documentElement, { childList: true, subtree: true });
    setTimeout(() => finish('timeout', null), timeout);
  });
  w.__unwrapBenchT0 = performance.now();
}`;

export async function armPaintProbe(page: Page, timeoutMs = 15_000, shape: OverlayShape = UNWRAP_OVERLAY): Promise<void> {
  await page.evaluate(`(${PROBE})(${Number(timeoutMs)}, ${JSON.stringify(shape)})`);
}

export async function readPaintProbe(page: Page): Promise<PaintTiming> {
  return (await page.evaluate('window.__unwrapBench')) as PaintTiming;
}
