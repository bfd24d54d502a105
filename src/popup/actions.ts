/** What the library page asks the background to do. Every failure is shown to the user (and logged). */
import { t } from '../i18n/t';
import type { IndexEntry, ItemPatch } from '../library/schema';
import { send } from '../messaging/client';

export interface Feedback {
  toast(message: string, undo?: () => void): void;
  error(message: string): void;
}

export function failed(feedback: Feedback) {
  return (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    console.error('Unwrap: library action failed', err);
    feedback.error(t('actionFailed', message));
  };
}

export function updateItems(feedback: Feedback, ids: readonly string[], patch: ItemPatch): Promise<void> {
  if (ids.length === 0) return Promise.resolve();
  return send('updateItems', { ids: [...ids], patch }).then(() => undefined, failed(feedback));
}

export function deleteItems(feedback: Feedback, items: readonly IndexEntry[]): Promise<void> {
  if (items.length === 0) return Promise.resolve();
  return send('deleteItems', { ids: items.map((e) => e.id) }).then(({ deleted }) => {
    const message = deleted.length === 1 ? t('deletedOne', items.find((e) => e.id === deleted[0])?.title ?? '') : t('deletedMany', deleted.length);
    feedback.toast(message, () => {
      send('restoreItems', { ids: deleted }).then(
        ({ restored }) => feedback.toast(t('restored', restored.length)),
        failed(feedback),
      );
    });
  }, failed(feedback));
}

export function openInReader(id: string): void {
  window.open(readerUrl(id), '_blank', 'noopener');
}

export function readerUrl(id: string): string {
  return `read.html?id=${encodeURIComponent(id)}`;
}
