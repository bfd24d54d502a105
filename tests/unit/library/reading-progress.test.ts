import { describe, expect, it } from 'vitest';
import { progressOf, restoreTarget } from '../../../src/reader-page/reading-progress';
import { badgeText } from '../../../src/background/badge';
import { commandFor } from '../../../src/popup/keyboard';

describe('reading progress', () => {
  it('is the scrolled fraction; a page that fits counts as read to the end', () => {
    expect(progressOf(0, 2000, 1000)).toBe(0);
    expect(progressOf(500, 2000, 1000)).toBe(0.5);
    expect(progressOf(1200, 2000, 1000)).toBe(1);
    expect(progressOf(0, 800, 1000)).toBe(1);
  });
  it('restores mid-article positions only', () => {
    expect(restoreTarget(0.5, 3000, 1000)).toBe(1000);
    expect(restoreTarget(0, 3000, 1000)).toBeNull();
    expect(restoreTarget(0.99, 3000, 1000)).toBeNull();
  });
});

describe('unread badge and keys', () => {
  it('badge text', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(12)).toBe('12');
    expect(badgeText(12_000)).toBe('999+');
  });
  it('keyboard commands; text fields keep their keys', () => {
    const k = (key: string) => ({ key, ctrlKey: false, metaKey: false, altKey: false });
    expect(commandFor(k('ArrowDown'), false)).toBe('down');
    expect(commandFor(k('Delete'), false)).toBe('delete');
    expect(commandFor(k('/'), false)).toBe('search');
    expect(commandFor(k('Enter'), false)).toBe('open');
    expect(commandFor(k('/'), true)).toBeNull();
    expect(commandFor(k('Delete'), true)).toBeNull();
    expect(commandFor(k('ArrowDown'), true)).toBe('down');
    expect(commandFor({ ...k('x'), ctrlKey: true }, false)).toBeNull();
  });
});
