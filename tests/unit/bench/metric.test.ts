/**
 * The bench's port of scrapinghub/article-extraction-benchmark's evaluate.py (bench/lib/metric.ts):
 * tokenisation, shingles, per-document P/R and the aggregate, on tiny strings whose answers are worked out by hand.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AEB, loadGroundTruth, loadPredictions } from '../../../bench/lib/corpus';
import {
  aggregate, evaluate, missingRuns, mulberry32, pairedDifference, precisionScore, recallScore, scoreDoc, shingles, stdev, tokenize,
} from '../../../bench/lib/metric';

describe('tokenize (Python re \\w+ in Unicode mode)', () => {
  it('keeps case, drops punctuation and whitespace, keeps underscores and digits', () => {
    expect(tokenize('Hello, world! It’s 2019_x.')).toEqual(['Hello', 'world', 'It', 's', '2019_x']);
  });
  it('treats non-ASCII letters and digits as word characters (JavaScript \\w would not)', () => {
    expect(tokenize('São Paulo — Мария, 서울 ٣')).toEqual(['São', 'Paulo', 'Мария', '서울', '٣']);
  });
  it('gives nothing for empty or missing text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(null)).toEqual([]);
    expect(tokenize(' ,.; ')).toEqual([]);
  });
});

describe('shingles', () => {
  it('builds word 4-grams as a multiset', () => {
    const s = shingles(tokenize('a b c d a b c d'));
    expect([...s.values()].reduce((a, b) => a + b, 0)).toBe(5); // 8 tokens → 5 shingles
    expect(s.get(['a', 'b', 'c', 'd'].join('\u0001'))).toBe(2);
  });
  it('makes one shorter shingle for 1–3 tokens, none for no tokens', () => {
    expect([...shingles(['x', 'y']).entries()]).toEqual([[['x', 'y'].join('\u0001'), 1]]);
    expect(shingles([]).size).toBe(0);
  });
});

describe('scoreDoc and per-document scores', () => {
  it('is perfect for identical token lists, whatever the punctuation', () => {
    const d = scoreDoc('One two three four five.', 'One, two; three four — five');
    expect(d).toEqual({ tp: 1, fp: 0, fn: 0, exact: true });
    expect(precisionScore(d)).toBe(1);
    expect(recallScore(d)).toBe(1);
  });
  it('counts extra and missing shingles, normalised by their sum', () => {
    // truth: a b c d e → [abcd, bcde]; pred: a b c d x → [abcd, bcdx]: TP 1, FP 1, FN 1 → 1/3 each
    const d = scoreDoc('a b c d e', 'a b c d x');
    expect(d.tp).toBeCloseTo(1 / 3);
    expect(d.fp).toBeCloseTo(1 / 3);
    expect(d.fn).toBeCloseTo(1 / 3);
    expect(precisionScore(d)).toBeCloseTo(0.5);
    expect(recallScore(d)).toBeCloseTo(0.5);
    expect(d.exact).toBe(false);
  });
  it('respects multiplicity', () => {
    // truth has abcd twice, pred once: TP 1, FN 1
    const d = scoreDoc('a b c d a b c d', 'a b c d');
    expect(precisionScore(d)).toBe(1);
    expect(recallScore(d)).toBeCloseTo(1 / 5); // truth: 5 shingles, 1 matched
  });
  it('handles the edge cases of evaluate.py', () => {
    const empty = scoreDoc('a b c d', '');
    expect(precisionScore(empty)).toBe(0); // TP = FP = 0
    expect(recallScore(empty)).toBe(0);
    const both = scoreDoc('', '');
    expect(both).toEqual({ tp: 0, fp: 0, fn: 0, exact: true });
    expect(precisionScore(both)).toBe(1); // FP = FN = 0
  });
});

describe('aggregate', () => {
  it('means P and R over documents that have them, then F1 of the means', () => {
    const docs = [scoreDoc('a b c d e', 'a b c d x'), scoreDoc('a b c d', 'a b c d'), scoreDoc('a b c d', '')];
    const m = aggregate(docs);
    // precision: docs with TP+FP > 0 are the first two → (0.5 + 1) / 2; recall: all three → (0.5 + 1 + 0) / 3
    expect(m.precision).toBeCloseTo(0.75);
    expect(m.recall).toBeCloseTo(0.5);
    expect(m.f1).toBeCloseTo((2 * 0.75 * 0.5) / 1.25);
    expect(m.accuracy).toBeCloseTo(1 / 3);
  });
  it('bootstraps a spread, and a paired difference of a system with itself is zero', () => {
    const docs = [scoreDoc('a b c d e', 'a b c d x'), scoreDoc('a b c d', 'a b c d'), scoreDoc('p q r s t', 'p q r s t u')];
    const e = evaluate(docs, 200, mulberry32(7));
    expect(e.f1_std).toBeGreaterThan(0);
    const d = pairedDifference(docs, docs, 50, mulberry32(7));
    expect(d.f1.mean).toBe(0);
    expect(d.f1.std).toBe(0);
    expect(stdev([1, 2, 3, 4])).toBeCloseTo(1.2909944); // sample std, as Python's statistics.stdev
  });
});

describe('missingRuns', () => {
  it('returns the truth text that the prediction lacks, merged into runs', () => {
    expect(missingRuns('one two three four five six seven eight', 'one two three four five')).toEqual(['three four five six seven eight']);
    expect(missingRuns('a b c d', 'a b c d')).toEqual([]);
  });
});

describe('against the published table (shared/corpora, when present)', () => {
  it.skipIf(!existsSync(join(AEB, 'output', 'readability_js.json')))('reproduces readability_js 0.6.0: F1 0.947, P 0.914, R 0.982, accuracy 0.166', () => {
    const gt = loadGroundTruth();
    const pred = loadPredictions('readability_js').bodies;
    const m = aggregate(Object.keys(gt).map((id) => scoreDoc(gt[id]!.articleBody, pred[id] ?? '')));
    expect(Object.keys(gt)).toHaveLength(181);
    expect(m.f1.toFixed(3)).toBe('0.947');
    expect(m.precision.toFixed(3)).toBe('0.914');
    expect(m.recall.toFixed(3)).toBe('0.982');
    expect(m.accuracy.toFixed(3)).toBe('0.166');
  });
});
