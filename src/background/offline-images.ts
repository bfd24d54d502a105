/**
 * After a save: record the article's storage use, and when "Keep images for offline reading" is on and its host
 * permission granted, keep the article's images with the saved copy (src/library/offline-images.ts). Runs after
 * the save has answered, so saving stays as fast as before; a failure is logged, and the saved text is untouched.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import type { LibraryService } from '../library/service';
import {
  imageUrlsOf, OFFLINE_IMAGE_ORIGINS, recordStorageUse, shrinkInBrowser, storeImagesFor, textBytes, type KeptImages,
} from '../library/offline-images';
import { loadSettings } from '../settings/settings';

export interface KeepOutcome { granted: boolean; kept: number; skipped: number; bytes: number }

export async function keepOfflineCopy(browser: Browser, library: LibraryService, id: string, force = false): Promise<KeepOutcome> {
  const { body } = await library.getArticle(id);
  if (!body) return { granted: true, kept: 0, skipped: 0, bytes: 0 };
  const local = browser.storage.local;
  await recordStorageUse(local, id, { text: textBytes(body.content, body.textContent) });
  const granted = await browser.permissions.contains({ origins: OFFLINE_IMAGE_ORIGINS });
  if (!granted || (!force && !(await loadSettings()).offlineImages)) return { granted, kept: 0, skipped: 0, bytes: 0 };
  const urls = imageUrlsOf(body.content, [body.leadFigure?.src ?? body.leadImage]);
  const kept: KeptImages = await storeImagesFor(local, id, urls, {
    fetch: (url) => fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' }),
    shrink: shrinkInBrowser,
  });
  return { granted, kept: Object.keys(kept.images).length, skipped: kept.skipped.length, bytes: kept.bytes };
}

/** Fire and forget after a save (the save's own answer does not wait). */
export function keepAfterSave(browser: Browser, library: LibraryService, id: string): void {
  keepOfflineCopy(browser, library, id).catch((err: unknown) => console.warn(`Unwrap: offline copy of ${id} not completed`, err));
}
