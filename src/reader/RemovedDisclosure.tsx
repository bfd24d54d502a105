/** "Cleaned: N blocks": what was taken out, with reasons and first words; can show the article uncleaned. */
import type { RemovedBlock } from '../extract/types';
import { t } from '../i18n/t';

export function RemovedDisclosure({ removed, uncleaned, onToggleUncleaned }: { removed: readonly RemovedBlock[]; uncleaned: boolean; onToggleUncleaned?: (v: boolean) => void }) {
  if (removed.length === 0 && !uncleaned) return null;
  return (
    <details class="u-removed" data-unwrap="removed">
      <summary>{t('removedSummary', removed.length)}</summary>
      <ul>
        {removed.map((r, i) => (
          <li key={i}>
            <code>{r.reason}</code> <q>{r.text}</q>
          </li>
        ))}
      </ul>
      {onToggleUncleaned && (
        <button type="button" class="u-btn" data-unwrap-action="toggle-uncleaned" onClick={() => onToggleUncleaned(!uncleaned)}>
          {uncleaned ? t('removedShowClean') : t('removedShowOriginal')}
        </button>
      )}
    </details>
  );
}
