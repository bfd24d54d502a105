/** Unwrap JSON: complete and versioned (every entry field, the article body, the quarantine). Lossless round trip. */
import type { QuarantineEntry } from '../schema';
import type { ExportItem } from './types';

export const UNWRAP_JSON_FORMAT = 'unwrap-library';
export const UNWRAP_JSON_VERSION = 1;

export interface UnwrapJsonV1 {
  format: typeof UNWRAP_JSON_FORMAT;
  version: typeof UNWRAP_JSON_VERSION;
  exportedAt: string;
  items: ExportItem[];
  /** Damaged entries found in storage, exported as they are so nothing is lost. */
  quarantine: QuarantineEntry[];
}

export function toUnwrapJson(items: readonly ExportItem[], quarantine: readonly QuarantineEntry[], now: number): string {
  const doc: UnwrapJsonV1 = {
    format: UNWRAP_JSON_FORMAT,
    version: UNWRAP_JSON_VERSION,
    exportedAt: new Date(now).toISOString(),
    items: [...items],
    quarantine: [...quarantine],
  };
  return JSON.stringify(doc, null, 1);
}
