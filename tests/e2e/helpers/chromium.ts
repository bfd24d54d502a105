/**
 * Launch Debian's Chromium with the built extension, connected over CDP so that a browser-level session can press
 * the toolbar button for real (`Extensions.triggerAction`, which grants activeTab exactly as a click does, and
 * opens the popup when the toolbar button is set to open it: helpers/popup.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { SETTINGS_VERSION } from '../../../src/settings/migrations';
import { DEFAULT_SETTINGS, type ToolbarButton } from '../../../src/settings/schema';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(process.env.UNWRAP_EXTENSION_DIR ?? '.output-test/chrome-mv3');

export interface LaunchOptions {
  /** Keep the profile between launches (settings survive a restart). Default: a fresh temporary profile. */
  readonly userDataDir?: string;
  /** Extra `--host-resolver-rules`, e.g. `MAP *.inkl.com 127.0.0.1:8443`. */
  readonly hostRules?: string;
  readonly headed?: boolean;
  readonly colorScheme?: 'light' | 'dark';
  /**
   * What the toolbar button does in this browser (the user's setting "Toolbar button"). Default `reader`: the
   * suites that read pages press the button to open the reader; the popup's own tests choose `popup` (Unwrap's
   * default for users).
   */
  readonly toolbar?: ToolbarButton;
  /** The Unwrap build to load (default EXTENSION_DIR). */
  readonly extensionDir?: string;
  /** More unpacked extensions to load beside Unwrap (the bench's reference reader), with their ids (manifest `key`). */
  readonly extraExtensions?: readonly { readonly dir: string; readonly id: string }[];
}

export interface Launched {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly cdp: CDPSession;
  readonly extensionId: string;
  readonly worker: Worker;
  readonly userDataDir: string;
  /** The browser's DevTools endpoint (helpers/popup.ts attaches to the toolbar popup through it). */
  readonly wsEndpoint: string;
  /** Injections the extension retried after the browser's momentary refusal (src/background/inject.ts). */
  readonly retries: () => number;
  close(): Promise<void>;
}

