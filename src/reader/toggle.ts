/**
 * Toggle semantics for the runtime-injected reader script. Every injection runs the script again in the same
 * isolated world; WXT invalidates the previous run's context first, which closes an open overlay. The state
 * kept on the isolated world's global tells the new run whether that just happened (then it stays closed)
 * or whether the reader was closed (then it opens).
 */
const KEY = Symbol.for('unwrap.reader.state');

interface ToggleState {
  open: boolean;
  /** Set when an open overlay was closed because a newer injection replaced its context. */
  closedByReinjection: boolean;
}

export function toggleState(global: object): ToggleState {
  const g = global as Record<symbol, ToggleState | undefined>;
  return (g[KEY] ??= { open: false, closedByReinjection: false });
}

/** Call at the start of a run: true when this injection should open the reader, false when it closed it. */
export function shouldOpen(state: ToggleState): boolean {
  if (state.closedByReinjection) {
    state.closedByReinjection = false;
    return false;
  }
  return !state.open;
}
