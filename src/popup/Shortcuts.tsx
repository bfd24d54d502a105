/**
 * The keyboard shortcuts as the browser assigned them: "Alt+Shift+U reader · Alt+Shift+S save · Alt+Shift+L
 * library", and "Set a shortcut" (the browser's shortcuts page) for each command without one.
 */
import { t, type MessageKey } from '../i18n/t';
import { COMMANDS, type CommandName } from '../background/shortcuts';
import { openShortcutSettings, type Shortcuts as Keys } from './use-shortcuts';

const LABEL: Record<CommandName, MessageKey> = { 'toggle-reader': 'shortcutReader', 'save-page': 'shortcutSave', 'open-library': 'shortcutLibrary' };

export function Shortcuts({ keys }: { keys: Keys | null }) {
  if (!keys) return null;
  const missing = COMMANDS.filter((c) => !keys[c]);
  return (
    <p class="shortcuts" data-unwrap="shortcuts">
      {COMMANDS.filter((c) => keys[c]).map((c, i) => (
        <span key={c} data-command={c}>{i > 0 ? ' · ' : ''}<kbd>{keys[c]}</kbd> {t(LABEL[c])}</span>
      ))}
      {missing.length > 0 && (
        <span data-unwrap="shortcut-missing">
          {missing.length < COMMANDS.length ? ' · ' : ''}
          {t('shortcutNone', missing.map((c) => t(LABEL[c])).join(', '))}{' '}
          <button type="button" class="link-btn" data-action="set-shortcut" onClick={openShortcutSettings}>{t('shortcutSet')}</button>
        </span>
      )}
    </p>
  );
}
