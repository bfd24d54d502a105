/**
 * Every aggregator adapter, in detection order (host-specific before fingerprint-only platforms).
 * Adding an aggregator: one file in this folder exporting `<id>Detector` and `<id>` (the adapter),
 * one line here and in `detectors.ts`, and a fixture folder `tests/fixtures/aggregators/<id>/`.
 */
import type { AggregatorAdapter } from './adapter';
import { matchesDetector } from './adapter';

export const ADAPTERS: readonly AggregatorAdapter[] = [];

export function findAdapter(doc: Document, url: string): AggregatorAdapter | null {
  return ADAPTERS.find((a) => matchesDetector(a, doc, url)) ?? null;
}
