/**
 * In real Chromium: every default shortcut is assigned (`commands.getAll()`: a key the browser refuses, such as
 * Unwrap's old Alt+Shift+R in Chromium 156, shows as an empty shortcut), the library shows the keys the browser
 * assigned, and the manifest's icons exist at every declared size as PNGs of that size (toolbar and extensions page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, DEFAULT_SHORTCUTS } from '../../src/background/shortcuts';
import { EXTENSION_DIR, launch, type Launched } from './helpers/chromium';
import { pngSize } from './helpers/png';

let l: Launched;
beforeAll(async () => {
  l = await launch({ toolbar: 'popup' });
});
afterAll(async () => {
  await l?.close();
});

describe('shortcuts', () => {
  it('the browser assigns every default shortcut', async () => {
    const all = (await l.worker.evaluate('chrome.commands.getAll()')) as { name: string; shortcut: string }[];
    const assigned = Object.fromEntries(all.map((c) => [c.name, c.shortcut]));
    console.log(`Chromium commands.getAll(): ${JSON.stringify(assigned)}`);
    for (const c of COMMANDS) expect(assigned[c], `${c} has no key: Chromium refused ${DEFAULT_SHORTCUTS[c]}`).toBe(DEFAULT_SHORTCUTS[c]);
  });

  it('the library shows the keys as assigned', async () => {
    const page = await l.context.newPage();
    await page.goto(`chrome-extension://${l.extensionId}/library.html`);
    const text = await page.locator('[data-unwrap="shortcuts"]').textContent();
    for (const c of COMMANDS) expect(text).toContain(DEFAULT_SHORTCUTS[c]);
    expect(await page.locator('[data-unwrap="shortcut-missing"]').count()).toBe(0);
    await page.close();
  });
});

describe('toolbar button setting', () => {
  it('"Open the reader directly" takes the popup off the button; "Open the popup" puts it back', async () => {
    const page = await l.context.newPage();
    await page.goto(`chrome-extension://${l.extensionId}/library.html`);
    const popupOf = () => l.worker.evaluate('chrome.action.getPopup({})') as Promise<string>;
    expect(await popupOf()).toMatch(/\/popup\.html$/);
    await page.locator('[data-unwrap="toolbar-setting"] input[value="reader"]').check();
    await expect.poll(popupOf).toBe('');
    await page.locator('[data-unwrap="toolbar-setting"] input[value="popup"]').check();
    await expect.poll(popupOf).toMatch(/\/popup\.html$/);
    await page.close();
  });
});

describe('manifest', () => {
  it('declares the popup, and icons that exist at every declared size as PNGs of that size', async () => {
    const manifest = (await l.worker.evaluate('chrome.runtime.getManifest()')) as { icons: Record<string, string>; action: { default_icon: Record<string, string>; default_popup?: string } };
    expect(manifest.action.default_popup).toBe('popup.html');
    expect(Object.keys(manifest.icons).sort()).toEqual(['128', '16', '32', '48']);
    expect(Object.keys(manifest.action.default_icon).sort()).toEqual(['16', '32']);
    for (const [size, path] of [...Object.entries(manifest.icons), ...Object.entries(manifest.action.default_icon)]) {
      // As the browser serves it to the toolbar and the extensions page…
      const served = (await l.worker.evaluate(`fetch(chrome.runtime.getURL(${JSON.stringify(path)})).then((r) => r.arrayBuffer()).then((b) => Array.from(new Uint8Array(b)))`)) as number[];
      expect(pngSize(new Uint8Array(served)), `${path}`).toEqual({ width: Number(size), height: Number(size) });
      // …and in the build folder.
      expect(pngSize(readFileSync(join(EXTENSION_DIR, path)))).toEqual({ width: Number(size), height: Number(size) });
    }
    // The Firefox build declares the same icons.
    const firefox = JSON.parse(readFileSync(join(EXTENSION_DIR, '..', 'firefox-mv3', 'manifest.json'), 'utf8')) as typeof manifest;
    expect(firefox.icons).toEqual(manifest.icons);
    expect(firefox.action.default_icon).toEqual(manifest.action.default_icon);
  });
});
