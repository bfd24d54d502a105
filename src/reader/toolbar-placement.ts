/**
 * Where the reader's toolbar goes so that it never covers text (pure):
 * - `rail`: a column of round buttons in the margin beside the text, when the margin is wide enough;
 * - `bar`: a full-width bar with a background above the text, which slides away while the reader scrolls down
 *   and comes back when it scrolls up (or when focus enters it).
 */
export type ToolbarPlacement = 'rail' | 'bar';

/** Width of the rail: one 36 px button and 12 px on either side. */
export const RAIL_WIDTH = 60;

export function toolbarPlacement(viewportWidth: number, columnWidth: number): ToolbarPlacement {
  const margin = (viewportWidth - Math.min(viewportWidth, columnWidth)) / 2;
  return margin >= RAIL_WIDTH ? 'rail' : 'bar';
}

/** Bar visibility after a scroll from `last` to `top`: hidden going down past the bar, shown going up. */
export function barHiddenAfter(wasHidden: boolean, last: number, top: number, barHeight: number): boolean {
  if (top <= barHeight) return false;
  if (top > last + 2) return true;
  if (top < last - 2) return false;
  return wasHidden;
}
