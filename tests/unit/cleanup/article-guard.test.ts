import { describe, expect, it } from 'vitest';
import { shieldArticleParts, SHIELD_CLASS } from '../../../src/cleanup/article-guard';
import { docOf, prose } from './dom';

describe('shieldArticleParts', () => {
  it('shields a prose section Readability would drop for its id ("related-work")', () => {
    const doc = docOf(`<article><h1>Paper</h1><section id="intro">${prose(3)}</section>
      <section id="related-work"><h2>Related work</h2>${prose(2, 'r')}</section></article>`);
    const shielded = shieldArticleParts(doc);
    expect(shielded.map((e) => e.id)).toEqual(['related-work']);
    expect(doc.getElementById('related-work')!.classList.contains(SHIELD_CLASS)).toBe(true);
  });

  it('shields the article header that holds the byline', () => {
    const doc = docOf(`<article><header class="entry-header"><h1>Salad</h1><div>By <span class="author">Hannah Lowe</span></div></header>
      <div class="entry-content">${prose(5)}</div></article>`);
    expect(shieldArticleParts(doc).map((e) => e.tagName)).toEqual(['HEADER']);
  });

  it('leaves comments, sidebars, menus and link lists to Readability', () => {
    const doc = docOf(`<article><h1>Post</h1>${prose(5)}
      <section id="comments">${prose(3, 'c')}</section>
      <div class="sidebar">${prose(2, 's')}</div>
      <div class="related-links"><a href="/a">${'Another story headline here. '.repeat(10)}</a></div></article>`);
    expect(shieldArticleParts(doc)).toEqual([]);
  });

  it('does not shield a related-links box because it has its own h1, nor a rail of teasers with excerpts', () => {
    const teasers = Array.from({ length: 3 }, (_, i) =>
      `<div class="card"><a href="/s${i}">Story ${i}</a><p>${'An excerpt of another story that runs for a while. '.repeat(3)}</p></div>`).join('');
    const doc = docOf(`<h1>Hotel secrets</h1><div class="body">${prose(5)}
      <div class="inline-block-related-list"><h1 class="box-title">Read more</h1><ul><li><a href="/a">A story</a></li></ul></div>
      ${prose(3, 'b')}<div class="related-stories">${teasers}</div></div>`);
    expect(shieldArticleParts(doc)).toEqual([]);
  });

  it('does nothing on a page without prose', () => {
    expect(shieldArticleParts(docOf('<div class="related">Nothing to read</div>'))).toEqual([]);
  });
});
