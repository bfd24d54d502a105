/**
 * What one text has that another lacks, as runs: the stretches of `a` whose word n-grams (counted as a multiset)
 * are not in `b`, merged back into spans of `a`'s own text. Diagnostics for the benches ("what was dropped",
 * "what was added"); the scores themselves come from the metrics.
 */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

export interface TextRun {
  /** The run as it reads in `a` (original case and punctuation). */
  readonly text: string;
  /** The run's tokens (as compared: lower-cased when `lowerCase`). */
  readonly tokens: readonly string[];
}

interface Tok {
  readonly t: string;
  readonly from: number;
  readonly to: number;
}

function tokensWithOffsets(text: string, lowerCase: boolean): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(TOKEN_RE)) out.push({ t: lowerCase ? m[0].toLowerCase() : m[0], from: m.index, to: m.index + m[0].length });
  return out;
}

const key = (ts: readonly Tok[], i: number, n: number) => ts.slice(i, i + n).map((x) => x.t).join('\u0001');

export function runsMissing(a: string, b: string, opts: { n?: number; lowerCase?: boolean } = {}): TextRun[] {
  const n = opts.n ?? 4;
  const lower = opts.lowerCase ?? false;
  const at = tokensWithOffsets(a, lower);
  const bt = tokensWithOffsets(b, lower);
  const have = new Map<string, number>();
  for (let i = 0; i < Math.max(1, bt.length - n + 1) && bt.length; i++) {
    const k = key(bt, i, n);
    have.set(k, (have.get(k) ?? 0) + 1);
  }
  const runs: TextRun[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const from = run[0]!;
    const to = Math.min(at.length, run[run.length - 1]! + n);
    runs.push({ text: a.slice(at[from]!.from, at[to - 1]!.to), tokens: at.slice(from, to).map((x) => x.t) });
    run = [];
  };
  const last = at.length ? Math.max(1, at.length - n + 1) : 0;
  for (let i = 0; i < last; i++) {
    const k = key(at, i, n);
    const c = have.get(k) ?? 0;
    if (c > 0) {
      have.set(k, c - 1);
      flush();
    } else {
      run.push(i);
    }
  }
  flush();
  return runs;
}

/** The run with the most tokens (the first of equals), or null. */
export function largestRun(runs: readonly TextRun[]): TextRun | null {
  let best: TextRun | null = null;
  for (const r of runs) if (!best || r.tokens.length > best.tokens.length) best = r;
  return best;
}
