/** A short message at the bottom (polite live region), optionally with Undo. Disappears after 8 seconds. */
import { useEffect } from 'preact/hooks';
import { t } from '../i18n/t';

export interface ToastState {
  readonly id: number;
  readonly message: string;
  readonly undo?: () => void;
}

export function Toast({ toast, onDone }: { toast: ToastState | null; onDone: () => void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDone, 8000);
    return () => clearTimeout(timer);
  }, [toast?.id]);
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast && (
        <div class="toast" data-unwrap="toast">
          <span>{toast.message}</span>
          {toast.undo && (
            <button type="button" class="toast-undo" data-action="undo" onClick={() => { toast.undo?.(); onDone(); }}>{t('undo')}</button>
          )}
        </div>
      )}
    </div>
  );
}