export function assertChromium(extensionDir = EXTENSION_DIR): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionDir}: run "npm run build:test" first.`);
  }
}

export async function launch(opts: LaunchOptions = {}): Promise<Launched> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  assertChromium(extensionDir);
  const extras = opts.extraExtensions ?? [];
  const dirs = [extensionDir, ...extras.map((e) => e.dir)].join(',');
  const temp = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'unwrap-profile-'));
  const args = [
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-port=0',
    '--enable-unsafe-extension-debugging',
    `--disable-extensions-except=${dirs}`,
    `--load-extension=${dirs}`,
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=Translate,MediaRouter,OptimizationHints',
    // A screen larger than headless's default 800 × 600, which squeezes the toolbar popup to 410 × 510.
    '--ignore-certificate-errors', '--window-size=1280,900', '--screen-info={1600x1200}', '--hide-scrollbars=false',
    ...(opts.headed ? [] : ['--headless=new']),
    ...(opts.hostRules ? [`--host-resolver-rules=${opts.hostRules}`] : []),
    ...(opts.colorScheme ? [`--force-prefers-color-scheme=${opts.colorScheme}`, `--blink-settings=preferredColorScheme=${opts.colorScheme === 'dark' ? 0 : 1}`] : []),
    'about:blank',
  ];
  const proc = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const wsEndpoint = await devtoolsEndpoint(proc);
  const browser = await chromium.connectOverCDP(wsEndpoint);
  const context = browser.contexts()[0]!;
  const others = new Set(extras.map((e) => e.id));
  const isUnwrap = (w: Worker) => w.url().startsWith('chrome-extension://') && !others.has(new URL(w.url()).host);
  const worker = context.serviceWorkers().find(isUnwrap) ?? (await context.waitForEvent('serviceworker', { predicate: isUnwrap, timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const cdp = await browser.newBrowserCDPSession();
  await setToolbarButton(worker, opts.toolbar ?? 'reader');
  let retried = 0;
  worker.on('console', (m) => {
    if (/injection refused .*retrying/.test(m.text())) retried++;
    if (process.env.UNWRAP_E2E_DEBUG) console.log(`[worker] ${m.type()}: ${m.text()}`);
  });
  return {
    browser, context, cdp, extensionId, worker, userDataDir, wsEndpoint, retries: () => retried,
    async close() {
      await browser.close().catch(() => undefined);
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      // Chromium's helper processes may still be writing the profile for a moment after exit.
      if (temp) {
        await new Promise((r) => setTimeout(r, 300));
        try {
          rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
        } catch (err) {
          console.warn(`Could not remove the temporary profile ${userDataDir}: ${(err as Error).message}`);
        }
      }
    },
  };
}

function devtoolsEndpoint(proc: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start within 30 s:\n${buf.slice(-2000)}`)), 30_000);
    proc.stderr?.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = buf.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolvePromise(m[1]!);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before DevTools was ready:\n${buf.slice(-2000)}`));
    });
  });
}

/**
 * Set the "Toolbar button" setting as a user would (stored settings, every other setting kept) and wait until the
 * background has applied it (`action.getPopup`).
 */
export async function setToolbarButton(worker: Worker, mode: ToolbarButton): Promise<void> {
  const script = `(async () => {
    const stored = (await chrome.storage.sync.get('settings')).settings;
    const settings = Object.assign({}, ${JSON.stringify(DEFAULT_SETTINGS)}, stored && typeof stored === 'object' ? stored : {}, { toolbarButton: ${JSON.stringify(mode)} });
    await chrome.storage.sync.set({ settings, 'settings$': { v: ${SETTINGS_VERSION} } });
    for (let i = 0; i < 200; i++) {
      const popup = await chrome.action.getPopup({});
      if (${mode === 'popup' ? "popup.endsWith('/popup.html')" : "popup === ''"}) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the background did not apply toolbarButton=${mode}');
  })()`;
  await worker.evaluate(script);
}

/** The target id of `page`'s tab (what `Extensions.triggerAction` presses the button on). */
export async function tabTargetId(l: Launched, page: Page): Promise<string> {
  const { targetInfos } = (await l.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }, { type: 'page' }] } as never)) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const url = page.url();
  // Chromium exposes a "tab" target per tab (the action needs it); older builds only have "page" targets.
  const tabs = targetInfos.filter((t) => t.type === 'tab' && t.url === url);
  const candidates = tabs.length > 0 ? tabs : targetInfos.filter((t) => t.type === 'page' && t.url === url);
  if (candidates.length !== 1) throw new Error(`${candidates.length} tabs show ${url}: give each test page a unique URL (see uniqueUrl)`);
  return candidates[0]!.targetId;
}

/**
 * Press the extension's toolbar button on `page`'s tab, for real, once. (The harness used to press again when the
 * browser refused a press; the extension itself now retries the injection, and these tests prove it.)
 */
export async function clickToolbar(l: Launched, page: Page): Promise<void> {
  await page.bringToFront(); // a real click happens on the visible tab
  const targetId = await tabTargetId(l, page);
  await l.cdp.send('Extensions.triggerAction' as never, { id: l.extensionId, targetId } as never);
}

/** Inject the reader script into the active tab from the service worker (the tab must have activeTab or host access). */
export async function injectReader(l: Launched, page: Page): Promise<void> {
  const url = page.url();
  await l.worker.evaluate(async (u: string) => {
    const g = globalThis as unknown as { chrome: typeof chrome };
    const [tab] = await g.chrome.tabs.query({ url: u.replace(/#.*$/, '') });
    if (!tab?.id) throw new Error(`no tab for ${u}`);
    await g.chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/reader.js'] });
  }, url);
}

let counter = 0;
/** A URL no other open tab shows, so the toolbar press reaches the right tab. */
export function uniqueUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.set('t', `${process.pid}-${++counter}`);
  return u.href;
}
