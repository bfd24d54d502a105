/**
 * WCXB's metric, exactly as upstream `evaluate.py` (Murrough-Foley/web-content-extraction-benchmark) computes it:
 *
 *   tokens   = Python `re.findall(r'\w+', text.lower())`  →  lower-case first, then /[\p{L}\p{N}_]+/gu
 *   per page = bag of words: overlap = Σ min(pred count, ref count) (multiset intersection);
 *              P = overlap / pred tokens, R = overlap / ref tokens, F1 = 2PR/(P+R) (0 when P+R = 0);
 *              no reference tokens → (1,1,1) when the prediction has none either, else (0,0,0);
 *              no predicted tokens (reference non-empty) → (0,0,0)
 *   snippets = share of snippets found as lower-cased substrings of the lower-cased prediction;
 *              a page with no snippets scores 1.0 (upstream, for `with` and `without` alike)
 *   report   = plain means over pages of P, R, F1 and both snippet rates (not F1 of the means)
 *   type     = `_internal.page_type.primary`, `category` read as `collection`
 *
 * `\w` equivalence (checked with Python 3.11 over every code point): Python's `\w` (isalnum() or `_`) is exactly
 * `[\p{L}\p{N}_]` except for code points that Python's Unicode 14 database leaves unassigned (Node's is newer);
 * on the 1,358 wcxb-dev references both tokenisers give identical token lists. Lower-casing comes first, as
 * upstream: "İ" lower-cases to "i" + U+0307 (a mark, not a word character), so it splits the word in both.
 */

const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

export function wcxbTokens(text: string | null | undefined): string[] {
  if (!text) return [];
  return text.toLowerCase().match(TOKEN_RE) ?? [];
}

export interface WordScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

function counts(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

export function wordScore(predicted: string | null | undefined, reference: string | null | undefined): WordScore {
  const pred = wcxbTokens(predicted);
  const ref = wcxbTokens(reference);
  if (ref.length === 0) return pred.length === 0 ? { precision: 1, recall: 1, f1: 1 } : { precision: 0, recall: 0, f1: 0 };
  if (pred.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const pc = counts(pred);
  const rc = counts(ref);
  let overlap = 0;
  for (const [t, n] of pc) overlap += Math.min(n, rc.get(t) ?? 0);
  const precision = overlap / pred.length;
  const recall = overlap / ref.length;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Share of snippets that occur in the text (lower-cased substring); 1.0 when there are no snippets (upstream). */
export function snippetRate(text: string | null | undefined, snippets: readonly string[]): number {
  if (snippets.length === 0) return 1;
  const lower = (text ?? '').toLowerCase();
  return snippets.filter((s) => lower.includes(s.toLowerCase())).length / snippets.length;
}

export const WCXB_TYPES = ['article', 'forum', 'product', 'collection', 'listing', 'documentation', 'service'] as const;
export type WcxbType = (typeof WCXB_TYPES)[number];

/** `_internal.page_type.primary` (or a bare string), `category` → `collection`, missing → `article` (upstream). */
export function pageTypeOf(groundTruthFile: { readonly _internal?: { readonly page_type?: unknown } | null }): string {
  const pt = groundTruthFile._internal?.page_type;
  let t = 'article';
  if (typeof pt === 'string') t = pt;
  else if (pt && typeof pt === 'object') {
    const primary = (pt as { primary?: unknown }).primary;
    if (typeof primary === 'string') t = primary;
  }
  return t === 'category' ? 'collection' : t;
}

export interface PageScore extends WordScore {
  readonly withRate: number;
  readonly withoutRate: number;
}

export function scorePage(predicted: string, ref: { readonly mainContent: string; readonly with: readonly string[]; readonly without: readonly string[] }): PageScore {
  return { ...wordScore(predicted, ref.mainContent), withRate: snippetRate(predicted, ref.with), withoutRate: snippetRate(predicted, ref.without) };
}

export interface MeanScore extends PageScore {
  readonly n: number;
}

/** Means over pages (upstream reports plain means of the per-page figures). */
export function meanScore(pages: readonly PageScore[]): MeanScore {
  const n = pages.length;
  const m = (k: keyof PageScore) => (n ? pages.reduce((a, p) => a + p[k], 0) / n : Number.NaN);
  return { n, precision: m('precision'), recall: m('recall'), f1: m('f1'), withRate: m('withRate'), withoutRate: m('withoutRate') };
}
