/**
 * The keys the browser actually assigned to Unwrap's commands (`commands.getAll()`): shown in the UI instead of the
 * manifest's suggestions, which a browser may leave unassigned (Chromium does when the key is taken). An empty
 * shortcut means "none": the UI then offers to set one on the browser's shortcuts page.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CommandName } from '../background/shortcuts';

export type Shortcuts = Partial<Record<CommandName, string>>;

export function useShortcuts(): Shortcuts | null {
  const [keys, setKeys] = useState<Shortcuts | null>(null);
  useEffect(() => {
    browser.commands.getAll().then(
      (all) => setKeys(Object.fromEntries(all.filter((c) => c.name).map((c) => [c.name!, c.shortcut ?? ''])) as Shortcuts),
      (err: unknown) => console.warn('Unwrap: keyboard shortcuts unknown', err),
    );
  }, []);
  return keys;
}

/** The browser's page for extension shortcuts (Firefox opens its own with `commands.openShortcutSettings`). */
export function openShortcutSettings(): void {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  const opened = typeof commands.openShortcutSettings === 'function'
    ? commands.openShortcutSettings()
    : browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  Promise.resolve(opened).then(() => window.close(), (err: unknown) => console.error('Unwrap: shortcuts page not opened', err));
}
