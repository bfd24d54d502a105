/** Exports from the library page: gather (read-only), format, and download as a file. */
import { collectExport } from '../library/export/collect';
import { toCsv } from '../library/export/csv';
import { toMarkdown } from '../library/export/markdown';
import { toNetscapeHtml } from '../library/export/netscape-html';
import { dayOf } from '../library/export/types';
import { toUnwrapJson } from '../library/export/unwrap-json';

export type ExportFormat = 'json' | 'html' | 'csv' | 'markdown';

const FILES: Record<ExportFormat, { ext: string; type: string }> = {
  json: { ext: 'json', type: 'application/json' },
  html: { ext: 'html', type: 'text/html' },
  csv: { ext: 'csv', type: 'text/csv' },
  markdown: { ext: 'md', type: 'text/markdown' },
};

export async function exportLibrary(format: ExportFormat, doc: Document): Promise<number> {
  const now = Date.now();
  const { items, quarantine } = await collectExport();
  const text = format === 'json' ? toUnwrapJson(items, quarantine, now)
    : format === 'html' ? toNetscapeHtml(items, now)
    : format === 'csv' ? toCsv(items)
    : toMarkdown(items, now);
  const { ext, type } = FILES[format];
  download(doc, `unwrap-library-${dayOf(now)}.${ext}`, type, text);
  return items.length;
}

function download(doc: Document, name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
