// @vitest-environment jsdom
/**
 * Issue 6, script injection through import files (unit level): Unwrap JSON, Pocket CSV and Netscape bookmark HTML
 * carrying the whole corpus in every field go through the library page's real import path (parse, validate,
 * sanitise, `importItems` to the real background service), and every imported item is then shown by the real
 * reader page component (`ReaderPage`, which sanitises the stored body again on display). The rendered page holds
 * the payloads only as text: no script, handler, frame, style or javascript: URL anywhere.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { File as NodeFile } from 'node:buffer';
import { h, render } from 'preact';
import { importFiles } from '../../src/popup/import-files';
import { ReaderPage } from '../../src/reader-page/ReaderPage';
import { PAYLOADS, renderPayload } from '../fixtures/hostile/xss-payloads';
import { importFiles as buildImportFiles } from '../fixtures/hostile/payload-pages';
import { backgroundInABox, fakeI18n, POPUP, type Box } from './support/background';
import { scanForDanger } from './support/danger';

const SENTINEL = 'http://sentinel.test';
const win = window as unknown as Window & typeof globalThis;
let box: Box;

beforeEach(() => {
  fakeI18n();
  box = backgroundInABox();
  box.routeSendMessage(POPUP);
});
afterEach(() => box.dispose());

/** Everything in the rendered reader page outside the body slot is Unwrap's own UI plus text. */
function scanPage(root: Element): string[] {
  const body = root.querySelector('[data-unwrap="body"]');
  const inBody = body ? scanForDanger(body).map((f) => `body: ${f}`) : [];
  const outside: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (body?.contains(el)) continue;
    if (/^(script|iframe|frame|object|embed|base|meta|link|style|form|template|noscript)$/i.test(el.localName)) outside.push(`<${el.localName}> outside the body`);
    for (const a of Array.from(el.attributes)) {
      if (a.name.startsWith('on')) outside.push(`handler ${a.name} on <${el.localName}>`);
      if (/^(href|src|action|formaction|xlink:href)$/.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)) outside.push(`${a.value.slice(0, 40)} on <${el.localName}>`);
    }
  }
  return [...inBody, ...outside];
}

async function renderReaderPage(id: string): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  render(h(ReaderPage, { id, win }), host);
  for (let i = 0; i < 2000 && !host.querySelector('[data-unwrap="body"], [data-unwrap="link-only"], [data-unwrap="missing"]'); i++) {
    await new Promise((r) => setTimeout(r, 1));
  }
  return host;
}

describe('import files carrying the corpus', () => {
  it('are imported, and every imported item shown by the reader page holds the payloads only as text', async () => {
    const files = buildImportFiles(PAYLOADS, SENTINEL);
    // Node's File (jsdom's lacks `text()`), as the browser's File would be.
    const file = (body: string, name: string) => new NodeFile([body], name) as unknown as File;
    const results = await importFiles([file(files.json, 'unwrap-export.json'), file(files.pocketCsv, 'part_000000.csv'), file(files.netscapeHtml, 'bookmarks.html')], win);
    expect(results.map((r) => [r.format, r.error])).toEqual([['unwrap-json', null], ['pocket-csv', null], ['netscape-html', null]]);
    expect(results[0]!.added).toBe(PAYLOADS.length);
    expect(results[1]!.added).toBe(PAYLOADS.length);
    expect(results[2]!.added).toBe(PAYLOADS.length);
    // The javascript: bookmark is refused with its reason, not imported.
    expect(results[2]!.invalid.map((r) => r.reason).join(' ')).toMatch(/url/i);

    const status = await box.library.status();
    expect(status.items).toBe(PAYLOADS.length * 3);
    const entries = (await import('../../src/library/read')).readLibrary;
    const { entries: all } = await entries();
    const problems: string[] = [];
    let shown = 0;
    for (const e of all) {
      const page = await renderReaderPage(e.id);
      const found = scanPage(page);
      problems.push(...found.map((f) => `${e.url}: ${f}`));
      // The title is shown as text, exactly as imported.
      const h1 = page.querySelector('h1');
      expect(h1?.textContent ?? '').toBe(e.title);
      if (page.querySelector('[data-unwrap="body"]')) shown++;
      render(null, page);
    }
    console.log(`[hardening] import: ${all.length} imported items (${PAYLOADS.length} payloads × 3 formats) shown in the reader page; ${shown} with a body; findings: ${problems.length}`);
    expect(shown).toBe(PAYLOADS.length);
    expect(problems).toEqual([]);
  }, 240_000);

  it('a stored body that was never sanitised (written by something else) is still sanitised on display', async () => {
    const { id } = await box.library.saveArticle({
      url: 'https://news.example/raw', title: 'Raw body', byline: null, siteName: null, publishedTime: null, lang: 'en', dir: 'ltr',
      excerpt: null, content: PAYLOADS.map((p) => renderPayload(p, SENTINEL)).join('\n'), textContent: 'x', wordCount: 300,
      readingTimeMinutes: 1, leadImage: null, aggregator: null, via: null, publisher: null, sourceUrl: null, teaser: false, removed: [],
    }, null);
    const page = await renderReaderPage(id);
    expect(page.querySelector('[data-unwrap="body"]')).not.toBeNull();
    expect(scanPage(page)).toEqual([]);
    render(null, page);
  });
});
