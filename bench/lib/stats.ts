/** Order statistics for timings. */
export function quantile(xs: readonly number[], q: number): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);
export const p95 = (xs: readonly number[]): number => quantile(xs, 0.95);

export interface Summary {
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

export function summarize(xs: readonly number[]): Summary {
  const f = xs.filter((x) => Number.isFinite(x));
  return {
    median: round(median(f)),
    p95: round(p95(f)),
    min: round(f.length ? Math.min(...f) : Number.NaN),
    max: round(f.length ? Math.max(...f) : Number.NaN),
    n: f.length,
  };
}

export function round(x: number, digits = 3): number {
  if (!Number.isFinite(x)) return x;
  const m = 10 ** digits;
  return Math.round(x * m) / m;
}
