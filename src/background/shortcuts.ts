/**
 * The keyboard commands and their default keys. A browser assigns a suggested key only when it accepts it:
 * Chromium 156 leaves Alt+Shift+R (Unwrap's old default) "Not set" — `commands.getAll()` shows it empty — while
 * Firefox assigned it. These keys are assigned by both, checked in real Chromium and Firefox
 * (tests/e2e/commands.e2e.ts, tests/e2e-firefox/commands.e2e.ts).
 */
export const COMMANDS = ['toggle-reader', 'save-page', 'open-library'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const DEFAULT_SHORTCUTS: Record<CommandName, string> = {
  'toggle-reader': 'Alt+Shift+U',
  'save-page': 'Alt+Shift+S',
  'open-library': 'Alt+Shift+L',
};
