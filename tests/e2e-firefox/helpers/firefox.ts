/**
 * Launch Firefox ESR headless over WebDriver BiDi (puppeteer-core) with the Unwrap test build installed as a
 * temporary add-on, under a fixed internal UUID so that `moz-extension://<uuid>/library.html` is predictable.
 *
 * Firefox-specific facts this harness relies on (Firefox ESR 153, puppeteer-core 24):
 * - `browser.installExtension(dir)` installs the unpacked build as a temporary add-on; the pref
 *   `extensions.webextensions.uuids` (add-on id → UUID) fixes its `moz-extension://` origin.
 * - MV3 host permissions are opt-in in Firefox; `extensions.originControls.grantByDefault` (default true) grants
 *   the manifest's `host_permissions` at install, as the install prompt does for a user. Tests that need the
 *   "not granted" state revoke them with `permissions.remove` from an extension page.
 * - `extensions.webextOptionalPermissionPrompts: false` answers `permissions.request` with "allow" instead of a
 *   doorhanger automation cannot click; the request still needs a real (trusted) click in an extension page.
 * - BiDi refuses to navigate to `moz-extension:` URLs unless Firefox runs with `--remote-allow-system-access`.
 *   The same flag gives access to the browser window (`moz:scope: chrome`), where the toolbar button is pressed
 *   for real: Firefox's own `browserActionFor(extension).triggerAction(window)`, the code path of a click on
 *   the button (it grants activeTab and fires `action.onClicked`). So no test-only trigger is needed in the
 *   extension for Firefox.
 * - Puppeteer does not see navigations to extension pages (no BiDi navigation events for them): `gotoExtension`
 *   navigates with a raw BiDi command and waits for the document itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { SETTINGS_VERSION } from '../../../src/settings/migrations';
import { DEFAULT_SETTINGS, type ToolbarButton } from '../../../src/settings/schema';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(process.env.UNWRAP_FIREFOX_EXTENSION_DIR ?? '.output-test/firefox-mv3');
export const ADDON_ID = 'unwrap@unwrap.example';
/** Any fixed v4 UUID: the add-on's internal origin in every test profile. */
export const ADDON_UUID = '6b1f8c2e-4d3a-4f5b-9c7e-2a1d0e9f8b7c';
export const EXT_ORIGIN = `moz-extension://${ADDON_UUID}`;

export interface FirefoxOptions {
  /** A PAC script (see helpers/proxy.ts) that routes fixture hosts to a local proxy. */
  readonly pac?: string;
  /** `prefers-color-scheme` reported to pages. Default light, so screenshots do not depend on the machine. */
  readonly colorScheme?: 'light' | 'dark';
  /** Grant the manifest's host permissions at install, as Firefox does by default. `false`: a user without them. */
  readonly grantHostPermissions?: boolean;
  /**
   * What the toolbar button does (the user's setting). Default `reader`: the suites that read pages press the
   * button to open the reader; the popup's tests choose `popup` (Unwrap's default for users).
   */
  readonly toolbar?: ToolbarButton;
}

export interface LaunchedFirefox {
  readonly browser: Browser;
  readonly extensionId: string;
  close(): Promise<void>;
}

