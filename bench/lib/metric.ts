/**
 * A TypeScript port of scrapinghub/article-extraction-benchmark's `evaluate.py` (see shared/docs/benchmarks.md §2).
 *
 *   tokens   = Python `re.findall(r'\w+', text)` (Unicode)  →  /[\p{L}\p{N}_]+/gu
 *   shingles = word 4-grams as a multiset; 1–3 tokens give one shorter shingle, no tokens give none
 *   per doc  = TP/FP/FN over the multisets, normalised by their sum
 *   P, R     = means over documents with TP+FP > 0 (resp. TP+FN > 0); F1 = 2PR/(P+R) of the means
 *   accuracy = share of documents whose token list equals the truth's
 *   ±        = sample standard deviation over bootstrap resamples of documents
 */

import { runsMissing } from './text-runs';

const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string | null | undefined): string[] {
  return (text ?? '').match(TOKEN_RE) ?? [];
}

/** Word n-grams as joined keys (a separator no token can contain), counted as a multiset. */
export function shingles(tokens: readonly string[], n = 4): Map<string, number> {
  const out = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const s = tokens.slice(i, i + n);
    if (s.length === 0) continue;
    const key = s.join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface DocScore {
  /** Normalised so that tp + fp + fn = 1 (when any is non-zero). */
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** Token lists identical. */
  readonly exact: boolean;
}

export function scoreDoc(truth: string, pred: string, n = 4): DocScore {
  const tt = tokenize(truth);
  const pt = tokenize(pred);
  const ts = shingles(tt, n);
  const ps = shingles(pt, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, tc] of ts) {
    const pc = ps.get(k) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [k, pc] of ps) {
    const tc = ts.get(k) ?? 0;
    fp += Math.max(0, pc - tc);
  }
  const s = tp + fp + fn;
  const exact = tt.length === pt.length && tt.every((t, i) => t === pt[i]);
  return s > 0 ? { tp: tp / s, fp: fp / s, fn: fn / s, exact } : { tp, fp, fn, exact };
}

export function precisionScore({ tp, fp, fn }: DocScore): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallScore({ tp, fp, fn }: DocScore): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

export interface Metrics {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  readonly accuracy: number;
}

const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

/** Sample standard deviation (Python's `statistics.stdev`). */
export function stdev(xs: readonly number[]): number {
  if (xs.length < 2) return Number.NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

export function aggregate(docs: readonly DocScore[]): Metrics {
  const precision = mean(docs.filter((d) => d.tp + d.fp > 0).map(precisionScore));
  const recall = mean(docs.filter((d) => d.tp + d.fn > 0).map(recallScore));
  const f1 = (2 * precision * recall) / (precision + recall);
  const accuracy = mean(docs.map((d) => (d.exact ? 1 : 0)));
  return { f1, precision, recall, accuracy };
}

export type Rng = () => number;

/** A small seedable PRNG (mulberry32). The reference is unseeded; a seed only makes our reports reproducible. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resample(n: number, rng: Rng): number[] {
  const idx = new Array<number>(n);
  for (let i = 0; i < n; i++) idx[i] = Math.floor(rng() * n);
  return idx;
}

export type MetricsStd = { readonly [K in keyof Metrics as `${K}_std`]: number };

export interface Evaluation extends Metrics, MetricsStd {
  readonly docs: readonly DocScore[];
}

export function evaluate(docs: readonly DocScore[], nBootstrap = 1000, rng: Rng = Math.random): Evaluation {
  const point = aggregate(docs);
  const samples: Record<keyof Metrics, number[]> = { f1: [], precision: [], recall: [], accuracy: [] };
  for (let b = 0; b < nBootstrap; b++) {
    const m = aggregate(resample(docs.length, rng).map((i) => docs[i]!));
    for (const k of Object.keys(samples) as (keyof Metrics)[]) samples[k].push(m[k]);
  }
  return {
    ...point,
    f1_std: stdev(samples.f1),
    precision_std: stdev(samples.precision),
    recall_std: stdev(samples.recall),
    accuracy_std: stdev(samples.accuracy),
    docs,
  };
}

export interface Difference {
  readonly mean: number;
  readonly std: number;
}

/** Paired bootstrap of `a − b` (`evaluate.py --bootstrap-differences`): the same resampled documents for both. */
export function pairedDifference(
  a: readonly DocScore[], b: readonly DocScore[], nBootstrap = 1000, rng: Rng = Math.random,
): Record<keyof Metrics, Difference> {
  if (a.length !== b.length) throw new Error('paired bootstrap needs the same documents');
  const diffs: Record<keyof Metrics, number[]> = { f1: [], precision: [], recall: [], accuracy: [] };
  for (let i = 0; i < nBootstrap; i++) {
    const idx = resample(a.length, rng);
    const ma = aggregate(idx.map((j) => a[j]!));
    const mb = aggregate(idx.map((j) => b[j]!));
    for (const k of Object.keys(diffs) as (keyof Metrics)[]) diffs[k].push(ma[k] - mb[k]);
  }
  const out = {} as Record<keyof Metrics, Difference>;
  for (const k of Object.keys(diffs) as (keyof Metrics)[]) out[k] = { mean: mean(diffs[k]), std: stdev(diffs[k]) };
  return out;
}

/** Shingles of `truth` that `pred` lacks (multiset difference), in truth order, merged back into runs of tokens. */
export function missingRuns(truth: string, pred: string, n = 4): string[] {
  return runsMissing(truth, pred, { n }).map((r) => r.tokens.join(' '));
}

/** Shingles of `pred` not in `truth`: the extra text, as runs. */
export function extraRuns(truth: string, pred: string, n = 4): string[] {
  return missingRuns(pred, truth, n);
}
