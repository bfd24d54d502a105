/**
 * `scripting.executeScript` with a short retry, the one place every injection on a user's press goes through
 * (toolbar button, popup "Read" and "Save", keyboard shortcuts, context menu). Why: headless Chromium now and then
 * answers the first injection after a press with "Cannot access contents of the page" although the press granted
 * activeTab (about one press in twelve in this project's tests); a moment later the same injection succeeds. Only
 * that refusal is retried, a few times within ~300 ms; any other error, and a refusal that persists, is thrown
 * to the caller, which tells the user (badge and tooltip, or the popup's message). Nothing fails silently.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';

/** Waits before each retry, in ms (280 ms in all). */
export const RETRY_DELAYS_MS: readonly number[] = [40, 80, 160];

/** A refusal that may be the browser granting activeTab a moment late (not a page it never lets Unwrap read). */
export function isTransientRefusal(message: string): boolean {
  return /cannot access contents of (?:the page|url)/i.test(message) && !/file:\/\/|web ?store|gallery|\.pdf/i.test(message);
}

export async function withRetry<T>(run: () => Promise<T>, retryable: (err: unknown) => boolean, delays: readonly number[] = RETRY_DELAYS_MS, wait = sleep): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= delays.length || !retryable(err)) throw err;
      console.debug(`Unwrap: injection refused (${messageOf(err)}); retrying in ${delays[attempt]} ms`);
      await wait(delays[attempt]!);
    }
  }
}

type Injection = Parameters<Browser['scripting']['executeScript']>[0];
export interface InjectionResult { readonly documentId?: string; readonly result?: unknown }

export function executeScript(browser: Browser, injection: Injection): Promise<InjectionResult[]> {
  return withRetry(async () => (await browser.scripting.executeScript(injection)) as unknown as InjectionResult[], (err) => isTransientRefusal(messageOf(err)));
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
