// @vitest-environment jsdom
// The launcher is plain DOM in a shadow root; jsdom is enough (no DOMPurify here).
import { describe, expect, it, vi } from 'vitest';
import { showLauncher } from '../../../src/launcher/launcher-ui';

describe('launcher', () => {
  it('renders an accessible, open shadow root with two buttons', () => {
    const h = showLauncher(document, { read: 'Read clean', dismiss: 'Hide on this site', via: 'Unwrap · inkl' }, () => undefined, () => undefined);
    const root = document.querySelector('unwrap-launcher')!.shadowRoot!;
    const read = root.querySelector<HTMLButtonElement>('[data-unwrap-action="read"]')!;
    const dismiss = root.querySelector<HTMLButtonElement>('[data-unwrap-action="dismiss"]')!;
    expect(read.textContent).toBe('Read clean');
    expect(read.type).toBe('button');
    expect(dismiss.getAttribute('aria-label')).toBe('Hide on this site');
    expect(root.querySelector('[role="group"]')!.getAttribute('aria-label')).toBe('Unwrap · inkl');
    h.remove();
    expect(document.querySelector('unwrap-launcher')).toBeNull();
  });

  it('ignores synthetic clicks a page script could fire', () => {
    const onRead = vi.fn();
    const onDismiss = vi.fn();
    const h = showLauncher(document, { read: 'Read clean', dismiss: 'Hide', via: 'Unwrap' }, onRead, onDismiss);
    const root = h.host.shadowRoot!;
    root.querySelector<HTMLButtonElement>('[data-unwrap-action="read"]')!.click();
    root.querySelector<HTMLButtonElement>('[data-unwrap-action="dismiss"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onRead).not.toHaveBeenCalled();
    expect(onDismiss).not.toHaveBeenCalled();
    h.remove();
  });
});
