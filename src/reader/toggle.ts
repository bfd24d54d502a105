/**
 * Toggle semantics for the runtime-injected reader script. Every injection runs the script again in the same
 * isolated world, whose global pages cannot reach: the state kept there says whether an overlay is open (then the
 * new run closes it) or is still being opened (then the new run leaves it). WXT's "newer script started" signal is
 * not used for this: it is a DOM event on the page's document, so a page can dispatch it too (see reader-main.ts).
 */
const KEY = Symbol.for('unwrap.reader.state');

export interface ToggleState {
  /** The overlay this frame shows, if any. */
  current: { close(): void } | null;
  /** An overlay is being created; a press meanwhile does nothing. */
  opening: boolean;
}

export function toggleState(global: object): ToggleState {
  const g = global as Record<symbol, ToggleState | undefined>;
  return (g[KEY] ??= { current: null, opening: false });
}
