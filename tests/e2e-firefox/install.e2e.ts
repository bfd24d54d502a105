/**
 * A Firefox user who installs Unwrap without granting its aggregator host permissions (origin controls that do
 * not grant at install): Unwrap opens its library page, which asks "Allow Unwrap on aggregator sites"; one click
 * grants them. (With Firefox's default, granted at install, no page opens: see aggregator.e2e.ts.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { AGGREGATOR_MATCHES } from '../../src/aggregators/hosts';
import { EXT_ORIGIN, launchFirefox, waitForTab, type LaunchedFirefox } from './helpers/firefox';

let l: LaunchedFirefox | null = null;
afterAll(async () => {
  await l?.close();
});

describe('install without host access', () => {
  it('opens the library page, which asks for aggregator access and gets it with one click', async () => {
    l = await launchFirefox({ grantHostPermissions: false });
    const library = await waitForTab(l.browser, `${EXT_ORIGIN}/library.html`);
    await library.bringToFront();
    await library.waitForSelector('[data-unwrap="access-prompt"]', { timeout: 10_000 });
    await library.locator('[data-unwrap-action="allow-aggregators"]').click();
    await library.waitForSelector('[data-unwrap="access-prompt"]', { hidden: true, timeout: 5000 });
    expect(await library.evaluate((origins) => (globalThis as unknown as { browser: WxtBrowser }).browser.permissions.contains({ origins }), AGGREGATOR_MATCHES)).toBe(true);
  });
});
