/** The library as the page sees it: read straight from storage (read-only), refreshed on every write. */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../messaging/client';
import { readLibrary, watchLibrary, type LibrarySnapshot } from '../library/read';
import type { IndexEntry } from '../library/schema';

export type LibraryLoad =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly entries: IndexEntry[]; readonly damaged: number }
  | { readonly status: 'error'; readonly message: string };

export function useLibrary(): LibraryLoad {
  const [load, setLoad] = useState<LibraryLoad>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    let rev = -Infinity;
    const apply = (s: LibrarySnapshot) => {
      if (!live || s.needsMigration || s.rev < rev) return;
      rev = s.rev;
      setLoad({ status: 'ready', entries: s.entries, damaged: s.damaged });
    };
    const unwatch = watchLibrary(apply);
    (async () => {
      let snap = await readLibrary();
      if (snap.needsMigration) {
        await send('libraryStatus', {}); // the background migrates the stored index before answering
        snap = await readLibrary();
      }
      apply(snap);
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
