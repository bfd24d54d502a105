/** The library as the page sees it: read straight from storage (read-only), refreshed on every write. */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../messaging/client';
import { readLibrary, snapshotOf, watchLibrary, type LibrarySnapshot } from '../library/read';
import type { IndexEntry } from '../library/schema';
import { takeIndexRead } from './index-prefetch';

export type LibraryLoad =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly entries: IndexEntry[]; readonly damaged: number }
  | { readonly status: 'error'; readonly message: string };

export function useLibrary(): LibraryLoad {
  const [load, setLoad] = useState<LibraryLoad>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    let changed = false; // a write seen by the watcher is newer than what the first read may still return
    const apply = (s: LibrarySnapshot) => {
      if (live && !s.needsMigration) setLoad({ status: 'ready', entries: s.entries, damaged: s.damaged });
    };
    const unwatch = watchLibrary((s) => {
      changed = true;
      apply(s);
    });
    (async () => {
      // Started when the page's script began running (index-prefetch.ts), usually well before this effect.
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
