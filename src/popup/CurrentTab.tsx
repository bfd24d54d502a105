/**
 * The top of the popup: the current tab (title, site, "inkl page" when an aggregator was detected), Read (opens
 * the reader on that tab and closes the popup) and Save / Saved ✓ (the full text, as the overlay's Save).
 * On pages the browser forbids, both are disabled and one line says why.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { send } from '../messaging/client';
import { failed, type Feedback } from './actions';
import { BookIcon, CheckIcon, SaveIcon } from './icons';
import { useCurrentTab } from './use-current-tab';

export function CurrentTab({ feedback }: { feedback: Feedback }) {
  const [load, markSaved] = useCurrentTab();
  const [busy, setBusy] = useState<'read' | 'save' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (load.status === 'loading') return <section class="current" aria-label={t('currentTabLabel')} data-unwrap="current-tab" aria-busy="true" />;
  if (load.status === 'none') {
    return (
      <section class="current" aria-label={t('currentTabLabel')} data-unwrap="current-tab">
        <p class="current-reason" data-unwrap="current-reason">{t('currentTabNone')}</p>
      </section>
    );
  }
  const tab = load.tab;
  const disabled = tab.blocked !== null;
  const read = () => {
    setBusy('read');
    setProblem(null);
    send('openReaderInTab', { tabId: tab.id }).then((r) => {
      if (r.ok) window.close();
      else setProblem(r.message ?? t('restrictedTitle', t('restrictedOther')));
    }, failed(feedback)).finally(() => setBusy(null));
  };
  const save = () => {
    setBusy('save');
    setProblem(null);
    send('savePageFromTab', { tabId: tab.id }).then((r) => {
      markSaved(!r.linkOnly);
      feedback.toast(r.created ? t('savedThisPage', r.title) : t('alreadySaved', r.title));
    }, failed(feedback)).finally(() => setBusy(null));
  };
  return (
    <section class="current" aria-label={t('currentTabLabel')} data-unwrap="current-tab" data-aggregator={tab.aggregator ?? undefined}>
      <div class="current-text">
        <p class="current-title" dir="auto" title={tab.title} data-unwrap="current-title">{tab.title}</p>
        <p class="current-site">
          <span dir="auto">{tab.site}</span>
          {tab.aggregator && <span class="current-agg" data-unwrap="current-aggregator">{t('aggregatorDetected', tab.aggregator)}</span>}
        </p>
      </div>
      <div class="current-actions">
        <button type="button" class="btn btn-primary" data-action="read-tab" disabled={disabled || busy !== null} onClick={read}>
          <BookIcon /><span>{t('readThisPage')}</span>
        </button>
        <button type="button" class="btn" data-action="save-tab" aria-pressed={tab.saved} disabled={disabled || busy !== null || tab.saved} onClick={save}>
          {tab.saved ? <CheckIcon /> : <SaveIcon />}<span>{tab.saved ? t('savedCheck') : busy === 'save' ? t('savingPage') : t('saveTab')}</span>
        </button>
      </div>
      {tab.blocked && <p class="current-reason" data-unwrap="current-reason">{t('currentTabBlocked', tab.blocked)}</p>}
      {problem && <p class="current-reason current-error" role="alert" data-unwrap="current-problem">{problem}</p>}
    </section>
  );
}
