import { describe, expect, it } from 'vitest';
import { defineAdapter, type AggregatorAdapter } from '../../../src/aggregators/adapter';
import { adapterStrippers } from '../../../src/extract/adapter-strippers';
import { findBodyRoot } from '../../../src/extract/body-root';
import { loadDom } from './fixture-cases';

const URL_ = 'https://agg.example.com/news/story';
const docOf = (body: string): Document => loadDom(`<!doctype html><html><body>${body}</body></html>`, URL_).window.document;
const para = (i: number): string =>
  `<p>Paragraph ${i}: the council met on Tuesday evening to discuss the budget for the coming year, which has been delayed twice since spring.</p>`;
const paras = (n: number): string => Array.from({ length: n }, (_, i) => para(i + 1)).join('');

const base = defineAdapter({ id: 'test', label: 'Test', hosts: ['agg.example.com'] }, {});
const withRules = (rest: Partial<AggregatorAdapter>): AggregatorAdapter => ({ ...base, ...rest });

function run(adapter: AggregatorAdapter, doc: Document): string[] {
  const found = adapterStrippers(adapter)[0]!.find(doc, { url: URL_ });
  const reasons: string[] = [];
  for (const { element, reason } of found) {
    if (!element.isConnected) continue;
    reasons.push(reason);
    element.remove();
  }
  return reasons;
}

describe('adapterStrippers', () => {
  it('removes by selector, with the aggregator and rule in the reason', () => {
    const doc = docOf(`<div class="promo">Get the app</div><article><h1>H</h1>${paras(5)}</article>`);
    expect(run(withRules({ strip: [{ selector: '.promo', reason: 'app' }] }), doc)).toEqual(['aggregator:test:app']);
    expect(doc.querySelector('.promo')).toBeNull();
  });

  it('removes the wrapper named by upTo, and only when it exists', () => {
    const doc = docOf(`<div class="modal-overlay"><section><div class="mobile-gate">Open the app</div></section></div>
      <div class="mobile-gate" id="bare">Open the app</div><article><h1>H</h1>${paras(5)}</article>`);
    run(withRules({ strip: [{ selector: '.mobile-gate', upTo: '.modal-overlay', reason: 'gate-modal' }] }), doc);
    expect(doc.querySelector('.modal-overlay')).toBeNull();
    expect(doc.getElementById('bare')).not.toBeNull();
  });

  it('keeps bullet lists that are not link lists when minLinkDensity is set', () => {
    const doc = docOf(`<article><h1>H</h1>${paras(4)}
      <ul class="caas-list" id="links"><li><a href="/a">A related story headline</a></li><li><a href="/b">Another one</a></li></ul>
      <ul class="caas-list" id="facts"><li>Fact one about the budget</li><li>Fact two about the <a href="/x">roads</a></li></ul></article>`);
    run(withRules({ strip: [{ selector: 'ul.caas-list', reason: 'related', minLinkDensity: 0.85 }] }), doc);
    expect(doc.getElementById('links')).toBeNull();
    expect(doc.getElementById('facts')).not.toBeNull();
  });

  it('never removes the article, even when a rule matches it', () => {
    const doc = docOf(`<div class="content"><h1>H</h1>${paras(6)}</div>`);
    expect(run(withRules({ strip: [{ selector: '.content', reason: 'oops' }] }), doc)).toEqual([]);
    expect(doc.querySelectorAll('p').length).toBe(6);
  });

  it('grows block-scoped text rules to their widget', () => {
    const doc = docOf(`<main><article><h1>H</h1>${paras(5)}</article>
      <section id="rail"><h2>Related Stories</h2><a href="/n/1">One</a><a href="/n/2">Two</a></section></main>`);
    run(withRules({ stripText: [{ pattern: /^related stories$/i, reason: 'rail', scope: 'block' }] }), doc);
    expect(doc.getElementById('rail')).toBeNull();
    expect(doc.querySelectorAll('p').length).toBe(5);
  });

  it('removes only the line for line-scoped text rules', () => {
    const doc = docOf(`<div id="box"><p>Start reading</p><p>Other text in the box</p></div><article><h1>H</h1>${paras(5)}</article>`);
    run(withRules({ stripText: [{ pattern: /^start reading$/i, reason: 'pitch' }] }), doc);
    expect(doc.getElementById('box')?.textContent?.trim()).toBe('Other text in the box');
  });
});

describe('findBodyRoot', () => {
  it('narrows to the article scope: rails and sidebars outside it go, headline and byline stay', () => {
    const doc = docOf(`<aside id="side">Sidebar</aside><div id="page"><div id="scope"><h1>Headline</h1>
      <div class="byline">By A. Writer</div><div class="body">${paras(6)}</div></div><div id="rail">More stories</div></div>`);
    const root = findBodyRoot(doc, withRules({ bodyRoot: ['.body'] }));
    expect(root?.className).toBe('body');
    expect(doc.getElementById('side')).toBeNull();
    expect(doc.getElementById('rail')).toBeNull();
    expect(doc.querySelector('h1')).not.toBeNull();
    expect(doc.querySelector('.byline')).not.toBeNull();
  });

  it('moves the lead figure between headline and body into the body', () => {
    const doc = docOf(`<article><h1>Headline</h1><figure id="lead"><img src="a.jpg" alt=""><figcaption>Caption</figcaption></figure>
      <div class="body">${paras(6)}</div></article>`);
    const root = findBodyRoot(doc, withRules({ bodyRoot: ['.body'] }))!;
    expect(root.firstElementChild?.id).toBe('lead');
  });

  it('finds the prose root without a bodyRoot and still adopts the lead figure', () => {
    const doc = docOf(`<div><h1>Headline</h1><figure id="lead"><img src="a.jpg" alt=""><figcaption>Caption</figcaption></figure>
      <div id="text">${paras(6)}</div><a href="/x"><figure><img src="card.jpg" alt=""></figure></a></div>`);
    const root = findBodyRoot(doc, base);
    expect(root?.id).toBe('text');
    expect(root?.firstElementChild?.id).toBe('lead');
  });

  it('does not narrow to a near-empty root', () => {
    const doc = docOf(`<div class="body">Short</div><article><h1>H</h1>${paras(5)}</article><aside id="side">x</aside>`);
    findBodyRoot(doc, withRules({ bodyRoot: ['.body'] }));
    expect(doc.getElementById('side')).not.toBeNull();
  });

  it('marks the adapter’s byline hint and spaces its parts', () => {
    const doc = docOf(`<article><div id="by"><a href="/authors/a">Angelique Chrisafis</a><span>in Paris</span></div><h1>H</h1>${paras(5)}</article>`);
    findBodyRoot(doc, withRules({ bylineHint: (d) => d.getElementById('by') }));
    const by = doc.getElementById('by')!;
    expect(by.className).toContain('byline');
    expect(by.textContent).toBe('Angelique Chrisafis in Paris');
  });
});
