/**
 * The library page's first read of the stored index, started the moment the page's script runs (main.tsx imports
 * this module first, before the UI). Why: at 10,000 items the index is about 6 MB and the browser takes 100 ms
 * or more to hand it over; started from an effect, the read waited for the whole script, the first render and a
 * paint, and only then began. Started here, it runs while the rest of the page loads.
 * A write to the index after the read started makes the early answer possibly stale: it is then thrown away and
 * the index read again (the page's own watcher, set up before it takes the read, sees later writes).
 */
import { browser } from 'wxt/browser';
import { INDEX_KEY } from '../library/keys';
import { readIndexRaw, type RawIndex } from '../library/read';

interface EarlyRead {
  readonly read: Promise<RawIndex>;
  stale: boolean;
  readonly stop: () => void;
}

let early: EarlyRead | null = start();

function start(): EarlyRead {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && INDEX_KEY in changes) state.stale = true;
  };
  // Listen before reading: a write the read does not see is then always seen here.
  browser.storage.onChanged.addListener(listener);
  performance.mark('unwrap:popup:index-read-start');
  const state: EarlyRead = { read: readIndexRaw(), stale: false, stop: () => browser.storage.onChanged.removeListener(listener) };
  state.read.catch(() => undefined); // a failure is reported by whoever takes the read, not as an unhandled rejection
  return state;
}

/** The stored index: the early read when nothing was written since it started, else a fresh read. */
export async function takeIndexRead(): Promise<RawIndex> {
  const e = early;
  early = null;
  if (!e) return readIndexRaw();
  try {
    const got = await e.read;
    if (!e.stale) return got;
  } finally {
    e.stop();
  }
  return readIndexRaw();
}
