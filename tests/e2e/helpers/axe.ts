/**
 * axe-core in a real page: its source evaluated in the page through the DevTools protocol (extension pages allow
 * only their own scripts, `script-src 'self'`; evaluation from DevTools is not a page script), then `axe.run` on the
 * document. Returns the violations as short lines (rule, impact, the first few targets).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A Playwright or puppeteer page (both evaluate a string of script). */
interface Evaluating { evaluate(script: string): Promise<unknown> }

export async function axeViolations(page: Evaluating): Promise<string[]> {
  await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) =>
    v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`) as Promise<string[]>;
}
