/**
 * Full-text search for the page: the persisted shards are loaded after the first render (never blocking it) and
 * again when the background rewrites them. Until then, and for items the shards miss, search uses metadata.
 * When shards miss items, the background is asked once to rebuild them.
 */
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SEARCH_PREFIX } from '../library/keys';
import { readFullTextIndex } from '../library/read';
import type { IndexEntry } from '../library/schema';
import type { FullTextIndex } from '../library/search';
import { send } from '../messaging/client';

export function useFullText(entries: readonly IndexEntry[] | null): FullTextIndex | null {
  const [index, setIndex] = useState<FullTextIndex | null>(null);
  const [generation, reload] = useReducer((n: number) => n + 1, 0);
  const asked = useRef(false);
  const latest = useRef(entries);
  latest.current = entries;
  const ready = entries !== null;

  useEffect(() => {
    if (!ready) return;
    let live = true;
    const timer = setTimeout(() => {
      readFullTextIndex().then((idx) => {
        if (!live) return;
        setIndex(idx);
        performance.mark('unwrap:popup:fulltext-ready');
        const missing = (latest.current ?? []).some((e) => !idx.covers(e.id));
        if (missing && !asked.current) {
          asked.current = true;
          send('rebuildSearch', {}).catch((err: unknown) => console.warn('Unwrap: search index not rebuilt', err));
        }
      }, (err: unknown) => console.warn('Unwrap: full-text search unavailable; searching titles, sites and tags only', err));
    }, generation === 0 ? 30 : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ready, generation]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !Object.keys(changes).some((k) => k.startsWith(SEARCH_PREFIX))) return;
      clearTimeout(timer);
      timer = setTimeout(reload, 600);
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      clearTimeout(timer);
      browser.storage.onChanged.removeListener(listener);
    };
  }, []);
  return index;
}
