/**
 * `npm run demo`: the extension loaded in Chromium on bundled sample pages, the reader opened on each, then the
 * toolbar popup and the full library with saved items (light and dark); screenshots written to demo-output/ and
 * their paths printed. `--headed` shows the browser where a display exists.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clickToolbar, launch, setToolbarButton, uniqueUrl } from '../tests/e2e/helpers/chromium';
import { closePopup, detachPopupDriver, openToolbarPopup } from '../tests/e2e/helpers/popup';
import { startHostServer } from '../tests/e2e/helpers/hosts';
import { startServer } from '../tests/e2e/helpers/server';
import { waitForOverlay } from '../tests/e2e/helpers/overlay';

const OUT = resolve('demo-output');
const DAY = 86_400;
const NOW = Math.floor(Date.now() / 1000);
// A small Pocket export, imported through the library's own import (links saved without their text).
const POCKET_CSV = [
  'title,url,time_added,tags,status',
  `Why night trains are back in Europe,https://rail.example/night-trains,${NOW - 2 * DAY},travel|trains,unread`,
  `How to read more without trying harder,https://essays.example/read-more,${NOW - 3 * DAY},reading,unread`,
  `The city that turned its car parks into parks,https://urban.example/car-parks,${NOW - 5 * DAY},cities,unread`,
  `A field guide to the lighthouses of Brittany,https://coast.example/lighthouses,${NOW - 8 * DAY},travel,unread`,
  `What the tide tables do not tell you,https://coast.example/tides,${NOW - 12 * DAY},,archive`,
  `Learning to cook with one pan,https://food.example/one-pan,${NOW - 20 * DAY},food,unread`,
].join('\n');
const headed = process.argv.includes('--headed');

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const inkl = readFileSync('tests/fixtures/aggregators/inkl/seed/source.html', 'utf8');
  const inklUrl = (JSON.parse(readFileSync('tests/fixtures/aggregators/inkl/seed/expected.json', 'utf8')) as { url: string }).url;
  const hosts = await startHostServer(['www.inkl.com']);
  hosts.route(inklUrl, inkl);
  const server = await startServer({ root: 'tests/e2e/pages' }) // the same pages the real-browser tests use;
  const l = await launch({ hostRules: hosts.rules, headed });
  const shots: string[] = [];
  const shot = async (page: import('playwright-core').Page, name: string) => {
    const path = join(OUT, `${name}.png`);
    await page.screenshot({ path });
    shots.push(path);
  };
  try {
    // 1. An aggregator page: the page as served, the launcher, then the clean article.
    const page = await l.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(inklUrl);
    await page.waitForFunction(() => !!document.querySelector('unwrap-launcher'), undefined, { timeout: 8000 });
    await shot(page, '1-inkl-page-with-launcher');
    await page.locator('unwrap-launcher [data-unwrap-action="read"]').click();
    await waitForOverlay(page);
    await page.waitForTimeout(300);
    await shot(page, '2-inkl-reader');
    await page.locator('unwrap-reader [data-unwrap="removed"] summary').click();
    await page.evaluate(() => document.querySelector('unwrap-reader')?.shadowRoot?.querySelector('.unwrap-root')?.scrollTo({ top: 1e6 }));
    await page.waitForTimeout(200);
    await shot(page, '3-inkl-removed-blocks');

    // 2. Ordinary pages through the toolbar button: light, settings panel, dark, sepia, RTL, no article.
    for (const [name, path, setup] of [
      ['4-article-light', '/article.html', null],
      ['5-article-settings', '/article.html', 'settings'],
      ['6-rtl-arabic', '/rtl.html', null],
      ['7-no-article', '/login.html', null],
    ] as const) {
      const p = await l.context.newPage();
      await p.setViewportSize({ width: 1280, height: 900 });
      await p.goto(uniqueUrl(`${server.url}${path}`));
      await clickToolbar(l, p);
      await waitForOverlay(p);
      if (setup === 'settings') {
        await p.locator('unwrap-reader [data-unwrap-action="settings"]').click();
        await p.locator('unwrap-reader [data-unwrap-theme="sepia"]').click();
        await p.waitForTimeout(200);
      }
      await p.waitForTimeout(200);
      await shot(p, name);
      if (setup === 'settings') {
        await p.locator('unwrap-reader [data-unwrap-theme="dark"]').click();
        await p.locator('unwrap-reader [data-unwrap-action="settings"]').click();
        await p.waitForTimeout(200);
        await shot(p, '5b-article-dark');
        await p.locator('unwrap-reader [data-unwrap-action="settings"]').click();
        await p.locator('unwrap-reader [data-unwrap-theme="auto"]').click();
      }
    }

    // 3. The toolbar popup (the button's default) and the full library, with saved items.
    await setToolbarButton(l.worker, 'popup');
    const lib = await l.context.newPage();
    await lib.setViewportSize({ width: 1000, height: 760 });
    await lib.goto(`chrome-extension://${l.extensionId}/library.html`);
    await lib.locator('[data-action="transfer"]').click();
    await lib.setInputFiles('[data-unwrap="import-file"]', { name: 'pocket-export.csv', mimeType: 'text/csv', buffer: Buffer.from(POCKET_CSV) });
    await lib.locator('[data-unwrap="import-report"]').waitFor();
    await lib.locator('[data-action="transfer"]').click();
    for (const path of ['/rtl.html', '/article.html']) {
      const p = await l.context.newPage();
      await p.setViewportSize({ width: 1280, height: 900 });
      await p.goto(uniqueUrl(`${server.url}${path}`));
      const popup = await openToolbarPopup(l, p);
      await popup.click('[data-action="save-tab"]');
      await popup.waitForSelector('[data-action="save-tab"][aria-pressed="true"]', { timeout: 15_000 });
      await popup.waitForSelector('.row-title');
      if (path === '/article.html') {
        await popup.hover('[data-index="0"]');
        const file = join(OUT, '8-popup-light.png');
        await popup.screenshot({ path: file });
        shots.push(file);
        await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
        await popup.waitForFunction(() => matchMedia('(prefers-color-scheme: dark)').matches);
        const dark = join(OUT, '9-popup-dark.png');
        await popup.screenshot({ path: dark });
        shots.push(dark);
      }
      await closePopup(l, popup);
    }
    // On an aggregator page the popup says so (the toolbar icon shows its amber dot).
    await page.close(); // the first inkl tab: the toolbar press needs the one tab showing that address
    const agg = await l.context.newPage();
    await agg.setViewportSize({ width: 1280, height: 900 });
    await agg.goto(inklUrl);
    await agg.waitForFunction(() => !!document.querySelector('unwrap-launcher'), undefined, { timeout: 8000 });
    const aggPopup = await openToolbarPopup(l, agg);
    await aggPopup.waitForSelector('[data-unwrap="current-aggregator"]', { timeout: 5000 });
    const aggShot = join(OUT, '10-popup-aggregator.png');
    await aggPopup.screenshot({ path: aggShot });
    shots.push(aggShot);
    await closePopup(l, aggPopup);
    await lib.bringToFront(); // a background tab paints no frames to capture
    await lib.reload();
    await lib.locator('[data-filter="all"]').click();
    await lib.locator('.row').nth(1).hover();
    await shot(lib, '11-library-light');
    await lib.emulateMedia({ colorScheme: 'dark' });
    await shot(lib, '12-library-dark');
    await lib.setViewportSize({ width: 420, height: 760 });
    await lib.locator('.row').first().hover();
    await shot(lib, '13-library-narrow-dark');
  } finally {
    await detachPopupDriver(l);
    await l.close();
    await hosts.close();
    await server.close();
  }
  console.log(`Screenshots (${shots.length}):`);
  for (const s of shots) console.log(`  ${s}`);
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
