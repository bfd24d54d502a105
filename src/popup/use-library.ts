/** The library as the page sees it: read straight from storage (read-only), refreshed on every write. */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../messaging/client';
import { readIndexRaw, readLibrary, snapshotOf, watchLibrary, type LibrarySnapshot } from '../library/read';
import type { IndexEntry } from '../library/schema';

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
      const { raw, meta } = await readIndexRaw();
      performance.mark('unwrap:popup:index-read');
      let snap = snapshotOf(raw, meta);
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
