/** Import (any supported file, with a per-file summary and every refused row listed), export, and repair. */
import { useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { send } from '../messaging/client';
import { failed, type Feedback } from './actions';
import { exportLibrary, type ExportFormat } from './export-download';
import { importFiles, type FileImportResult } from './import-files';
import { CloseIcon } from './icons';

const SHOWN_PROBLEMS = 100;

export function TransferPanel({ feedback, onClose }: { feedback: Feedback; onClose: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [results, setResults] = useState<FileImportResult[]>([]);

  const onFiles = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    setBusy(t('importing'));
    try {
      setResults(await importFiles(files, window));
    } catch (err) {
      failed(feedback)(err);
    } finally {
      setBusy(null);
    }
  };
  const onExport = (format: ExportFormat) => {
    setBusy(t('exporting'));
    exportLibrary(format, document).then((n) => feedback.toast(t('exportDone', n)), failed(feedback)).finally(() => setBusy(null));
  };
  const onRepair = () => {
    setBusy(t('repairing'));
    send('repairLibrary', {}).then((r) => feedback.toast(t('repairDone', r.restored, r.quarantined, r.textMissing)), failed(feedback)).finally(() => setBusy(null));
  };

  return (
    <section class="panel transfer" data-unwrap="transfer-panel" aria-label={t('transferTitle')}>
      <div class="panel-head">
        <h2>{t('transferTitle')}</h2>
        <button type="button" class="icon-btn" aria-label={t('closePanel')} title={t('closePanel')} onClick={onClose}><CloseIcon /></button>
      </div>
      <label class="panel-label">
        {t('importLabel')}
        <input type="file" data-unwrap="import-file" multiple accept=".json,.csv,.html,.htm,application/json,text/csv,text/html" disabled={!!busy} onChange={(e) => void onFiles(e.currentTarget as HTMLInputElement)} />
      </label>
      <p class="hint">{t('importHelp')}</p>
      <div class="panel-label">{t('exportLabel')}</div>
      <div class="export-buttons">
        <button type="button" class="chip" data-export="json" disabled={!!busy} onClick={() => onExport('json')}>{t('exportJson')}</button>
        <button type="button" class="chip" data-export="html" disabled={!!busy} onClick={() => onExport('html')}>{t('exportHtml')}</button>
        <button type="button" class="chip" data-export="csv" disabled={!!busy} onClick={() => onExport('csv')}>CSV</button>
        <button type="button" class="chip" data-export="markdown" disabled={!!busy} onClick={() => onExport('markdown')}>Markdown</button>
      </div>
      <button type="button" class="link-btn" data-action="repair" disabled={!!busy} onClick={onRepair}>{t('repairLibrary')}</button>
      {busy && <p class="hint" role="status">{busy}</p>}
      {results.map((r) => <ImportReport key={r.file} r={r} />)}
    </section>
  );
}

function ImportReport({ r }: { r: FileImportResult }) {
  if (r.error) return <p class="report report-error" role="alert" data-unwrap="import-report">{t('importFailed', r.file, r.error)}</p>;
  return (
    <div class="report" data-unwrap="import-report" role="status">
      <p>{t('importSummary', r.file, r.added + r.filled, r.duplicates, r.invalid.length)}</p>
      {r.invalid.length > 0 && (
        <details open={r.invalid.length <= 10}>
          <summary>{t('importInvalidTitle')} ({r.invalid.length})</summary>
          <ul class="problems">
            {r.invalid.slice(0, SHOWN_PROBLEMS).map((p, i) => <li key={i}>{t('rowProblem', p.row, p.reason)} <q dir="auto">{p.excerpt}</q></li>)}
            {r.invalid.length > SHOWN_PROBLEMS && <li>…</li>}
          </ul>
        </details>
      )}
      {r.warnings.length > 0 && (
        <details>
          <summary>{t('importWarningsTitle')} ({r.warnings.length})</summary>
          <ul class="problems">
            {r.warnings.slice(0, SHOWN_PROBLEMS).map((p, i) => <li key={i}>{t('rowProblem', p.row, p.reason)}</li>)}
          </ul>
        </details>
      )}
    </div>
  );
}
