/**
 * Launch Debian's Chromium with the built extension, connected over CDP so that a browser-level session can press
 * the toolbar button for real (`Extensions.triggerAction`, which grants activeTab exactly as a click does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(process.env.UNWRAP_EXTENSION_DIR ?? '.output-test/chrome-mv3');

export interface LaunchOptions {
  /** Keep the profile between launches (settings survive a restart). Default: a fresh temporary profile. */
  readonly userDataDir?: string;
  /** Extra `--host-resolver-rules`, e.g. `MAP *.inkl.com 127.0.0.1:8443`. */
  readonly hostRules?: string;
  readonly headed?: boolean;
  readonly colorScheme?: 'light' | 'dark';
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
  close(): Promise<void>;
}

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No extension build at ${EXTENSION_DIR}: run "npm run build:test" first.`);
  }
}

export async function launch(opts: LaunchOptions = {}): Promise<Launched> {
  assertChromium();
  const temp = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'unwrap-profile-'));
  const args = [
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-port=0',
    '--enable-unsafe-extension-debugging',
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--ignore-certificate-errors', '--window-size=1280,900', '--hide-scrollbars=false',
    ...(opts.headed ? [] : ['--headless=new']),
    ...(opts.hostRules ? [`--host-resolver-rules=${opts.hostRules}`] : []),
    ...(opts.colorScheme ? [`--force-prefers-color-scheme=${opts.colorScheme}`, `--blink-settings=preferredColorScheme=${opts.colorScheme === 'dark' ? 0 : 1}`] : []),
    'about:blank',
  ];
  const proc = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const wsEndpoint = await devtoolsEndpoint(proc);
  const browser = await chromium.connectOverCDP(wsEndpoint);
  const context = browser.contexts()[0]!;
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const cdp = await browser.newBrowserCDPSession();
  return {
    browser, context, cdp, extensionId, worker, userDataDir, wsEndpoint,
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

/** Press the extension's toolbar button on `page`'s tab, for real. */
export async function clickToolbar(l: Launched, page: Page): Promise<void> {
  await page.bringToFront(); // a real click happens on the visible tab
  const { targetInfos } = (await l.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }, { type: 'page' }] } as never)) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const url = page.url();
  // Chromium exposes a "tab" target per tab (the action needs it); older builds only have "page" targets.
  const tabs = targetInfos.filter((t) => t.type === 'tab' && t.url === url);
  const candidates = tabs.length > 0 ? tabs : targetInfos.filter((t) => t.type === 'page' && t.url === url);
  if (candidates.length !== 1) throw new Error(`${candidates.length} tabs show ${url}: give each test page a unique URL (see uniqueUrl)`);
  const target = candidates[0]!;
  // Headless Chromium now and then runs the action without granting activeTab (about 1 press in 12 here);
  // the test build records each outcome, and a refused press is pressed again, as a user would.
  for (let attempt = 1; ; attempt++) {
    await l.worker.evaluate(() => { (globalThis as Record<string, unknown>).__unwrapLastOutcome = undefined; });
    await l.cdp.send('Extensions.triggerAction' as never, { id: l.extensionId, targetId: target.targetId } as never);
    const outcome = await l.worker.evaluate(async () => {
      const g = globalThis as Record<string, unknown>;
      for (let i = 0; i < 100 && g.__unwrapLastOutcome === undefined; i++) await new Promise((r) => setTimeout(r, 20));
      return g.__unwrapLastOutcome as { ok: boolean; reason?: string } | undefined;
    });
    if (!outcome || outcome.ok || outcome.reason !== 'restrictedOther' || attempt >= 3) return;
    await page.bringToFront();
  }
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
