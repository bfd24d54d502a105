/**
 * The stored library's versions and size limits, without zod: the library page's read path (read.ts,
 * entry-check.ts) needs them before its first render, and must not pay for loading the schemas (schema.ts
 * re-exports these, so both agree by construction). Pure.
 */
export const INDEX_VERSION = 2;
export const RECORD_VERSION = 1;

export const LIMITS = {
  url: 4096,
  title: 2000,
  shortText: 500,
  excerpt: 1000,
  tag: 64,
  tags: 50,
  content: 8_000_000,
  textContent: 4_000_000,
  removed: 2000,
} as const;
