/**
 * Issue 6, bad pages at unit level: the extraction's size budget (a page over it is narrowed to its main region, or
 * refused as too large, instead of hanging the tab), non-HTML documents, and the reader never reading itself.
 * The full-size cases (10 MB, 200,000 nodes) run in real Chromium: tests/e2e/hardening-bad-pages.e2e.ts.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../src/extract';
import { MAX_ELEMENTS } from '../../src/extract/budget';
import { articleParagraphs, hugePage } from '../fixtures/hostile/bad-pages';

const URL = 'https://news.example/long';
const run = (html: string, opts: { maxElements?: number; contentType?: string } = {}) => {
  const dom = new JSDOM(html, { url: URL, contentType: opts.contentType ?? 'text/html' });
  const t = performance.now();
  const r = extractArticle(dom.window.document, URL, { window: dom.window as unknown as Window & typeof globalThis, maxElements: opts.maxElements });
  return { r, ms: performance.now() - t, dom };
};

describe('the size budget', () => {
  it('is a sane default (a long real article fits; 200,000 nodes do not)', () => {
    expect(MAX_ELEMENTS).toBeGreaterThanOrEqual(10_000);
    expect(MAX_ELEMENTS).toBeLessThan(200_000);
  });

  it('a page over the budget with an article region is narrowed to it: the article is read', () => {
    const { r } = run(hugePage({ nodes: 4_000, sizeMb: 0.25 }), { maxElements: 1_000 });
    expect(r.kind).toBe('article');
    if (r.kind === 'article') {
      expect(r.article.title).toBe('A very large page');
      expect(r.article.textContent).toContain('Paragraph 5 about the long page');
      expect(r.article.textContent).not.toMatch(/xxxxxxxx/);
    }
  });

  it('a page over the budget with no region that fits is refused as too large, quickly', () => {
    const { r, ms } = run(hugePage({ nodes: 4_000, sizeMb: 0.25, flat: true }), { maxElements: 1_000 });
    expect(r).toMatchObject({ kind: 'empty', reason: 'too-large' });
    expect(ms).toBeLessThan(2_000);
  });

  it('the same pages under the budget go through the whole pipeline as before', () => {
    expect(run(hugePage({ nodes: 800, sizeMb: 0.05 })).r.kind).toBe('article');
  });
});

describe('documents that are not HTML pages', () => {
  it('an XML document (RSS, a sitemap) is refused as not HTML', () => {
    const { r } = run('<?xml version="1.0"?><rss><channel><title>Feed</title><item><title>One</title></item></channel></rss>', { contentType: 'application/xml' });
    expect(r).toMatchObject({ kind: 'empty', reason: 'not-html' });
  });

  it('an XHTML document is read like HTML', () => {
    const xhtml = `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>XHTML story</title></head><body><article><h1>XHTML story</h1>${articleParagraphs(6).replace(/<p>/g, '<p>')}</article></body></html>`;
    expect(run(xhtml, { contentType: 'application/xhtml+xml' }).r.kind).toBe('article');
  });
});

describe('the reader never reads itself', () => {
  it('Unwrap’s own elements (the open overlay, the launcher) are left out of the working copy', () => {
    const { dom } = run('<!doctype html><body></body>');
    const doc = dom.window.document;
    doc.body.innerHTML = `<article><h1>The page’s story</h1>${articleParagraphs(6, 'the page')}</article>`;
    // What the overlay shows while open (an SPA refresh reads the page again with it in place).
    const host = doc.createElement('unwrap-reader');
    host.attachShadow({ mode: 'open' }).innerHTML = `<article><h1>An older story in the overlay</h1>${articleParagraphs(30, 'the overlay')}</article>`;
    doc.documentElement.append(host);
    const launcher = doc.createElement('unwrap-launcher');
    launcher.attachShadow({ mode: 'open' }).innerHTML = '<button>Read clean</button>';
    doc.body.append(launcher);
    const r = extractArticle(doc, URL, { window: dom.window as unknown as Window & typeof globalThis });
    expect(r.kind).toBe('article');
    if (r.kind === 'article') {
      expect(r.article.textContent).toContain('about the page');
      expect(r.article.textContent).not.toContain('about the overlay');
      expect(r.article.textContent).not.toContain('Read clean');
    }
  });
});
