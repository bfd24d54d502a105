// @vitest-environment node
// The lead image's caption and credit when the hero figure sits outside the body; the repeated byline/date line.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractArticle } from '../../../src/extract';
import { findLeadFigure, restoreLeadCaption } from '../../../src/extract/lead-figure';
import { dropRepeatedHeader } from '../../../src/extract/dedupe-header';
import { dom, para } from './helpers';

const hero = readFileSync('tests/e2e/pages/hero.html', 'utf8');

describe('lead-figure', () => {
  it('keeps the caption and credit of a hero figure above the headline, outside the body', () => {
    const { doc, win, url } = dom(hero, 'https://courier.example/news/flood');
    const r = extractArticle(doc, url, { window: win });
    expect(r.kind).toBe('article');
    if (r.kind !== 'article') return;
    expect(r.article.leadFigure).toEqual({
      src: 'https://courier.example/img/river-hero-1200.jpg',
      alt: 'The river at the old stone bridge at dawn',
      caption: 'Water stands a metre below the top of the new wall at the old stone bridge.',
      credit: 'Photograph: Ann Lee/Valley Courier',
    });
    expect(r.article.content).not.toContain('river-hero-1200'); // the body does not hold the hero: the reader shows it
  });

  it('splits a credit written into the caption text, and finds the figure by the page lead image', () => {
    const { doc, url } = dom(`<html><head><meta property="og:image" content="https://cdn.example/a/b/pic.jpg?w=1200"></head><body>
      <figure><img src="/other.jpg"><figcaption>Another picture</figcaption></figure>
      <figure><img srcset="https://cdn.example/a/b/pic.jpg?w=600 600w, https://cdn.example/a/b/pic.jpg?w=1200 1200w" alt=""><figcaption>Crowds on the quay. Foto: Jan Berg</figcaption></figure>
      ${para(3)}</body></html>`);
    const f = findLeadFigure(doc, url, 'https://cdn.example/a/b/pic.jpg?w=1200');
    expect(f).toMatchObject({ src: 'https://cdn.example/a/b/pic.jpg?w=1200', caption: 'Crowds on the quay.', credit: 'Foto: Jan Berg' });
  });

  it('reads microdata credits and ignores figures after the first paragraph when there is no lead image', () => {
    const { doc, url } = dom(`<body><p>${'word '.repeat(30)}</p><figure><img src="/late.jpg"><figcaption>Late</figcaption></figure></body>`);
    expect(findLeadFigure(doc, url, null)).toBeNull();
    const d2 = dom(`<body><figure><img src="/x.jpg" alt="x"><figcaption>The harbour <span itemprop="copyrightHolder">© Port Archive</span></figcaption></figure>${para(2)}</body>`);
    expect(findLeadFigure(d2.doc, d2.url, null)).toMatchObject({ caption: 'The harbour', credit: '© Port Archive' });
  });

  it('puts the caption back under the lead image when the body kept the image without it', () => {
    const { doc } = dom('<div id="b"><p><img src="https://x.example/i/hero.jpg" alt=""></p><p>Text</p></div>');
    const body = doc.getElementById('b')!;
    restoreLeadCaption(body, { src: 'https://x.example/i/hero.jpg', alt: 'A hero', caption: 'The caption.', credit: 'Photo: Ann' });
    expect(body.querySelector('figure > figcaption')?.textContent).toBe('The caption. Photo: Ann');
    expect(body.querySelector('figure img')?.getAttribute('alt')).toBe('A hero');
  });
});

describe('dedupe-header: the byline/date line', () => {
  const run = (html: string, byline: string | null, published: string | null, lang: string | null = 'en') => {
    const { doc } = dom(`<div id="b">${html}<p>${'The body text goes on. '.repeat(10)}</p></div>`);
    const body = doc.getElementById('b')!;
    dropRepeatedHeader(body, 'A title', byline, published, lang);
    return Array.from(body.children).map((c) => c.textContent);
  };

  it('drops the repeated byline/date line of the hero page', () => {
    const { doc, win, url } = dom(hero, 'https://courier.example/news/flood');
    const r = extractArticle(doc, url, { window: win });
    if (r.kind !== 'article') throw new Error(r.kind);
    expect(r.article.byline).toBe('Staff reporter');
    expect(r.article.textContent).not.toContain('20 November 2025, 09:12');
    expect(r.article.textContent.startsWith('The river rose')).toBe(true);
  });

  it('drops byline + date, date + time and updated lines, in English and the page language', () => {
    expect(run('<p>Staff reporter · 20 November 2025, 09:12</p>', 'Staff reporter', '2025-11-20T09:12:00Z')).toHaveLength(1);
    expect(run('<p>By Ann Lee | Updated 14 Mar 2025 at 7:30 pm GMT</p>', 'Ann Lee', null)).toHaveLength(1);
    expect(run('<p>Thursday 20 November 2025 09.12 GMT</p>', null, '2025-11-20T09:12:00Z')).toHaveLength(1);
    expect(run('<p>Von Jana Roth, 20. November 2025, 09:12 Uhr</p>', 'Jana Roth', null, 'de')).toHaveLength(1);
  });

  it('keeps a date-only line when the article has no date of its own, and keeps prose that mentions dates', () => {
    expect(run('<p>20 November 2025</p>', null, null)).toHaveLength(2);
    expect(run('<p>On 20 November 2025 the river rose.</p>', null, '2025-11-20T09:12:00Z')).toHaveLength(2);
    expect(run('<p>Ann Lee reported 3 new cases</p>', 'Ann Lee', null)).toHaveLength(2);
  });
});
