/**
 * The empty state ("No article found here"): "Show anyway" renders the extraction of a page judged "not an
 * article" (when there is one), and "Report a page" copies a description of the page (URL, verdict, removed
 * blocks) to the clipboard and shows what it copied. Nothing is sent anywhere.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n/t';
import type { ReaderState } from './reader-state';
import { pageDiagnostic } from './diagnostic';

type Empty = Extract<ReaderState, { kind: 'empty' }>;

export function EmptyState({ state, url, onShowAnyway }: { state: Empty; url: string; onShowAnyway?: () => void }) {
  const [report, setReport] = useState<{ text: string; copied: boolean } | null>(null);
  const onReport = (e: Event) => {
    const near = e.currentTarget as HTMLElement | null;
    const text = pageDiagnostic({ url, reason: state.reason, verdict: state.verdict, removed: state.removed });
    copyText(text, near?.parentElement ?? null).then(
      () => setReport({ text, copied: true }),
      (err: unknown) => {
        console.warn('Unwrap: could not copy the page report', err);
        setReport({ text, copied: false });
      },
    );
  };
  return (
    <div class="u-empty" data-unwrap="empty" data-reason={state.reason} role="status">
      <h1 id="unwrap-title">{t('emptyTitle')}</h1>
      <p>{state.reason === 'too-large' ? t('emptyTooLarge') : t('emptyBody')}</p>
      <p class="u-empty-actions">
        {state.anyway && onShowAnyway && (
          <button type="button" class="u-btn u-btn-primary" data-unwrap-action="show-anyway" onClick={onShowAnyway}>{t('emptyShowAnyway')}</button>
        )}
        <button type="button" class="u-btn" data-unwrap-action="report" onClick={onReport}>{t('emptyReport')}</button>
      </p>
      {report && (
        <div class="u-report" data-unwrap="report">
          <p role="status">{report.copied ? t('emptyReportCopied') : t('emptyReportFailed')}</p>
          <details open={!report.copied}>
            <summary>{t('emptyReportWhat')}</summary>
            <pre data-unwrap="diagnostic" dir="ltr">{report.text}</pre>
          </details>
        </div>
      )}
    </div>
  );
}

/** The clipboard API where the page is a secure context, else the older copy command on a selected text area. */
async function copyText(text: string, near: HTMLElement | null): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch (err) {
      if (!near) throw err;
    }
  }
  if (!near) throw new Error('no clipboard API');
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  near.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('the copy command was refused');
}
