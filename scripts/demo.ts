/**
 * `npm run demo`: the extension loaded in Chromium on bundled sample pages, the reader opened on each, screenshots
 * written to demo-output/ and their paths printed. `--headed` shows the browser where a display exists.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clickToolbar, launch, uniqueUrl } from '../tests/e2e/helpers/chromium';
import { startHostServer } from '../tests/e2e/helpers/hosts';
import { startServer } from '../tests/e2e/helpers/server';
import { waitForOverlay } from '../tests/e2e/helpers/overlay';

const OUT = resolve('demo-output');
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
  } finally {
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
