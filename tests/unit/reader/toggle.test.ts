import { describe, expect, it } from 'vitest';
import { toggleState } from '../../../src/reader/toggle';

describe('reader toggle across injections', () => {
  it('one state per isolated world: a second press closes the open overlay, the next opens again', () => {
    const world = {};
    const s = toggleState(world);
    expect(toggleState(world)).toBe(s); // one state per isolated world
    expect(s).toEqual({ current: null, opening: false }); // first press opens
    let closed = 0;
    s.current = { close: () => { closed++; s.current = null; } };
    // The next injection finds the open overlay and closes it (no DOM event involved: pages cannot forge this).
    toggleState(world).current?.close();
    expect(closed).toBe(1);
    expect(toggleState(world).current).toBeNull(); // the press after that opens again
  });
});
