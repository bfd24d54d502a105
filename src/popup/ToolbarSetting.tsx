/** "Toolbar button: open the popup / open the reader directly" (setting `toolbarButton`; the background applies it). */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import type { ToolbarButton } from '../settings/schema';
import { loadSettings, updateSettings, watchSettings } from '../settings/settings';
import { failed, type Feedback } from './actions';

export function ToolbarSetting({ feedback }: { feedback: Feedback }) {
  const [mode, setMode] = useState<ToolbarButton | null>(null);
  useEffect(() => {
    loadSettings().then((s) => setMode(s.toolbarButton), failed(feedback));
    return watchSettings((s) => setMode(s.toolbarButton));
  }, []);
  if (!mode) return null;
  const choose = (next: ToolbarButton) => {
    setMode(next);
    updateSettings({ toolbarButton: next }).catch(failed(feedback));
  };
  return (
    <fieldset class="setting" data-unwrap="toolbar-setting">
      <legend>{t('toolbarButtonLabel')}</legend>
      <label><input type="radio" name="toolbar-button" value="popup" checked={mode === 'popup'} onChange={() => choose('popup')} /> {t('toolbarButtonPopup')}</label>
      <label><input type="radio" name="toolbar-button" value="reader" checked={mode === 'reader'} onChange={() => choose('reader')} /> {t('toolbarButtonReader')}</label>
    </fieldset>
  );
}
