/**
 * Every aggregator detector, in detection order: host-specific aggregators first, then platforms recognised by a
 * fingerprint on any domain. This module (and what it imports) ships in the static content script: detectors only,
 * no adapters, no Readability; keep every fingerprint cheap.
 */
import type { AggregatorDetector } from './adapter';
import { applenewsDetector } from './applenews';
import { flipboardDetector } from './flipboard';
import { googlenewsDetector } from './googlenews';
import { groundnewsDetector } from './groundnews';
import { inklDetector } from './inkl';
import { mediumDetector } from './medium';
import { msnDetector } from './msn';
import { newsbreakDetector } from './newsbreak';
import { newsnowDetector } from './newsnow';
import { pressreaderDetector } from './pressreader';
import { smartnewsDetector } from './smartnews';
import { substackDetector } from './substack';
import { yahooDetector } from './yahoo';

export const DETECTORS: readonly AggregatorDetector[] = [
  inklDetector,
  msnDetector,
  yahooDetector,
  flipboardDetector,
  newsbreakDetector,
  groundnewsDetector,
  smartnewsDetector,
  pressreaderDetector,
  googlenewsDetector,
  applenewsDetector,
  newsnowDetector,
  mediumDetector,
  substackDetector,
];

/**
 * The aggregator a page belongs to, or null. Host matches win over fingerprints: every detector's host test runs
 * before any fingerprint does, so a page on a known host never pays for a fingerprint.
 */
export function detectAggregator(doc: Document, url: string): AggregatorDetector | null {
  let host: string;
  let path: string;
  try {
    const u = new URL(url);
    host = u.hostname.toLowerCase();
    path = u.pathname;
  } catch {
    return null;
  }
  for (const d of DETECTORS) {
    if (d.hosts.some((h) => host === h || host.endsWith(`.${h}`)) && (!d.path || d.path.test(path))) return d;
  }
  for (const d of DETECTORS) {
    if (d.fingerprint?.(doc)) return d;
  }
  return null;
}
