/**
 * Issue 6, hostile pages in real Chromium with the built extension: page CSS aimed at the overlay and the launcher,
 * page scripts that patch built-ins, remove Unwrap's element, take its element name, forge WXT's events, post
 * messages and dispatch synthetic events on Unwrap's controls. A page cannot hide, cover, restyle or drive Unwrap;
 * where it can remove Unwrap from its own page, the article opens in Unwrap's own tab (hardening-sabotage.e2e.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { clickToolbar, launch, uniqueUrl, type Launched } from './helpers/chromium';
import { startHostServer, type HostServer } from './helpers/hosts';
import { startSentinelServer, type SentinelServer } from '../hardening/support/sentinel-server';
import { hostileCssPage, LISTEN_FOR_UNWRAP, PROTOTYPE_PATCHES, removeReader, scriptPage, SQUAT_ELEMENT_NAME, HOSTILE_CSS } from '../fixtures/hostile/hostile-pages';

const SHOTS = 'test-results/screenshots';
const INKL = 'https://www.inkl.com/news/emmanuel-macron-vows-to-boost-french-cooperation-with-kazakhstan';
let server: SentinelServer;
let hosts: HostServer;
let l: Launched;
const errors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startSentinelServer();
  server.route('/hostile/css.html', hostileCssPage('A page that restyles the reader'));
  server.route('/hostile/patches.html', scriptPage('A page that patches built-ins', PROTOTYPE_PATCHES));
  server.route('/hostile/remove-once.html', scriptPage('A page that removes the reader once', removeReader(1)));
  server.route('/hostile/remove-always.html', scriptPage('A page that keeps removing the reader', removeReader(Infinity)));
  server.route('/hostile/squat.html', scriptPage('A page that takes the reader’s element name', SQUAT_ELEMENT_NAME));
  server.route('/hostile/messages.html', scriptPage('A page that listens and forges', LISTEN_FOR_UNWRAP));
  server.route('/hostile/events.html', scriptPage('A page that clicks the reader’s buttons', ''));
  hosts = await startHostServer(['www.inkl.com']);
  const inkl = readFileSync('tests/fixtures/aggregators/inkl/seed/source.html', 'utf8');
  hosts.route(INKL, inkl.replace('</head>', `<style>${HOSTILE_CSS}</style></head>`).replace('</body>', '<div class="cover">cover</div></body>'));
  hosts.route('https://www.inkl.com/news/synthetic-clicks', inkl);
  l = await launch({ hostRules: hosts.rules });
});
afterAll(async () => {
  await l?.close();
  await server?.close();
  await hosts?.close();
});

async function open(path: string): Promise<Page> {
  const page = await l.context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  // Unhandled errors in the page's console that come from Unwrap (the page's own are its business).
  page.on('console', (m) => { if (m.type() === 'error' && /unwrap|chrome-extension:/i.test(m.text())) errors.push(`${path}: ${m.text().slice(0, 200)}`); });
  await page.goto(uniqueUrl(`${server.url}${path}`));
  return page;
}

async function badgeOf(page: Page): Promise<{ text: string; title: string }> {
  const url = page.url();
  return l.worker.evaluate(async (u: string) => {
    const [tab] = await chrome.tabs.query({ url: u.replace(/#.*$/, '') });
    return { text: await chrome.action.getBadgeText({ tabId: tab!.id! }), title: await chrome.action.getTitle({ tabId: tab!.id! }) };
  }, url);
}

const overlayBody = (page: Page) => page.locator('unwrap-reader [data-unwrap="body"]');

describe('page CSS aimed at Unwrap', () => {
  it('does not hide, cover or restyle the overlay (computed styles, hit testing, a real click, screenshot)', async () => {
    const page = await open('/hostile/css.html');
    await clickToolbar(l, page);
    await overlayBody(page).waitFor({ timeout: 20_000 });
    await page.waitForTimeout(300);
    const host = await page.locator('unwrap-reader').evaluate((el) => {
      const cs = getComputedStyle(el);
      const hit = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
      return { display: cs.display, opacity: cs.opacity, visibility: cs.visibility, position: cs.position, transform: cs.transform, width: el.getBoundingClientRect().width, hitIsReader: hit === el, topLayer: el.matches(':popover-open') };
    });
    expect(host).toMatchObject({ display: 'block', opacity: '1', visibility: 'visible', position: 'fixed', transform: 'none', width: 1200, hitIsReader: true });
    const inside = await page.locator('unwrap-reader [data-unwrap="body"] p').first().evaluate((p) => {
      const cs = getComputedStyle(p);
      const root = getComputedStyle(p.closest('.unwrap-root')!);
      return { color: cs.color, size: cs.fontSize, font: cs.fontFamily, display: cs.display, bg: root.backgroundColor };
    });
    expect(inside.color).not.toBe('rgb(255, 0, 0)');
    expect(inside.size).toBe('20px');
    expect(inside.font).not.toMatch(/Comic/);
    expect(inside.display).toBe('block');
    expect(inside.bg).not.toMatch(/^rgba?\(2\d\d, 0, 0/);
    await page.screenshot({ path: join(SHOTS, 'hardening-hostile-css-overlay.png') });
    // Not covered: a real click on the close button reaches it.
    await page.locator('unwrap-reader [data-unwrap-action="close"]').click({ timeout: 5_000 });
    await page.waitForFunction(() => !document.querySelector('unwrap-reader'), undefined, { timeout: 5_000 });
    await page.close();
  });

  it('does not hide or restyle the aggregator launcher', async () => {
    const page = await l.context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(INKL);
    const button = page.locator('unwrap-launcher [data-unwrap-action="read"]');
    await button.waitFor({ timeout: 20_000 });
    await page.waitForTimeout(300);
    const state = await page.locator('unwrap-launcher').evaluate((el) => {
      const cs = getComputedStyle(el);
      const b = el.shadowRoot!.querySelector('[data-unwrap-action="read"]')!.getBoundingClientRect();
      const hit = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
      return { display: cs.display, opacity: cs.opacity, visibility: cs.visibility, position: cs.position, zIndex: cs.zIndex, w: Math.round(b.width), hitIsLauncher: hit === el };
    });
    await page.screenshot({ path: join(SHOTS, 'hardening-hostile-css-launcher.png') });
    console.log(`[hardening] launcher under hostile CSS: ${JSON.stringify(state)}`);
    expect(state).toMatchObject({ display: 'block', opacity: '1', visibility: 'visible', position: 'fixed' });
    expect(state.w).toBeGreaterThan(40);
    // The page's cover has the highest z-index; the launcher must still take the click (or be visible above it).
    expect(state.hitIsLauncher).toBe(true);
    await button.click({ timeout: 5_000 });
    await overlayBody(page).waitFor({ timeout: 20_000 });
    await page.close();
  });
});

describe('page scripts', () => {
  it('patched built-ins in the page (attachShadow, Array, JSON, Function, Promise, DOM methods) do not reach Unwrap', async () => {
    const page = await open('/hostile/patches.html');
    await clickToolbar(l, page);
    await overlayBody(page).waitFor({ timeout: 20_000 });
    expect(await page.locator('unwrap-reader h1').first().textContent()).toContain('patches built-ins');
    await page.locator('unwrap-reader [data-unwrap-action="settings"]').click();
    await page.locator('unwrap-reader [data-unwrap-theme="sepia"]').click();
    expect(await page.locator('unwrap-reader .unwrap-root').getAttribute('data-theme')).toBe('sepia');
    await page.locator('unwrap-reader [data-unwrap-theme="auto"]').click();
    await page.locator('unwrap-reader [data-unwrap-action="save"]').click();
    await page.locator('unwrap-reader [data-unwrap-action="save"][aria-pressed="true"]').waitFor({ timeout: 20_000 });
    await page.locator('unwrap-reader [data-unwrap-action="close"]').click();
    await page.locator('unwrap-reader').waitFor({ state: 'detached', timeout: 5_000 });
    await clickToolbar(l, page); // and it opens again
    await overlayBody(page).waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('a page that removes the reader once: it is put back and stays', async () => {
    const page = await open('/hostile/remove-once.html');
    await clickToolbar(l, page);
    await overlayBody(page).waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __removed: number }).__removed)).toBe(1);
    expect(await overlayBody(page).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('unwrap-reader');
    // The toolbar still toggles: one press closes.
    await clickToolbar(l, page);
    await page.locator('unwrap-reader').waitFor({ state: 'detached', timeout: 5_000 });
    await page.close();
  });

  it('a page that keeps removing it: the article opens in Unwrap’s own tab, and the next press does so again', async () => {
    const page = await open('/hostile/remove-always.html');
    const handoffs = () => l.context.pages().filter((p) => p.url().includes('/read.html?handoff=')).length;
    const before = handoffs();
    await clickToolbar(l, page);
    await l.context.waitForEvent('page', { predicate: (x) => x.url().includes('/read.html?handoff='), timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { __removed: number }).__removed)).toBe(2); // put back once
    expect((await badgeOf(page)).text).toBe(''); // not an error: the reader did open
    // State is consistent: the next press opens again (and the page removes it again), it does not "close" a ghost.
    await page.bringToFront();
    await clickToolbar(l, page);
    await l.context.waitForEvent('page', { predicate: (x) => x.url().includes('/read.html?handoff='), timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { __removed: number }).__removed)).toBe(4);
    expect(handoffs()).toBe(before + 2);
    for (const p of l.context.pages().filter((x) => x.url().includes('/read.html?handoff='))) await p.close();
    await page.close();
  });

  it('a page that takes the element name <unwrap-reader>: the article opens in Unwrap’s own tab, no unhandled error', async () => {
    const page = await open('/hostile/squat.html');
    await clickToolbar(l, page);
    const tab = await l.context.waitForEvent('page', { predicate: (x) => x.url().includes('/read.html?handoff='), timeout: 20_000 });
    await tab.locator('[data-unwrap="body"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('unwrap-reader').evaluateAll((els) => els.filter((e) => e.shadowRoot).length)).toBe(0);
    await tab.close();
    await page.close();
  });

  it('no postMessage interface: Unwrap posts nothing, and forged WXT events and messages do nothing', async () => {
    const page = await open('/hostile/messages.html');
    await clickToolbar(l, page);
    await overlayBody(page).waitFor({ timeout: 20_000 });
    const id = l.extensionId;
    await page.evaluate((extId) => {
      for (const name of ['reader', 'aggregator', 'extract']) {
        const type = `${extId}:${name}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'forged' } }));
        window.postMessage({ type, contentScriptName: name, messageId: 'forged' }, '*');
      }
      window.postMessage({ unwrap: 1, name: 'deleteItems', payload: { ids: ['x'] } }, '*');
      window.dispatchEvent(new Event(`${extId}:reader:wxt:locationchange`));
    }, id);
    await page.waitForTimeout(700);
    expect(await overlayBody(page).count()).toBe(1); // still open
    // Unwrap itself posted nothing to the page (WXT's script-started message is turned off).
    const messages = await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
    expect(messages.filter((m) => !m.includes('forged') && !m.includes('deleteItems'))).toEqual([]);
    // The page has no way to message the background.
    expect(await page.evaluate(() => typeof (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
    // The toolbar still toggles normally.
    await clickToolbar(l, page);
    await page.locator('unwrap-reader').waitFor({ state: 'detached', timeout: 5_000 });
    await clickToolbar(l, page);
    await overlayBody(page).waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('synthetic events on the overlay’s controls are ignored; the user’s are not', async () => {
    const page = await open('/hostile/events.html');
    await clickToolbar(l, page);
    await overlayBody(page).waitFor({ timeout: 20_000 });
    const pagesBefore = l.context.pages().length;
    const before = await page.locator('unwrap-reader .unwrap-root').evaluate((r) => ({ theme: r.getAttribute('data-theme'), font: r.getAttribute('data-font'), size: getComputedStyle(r).getPropertyValue('--u-font-size') }));
    // Everything a page script can do to an open shadow root's controls, without the user.
    await page.evaluate(() => {
      const root = document.querySelector('unwrap-reader')!.shadowRoot!;
      const all = (sel: string) => Array.from(root.querySelectorAll<HTMLElement>(sel));
      all('[data-unwrap-action="settings"]').forEach((b) => b.click()); // opens the panel? (must not)
      for (const b of all('[data-unwrap-action]')) {
        if (b.dataset.unwrapAction === 'close') continue;
        b.click();
        b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        b.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      }
      for (const k of ['s', 'Escape']) {
        const ev = { key: k, bubbles: true, composed: true, cancelable: true };
        root.querySelector('.unwrap-root')!.dispatchEvent(new KeyboardEvent('keydown', ev));
        document.dispatchEvent(new KeyboardEvent('keydown', ev));
        window.dispatchEvent(new KeyboardEvent('keydown', ev));
      }
      all('[data-unwrap-action="close"]').forEach((b) => { b.click(); b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })); });
    });
    await page.waitForTimeout(600);
    expect(await overlayBody(page).count()).toBe(1); // not closed
    expect(await page.locator('unwrap-reader [data-unwrap="settings-panel"]').count()).toBe(0); // not opened
    expect(await page.locator('unwrap-reader [data-unwrap-action="save"]').getAttribute('aria-pressed')).toBe('false'); // not saved
    expect(l.context.pages().length).toBe(pagesBefore); // no library tab
    // Now the user opens the settings for real; the page tries the controls inside.
    await page.locator('unwrap-reader [data-unwrap-action="settings"]').click();
    await page.evaluate(() => {
      const root = document.querySelector('unwrap-reader')!.shadowRoot!;
      root.querySelectorAll<HTMLElement>('[data-unwrap-theme="dark"], [data-unwrap-font="legible"]').forEach((b) => b.click());
      for (const input of Array.from(root.querySelectorAll<HTMLInputElement>('input[type="range"]'))) {
        input.value = input.max;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      }
    });
    await page.waitForTimeout(500);
    const after = await page.locator('unwrap-reader .unwrap-root').evaluate((r) => ({ theme: r.getAttribute('data-theme'), font: r.getAttribute('data-font'), size: getComputedStyle(r).getPropertyValue('--u-font-size') }));
    expect(after).toEqual(before);
    // The user's own click still works.
    await page.locator('unwrap-reader [data-unwrap-action="close"]').click();
    await page.locator('unwrap-reader').waitFor({ state: 'detached', timeout: 5_000 });
    await page.close();
  });

  it('synthetic clicks on the launcher’s buttons are ignored', async () => {
    const page = await l.context.newPage();
    await page.goto('https://www.inkl.com/news/synthetic-clicks');
    await page.locator('unwrap-launcher [data-unwrap-action="read"]').waitFor({ timeout: 20_000 });
    await page.evaluate(() => {
      const root = document.querySelector('unwrap-launcher')!.shadowRoot!;
      for (const b of Array.from(root.querySelectorAll<HTMLElement>('button'))) {
        b.click();
        b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      }
    });
    await page.waitForTimeout(800);
    expect(await page.locator('unwrap-reader').count()).toBe(0);
    expect(await page.locator('unwrap-launcher [data-unwrap-action="read"]').count()).toBe(1);
    await page.close();
  });

  it('none of the hostile pages made Unwrap throw to the console', () => {
    expect(errors).toEqual([]);
  });
});
