/**
 * The library pages' first reads, started the moment the page's script runs (main.tsx imports this module first,
 * before the UI). First the recent head (recent-head.ts: a few KB, enough for the first screen), then — once the
 * first rows are painted (use-library.ts), or at once when there is no usable head — the full index (about 6 MB at
 * 10,000 items; the browser takes 100 ms or more to hand it over). Started here, the head read runs while the rest
 * of the page's script loads.
 * A write to the index after a read started makes its answer possibly stale: it is then thrown away (the head) or
 * read again (the index). The page's own watcher, set up before it takes a read, sees every later write.
 */
import { browser } from 'wxt/browser';
import { HEAD_KEY, INDEX_KEY, INDEX_META_KEY } from '../library/keys';
import { readIndexRaw, type RawIndex } from '../library/read';
import { unpackHead, type RecentHead } from '../library/recent-head';
import { INDEX_VERSION } from '../library/limits';

interface EarlyReads {
  readonly head: Promise<RecentHead | null>;
  index: Promise<RawIndex> | null;
  stale: boolean;
  readonly stop: () => void;
}

let early: EarlyReads | null = start();

function start(): EarlyReads {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && INDEX_KEY in changes) state.stale = true;
  };
  // Listen before reading: a write the read does not see is then always seen here.
  browser.storage.onChanged.addListener(listener);
  performance.mark('unwrap:popup:index-read-start');
  const head = browser.storage.local.get([HEAD_KEY, INDEX_META_KEY]).then((got) => {
    const meta = got[INDEX_META_KEY] as { v?: unknown } | undefined;
    const h = meta?.v === INDEX_VERSION ? unpackHead(got[HEAD_KEY]) : null;
    // No usable head: the first screen needs the full index, so read it now.
    if (!h && !state.index) state.index = readIndexRaw();
    return h;
  }, (err: unknown) => {
    console.warn('Unwrap: the library head could not be read; reading the whole index', err);
    return null;
  });
  const state: EarlyReads = { head, index: null, stale: false, stop: () => browser.storage.onChanged.removeListener(listener) };
  return state;
}

/** The recent head, or null (none, unusable, or the index was written since the read started). */
export async function takeHeadRead(): Promise<RecentHead | null> {
  const e = early;
  if (!e) return null;
  const head = await e.head;
  return e.stale ? null : head;
}

/** The stored index: the early read when nothing was written since it started, else a fresh read. */
export async function takeIndexRead(): Promise<RawIndex> {
  const e = early;
  early = null;
  if (!e) return readIndexRaw();
  try {
    await e.head;
    const read = e.index;
    if (read) {
      const got = await read;
      if (!e.stale) return got;
    }
  } finally {
    e.stop();
  }
  return readIndexRaw();
}
