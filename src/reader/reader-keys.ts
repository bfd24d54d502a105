/**
 * What a key does in the reader, innermost layer first (pure): Esc closes the keys help, else the settings panel;
 * only with neither open does it fall through (the overlay then closes the reader). `?` toggles the keys help.
 * Keys typed into a form control, or with Ctrl/Alt/Meta, are left alone.
 */
export type ReaderKeyAction = 'close-help' | 'close-panel' | 'toggle-help' | null;

export function readerKeyAction(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'> & { composedPath?: () => EventTarget[] },
  open: { help: boolean; panel: boolean },
): ReaderKeyAction {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  if (e.key === 'Escape') return open.help ? 'close-help' : open.panel ? 'close-panel' : null;
  if (e.key === '?') {
    const target = e.composedPath?.()[0] as { tagName?: string } | undefined;
    if (target?.tagName && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return null;
    return 'toggle-help';
  }
  return null;
}
