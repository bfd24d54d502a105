import { describe, expect, it } from 'vitest';
import { compileSimpleSelector, hasNativeSelectors, SelectorIndex, selectAll, splitSelectorList } from '../../../src/dom/selector';
import { allElements } from '../../../src/dom/walk';
import { docOf } from './dom';

const doc = docOf(`
  <div id="smartbanner" class="a b"><span class="articlePage_continueReadingButton-DS-EntryPoint1-1">x</span></div>
  <a href="https://aka.ms/InstaInstaContent?x=1" data-t='{"n":"openInStartApp"}'>y</a>
  <section class="Promo_band__Xw1sQ" role="dialog"><p class="caas-readmore caas-readmore-collapse">z</p></section>`);

describe('simple selectors', () => {
  it('matches tags, ids, classes and attribute operators like the DOM does', () => {
    const selectors = [
      '#smartbanner', '.a.b', 'div.a', '[class*="continueReadingButton"]', 'a[href^="https://aka.ms/InstaInstaContent"]',
      '[data-t*="openInStartApp"]', '[class^="Promo_"]', '[role="dialog"]', '[class*="PROMO" i]', 'p.caas-readmore',
      '[class$="collapse"]', '[class~="caas-readmore"]', 'section, span',
    ];
    for (const sel of selectors) {
      const test = compileSimpleSelector(sel);
      expect(test, sel).not.toBeNull();
      expect(allElements(doc.body).filter(test!), sel).toEqual(Array.from(doc.body.querySelectorAll(sel)));
    }
  });

  it('declines combinators and pseudo-classes (the caller falls back to querySelectorAll)', () => {
    expect(compileSimpleSelector('div > p')).toBeNull();
    expect(compileSimpleSelector('.a p')).toBeNull();
    expect(compileSimpleSelector('p:first-child')).toBeNull();
    expect(selectAll(doc.body, 'section > p').map((e) => e.tagName)).toEqual(['P']);
  });

  it('splits lists on top-level commas only', () => {
    expect(splitSelectorList('a, [data-x="1,2"], b')).toEqual(['a', '[data-x="1,2"]', 'b']);
  });

  it('tests many lists in one pass', () => {
    const index = new SelectorIndex(['#smartbanner', '.caas-readmore, span', 'section > p', 'nav']);
    const [a, b, c, d] = index.match(doc.body, allElements(doc.body));
    expect(a!.map((e) => e.id)).toEqual(['smartbanner']);
    expect(b!.map((e) => e.tagName)).toEqual(['SPAN', 'P']);
    expect(c!.map((e) => e.tagName)).toEqual(['P']);
    expect(d).toEqual([]);
  });
});

describe('selector engine choice', () => {
  it('uses the simple matcher in a JavaScript DOM (jsdom): its own querySelectorAll is not native code', () => {
    expect(hasNativeSelectors(doc.body)).toBe(false);
  });
});
