/**
 * Timing marks for tests and benchmarks (`npm run bench -- speed`, footprint). A content script's marks land on
 * the page's own performance timeline, where any page can read them (`performance.getEntries()`) and so tell that
 * Unwrap is installed and when it runs: they exist in the test build only (`__UNWRAP_TEST__`; the production build
 * drops them, and scripts/check-release.mjs fails if one is left).
 */

/** `performance.mark('unwrap:<name>')`, test build only. */
export function testMark(name: string, detail?: number): void {
  if (__UNWRAP_TEST__) performance.mark(`unwrap:${name}`, detail === undefined ? undefined : { detail });
}

/** `performance.measure('unwrap:<name>')` from `start` (a `performance.now()` reading) to now, test build only. */
export function testMeasure(name: string, start: number): void {
  if (__UNWRAP_TEST__) performance.measure(`unwrap:${name}`, { start, end: performance.now() });
}
