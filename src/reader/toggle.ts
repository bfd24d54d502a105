/**
 * Toggle semantics for the runtime-injected reader script. Every injection runs the script again in the same
 * isolated world, whose global pages cannot reach: the state kept there says whether an overlay is open (then the
 * new run closes it) or is still being opened (then the new run leaves it). WXT's "newer script started" signal is
 * not used for this: it is a DOM event on the page's document, so a page can dispatch it too (see reader-main.ts).
 */
const KEY = Symbol.for('unwrap.reader.state');

export type ToggleOutcome = 'opened' | 'closed' | 'unsupported';

export interface ToggleState {
  /** The overlay this frame shows, if any. */
  current: { close(): void } | null;
  /** An overlay is being created; a press meanwhile does nothing. */
  opening: boolean;
  /**
   * Set by the first run of the reader script in this document: toggles without evaluating the script again, so
   * later presses (open again, close) skip loading it. The background calls it through `toggleResident`.
   */
  toggle?: () => Promise<ToggleOutcome>;
}

/**
 * Run in the reader's isolated world by the background (`scripting.executeScript({ func })`): toggle the reader if
 * its script already runs in this document, else report `absent` so the script file is injected. Self-contained (it
 * is serialised): no imports, the state key spelled out.
 */
export function toggleResident(): Promise<ToggleOutcome | 'absent'> | 'absent' {
  const state = (globalThis as Record<symbol, { toggle?: () => Promise<ToggleOutcome> } | undefined>)[Symbol.for('unwrap.reader.state')];
  return state?.toggle ? state.toggle() : 'absent';
}

export function toggleState(global: object): ToggleState {
  const g = global as Record<symbol, ToggleState | undefined>;
  return (g[KEY] ??= { current: null, opening: false });
}
