/** The reader's keys, shown with `?` (and closed with Esc or `?` again). */
import { t } from '../i18n/t';

export function KeysHelp({ canSave, canClose }: { canSave: boolean; canClose: boolean }) {
  const rows: [string, string][] = [
    ['Esc', canClose ? t('keysClose') : t('keysSettings')],
    ...(canSave ? [['S', t('keysSave')] as [string, string]] : []),
    ['?', t('keysHelp')],
  ];
  return (
    <div class="u-panel u-keys" role="dialog" aria-label={t('keysTitle')} data-unwrap="keys-help">
      <h2>{t('keysTitle')}</h2>
      <dl>
        {rows.map(([k, what]) => (
          <div key={k}><dt><kbd>{k}</kbd></dt><dd>{what}</dd></div>
        ))}
      </dl>
    </div>
  );
}
