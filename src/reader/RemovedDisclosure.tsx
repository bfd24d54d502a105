/**
 * "Cleaned: N blocks": what was taken out, in plain words ("Sign-up box", "Related stories"), each with its first
 * words; the "Show uncleaned" / "Show cleaned" switch sits outside the collapsed list, so it stays in view.
 * Its own file: issue 15 loads it after first paint.
 */
import type { RemovedBlock } from '../extract/types';
import { t } from '../i18n/t';
import { removedLabel } from './removed-labels';

export function RemovedDisclosure({ removed, uncleaned, onToggleUncleaned }: { removed: readonly RemovedBlock[]; uncleaned: boolean; onToggleUncleaned?: (v: boolean) => void }) {
  if (removed.length === 0 && !uncleaned) return null;
  return (
    <section class="u-removed" data-unwrap="removed">
      {uncleaned ? (
        <p class="u-removed-note">{t('removedUncleaned')}</p>
      ) : (
        <details>
          <summary>{t('removedSummary', removed.length)}</summary>
          <ul>
            {removed.map((r, i) => (
              <li key={i} data-reason={r.reason}>
                <span class="u-removed-kind" data-unwrap="removed-label">{removedLabel(r.reason)}</span>
                {r.text && <q dir="auto">{r.text}</q>}
              </li>
            ))}
          </ul>
        </details>
      )}
      {onToggleUncleaned && (
        <button type="button" class="u-btn" data-unwrap-action="toggle-uncleaned" onClick={() => onToggleUncleaned(!uncleaned)}>
          {uncleaned ? t('removedShowClean') : t('removedShowOriginal')}
        </button>
      )}
    </section>
  );
}
