/**
 * Every aggregator adapter, in the same order as `DETECTORS` (host-specific before fingerprint-only platforms).
 * Adding an aggregator: one file in this folder exporting `<id>Detector` and `<id>` (the adapter), one line here and
 * in `detectors.ts`, and a fixture folder `tests/fixtures/aggregators/<id>/` (a meta-test checks all three).
 */
import type { AggregatorAdapter } from './adapter';
import { applenews } from './applenews';
import { detectAggregator } from './detectors';
import { flipboard } from './flipboard';
import { googlenews } from './googlenews';
import { groundnews } from './groundnews';
import { inkl } from './inkl';
import { medium } from './medium';
import { msn } from './msn';
import { newsbreak } from './newsbreak';
import { newsnow } from './newsnow';
import { pressreader } from './pressreader';
import { smartnews } from './smartnews';
import { substack } from './substack';
import { yahoo } from './yahoo';

export const ADAPTERS: readonly AggregatorAdapter[] = [
  inkl,
  msn,
  yahoo,
  flipboard,
  newsbreak,
  groundnews,
  smartnews,
  pressreader,
  googlenews,
  applenews,
  newsnow,
  medium,
  substack,
];

const BY_ID = new Map(ADAPTERS.map((a) => [a.id, a]));

/** The adapter for a page: the same decision as the content script's `detectAggregator`, with the full adapter. */
export function findAdapter(doc: Document, url: string): AggregatorAdapter | null {
  const d = detectAggregator(doc, url);
  return d ? BY_ID.get(d.id) ?? null : null;
}
