/** The toolbar's Save / Saved button. Its own file: issue 15 loads the save UI after first paint. */
import { t } from '../i18n/t';
import { SaveIcon } from './icons';

export interface SaveControl {
  readonly saved: boolean;
  readonly busy?: boolean;
  readonly onToggle: () => void;
}

export function SaveButton({ save }: { save: SaveControl }) {
  return (
    <button type="button" class="u-btn" data-unwrap-action="save" aria-pressed={save.saved} disabled={save.busy} title={t('save')} onClick={save.onToggle}>
      <SaveIcon filled={save.saved} />
      <span class="u-label">{save.saved ? t('saved') : t('save').replace(/\s*\(.*\)$/, '')}</span>
    </button>
  );
}
