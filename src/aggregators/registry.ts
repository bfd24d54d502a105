/**
 * The adapter for each registered aggregator (`AGGREGATOR_IDS` in `detectors.ts` is the one list; this map is keyed by
 * it, so an id without an adapter does not compile). Adding an aggregator: one file in this folder exporting
 * `<id>Detector` and `<id>` (the adapter), its id in `AGGREGATOR_IDS`, one entry here and in the detector map, and a
 * fixture folder `tests/fixtures/aggregators/<id>/` (a meta-test checks them).
 */
import type { AggregatorAdapter } from './adapter';
import { applenews } from './applenews';
import { AGGREGATOR_IDS, detectAggregator, type AggregatorId } from './detectors';
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

const ADAPTER_BY_ID: { readonly [K in AggregatorId]: AggregatorAdapter } = {
  inkl, msn, yahoo, flipboard, newsbreak, groundnews, smartnews, pressreader, googlenews, applenews, newsnow, medium, substack,
};

/** Every adapter, in registry order. */
export const ADAPTERS: readonly AggregatorAdapter[] = AGGREGATOR_IDS.map((id) => ADAPTER_BY_ID[id]);

/** The adapter for a page: the same decision as the content script's `detectAggregator`, with the full adapter. */
export function findAdapter(doc: Document, url: string): AggregatorAdapter | null {
  const d = detectAggregator(doc, url);
  return d ? ADAPTER_BY_ID[d.id as AggregatorId] ?? null : null;
}
