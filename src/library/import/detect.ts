/** Import any supported file: the format is recognised from the content (and the CSV header), not the file name. */
import { INSTAPAPER_COLUMNS, parseInstapaperCsv } from './instapaper-csv';
import { parseNetscapeHtml } from './netscape-html';
import { parsePocketCsv, POCKET_COLUMNS } from './pocket-csv';
import { ImportFileError, type ParsedImport } from './types';
import { parseUnwrapJson } from './unwrap-json';

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export function parseImportFile(name: string, text: string, parser: DOMParser): ParsedImport {
  if (/\.zip$/i.test(name) || text.startsWith('PK\u0003\u0004')) {
    throw new ImportFileError('This is a zip archive: unzip it first, then import the files inside (Pocket: part_000000.csv, part_000001.csv…).');
  }
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 2000);
  if (head.startsWith('{') || head.startsWith('[')) return parseUnwrapJson(text);
  if (/^<!doctype netscape|^<(?:!doctype html|html|meta|title|h1|dl|dt|ul|a)\b/i.test(head) || /<dl[\s>]/i.test(head)) {
    return parseNetscapeHtml(text, parser);
  }
  const firstLine = (head.split(/\r?\n/)[0] ?? '').toLowerCase();
  const columns = firstLine.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  if (columns.includes('time_added')) return parsePocketCsv(text);
  if (columns.includes('folder') && columns.includes('url')) return parseInstapaperCsv(text);
  throw new ImportFileError(
    `Unwrap does not recognise this file. It reads Unwrap JSON exports, bookmark HTML files, Pocket CSV (${POCKET_COLUMNS}) and Instapaper CSV (${INSTAPAPER_COLUMNS}).`,
  );
}
