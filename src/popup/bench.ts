/**
 * Hooks for the benchmark (`npm run bench`) and the end-to-end tests; read-only, on Unwrap's own page only.
 *   performance mark `unwrap:popup:rendered`       first render with the library loaded (head or index)
 *   performance mark `unwrap:popup:rows-painted`   the first rows are on screen: a frame after they entered the DOM
 *                                                   (the first row's title also carries `elementtiming`, so the
 *                                                   Element Timing API gives the paint time where it exists)
 *   performance mark `unwrap:popup:head-read`      the recent head was read and shown (recent-head.ts)
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
let painted = false;

export function markRowsPainted(): void {
  if (painted) return;
  painted = true;
  requestAnimationFrame(() => setTimeout(() => performance.mark('unwrap:popup:rows-painted'), 0));
}

export function markRendered(): void {
  if (rendered) return;
  rendered = true;
  performance.mark('unwrap:popup:rendered');
}

export function exposeBench(api: BenchApi): void {
  if (__UNWRAP_TEST__) (globalThis as { __unwrapTestBench?: BenchApi }).__unwrapTestBench = api;
}
