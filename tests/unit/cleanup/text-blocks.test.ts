import { describe, expect, it } from 'vitest';
import { blockOf } from '../../../src/dom/inline';
import { linkDensity } from '../../../src/dom/links';
import { ProseMap } from '../../../src/dom/prose-map';
import { collapsedLength, countWords, normaliseText } from '../../../src/dom/text';
import { smallestBlocksMatching, smallestMatching, textLines } from '../../../src/dom/text-lines';
import { docOf, prose } from './dom';

describe('normaliseText', () => {
  it('collapses whitespace, NBSP and zero-width characters and folds curly quotes', () => {
    expect(normaliseText('  100\u2019s of\u00a0premium\n titles.\u200b ')).toBe("100's of premium titles.");
    expect(normaliseText('\u201cquoted\u201d')).toBe('"quoted"');
  });
});

describe('countWords', () => {
  it('counts spaced words and approximates CJK', () => {
    expect(countWords('one two  three')).toBe(3);
    expect(countWords('トレンドマイクロ')).toBe(4);
    expect(countWords('')).toBe(0);
  });
});

describe('ProseMap', () => {
  it('measures running prose per element, outside links, and knows its paragraphs', () => {
    const doc = docOf(`<div id="a">${prose(3)}</div><div id="b"><a href="/x">${'A long link text about nothing. '.repeat(5)}</a></div>`);
    const map = new ProseMap(doc.body);
    expect(map.share(doc.getElementById('a')!)).toBe(1);
    expect(map.of(doc.getElementById('b')!)).toBe(0);
    expect(map.isParagraph(doc.querySelector('p')!)).toBe(true);
    expect(map.isParagraph(doc.getElementById('a')!)).toBe(false);
  });
});

describe('linkDensity and blockOf', () => {
  it('measures link text against all text', () => {
    const doc = docOf(`<div id="d"><a href="/a">abcde</a>fghij</div>`);
    expect(linkDensity(doc.getElementById('d')!)).toBeCloseTo(0.5);
    expect(linkDensity(doc.querySelector('a')!)).toBe(1);
  });

  it('finds the paragraph an inline element belongs to', () => {
    const doc = docOf(`<p id="p">Text <em><a href="/">link</a></em></p>`);
    expect(blockOf(doc.querySelector('a')!)).toBe(doc.getElementById('p'));
  });
});

describe('smallestBlocksMatching', () => {
  it('returns the tightest element whose whole text matches', () => {
    const doc = docOf(`<section><div><h2>Related Stories</h2><a href="/a">A</a></div></section>`);
    const found = smallestBlocksMatching(doc, /^related stories$/i);
    expect(found.map((e) => e.tagName)).toEqual(['H2']);
  });

  it('matches text split across inline elements, and skips long containers', () => {
    const doc = docOf(`<p id="p"><span>Already a member?</span> <a href="/signin">Sign in here</a></p>${prose(5)}`);
    expect(smallestBlocksMatching(doc, /^already a member\? sign in here$/i).map((e) => e.id)).toEqual(['p']);
    expect(smallestBlocksMatching(doc, /council/i).every((e) => e.tagName === 'P')).toBe(true);
  });

  it('reuses one line index for many patterns', () => {
    const doc = docOf(`<div><p>Our Picks</p><p>Fourteen days free</p></div>`);
    const lines = textLines(doc.body);
    expect(smallestMatching(lines, /^our picks$/i)).toHaveLength(1);
    expect(smallestMatching(lines, /^fourteen days free$/i)).toHaveLength(1);
    expect(smallestMatching(lines, /^nothing$/i)).toHaveLength(0);
  });
});

describe('collapsedLength', () => {
  it('equals the length of the whitespace-collapsed, trimmed text', () => {
    const samples = ['', ' ', '  a  ', 'a\n\t b', '\u00a0x\u2003y\u3000', 'one two  three ', '\ufeffz\u200az', 'tab\there', 'ü ö\u202fä'];
    for (const s of samples) expect(collapsedLength(s), JSON.stringify(s)).toBe(s.replace(/\s+/g, ' ').trim().length);
  });
});
