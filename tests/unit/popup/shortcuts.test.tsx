// @vitest-environment jsdom
/** The shortcuts line shows the keys the browser assigned, and "Set a shortcut" for a command without one. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { Shortcuts } from '../../../src/popup/Shortcuts';

function shown(keys: Parameters<typeof Shortcuts>[0]['keys']): HTMLElement {
  const host = document.createElement('div');
  render(<Shortcuts keys={keys} />, host);
  return host;
}

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => key) as never);
});

describe('shortcuts line', () => {
  it('lists the assigned keys', () => {
    const el = shown({ 'toggle-reader': 'Alt+Shift+U', 'save-page': 'Alt+Shift+S', 'open-library': 'Alt+Shift+L' });
    expect([...el.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Alt+Shift+U', 'Alt+Shift+S', 'Alt+Shift+L']);
    expect(el.querySelector('[data-unwrap="shortcut-missing"]')).toBeNull();
  });

  it('offers to set a shortcut for a command the browser left without one', () => {
    const el = shown({ 'toggle-reader': '', 'save-page': 'Alt+Shift+S', 'open-library': 'Alt+Shift+L' });
    expect([...el.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Alt+Shift+S', 'Alt+Shift+L']);
    expect(el.querySelector('[data-unwrap="shortcut-missing"]')?.textContent).toContain('shortcutNone');
    expect(el.querySelector('[data-action="set-shortcut"]')).not.toBeNull();
  });

  it('shows nothing until the browser has answered', () => {
    expect(shown(null).innerHTML).toBe('');
  });
});
