/**
 * The aggregator registry: `AGGREGATOR_IDS` is the one ordered list (host-specific aggregators first, then platforms
 * recognised by a fingerprint on any domain). Each id has a detector here and an adapter in `registry.ts`, both keyed
 * by id so the compiler refuses an id without either. This module (and what it imports) ships in the static content
 * script: detectors only, no adapters, no Readability; keep every fingerprint cheap.
 */
import { hostMatches, type AggregatorDetector } from './adapter';
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

export const AGGREGATOR_IDS = [
  'inkl', 'msn', 'yahoo', 'flipboard', 'newsbreak', 'groundnews', 'smartnews', 'pressreader', 'googlenews', 'applenews',
  'newsnow', 'medium', 'substack',
] as const;

export type AggregatorId = (typeof AGGREGATOR_IDS)[number];

const DETECTOR_BY_ID: { readonly [K in AggregatorId]: AggregatorDetector } = {
  inkl: inklDetector,
  msn: msnDetector,
  yahoo: yahooDetector,
  flipboard: flipboardDetector,
  newsbreak: newsbreakDetector,
  groundnews: groundnewsDetector,
  smartnews: smartnewsDetector,
  pressreader: pressreaderDetector,
  googlenews: googlenewsDetector,
  applenews: applenewsDetector,
  newsnow: newsnowDetector,
  medium: mediumDetector,
  substack: substackDetector,
};

export const DETECTORS: readonly AggregatorDetector[] = AGGREGATOR_IDS.map((id) => DETECTOR_BY_ID[id]);

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
    if (d.hosts.some((h) => hostMatches(host, h)) && (!d.path || d.path.test(path))) return d;
  }
  for (const d of DETECTORS) {
    if (d.fingerprint?.(doc)) return d;
  }
  return null;
}