export function assertFirefox(): void {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox not found at ${FIREFOX}: install it with "apt-get install -y firefox-esr" or set FIREFOX_PATH.`);
  }
  const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No Firefox test build at ${FIREFOX_EXTENSION_DIR}: run "UNWRAP_TEST_BUILD=1 wxt build -b firefox" first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (id !== ADDON_ID) throw new Error(`${manifestPath} has gecko id ${String(id)}, the harness expects ${ADDON_ID}`);
}

export async function launchFirefox(opts: FirefoxOptions = {}): Promise<LaunchedFirefox> {
  assertFirefox();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true, // the fixture hosts' throwaway certificate
    defaultViewport: { width: 1280, height: 900 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      'extensions.originControls.grantByDefault': opts.grantHostPermissions ?? true,
      'extensions.webextOptionalPermissionPrompts': false,
      // 0 = dark, 1 = light (what pages see as prefers-color-scheme).
      'layout.css.prefers-color-scheme.content-override': opts.colorScheme === 'dark' ? 0 : 1,
      // Quiet start-up: no experiments, remote settings or first-run pages competing for a busy CPU.
      'app.normandy.enabled': false,
      'app.shield.optoutstudies.enabled': false,
      'messaging-system.rsexperimentloader.enabled': false,
      'browser.aboutwelcome.enabled': false,
      'extensions.getAddons.showPane': false,
      ...(opts.pac
        ? { 'network.proxy.type': 2, 'network.proxy.autoconfig_url': `data:text/plain,${encodeURIComponent(opts.pac)}` }
        : {}),
    },
  });
  try {
    const extensionId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (extensionId !== ADDON_ID) throw new Error(`installed add-on has id ${extensionId}, expected ${ADDON_ID}`);
    const l: LaunchedFirefox = { browser, extensionId, close: () => browser.close() };
    await setToolbarButton(l, opts.toolbar ?? 'reader');
    return l;
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/**
 * Set the "Toolbar button" setting as a user would (stored settings, every other setting kept), from one of
 * Unwrap's pages in a tab of its own, and wait until the background has applied it (`action.getPopup`).
 */
export async function setToolbarButton(l: LaunchedFirefox, mode: ToolbarButton): Promise<void> {
  const page = await openExtensionPage(l, '/read.html');
  try {
    await page.evaluate(`(async () => {
      const stored = (await browser.storage.sync.get('settings')).settings;
      const settings = Object.assign({}, ${JSON.stringify(DEFAULT_SETTINGS)}, stored && typeof stored === 'object' ? stored : {}, { toolbarButton: ${JSON.stringify(mode)} });
      await browser.storage.sync.set({ settings, 'settings$': { v: ${SETTINGS_VERSION} } });
      for (let i = 0; i < 200; i++) {
        const popup = await browser.action.getPopup({});
        if (${mode === 'popup' ? "popup.endsWith('/popup.html')" : "popup === ''"}) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('the background did not apply toolbarButton=${mode}');
    })()`);
  } finally {
    await page.close();
  }
}

// ——— raw WebDriver BiDi (what puppeteer does not wrap) ———

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

function bidi(browser: Browser): BidiConnection {
  const conn = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!conn || typeof conn.send !== 'function') throw new Error('not a WebDriver BiDi browser: launch Firefox with puppeteer-core 24');
  return conn;
}

function contextId(page: Page): string {
  const id = (page.mainFrame() as unknown as { _id?: string })._id;
  if (typeof id !== 'string') throw new Error('cannot find the BiDi browsing context of this page');
  return id;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

/** Run `expression` in the browser window (privileged chrome scope; needs --remote-allow-system-access). */
async function evaluateInBrowserWindow(browser: Browser, expression: string): Promise<unknown> {
  const conn = bidi(browser);
  const tree = (await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string; url: string }[] };
  const win = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!win) throw new Error(`no browser window among chrome contexts: ${tree.contexts.map((c) => c.url).join(', ')}`);
  const r = (await conn.send('script.evaluate', { target: { context: win.context }, expression, awaitPromise: true, resultOwnership: 'none' })).result as EvaluateResult;
  if (r.type !== 'success') throw new Error(`browser-window script failed: ${r.exceptionDetails?.text ?? JSON.stringify(r)}`);
  return r.result?.value;
}

/**
 * Press Unwrap's toolbar button on `page`'s tab, for real: the browser selects the tab, then Firefox's own
 * action handler runs exactly as for a click (activeTab granted, `action.onClicked` fired with the tab).
 */
export async function clickToolbar(l: LaunchedFirefox, page: Page): Promise<void> {
  await page.bringToFront();
  const expected = await page.evaluate(() => location.href);
  const shown = await evaluateInBrowserWindow(l.browser, `(() => {
    const id = ${JSON.stringify(l.extensionId)};
    const policy = WebExtensionPolicy.getByID(id);
    if (!policy) throw new Error('add-on ' + id + ' is not installed');
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const action = ExtensionParent.apiManager.global.browserActionFor?.(policy.extension);
    if (!action) throw new Error('Firefox has no toolbar action for ' + id);
    for (const win of Services.wm.getEnumerator('navigator:browser')) {
      if (win.gBrowser.selectedBrowser.currentURI.spec !== ${JSON.stringify(expected)}) continue;
      action.triggerAction(win);
      return win.gBrowser.selectedBrowser.currentURI.spec;
    }
    throw new Error('no window shows ' + ${JSON.stringify(expected)} + ' in its selected tab');
  })()`);
  if (shown !== expected) throw new Error(`toolbar pressed on ${String(shown)}, expected ${expected}`);
}

/** Navigate `page` to one of Unwrap's own pages (e.g. `/library.html`) and wait until it has loaded. */
export async function gotoExtension(l: LaunchedFirefox, page: Page, path: string): Promise<void> {
  const url = `${EXT_ORIGIN}${path}`;
  await bidi(l.browser).send('browsingContext.navigate', { context: contextId(page), url, wait: 'complete' });
  await page.waitForFunction((u: string) => location.href === u && document.readyState === 'complete', { timeout: 10_000, polling: 100 }, url);
}

/** A new tab showing one of Unwrap's own pages. */
export async function openExtensionPage(l: LaunchedFirefox, path: string): Promise<Page> {
  const page = await l.browser.newPage();
  await gotoExtension(l, page, path);
  return page;
}

/** Current URL as the page itself sees it (puppeteer's `page.url()` misses navigations to extension pages). */
export function pageUrl(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

/** Tabs showing `url`, as the pages themselves report it. */
export async function tabsShowing(browser: Browser, url: string): Promise<Page[]> {
  const pages = await browser.pages();
  // A tab closed a moment ago may still be listed: it shows nothing.
  const urls = await Promise.all(pages.map((p) => pageUrl(p).catch(() => '')));
  return pages.filter((_, i) => urls[i] === url);
}

/** The first tab showing `url` (e.g. a page the extension opened itself). */
export async function waitForTab(browser: Browser, url: string, timeout = 10_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const [tab] = await tabsShowing(browser, url);
    if (tab) return tab;
    if (Date.now() > deadline) throw new Error(`no tab showed ${url} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
