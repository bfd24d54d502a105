/**
 * The real inkl page's visible text (shared/seed/inkl-article.txt) in neutral markup: no class names, no publisher
 * links, on an unknown host. Only the text fingerprint, text rules and the generic detector can handle it, as on a
 * live page whose markup we have never seen.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index';
import { SHARED } from '../../../bench/lib/corpus';
import { loadDom, norm } from './fixture-cases';

const SEED = join(SHARED, 'seed', 'inkl-article.txt');
const URL_ = 'https://reader.example.org/news/emmanuel-macron-vows-to-boost-french-cooperation-with-kazakhstan';
const HEADLINE = 'Emmanuel Macron vows to boost French cooperation with Kazakhstan';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Rebuild a page from the text: short lines as divs, the headline as h1, long lines as paragraphs. */
function pageFrom(text: string): { html: string; body: string[]; chrome: string[] } {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const end = lines.findIndex((l) => l.startsWith('Agence France-Presse'));
  const chrome = lines.slice(end + 1);
  const body = lines.slice(0, end + 1).filter((l) => l.length > 120);
  const html = lines
    .map((l, i) => {
      if (l === HEADLINE) return `<h1>${esc(l)}</h1>`;
      if (l.startsWith('Angelique Chrisafis')) return '<div><a href="/authors/angelique-chrisafis">Angelique Chrisafis</a><span>in Paris and agencies</span></div>';
      if (i <= end && l.length > 120) return `<p>${esc(l)}</p>`;
      if (i === end) return `<p><em>${esc(l)}</em></p>`;
      return `<div>${esc(l)}</div>`;
    })
    .join('\n');
  return { html: `<!doctype html><html><head><title>${HEADLINE}</title></head><body><div>${html}</div></body></html>`, body, chrome };
}

describe.skipIf(!existsSync(SEED))('inkl seed text in neutral markup', () => {
  it('is detected, cleaned and attributed by text alone', () => {
    const { html, body, chrome } = pageFrom(readFileSync(SEED, 'utf8'));
    const dom = loadDom(html, URL_);
    const result = extractArticle(dom.window.document, URL_, { window: dom.window as unknown as Window & typeof globalThis });
    expect(result.kind).toBe('article');
    if (result.kind !== 'article') return;
    const a = result.article;
    expect(a.aggregator).toBe('inkl');
    expect(a.publisher).toBe('The Guardian - UK');
    expect(norm(a.title)).toBe(norm(HEADLINE));
    const shown = norm([a.title, a.byline ?? '', a.textContent].join('\n'));
    expect(body.filter((p) => !shown.includes(norm(p)))).toEqual([]);
    expect(shown).toContain(norm('Angelique Chrisafis in Paris and agencies'));
    expect(shown).toContain(norm('Agence France-Presse and Reuters contributed to this report'));
    const leaked = [...chrome, 'Get all your news in one place.', 'Start reading'].filter((c) => shown.includes(norm(c.replace(/\d+$/, ''))));
    expect(leaked).toEqual([]);
    expect(a.teaser).toBe(false);
  });
});
