/**
 * "Allow Unwrap on aggregator sites": shown at the top of the library page while the browser has not granted
 * the aggregator host permissions (opt-in in Firefox MV3; withdrawable everywhere). Without them the "Read clean"
 * launcher cannot appear; the reader still opens from the toolbar. Hidden once access is granted.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../i18n/t';
import { requestAggregatorAccess, watchAggregatorAccess } from '../permissions/aggregator-access';

type Access = 'checking' | 'granted' | 'missing' | 'declined';

export function AccessPrompt() {
  const [access, setAccess] = useState<Access>('checking');
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) => {
    console.error('Unwrap: aggregator access', err);
    setError(t('accessFailed', err instanceof Error ? err.message : String(err)));
  };

  useEffect(() => watchAggregatorAccess(browser.permissions, (granted) => setAccess(granted ? 'granted' : 'missing'), fail), []);

  if (access === 'checking' || access === 'granted') return null;
  const allow = () => {
    setError(null);
    // The request must be the first thing the click does (Firefox prompts only during user input).
    requestAggregatorAccess(browser.permissions).then((granted) => setAccess(granted ? 'granted' : 'declined'), fail);
  };
  return (
    <section class="notice" role="region" aria-label={t('accessAllow')} data-unwrap="access-prompt">
      <p>{t('accessMissing')}</p>
      <button type="button" class="btn btn-primary" data-unwrap-action="allow-aggregators" onClick={allow}>{t('accessAllow')}</button>
      {access === 'declined' && <p role="status" data-unwrap="access-declined">{t('accessDeclined')}</p>}
      {error && <p role="alert" data-unwrap="access-error">{error}</p>}
    </section>
  );
}
