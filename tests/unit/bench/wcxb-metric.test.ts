/**
 * The bench's port of WCXB's evaluate.py (bench/lib/wcxb-metric.ts): tokens, the bag-of-words score and its edge
 * cases, snippet rates (a page without snippets scores 1.0, as upstream), page types, means; plus the fixed split
 * and the dropped/added runs used by the wcxb section's diagnosis. Answers worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { meanScore, pageTypeOf, scorePage, snippetRate, wcxbTokens, wordScore } from '../../../bench/lib/wcxb-metric';
import { fnv1a32, halfOf } from '../../../bench/lib/split';
import { largestRun, runsMissing } from '../../../bench/lib/text-runs';

describe('wcxbTokens (Python re.findall(r"\\w+", text.lower()))', () => {
  it('lower-cases, keeps digits and underscores, drops punctuation', () => {
    expect(wcxbTokens('Hello, World! It’s 2025_v2.')).toEqual(['hello', 'world', 'it', 's', '2025_v2']);
  });
  it('treats Unicode letters and digits as word characters', () => {
    expect(wcxbTokens('São Paulo — МАРИЯ, 서울 ٣ 東京')).toEqual(['são', 'paulo', 'мария', '서울', '٣', '東京']);
  });
  it('splits on combining marks, as Python does (\\w excludes Mn/Mc)', () => {
    // "İ" lower-cases to "i" + U+0307 COMBINING DOT ABOVE, which is not a word character: Python gives ['i', 'stanbul'].
    expect(wcxbTokens('İstanbul')).toEqual(['i', 'stanbul']);
    // Devanagari vowel sign (Mc) splits the word in Python's \w too: 'हिंदी' → ['ह', 'द'].
    expect(wcxbTokens('हिंदी')).toEqual(['ह', 'द']);
  });
  it('gives nothing for empty, missing or punctuation-only text', () => {
    expect(wcxbTokens('')).toEqual([]);
    expect(wcxbTokens(null)).toEqual([]);
    expect(wcxbTokens(' .,;— ')).toEqual([]);
  });
});

describe('wordScore', () => {
  it('is perfect for the same bag of words, whatever the order, case and punctuation', () => {
    expect(wordScore('b, A c', 'a b C.')).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
  it('counts the multiset intersection', () => {
    // pred: a a a b (4), ref: a b b c (4); overlap = min(3,1) + min(1,2) = 2 → P = R = 0.5
    expect(wordScore('a a a b', 'a b b c')).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });
  it('computes P, R and F1 from overlap / lengths', () => {
    // pred: x y (2), ref: x y z w (4): overlap 2 → P 1, R 0.5, F1 2/3
    const s = wordScore('x y', 'x y z w');
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo(2 / 3, 12);
  });
  it('scores 1 when reference and prediction are both empty, 0 when only the reference is', () => {
    expect(wordScore('', '')).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(wordScore(' — ', '...')).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(wordScore('some text', '')).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
  it('scores 0 for an empty prediction of a non-empty reference', () => {
    expect(wordScore('', 'the article')).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
  it('gives F1 0 when there is no overlap at all', () => {
    expect(wordScore('alpha beta', 'gamma delta')).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('snippetRate', () => {
  it('finds snippets as lower-cased substrings of the lower-cased text', () => {
    expect(snippetRate('Sign In to continue. HOME', ['sign in', 'Home', 'Order now'])).toBeCloseTo(2 / 3, 12);
  });
  it('matches substrings, not words (as upstream)', () => {
    expect(snippetRate('Homepage', ['home'])).toBe(1);
  });
  it('scores a page with no snippets 1.0, for with and without alike (upstream)', () => {
    expect(snippetRate('anything', [])).toBe(1);
    expect(snippetRate('', [])).toBe(1);
  });
  it('scores 0 on an empty prediction with snippets', () => {
    expect(snippetRate('', ['a'])).toBe(0);
  });
});

describe('pageTypeOf', () => {
  it('reads _internal.page_type.primary, maps category to collection, defaults to article', () => {
    expect(pageTypeOf({ _internal: { page_type: { primary: 'forum' } } })).toBe('forum');
    expect(pageTypeOf({ _internal: { page_type: { primary: 'category' } } })).toBe('collection');
    expect(pageTypeOf({ _internal: { page_type: 'listing' } })).toBe('listing');
    expect(pageTypeOf({ _internal: null })).toBe('article');
    expect(pageTypeOf({})).toBe('article');
  });
});

describe('scorePage and meanScore', () => {
  it('means the per-page figures (not F1 of the means)', () => {
    const a = scorePage('a b', { mainContent: 'a b', with: ['a'], without: ['z'] }); // 1,1,1; with 1; without 0
    const b = scorePage('x y', { mainContent: 'x y z w', with: [], without: [] }); // P 1, R .5, F1 2/3; snippets 1, 1
    const m = meanScore([a, b]);
    expect(m.n).toBe(2);
    expect(m.precision).toBe(1);
    expect(m.recall).toBe(0.75);
    expect(m.f1).toBeCloseTo((1 + 2 / 3) / 2, 12);
    expect(m.withRate).toBe(1);
    expect(m.withoutRate).toBe(0.5);
  });
  it('is NaN over no pages', () => {
    expect(meanScore([]).f1).toBeNaN();
  });
});

describe('split by domain', () => {
  it('uses FNV-1a 32-bit (reference values)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
  it('puts every page of a domain in one half, whatever the case', () => {
    expect(halfOf('Example.COM')).toBe(halfOf('example.com'));
    expect(fnv1a32('example.com') % 2 === 0 ? 'tune' : 'validate').toBe(halfOf('example.com'));
  });
});

describe('runsMissing (dropped / added text)', () => {
  it('returns the reference stretches the prediction lacks, in the original text', () => {
    const ref = 'One two three four. Five six seven eight nine ten! Eleven twelve thirteen fourteen.';
    const pred = 'one two three four five six seven eight';
    const runs = runsMissing(ref, pred, { lowerCase: true });
    expect(runs.map((r) => r.text)).toEqual(['six seven eight nine ten! Eleven twelve thirteen fourteen']);
    expect(largestRun(runs)?.tokens.length).toBe(9);
  });
  it('finds nothing missing when the texts agree, and everything when the prediction is empty', () => {
    expect(runsMissing('a b c d e', 'A B C D E', { lowerCase: true })).toEqual([]);
    expect(runsMissing('a b c d e', '').map((r) => r.text)).toEqual(['a b c d e']);
    expect(runsMissing('', 'x')).toEqual([]);
    expect(largestRun([])).toBeNull();
  });
});
