/** Saving from the overlay. (Wired to the library in the saved-library work; absent until then.) */
import type { ReaderState } from '../reader/reader-state';
import type { SaveHooks } from '../reader/overlay';

export function saveHooksFor(_state: ReaderState): SaveHooks | undefined {
  return undefined;
}
