/**
 * Hooks for the benchmark (`npm run bench`) and the end-to-end tests; read-only, on Unwrap's own page only.
 *   performance mark `unwrap:popup:rendered`       first render with the list (time since navigation start)
 *   performance mark `unwrap:popup:fulltext-ready` the full-text shards are loaded
 *   performance mark `unwrap:popup:index-read-start` the index read began (index-prefetch.ts, as the script starts)
 *   performance marks `unwrap:popup:index-read` / `unwrap:popup:index-parsed`  storage read / validation done
 *   performance measure `unwrap:popup:search`      per keystroke in the search box: input → list updated in the DOM
 *                                                   (detail: { query, count })
 * and, in test builds only (UNWRAP_TEST_BUILD=1, `npm run build:test`):
 *   window.__unwrapTestBench.search(query)          runs the list search exactly as typing does → { count, ms }
 *   window.__unwrapTestBench.count()                items in the library as loaded
 *   window.__unwrapTestBench.fullTextReady()        whether the full-text shards are loaded
 */
export interface BenchApi {
  search(query: string): { count: number; ms: number };
  count(): number;
  fullTextReady(): boolean;
}

let rendered = false;

export function markRendered(): void {
  if (rendered) return;
  rendered = true;
  performance.mark('unwrap:popup:rendered');
}

export function exposeBench(api: BenchApi): void {
  if (__UNWRAP_TEST__) (globalThis as { __unwrapTestBench?: BenchApi }).__unwrapTestBench = api;
}
