/**
 * Keyboard commands of the popup and the library page (pure): ↑/↓ or j/k move, Enter opens, `e` archives, `f`
 * favourites, Delete deletes, `/` searches, x or Space selects.
 */
export type Command = 'down' | 'up' | 'first' | 'last' | 'open' | 'delete' | 'search' | 'select' | 'escape' | 'archive' | 'favourite';

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** `typing`: focus is in a text field (only ↓, Enter and Escape act there, to leave the field). */
export function commandFor(e: KeyLike, typing: boolean): Command | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (typing) return e.key === 'ArrowDown' ? 'down' : e.key === 'Escape' ? 'escape' : null;
  switch (e.key) {
    case 'ArrowDown': case 'j': return 'down';
    case 'ArrowUp': case 'k': return 'up';
    case 'Home': return 'first';
    case 'End': return 'last';
    case 'Enter': return 'open';
    case 'Delete': case 'Backspace': return 'delete';
    case '/': return 'search';
    case 'x': case ' ': return 'select';
    case 'e': return 'archive';
    case 'f': return 'favourite';
    case 'Escape': return 'escape';
    default: return null;
  }
}

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable) return true;
  return el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'file'].includes((el as HTMLInputElement).type);
}
