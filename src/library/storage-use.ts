/**
 * The library list's view of `storage-use` (bytes per saved article: text and kept images, written by the
 * background after each save; see offline-images.ts): read once, followed on change, shared by every row.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { STORAGE_USE_KEY } from './keys';
import { readStorageUse, type StorageUse } from './offline-images';

let cache: Record<string, StorageUse> | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function load(): Promise<void> {
  loading ??= readStorageUse(browser.storage.local).then(
    (all) => {
      cache = all;
      listeners.forEach((l) => l());
    },
    (err: unknown) => console.warn('Unwrap: storage use not read', err),
  );
  return loading;
}

let following = false;
function follow(): void {
  if (following) return;
  following = true;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(STORAGE_USE_KEY in changes)) return;
    cache = (changes[STORAGE_USE_KEY]!.newValue ?? {}) as Record<string, StorageUse>;
    listeners.forEach((l) => l());
  });
}

/** Bytes the article with `id` takes in storage, once known. */
export function useStorageUse(id: string): number | null {
  const [, redraw] = useState(0);
  useEffect(() => {
    const l = () => redraw((n) => n + 1);
    listeners.add(l);
    follow();
    void load();
    return () => void listeners.delete(l);
  }, []);
  const use = cache?.[id];
  return use ? use.text + use.images : null;
}
