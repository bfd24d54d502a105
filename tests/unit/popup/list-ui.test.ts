/** Pure parts of the popup and library UI: keys, row direction, tag counts. */
import { describe, expect, it } from 'vitest';
import { tagCounts } from '../../../src/popup/FilterBar';
import { textDir } from '../../../src/popup/format';
import { commandFor } from '../../../src/popup/keyboard';

const key = (k: string) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false });

describe('keyboard', () => {
  it('maps arrows and j/k, Enter, e, f, Delete and / to commands; modifiers and typing keep their meaning', () => {
    expect(['ArrowDown', 'j', 'ArrowUp', 'k', 'Enter', 'e', 'f', 'Delete', '/', 'x'].map((k) => commandFor(key(k), false)))
      .toEqual(['down', 'down', 'up', 'up', 'open', 'archive', 'favourite', 'delete', 'search', 'select']);
    expect(commandFor({ ...key('f'), ctrlKey: true }, false)).toBeNull();
    expect(commandFor(key('e'), true)).toBeNull();
    expect(commandFor(key('ArrowDown'), true)).toBe('down');
  });
});

describe('row direction', () => {
  it('follows the first strong character of the title', () => {
    expect(textDir('عودة قطارات الليل')).toBe('rtl');
    expect(textDir('«שלום» עולם')).toBe('rtl');
    expect(textDir('2025: the year of trains')).toBe('ltr');
    expect(textDir('123 — مرحبا')).toBe('rtl');
    expect(textDir('')).toBe('ltr');
  });
});

describe('tag filter', () => {
  it('lists every tag with its count, most used first', () => {
    expect(tagCounts([{ tags: ['b', 'a'] }, { tags: ['a'] }, { tags: [] }, { tags: ['c'] }])).toEqual([['a', 2], ['b', 1], ['c', 1]]);
  });
});
