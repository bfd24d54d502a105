/**
 * The library as the page sees it: read straight from storage (read-only), refreshed on every write.
 * First the recent head (the newest unread entries and the filter counts: the first screen), then the full index
 * once that screen is painted. `complete` says which one the page has.
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../messaging/client';
import type { ListFilter } from '../library/list-query';
import { readLibrary, snapshotOf, watchLibrary, type LibrarySnapshot } from '../library/read';
import type { IndexEntry } from '../library/schema';
import type { RecentHead } from '../library/recent-head';
import { takeIndexRead } from './index-prefetch';

export type LibraryLoad =
  | { readonly status: 'loading' }
  | {
    readonly status: 'ready';
    readonly entries: IndexEntry[];
    readonly damaged: number;
    /** false: `entries` are the head only (newest unread), `counts` the whole library's. */
    readonly complete: boolean;
    readonly counts?: Record<ListFilter, number>;
  }
  | { readonly status: 'error'; readonly message: string };

/** After the next paint: a frame, then a task (the frame's paint happens between the two). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return void setTimeout(resolve, 0);
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** The load state the recent head gives, before the whole index is read. */
export function headLoad(head: RecentHead | null): LibraryLoad {
  return head ? { status: 'ready', entries: head.entries, damaged: 0, complete: false, counts: head.counts } : { status: 'loading' };
}

/**
 * `head`: the recent head, read before the first render (main.tsx), so the very first paint has the first rows;
 * the whole index is read once that paint is done.
 */
export function useLibrary(head: RecentHead | null): LibraryLoad {
  const [load, setLoad] = useState<LibraryLoad>(() => headLoad(head));
  useEffect(() => {
    let live = true;
    let changed = false; // a write seen by the watcher is newer than what the first reads may still return
    const apply = (s: LibrarySnapshot) => {
      if (live && !s.needsMigration) setLoad({ status: 'ready', entries: s.entries, damaged: s.damaged, complete: true });
    };
    const unwatch = watchLibrary((s) => {
      changed = true;
      apply(s);
    });
    (async () => {
      if (head) await afterPaint();
      const { raw, meta } = await takeIndexRead();
      performance.mark('unwrap:popup:index-read');
      let snap = await snapshotOf(raw, meta);
      performance.mark('unwrap:popup:index-parsed');
      if (snap.needsMigration) {
        await send('libraryStatus', {}); // the background migrates the stored index before answering
        snap = await readLibrary();
      }
      if (!changed) apply(snap);
    })().catch((err: unknown) => {
      console.error('Unwrap: library not loaded', err);
      if (live) setLoad({ status: 'error', message: err instanceof Error ? err.message : String(err) });
    });
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return load;
}
