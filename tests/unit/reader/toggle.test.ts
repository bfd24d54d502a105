import { describe, expect, it } from 'vitest';
import { shouldOpen, toggleState } from '../../../src/reader/toggle';

describe('reader toggle across injections', () => {
  it('opens when closed, stays closed after a re-injection closed it', () => {
    const world = {};
    const s = toggleState(world);
    expect(toggleState(world)).toBe(s); // one state per isolated world
    expect(shouldOpen(s)).toBe(true);
    s.open = true;
    // A new injection invalidated the previous context, which closed the overlay and said so.
    s.closedByReinjection = true;
    s.open = false;
    expect(shouldOpen(s)).toBe(false);
    expect(s.closedByReinjection).toBe(false);
    // The next press opens again.
    expect(shouldOpen(s)).toBe(true);
  });
});
